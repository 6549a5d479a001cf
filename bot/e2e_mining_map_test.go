package bot_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/mining/eventlog/eventlogtest"
)

// openProcessCard recomputes the imported log and walks u from /mining to
// the first process's card.
func openProcessCard(t *testing.T, tg *telegramtest.Server, a *apptest.App, u telegramtest.User) *telegramtest.Message {
	t.Helper()
	if _, err := importLog(t, a).Recompute(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	tg.SendText(u, "/mining")
	dash := tg.WaitForPhoto(t, u.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, u, dash, "🔍 Исследовать"))
	list := tg.WaitForText(t, u.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, u, list, "1"))
	return tg.WaitForEdit(t, list)
}

// deleted reports whether msg is gone from the chat.
func deleted(tg *telegramtest.Server, msg *telegramtest.Message) bool {
	for _, m := range tg.Messages(msg.ChatID) {
		if m.ID == msg.ID {
			return false
		}
	}
	return true
}

// TestMiningMap: card → map → more detail → less → durations → back to
// the card, with the picture edited in place and a repeat drawn once.
func TestMiningMap(t *testing.T) {
	tg, a := start(t)
	card := openProcessCard(t, tg, a, admin)
	name := strings.SplitN(card.Text, "\n", 2)[0]

	drawn := len(tg.ChatActions(admin.ID)) // the dashboard's
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "🗺 Карта процесса"))
	m := tg.WaitForPhoto(t, admin.ID)
	for _, want := range []string{"🗺 " + name, "Карта процесса · частоты · детали 2 из 5", "Показано действий: ", "толще стрелка", "Рассчитано "} {
		if !strings.Contains(m.Caption, want) {
			t.Errorf("map caption lacks %q:\n%s", want, m.Caption)
		}
	}
	if !bytes.HasPrefix(m.PhotoPNG, []byte("\x89PNG")) {
		t.Fatalf("the map is no PNG: %d bytes", len(m.PhotoPNG))
	}
	if !slices.Contains(tg.ChatActions(admin.ID), "upload_photo") {
		t.Errorf("no «sending a photo» while drawing: %v", tg.ChatActions(admin.ID))
	}
	testwait.Eventually(t, "the card gives its place to the map", func() bool { return deleted(tg, card) })
	if m.HasButton("➖ Меньше деталей") == false || !m.HasButton("➕ Больше деталей") || !m.HasButton("✓ 🔢 Частоты") || !m.HasButton("⏱ Длительности") {
		t.Errorf("map buttons: %v", m.Buttons())
	}
	first := m.PhotoPNG

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "➕ Больше деталей"))
	more := tg.WaitForEdit(t, m)
	if !strings.Contains(more.Caption, "детали 3 из 5") || bytes.Equal(more.PhotoPNG, first) {
		t.Errorf("more detail: %q, same picture %v", more.Caption, bytes.Equal(more.PhotoPNG, first))
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, more, "➖ Меньше деталей"))
	less := tg.WaitForEdit(t, more)
	if !strings.Contains(less.Caption, "детали 2 из 5") || !bytes.Equal(less.PhotoPNG, first) {
		t.Errorf("less detail: %q, the first picture %v", less.Caption, bytes.Equal(less.PhotoPNG, first))
	}
	// The repeat came from the cache, by Telegram's file_id: no upload.
	edits := tg.Calls("editMessageMedia")
	if media := edits[len(edits)-1].Params["media"]; !strings.Contains(media, `"media":"fake-photo-`) {
		t.Errorf("the repeated map was uploaded again: %s", media)
	}
	if n := len(tg.ChatActions(admin.ID)) - drawn; n != 2 {
		t.Errorf("%d pictures drawn for two distinct maps", n)
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, less, "⏱ Длительности"))
	dur := tg.WaitForEdit(t, less)
	if !strings.Contains(dur.Caption, "Карта процесса · длительности · детали 2 из 5") || !strings.Contains(dur.Caption, "среднее время") ||
		!dur.HasButton("✓ ⏱ Длительности") {
		t.Errorf("durations: %q %v", dur.Caption, dur.Buttons())
	}

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dur, "◀ К процессу"))
	back := tg.WaitForText(t, admin.ID)
	if back.Text != card.Text || !back.HasButton("🗺 Карта процесса") {
		t.Errorf("back to the card reads:\n%s", back.Text)
	}
	testwait.Eventually(t, "the map gives its place to the card", func() bool { return deleted(tg, dur) })
	tg.AssertAllCallbacksAnswered(t)
}

// TestMiningMapWithoutGraphviz: with no dot the map is text, the main
// path as arrows, saying what is missing; /status says it too.
func TestMiningMapWithoutGraphviz(t *testing.T) {
	tg := telegramtest.NewServer(t)
	tg.OpenChat(admin)
	a := apptest.Start(t, apptest.Config{TelegramURL: tg.URL, Admins: []int64{admin.ID}, Demo: true, DotPath: "/nonexistent/graphviz/dot"})
	card := openProcessCard(t, tg, a, admin)

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "🗺 Карта процесса"))
	m := tg.WaitForEdit(t, card)
	for _, want := range []string{"детали 2 из 5", "не установлен Graphviz", "Основной путь", "Начало → " + eventlogtest.ActivityName(0),
		" → Конец", "Частые переходы", " раз", "apt-get install graphviz"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text map lacks %q:\n%s", want, m.Text)
		}
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, m, "➕ Больше деталей"))
	more := tg.WaitForEdit(t, m)
	if !strings.Contains(more.Text, "детали 3 из 5") {
		t.Errorf("more detail:\n%s", more.Text)
	}
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, more, "⏱ Длительности"))
	if dur := tg.WaitForEdit(t, more); !strings.Contains(dur.Text, "длительности") {
		t.Errorf("durations:\n%s", dur.Text)
	}
	if n := len(tg.Calls("sendPhoto")) - 1; n != 0 { // the dashboard is the one photo
		t.Errorf("%d map pictures sent without Graphviz", n)
	}

	tg.SendText(admin, "/status")
	if st := tg.WaitForText(t, admin.ID); !strings.Contains(st.Text, "Graphviz не установлен") {
		t.Errorf("/status:\n%s", st.Text)
	}
	tg.AssertAllCallbacksAnswered(t)
}
