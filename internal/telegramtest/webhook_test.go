package telegramtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"processet/internal/testwait"
)

// fakeBot is a webhook endpoint that refuses the first calls it gets and
// records the rest.
type fakeBot struct {
	mu      sync.Mutex
	refuse  int
	secrets []string
	texts   []string
}

func (b *fakeBot) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.refuse > 0 {
		b.refuse--
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var u struct {
		Message struct{ Text string } `json:"message"`
	}
	_ = json.Unmarshal(body, &u)
	b.secrets = append(b.secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
	b.texts = append(b.texts, u.Message.Text)
	w.WriteHeader(http.StatusOK)
}

func (b *fakeBot) got() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.texts...)
}

// TestWebhookDeliversInOrderAndRetries: updates go to the webhook in
// order with the secret; one answered 500 comes again, and getWebhookInfo
// tells the error as Telegram does.
func TestWebhookDeliversInOrderAndRetries(t *testing.T) {
	bot := &fakeBot{refuse: 2}
	hook := httptest.NewServer(bot)
	defer hook.Close()
	srv := NewServer(t)
	if code, desc := post(t, srv, "setWebhook", map[string]any{"url": hook.URL + "/tg", "secret_token": "s3cret_-", "max_connections": 10}); code != 200 {
		t.Fatalf("setWebhook: %d %s", code, desc)
	}
	alice := User{ID: 1, FirstName: "Alice"}
	srv.SendText(alice, "one")
	srv.SendText(alice, "two")
	testwait.Eventually(t, "both updates delivered", func() bool { return srv.WebhookStats().Delivered == 2 })
	if got := strings.Join(bot.got(), ","); got != "one,two" {
		t.Errorf("delivered %s", got)
	}
	for _, s := range bot.secrets {
		if s != "s3cret_-" {
			t.Errorf("secret header %q", s)
		}
	}
	if st := srv.WebhookStats(); st.Delivered != 2 || st.Refused != 2 {
		t.Errorf("stats %+v", st)
	}
	_, _, raw := call(t, srv, "getWebhookInfo", map[string]any{})
	var info struct {
		URL     string `json:"url"`
		Pending int    `json:"pending_update_count"`
		Error   string `json:"last_error_message"`
		Max     int    `json:"max_connections"`
	}
	_ = json.Unmarshal(raw, &info)
	if info.URL != hook.URL+"/tg" || info.Pending != 0 || !strings.Contains(info.Error, "500") || info.Max != 10 {
		t.Errorf("webhook info %+v", info)
	}
	post(t, srv, "deleteWebhook", map[string]any{})
	srv.SendText(alice, "three")
	ups, _ := poll(t, srv, map[string]any{"timeout": "0"})
	if len(ups) != 1 || ups[0].Message.Text != "three" {
		t.Errorf("after deleteWebhook, getUpdates gave %+v", ups)
	}
}

// TestWebhookDuplicates: with WithDuplicateDeliveries every update comes
// twice.
func TestWebhookDuplicates(t *testing.T) {
	bot := &fakeBot{}
	hook := httptest.NewServer(bot)
	defer hook.Close()
	srv := NewServer(t, WithDuplicateDeliveries())
	post(t, srv, "setWebhook", map[string]any{"url": hook.URL})
	srv.SendText(User{ID: 1, FirstName: "Alice"}, "hi")
	testwait.Eventually(t, "the update twice", func() bool { return len(bot.got()) == 2 })
}
