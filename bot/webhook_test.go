package bot_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"processet/bot"
	"processet/internal/testdb"
	"processet/storage"
)

// TestWebhookReceiver: the receiver stores an update once and answers
// 200; a wrong method, a wrong secret or a body that is no update are
// refused; with the database away it answers 503, so Telegram retries.
func TestWebhookReceiver(t *testing.T) {
	db := storage.New(testdb.New(t))
	woken := 0
	rc := &bot.WebhookReceiver{Secret: "s3cret", Store: db, Wake: func() { woken++ }}
	send := func(method, secret, body string) int {
		r := httptest.NewRequest(method, "/tg", strings.NewReader(body))
		if secret != "" {
			r.Header.Set(bot.SecretHeader, secret)
		}
		w := httptest.NewRecorder()
		rc.ServeHTTP(w, r)
		return w.Code
	}
	const update = `{"update_id":5,"callback_query":{"id":"1","from":{"id":7,"is_bot":false,"first_name":"A"},"chat_instance":"x","data":"d"}}`
	for _, c := range []struct {
		name, method, secret, body string
		code                       int
	}{
		{"update", http.MethodPost, "s3cret", update, 200},
		{"again", http.MethodPost, "s3cret", update, 200},
		{"GET", http.MethodGet, "s3cret", "", 405},
		{"no secret", http.MethodPost, "", update, 401},
		{"wrong secret", http.MethodPost, "s3cres", update, 401},
		{"not JSON", http.MethodPost, "s3cret", "<html>", 400},
		{"no update_id", http.MethodPost, "s3cret", `{"message":{}}`, 400},
	} {
		if got := send(c.method, c.secret, c.body); got != c.code {
			t.Errorf("%s: %d, want %d", c.name, got, c.code)
		}
	}
	if woken != 1 {
		t.Errorf("worker woken %d times, want once", woken)
	}
	var chat int64
	if err := db.Pool().QueryRow(t.Context(), `select chat_id from telegram_updates where update_id = 5`).Scan(&chat); err != nil || chat != 7 {
		t.Errorf("stored chat %d %v: a button under an inline message is ordered by its presser", chat, err)
	}
	db.Close()
	if got := send(http.MethodPost, "s3cret", `{"update_id":6}`); got != http.StatusServiceUnavailable {
		t.Errorf("database away: %d", got)
	}
}
