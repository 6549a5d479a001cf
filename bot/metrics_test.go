package bot

import (
	"context"
	"errors"
	"fmt"
	"testing"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// TestRoute: updates are named by the registered command or button kind,
// and anything else by a fixed word, so the handler label stays small
// whatever users send.
func TestRoute(t *testing.T) {
	b, err := tele.NewBot(tele.Settings{Token: "1:T", Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	h := New(b, nil, nil, nil, nil, nil, Config{})
	from := &tele.User{ID: 7}
	msg := func(text string) tele.Update {
		return tele.Update{ID: 1, Message: &tele.Message{Sender: from, Chat: &tele.Chat{ID: 7}, Text: text}}
	}
	press := func(unique string) tele.Update {
		return tele.Update{ID: 2, Callback: &tele.Callback{Sender: from, Unique: unique}}
	}
	for _, c := range []struct {
		u    tele.Update
		want string
	}{
		{msg("/tasks"), "/tasks"},
		{msg("/tasks@processet_bot"), "/tasks"},
		{msg("/task Позвонить завтра"), "/task"},
		{msg("/whatever-users-type"), "text"},
		{msg("купить молоко"), "text"},
		{tele.Update{Message: &tele.Message{Sender: from, Document: &tele.Document{}}}, "document"},
		{press(btnTask.Unique), "btn:task"},
		{press(btnMiningProc.Unique), "btn:mine_proc"},
		{press("forged"), "callback"},
		{press(""), "callback"},
		{tele.Update{ID: 3}, "other"},
	} {
		if got := h.route(b.NewContext(c.u)); got != c.want {
			t.Errorf("route of %+v: got %q, want %q", c.u.Message, got, c.want)
		}
	}
}

func TestErrorKind(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{domain.ErrNotFound, "not_found"},
		{fmt.Errorf("save: %w", domain.NewError(domain.Conflict, domain.ErrKeyInvalid)), "conflict"},
		{fmt.Errorf("%w: boom", errPanic), "panic"},
		{fmt.Errorf("send: %w", tele.FloodError{RetryAfter: 3}), "telegram_429"},
		{fmt.Errorf("query: %w", context.DeadlineExceeded), "timeout"},
		{errors.New("connection refused"), "internal"},
	} {
		if got := ErrorKind(c.err); got != c.want {
			t.Errorf("%v: got %q, want %q", c.err, got, c.want)
		}
	}
}
