package telegramtest

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"
)

func TestTextEdits(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	srv.OpenChat(alice)
	markup := &tele.ReplyMarkup{}
	markup.Inline(markup.Row(markup.Data("Далее", "next", "2")))

	sent, err := b.Send(tele.ChatID(alice.ID), "Страница <b>1</b>", tele.ModeHTML, markup)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	msg := srv.WaitForText(t, alice.ID)
	if msg.Text != "Страница 1" || msg.Source != "Страница <b>1</b>" || msg.ParseMode != "HTML" || !msg.HasButton("Далее") {
		t.Errorf("sent = %+v", msg)
	}
	if sent.Text != "Страница 1" || len(sent.Entities) != 1 || sent.Entities[0].Type != tele.EntityBold {
		t.Errorf("telebot got %q with %+v, want the visible text and a bold entity", sent.Text, sent.Entities)
	}

	if _, err := b.Edit(sent, "Страница <b>2</b>", tele.ModeHTML, markup); err != nil {
		t.Fatalf("edit: %v", err)
	}
	msg = srv.WaitForEdit(t, msg)
	if msg.Text != "Страница 2" || msg.Edits != 1 || !msg.HasButton("Далее") {
		t.Errorf("edited = %+v", msg)
	}
	if _, err := b.Edit(sent, "Страница <b>2</b>", tele.ModeHTML, markup); !errors.Is(err, tele.ErrSameMessageContent) {
		t.Errorf("identical edit: %v, want ErrSameMessageContent", err)
	}

	if _, err := b.EditReplyMarkup(sent, nil); err != nil {
		t.Fatalf("remove keyboard: %v", err)
	}
	msg = srv.WaitForEdit(t, msg)
	if len(msg.Buttons()) != 0 || msg.Text != "Страница 2" {
		t.Errorf("after removing the keyboard: %+v", msg)
	}
	if _, err := b.EditReplyMarkup(sent, nil); !errors.Is(err, tele.ErrSameMessageContent) {
		t.Errorf("removing it again: %v, want ErrSameMessageContent", err)
	}

	reply := srv.ReplyTo(alice, msg, "спасибо")
	if reply.ReplyToID != msg.ID || reply.FromBot {
		t.Errorf("reply = %+v", reply)
	}
	if err := b.Delete(sent); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if got := srv.Messages(alice.ID); len(got) != 1 || got[0].ID != reply.ID {
		t.Errorf("messages after delete = %+v, want only the reply", got)
	}
}

// TestReplyKeyboards checks that telebot's reply keyboards and their
// removal pass validation and leave no inline buttons on the message.
func TestReplyKeyboards(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	srv.OpenChat(alice)
	menu := &tele.ReplyMarkup{ResizeKeyboard: true, OneTimeKeyboard: true}
	menu.Reply(menu.Row(menu.Text("Да"), menu.Contact("Телефон")), menu.Row(menu.Location("Где я")))
	if _, err := b.Send(tele.ChatID(alice.ID), "Выберите", menu); err != nil {
		t.Fatalf("send reply keyboard: %v", err)
	}
	if _, err := b.Send(tele.ChatID(alice.ID), "Готово", &tele.ReplyMarkup{RemoveKeyboard: true}); err != nil {
		t.Fatalf("remove reply keyboard: %v", err)
	}
	if _, err := b.Send(tele.ChatID(alice.ID), "Ответ", &tele.ReplyMarkup{ForceReply: true, Placeholder: "текст"}); err != nil {
		t.Fatalf("force reply: %v", err)
	}
	for _, m := range srv.Messages(alice.ID) {
		if len(m.Buttons()) != 0 {
			t.Errorf("message %q has inline buttons %v", m.Text, m.Buttons())
		}
	}
}

func TestChatsAndMenus(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	srv.SendText(alice, "hi")

	chat, err := b.ChatByID(alice.ID)
	if err != nil || chat.Type != tele.ChatPrivate || chat.FirstName != "Alice" || chat.Username != "alice" {
		t.Errorf("getChat = %+v, %v", chat, err)
	}
	scope := tele.CommandScope{Type: tele.CommandScopeChat, ChatID: alice.ID}
	if err := b.SetCommands([]tele.Command{{Text: "crm", Description: "CRM"}}, scope, "en"); err != nil {
		t.Fatalf("set commands: %v", err)
	}
	if got := srv.CommandsInScope("chat:1", "en"); len(got) != 1 || got[0] != (Command{"crm", "CRM"}) {
		t.Errorf("commands in scope = %v", got)
	}
	if got := srv.Commands("en"); len(got) != 0 {
		t.Errorf("default scope = %v, want none", got)
	}
	if got, err := b.Commands(scope, "en"); err != nil || len(got) != 1 {
		t.Errorf("getMyCommands = %v, %v", got, err)
	}
	if err := b.DeleteCommands(scope, "en"); err != nil {
		t.Fatalf("delete commands: %v", err)
	}
	if got := srv.CommandsInScope("chat:1", "en"); len(got) != 0 {
		t.Errorf("after delete = %v", got)
	}
}

func TestGroupCommands(t *testing.T) {
	srv := NewServer(t)
	group := Chat{ID: -77, Title: "Руководство"}
	startBot(t, srv, func(b *tele.Bot) {
		b.Handle("/report", func(c tele.Context) error {
			return c.Reply("Отчёт для " + c.Sender().FirstName)
		})
	})
	srv.AddBotToGroup(group, bob)
	srv.SendTextInChat(group, alice, "/report@other_bot")
	srv.SendTextInChat(group, bob, "/report@processet_test_bot")
	if got := srv.WaitForText(t, group.ID); got.Text != "Отчёт для Bob" {
		t.Errorf("group reply = %q, want the one for Bob only", got.Text)
	}
}

func TestWaitFailuresExplain(t *testing.T) {
	srv := NewServer(t, WithTimeout(50*time.Millisecond))
	b := newClient(t, srv)
	srv.SendText(alice, "/start")
	markup := &tele.ReplyMarkup{}
	markup.Inline(markup.Row(markup.Data("Далее", "next")))
	if _, err := b.Send(tele.ChatID(alice.ID), "Меню", markup); err != nil {
		t.Fatalf("send: %v", err)
	}
	msg := srv.WaitForMessage(t, alice.ID)

	tests := []struct {
		name string
		f    func(tb testing.TB)
		want []string
	}{
		{"photo", func(tb testing.TB) { srv.WaitForPhoto(tb, alice.ID) },
			[]string{"no new bot photo in chat 1", "private chat 1 with Alice received", `#1 user Alice: text "/start"`, `#2 bot: text "Меню"`}},
		{"edit", func(tb testing.TB) { srv.WaitForEdit(tb, msg) }, []string{"no edit of message 2"}},
		{"button", func(tb testing.TB) { srv.Press(tb, alice, msg, "Назад") },
			[]string{`Press "Назад"`, `it shows ["Далее"→"\fnext"]`}},
		{"callback", func(tb testing.TB) { srv.WaitForCallbackAnswer(tb, "1") }, []string{`no callback query "1" was sent`}},
	}
	for _, tt := range tests {
		got := fatal(t, tt.f)
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: failure %q does not contain %q", tt.name, got, want)
			}
		}
	}
}

// TestConcurrentBot sends from many goroutines, as the bot's jobs do, while
// the test reads the state; run with -race.
func TestConcurrentBot(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	chart := testPNG(t, 8, 8, color.Black)
	users := make([]User, 8)
	for i := range users {
		users[i] = User{ID: int64(10 + i), FirstName: fmt.Sprint("User", i)}
		srv.OpenChat(users[i])
	}
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 {
				if _, err := b.Send(tele.ChatID(u.ID), fmt.Sprintf("Сообщение %d", i)); err != nil {
					t.Errorf("send to %d: %v", u.ID, err)
				}
			}
			if _, err := b.Send(tele.ChatID(u.ID), &tele.Photo{File: tele.FromReader(bytes.NewReader(chart))}); err != nil {
				t.Errorf("photo to %d: %v", u.ID, err)
			}
		}()
	}
	for range 20 {
		_ = srv.Stats()
		_ = srv.Messages(users[0].ID)
		_ = srv.Calls("sendMessage")
	}
	for _, u := range users {
		srv.WaitForPhoto(t, u.ID)
	}
	wg.Wait()
	st := srv.Stats()
	for _, u := range users {
		if st.Delivered[u.ID] != 4 {
			t.Errorf("chat %d got %d messages, want 4", u.ID, st.Delivered[u.ID])
		}
	}
}
