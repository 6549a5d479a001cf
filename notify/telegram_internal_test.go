package notify

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"
)

// TestClassify feeds telebot the answers Telegram gives, over HTTP, and
// checks what the outbox makes of the errors telebot returns.
func TestClassify(t *testing.T) {
	var answer struct {
		code   int
		desc   string
		params map[string]any
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(answer.code)
		if answer.code == http.StatusOK {
			_, _ = w.Write([]byte(`{"ok":true,"result":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}}}`))
			return
		}
		body := map[string]any{"ok": false, "error_code": answer.code, "description": answer.desc}
		if answer.params != nil {
			body["parameters"] = answer.params
		}
		_ = json.NewEncoder(w).Encode(body)
	}))
	defer srv.Close()
	bot, err := tele.NewBot(tele.Settings{URL: srv.URL, Token: "123:TEST", Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code   int
		desc   string
		params map[string]any
		want   verdict
	}{
		{200, "", nil, verdict{outcome: outcomeDelivered}},
		{403, "Forbidden: bot was blocked by the user", nil, verdict{outcome: outcomeUnreachable, code: CodeBlocked}},
		{403, "Forbidden: bot was kicked from the group chat", nil, verdict{outcome: outcomeUnreachable, code: CodeKicked}},
		{403, "Forbidden: bot was kicked from the supergroup chat", nil, verdict{outcome: outcomeUnreachable, code: CodeKicked}},
		{403, "Forbidden: user is deactivated", nil, verdict{outcome: outcomeUnreachable, code: CodeDeactivated}},
		{403, "Forbidden: bot can't initiate conversation with a user", nil, verdict{outcome: outcomeUnreachable, code: CodeNotStarted}},
		{403, "Forbidden: bot can't send messages to bots", nil, verdict{outcome: outcomeUnreachable, code: CodeNoRights}},
		{400, "Bad Request: chat not found", nil, verdict{outcome: outcomeUnreachable, code: CodeChatNotFound}},
		{400, "Bad Request: group chat was upgraded to a supergroup chat", map[string]any{"migrate_to_chat_id": -1001234},
			verdict{outcome: outcomeMigrated, migratedTo: -1001234}},
		{429, "Too Many Requests: retry after 7", map[string]any{"retry_after": 7}, verdict{outcome: outcomeFlood, retryAfter: 7 * time.Second}},
		{429, "Too Many Requests", nil, verdict{outcome: outcomeFlood, retryAfter: 5 * time.Second}},
		{400, "Bad Request: can't parse entities: unexpected end tag", nil, verdict{outcome: outcomeRejected, code: CodeRejected}},
		{400, "Bad Request: have no rights to send a message", nil, verdict{outcome: outcomeRejected, code: CodeNoRights}},
		{400, "Bad Request: wrong file identifier/HTTP URL specified", nil, verdict{outcome: outcomeStaleFile}},
		{500, "Internal Server Error", nil, verdict{outcome: outcomeRetry, code: CodeUnavailable}},
		{502, "Bad Gateway", nil, verdict{outcome: outcomeRetry, code: CodeUnavailable}},
		{401, "Unauthorized", nil, verdict{outcome: outcomeRetry, code: CodeUnavailable}},
	} {
		answer.code, answer.desc, answer.params = c.code, c.desc, c.params
		_, err := bot.Send(tele.ChatID(1), "x")
		if got := classify(err); got != c.want {
			t.Errorf("%d %q: telebot said %v, classified %+v, want %+v", c.code, c.desc, err, got, c.want)
		}
	}
	srv.Close()
	_, err = bot.Send(tele.ChatID(1), "x")
	if got := classify(err); got.outcome != outcomeRetry {
		t.Errorf("network error %v classified %+v, want a retry", err, got)
	}
}

func TestLimiterSpacesSends(t *testing.T) {
	l := newLimiter(Limits{PerSecond: 50, PerChat: 100 * time.Millisecond, PerGroup: 300 * time.Millisecond, MaxWait: 150 * time.Millisecond})
	ctx, stop := context.Background(), make(chan struct{})
	wait := func(chatID int64) time.Duration {
		t.Helper()
		snooze, err := l.wait(ctx, stop, chatID)
		if err != nil {
			t.Fatal(err)
		}
		return snooze
	}
	began := time.Now()
	for i := range 11 {
		wait(int64(i + 1))
	}
	if d := time.Since(began); d < 190*time.Millisecond {
		t.Errorf("11 sends to different chats at 50/s took %v, want at least 200 ms", d)
	}
	began = time.Now()
	for range 3 {
		wait(42)
	}
	if d := time.Since(began); d < 190*time.Millisecond {
		t.Errorf("3 sends to one chat 100 ms apart took %v", d)
	}
	if s := wait(-7); s != 0 {
		t.Errorf("first send to a group snoozed %v", s)
	}
	if s := wait(-7); s < 200*time.Millisecond || s > 300*time.Millisecond {
		t.Errorf("second send to a group within its 300 ms snoozed %v, want the rest of the interval", s)
	}
	l.pause(43, time.Second)
	if s := wait(43); s < 900*time.Millisecond {
		t.Errorf("send to a paused chat snoozed %v, want about 1 s", s)
	}
}

func TestLimiterStops(t *testing.T) {
	l := newLimiter(Limits{PerSecond: 1, MaxWait: time.Minute})
	stop := make(chan struct{})
	if _, err := l.wait(context.Background(), stop, 1); err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(50*time.Millisecond, func() { close(stop) })
	// The next turn is a second away: only the stop can end the wait
	// with errStopping.
	if _, err := l.wait(context.Background(), stop, 2); !errors.Is(err, errStopping) {
		t.Errorf("got %v, want errStopping", err)
	}
}
