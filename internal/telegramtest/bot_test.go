package telegramtest

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"sync"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/internal/testwait"
)

var (
	alice = User{ID: 1, FirstName: "Alice", Username: "alice", LanguageCode: "ru"}
	bob   = User{ID: 2, FirstName: "Bob", LanguageCode: "en"}
)

// testPNG draws a w×h image of one colour, standing in for a chart.
func testPNG(t testing.TB, w, h int, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// botErrors collects the errors a bot's handlers return, since t.Logf may
// not be used once a test is over and the bot still running.
type botErrors struct {
	mu   sync.Mutex
	errs []error
}

func (e *botErrors) add(err error, _ tele.Context) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.errs = append(e.errs, err)
}

func (e *botErrors) list() []error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]error(nil), e.errs...)
}

// startBot runs a real telebot bot against srv until the test ends; setup
// registers its handlers.
func startBot(t *testing.T, srv *Server, setup func(b *tele.Bot)) (*tele.Bot, *botErrors) {
	t.Helper()
	errs := &botErrors{}
	b, err := tele.NewBot(tele.Settings{
		URL:     srv.URL,
		Token:   "123:TEST",
		Poller:  &tele.LongPoller{Timeout: time.Second},
		OnError: errs.add,
	})
	if err != nil {
		t.Fatalf("new bot: %v", err)
	}
	setup(b)
	go b.Start()
	t.Cleanup(b.Stop)
	return b, errs
}

// TestConversation plays the whole loop the project's end-to-end tests rely
// on: a command, a photo with buttons, presses that edit it, answers.
func TestConversation(t *testing.T) {
	srv := NewServer(t)
	chart1 := testPNG(t, 40, 20, color.White)
	chart2 := testPNG(t, 40, 20, color.Black)
	var (
		btnCRM   = tele.Btn{Unique: "crm", Text: "CRM Сделки"}
		btnTasks = tele.Btn{Unique: "tasks", Text: "Задачи", Data: "7"}
		btnSite  = tele.Btn{Text: "Сайт", URL: "https://example.com"}
	)
	keyboard := func() *tele.ReplyMarkup {
		m := &tele.ReplyMarkup{}
		m.Inline(m.Row(btnCRM, btnTasks), m.Row(btnSite))
		return m
	}
	_, errs := startBot(t, srv, func(b *tele.Bot) {
		if err := b.SetCommands([]tele.Command{{Text: "start", Description: "Главная"}}, "ru"); err != nil {
			t.Errorf("set commands: %v", err)
		}
		b.Handle("/start", func(c tele.Context) error {
			if err := c.Notify(tele.UploadingPhoto); err != nil {
				return err
			}
			photo := &tele.Photo{File: tele.FromReader(bytes.NewReader(chart1)), Caption: "<b>Главная</b> для <i>вас</i> &amp; команды"}
			return c.Send(photo, tele.ModeHTML, keyboard())
		})
		b.Handle(&btnCRM, func(c tele.Context) error {
			photo := &tele.Photo{File: tele.FromReader(bytes.NewReader(chart2)), Caption: "<b>CRM</b>"}
			if err := c.Edit(photo, tele.ModeHTML, keyboard()); err != nil {
				return err
			}
			return c.Respond(&tele.CallbackResponse{Text: "Готово"})
		})
		b.Handle(&btnTasks, func(c tele.Context) error {
			if err := c.EditCaption("Задачи: <b>"+c.Data()+"</b>", tele.ModeHTML, keyboard()); err != nil {
				return err
			}
			// The same edit again changes nothing; Telegram says so, and
			// telebot turns it into ErrSameMessageContent.
			err := c.EditCaption("Задачи: <b>"+c.Data()+"</b>", tele.ModeHTML, keyboard())
			if !errors.Is(err, tele.ErrSameMessageContent) {
				return fmt.Errorf("second edit: got %v, want ErrSameMessageContent", err)
			}
			return c.Respond(&tele.CallbackResponse{Text: "Задачи", ShowAlert: true})
		})
	})

	srv.SendText(alice, "/start")
	msg := srv.WaitForPhoto(t, alice.ID)
	if got, want := msg.Caption, "Главная для вас & команды"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
	if !bytes.Equal(msg.PhotoPNG, chart1) {
		t.Errorf("photo differs from the upload")
	}
	if !msg.HasButton("CRM Сделки") || !msg.HasButton("Сайт") {
		t.Errorf("buttons = %v, want CRM Сделки and Сайт", msg.Buttons())
	}
	if got, want := msg.Buttons()[0][1].Data, "\ftasks|7"; got != want {
		t.Errorf("tasks button data = %q, want %q", got, want)
	}
	if got := srv.ChatActions(alice.ID); len(got) != 1 || got[0] != "upload_photo" {
		t.Errorf("chat actions = %v, want [upload_photo]", got)
	}

	id := srv.Press(t, alice, msg, "CRM Сделки")
	edited := srv.WaitForEdit(t, msg)
	if !bytes.Equal(edited.PhotoPNG, chart2) || edited.Caption != "CRM" {
		t.Errorf("after CRM: caption %q, new photo %v", edited.Caption, bytes.Equal(edited.PhotoPNG, chart2))
	}
	if got := srv.WaitForCallbackAnswer(t, id); got.Text != "Готово" || got.ShowAlert {
		t.Errorf("CRM answer = %+v", got)
	}

	id = srv.Press(t, alice, edited, "Задачи")
	edited = srv.WaitForEdit(t, edited)
	if got, want := edited.Caption, "Задачи: 7"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
	if got := srv.WaitForCallbackAnswer(t, id); got.Text != "Задачи" || !got.ShowAlert {
		t.Errorf("tasks answer = %+v", got)
	}
	srv.AssertAllCallbacksAnswered(t)

	if got := srv.Commands("ru"); len(got) != 1 || got[0].Command != "start" {
		t.Errorf("commands = %v", got)
	}
	if n := len(srv.Calls("editMessageCaption")); n != 2 {
		t.Errorf("editMessageCaption calls = %d, want 2", n)
	}
	if got := srv.Messages(alice.ID); len(got) != 2 || got[0].Text != "/start" || !got[1].FromBot {
		t.Errorf("messages = %+v", got)
	}
	for _, err := range errs.list() {
		t.Errorf("bot error: %v", err)
	}
}

// TestDocumentsAndGroups covers files the user sends, photo re-use by
// file_id, replies, deletion and groups.
func TestDocumentsAndGroups(t *testing.T) {
	srv := NewServer(t)
	group := Chat{ID: -100, Title: "Отдел продаж"}
	chart := testPNG(t, 10, 10, color.White)
	_, errs := startBot(t, srv, func(b *tele.Bot) {
		b.Handle(tele.OnDocument, func(c tele.Context) error {
			doc := c.Message().Document
			rc, err := b.File(&doc.File)
			if err != nil {
				return err
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				return err
			}
			first := &tele.Photo{File: tele.FromReader(bytes.NewReader(chart))}
			if err := c.Send(first); err != nil {
				return err
			}
			again := &tele.Photo{File: tele.File{FileID: first.FileID}, Caption: "снова"}
			if err := c.Send(again); err != nil {
				return err
			}
			return c.Reply(fmt.Sprintf("%s: %d байт", doc.FileName, len(data)))
		})
		b.Handle(tele.OnAddedToGroup, func(c tele.Context) error {
			return c.Send("Привет, " + c.Chat().Title)
		})
		b.Handle("/hide", func(c tele.Context) error {
			return c.Delete()
		})
	})

	sent := srv.SendDocument(alice, "leads.csv", []byte("id,name\n1,Acme\n"), "выгрузка")
	p1 := srv.WaitForPhoto(t, alice.ID)
	p2 := srv.WaitForPhoto(t, alice.ID)
	if !bytes.Equal(p1.PhotoPNG, p2.PhotoPNG) || p2.Caption != "снова" {
		t.Errorf("re-sent photo: same bytes %v, caption %q", bytes.Equal(p1.PhotoPNG, p2.PhotoPNG), p2.Caption)
	}
	reply := srv.WaitForText(t, alice.ID)
	if got, want := reply.Text, "leads.csv: 15 байт"; got != want || reply.ReplyToID != sent.ID {
		t.Errorf("reply = %q to %d, want %q to %d", got, reply.ReplyToID, want, sent.ID)
	}

	hide := srv.SendText(alice, "/hide")
	testwait.Eventually(t, "deleteMessage", func() bool { return len(srv.Calls("deleteMessage")) > 0 })
	for _, m := range srv.Messages(alice.ID) {
		if m.ID == hide.ID {
			t.Errorf("message %d still shown after deleteMessage", hide.ID)
		}
	}

	srv.AddBotToGroup(group, bob)
	if got := srv.WaitForText(t, group.ID); got.Text != "Привет, Отдел продаж" {
		t.Errorf("group greeting = %q", got.Text)
	}
	for _, err := range errs.list() {
		t.Errorf("bot error: %v", err)
	}
}
