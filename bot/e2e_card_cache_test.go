package bot_test

import (
	"strings"
	"testing"

	"processet/internal/telegramtest"
)

// uploaded reports whether a sendPhoto or editMessageMedia call carried
// the picture itself rather than a file_id.
func uploaded(c telegramtest.Call) bool {
	if c.Method == "editMessageMedia" {
		return strings.Contains(c.Params["media"], "attach://")
	}
	return strings.HasPrefix(c.Params["photo"], "<file")
}

// TestUnchangedCardIsSentByFileID: a card whose data has not changed is
// neither drawn nor uploaded again, in a new message or an edit; a change
// of the data draws and uploads a new picture, and the caption always
// says the figures of the moment.
func TestUnchangedCardIsSentByFileID(t *testing.T) {
	tg, _ := start(t)
	tg.SendText(admin, "/tasks")
	first := tg.WaitForPhoto(t, admin.ID)
	tg.SendText(admin, "/tasks")
	second := tg.WaitForPhoto(t, admin.ID)
	sends := tg.Calls("sendPhoto")
	if len(sends) != 2 || !uploaded(sends[0]) || uploaded(sends[1]) {
		t.Fatalf("sendPhoto calls %v: want an upload, then the same picture by file_id", sends)
	}
	if !strings.Contains(sends[1].Params["photo"], "fake-photo-") {
		t.Errorf("second card sent as %s, want the first upload's file_id", sends[1].Params["photo"])
	}
	if string(first.PhotoPNG) != string(second.PhotoPNG) {
		t.Error("the second card shows another picture")
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, second, "🔄 Обновить"))
	if edits := tg.Calls("editMessageMedia"); len(edits) != 1 || uploaded(edits[0]) {
		t.Fatalf("refresh of unchanged data: editMessageMedia calls %v, want one by file_id", edits)
	}

	tg.SendText(admin, "/task Проверить кэш карточек завтра")
	tg.WaitForText(t, admin.ID)
	tg.SendText(admin, "/tasks")
	third := tg.WaitForPhoto(t, admin.ID)
	sends = tg.Calls("sendPhoto")
	if len(sends) != 3 || !uploaded(sends[2]) {
		t.Fatalf("card after a new task sent as %v, want a new upload", sends[len(sends)-1].Params["photo"])
	}
	if string(third.PhotoPNG) == string(first.PhotoPNG) {
		t.Error("a new task left the tasks card's picture as it was")
	}
	if third.Caption == first.Caption {
		t.Error("a new task left the caption as it was")
	}
}
