package telegramtest

import (
	"errors"
	"strings"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"
)

// newClient returns a telebot bot that only sends: these tests need no poller.
func newClient(t *testing.T, srv *Server) *tele.Bot {
	t.Helper()
	b, err := tele.NewBot(tele.Settings{URL: srv.URL, Token: "123:TEST", Poller: &tele.LongPoller{}})
	if err != nil {
		t.Fatalf("new bot: %v", err)
	}
	return b
}

func TestFailNext(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	srv.OpenChat(alice)

	srv.FailNext("sendMessage", 429, 3)
	srv.FailNext("sendMessage", 403, 0)
	srv.FailNext("SENDMESSAGE", 500, 0)
	_, err := b.Send(tele.ChatID(alice.ID), "one")
	var flood tele.FloodError
	if !errors.As(err, &flood) || flood.RetryAfter != 3 {
		t.Errorf("first send: %v, want a FloodError with RetryAfter 3", err)
	}
	if _, err := b.Send(tele.ChatID(alice.ID), "two"); !errors.Is(err, tele.ErrBlockedByUser) {
		t.Errorf("second send: %v, want ErrBlockedByUser", err)
	}
	if _, err := b.Send(tele.ChatID(alice.ID), "three"); err == nil || !strings.Contains(err.Error(), "Internal Server Error") {
		t.Errorf("third send: %v, want Internal Server Error", err)
	}
	if _, err := b.Send(tele.ChatID(alice.ID), "four"); err != nil {
		t.Errorf("fourth send: %v", err)
	}
	st := srv.Stats()
	if st.TooManyRequests != 1 || st.Delivered[alice.ID] != 1 || st.Requests != 5 {
		t.Errorf("stats = %+v, want 1 429, 1 delivered, 5 requests (getMe included)", st)
	}
}

func TestMigrateNext(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	group := Chat{ID: -42, Title: "Продажи"}
	srv.AddBotToGroup(group, bob)
	srv.MigrateNext(group.ID, -1000000000042)

	_, err := b.Send(tele.ChatID(group.ID), "report")
	var moved tele.GroupError
	if !errors.As(err, &moved) || moved.MigratedTo != -1000000000042 {
		t.Fatalf("send to the old group: %v, want a GroupError to -1000000000042", err)
	}
	if _, err := b.Send(tele.ChatID(moved.MigratedTo), "report"); err != nil {
		t.Fatalf("send to the supergroup: %v", err)
	}
	if got := srv.WaitForText(t, moved.MigratedTo); got.Text != "report" {
		t.Errorf("supergroup got %q", got.Text)
	}
}

func TestUsersWhoCannotBeReached(t *testing.T) {
	srv := NewServer(t)
	b := newClient(t, srv)
	carol := User{ID: 3, FirstName: "Carol"}

	if _, err := b.Send(tele.ChatID(carol.ID), "hi"); !errors.Is(err, tele.ErrNotStartedByUser) {
		t.Errorf("send before the user started the bot: %v, want ErrNotStartedByUser", err)
	}
	srv.OpenChat(carol)
	if _, err := b.Send(tele.ChatID(carol.ID), "hi"); err != nil {
		t.Errorf("send after OpenChat: %v", err)
	}
	srv.BlockBot(carol)
	if _, err := b.Send(tele.ChatID(carol.ID), "hi again"); !errors.Is(err, tele.ErrBlockedByUser) {
		t.Errorf("send after BlockBot: %v, want ErrBlockedByUser", err)
	}
}

func TestRateLimitedServer(t *testing.T) {
	srv := NewServer(t, WithRateLimits())
	b := newClient(t, srv)
	srv.OpenChat(alice)
	srv.OpenChat(bob)

	if _, err := b.Send(tele.ChatID(alice.ID), "one"); err != nil {
		t.Fatalf("first send: %v", err)
	}
	_, err := b.Send(tele.ChatID(alice.ID), "two")
	var flood tele.FloodError
	if !errors.As(err, &flood) || flood.RetryAfter != 1 {
		t.Errorf("second send within a second: %v, want retry after 1", err)
	}
	if _, err := b.Send(tele.ChatID(bob.ID), "one"); err != nil {
		t.Errorf("another chat is not limited: %v", err)
	}
	if err := b.Notify(tele.ChatID(alice.ID), tele.Typing); err != nil {
		t.Errorf("chat actions are not limited: %v", err)
	}
	if st := srv.Stats(); st.TooManyRequests != 1 {
		t.Errorf("stats = %+v, want one 429", st)
	}
}

func TestLimiter(t *testing.T) {
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	t.Run("30 a second overall", func(t *testing.T) {
		l := &limiter{chats: map[int64][]time.Time{}}
		for i := range globalPerSecond {
			if _, ok := l.admit(int64(100+i), start.Add(time.Duration(i)*time.Millisecond)); !ok {
				t.Fatalf("send %d refused", i)
			}
		}
		if retry, ok := l.admit(999, start.Add(500*time.Millisecond)); ok || retry != 1 {
			t.Errorf("31st send in a second: ok %v, retry %d", ok, retry)
		}
		if _, ok := l.admit(999, start.Add(1100*time.Millisecond)); !ok {
			t.Errorf("send after the second refused")
		}
	})
	t.Run("one a second per chat", func(t *testing.T) {
		l := &limiter{chats: map[int64][]time.Time{}}
		l.admit(1, start)
		if _, ok := l.admit(1, start.Add(999*time.Millisecond)); ok {
			t.Errorf("second send within a second admitted")
		}
		if _, ok := l.admit(1, start.Add(time.Second)); !ok {
			t.Errorf("send after a second refused")
		}
	})
	t.Run("20 a minute per group", func(t *testing.T) {
		l := &limiter{chats: map[int64][]time.Time{}}
		at := start
		for i := range groupPerMinute {
			at = start.Add(time.Duration(i) * 2 * time.Second)
			if _, ok := l.admit(-5, at); !ok {
				t.Fatalf("group send %d refused", i)
			}
		}
		retry, ok := l.admit(-5, at.Add(2*time.Second))
		if ok || retry != 20 {
			t.Errorf("21st group send in a minute: ok %v, retry %d, want retry 20", ok, retry)
		}
		if _, ok := l.admit(-5, start.Add(time.Minute)); !ok {
			t.Errorf("group send a minute after the first refused")
		}
	})
}
