package app_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path"
	"strings"
	"sync"
	"testing"

	"processet/internal/apptest"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
)

// replyFaults stands between the bot and the fake Bot API: it keeps
// every request's body by method and fails the requests a test scripts
// before they reach the fake.
type replyFaults struct {
	URL string

	mu     sync.Mutex
	script map[string][]func(w http.ResponseWriter) // by method, used in order
	bodies map[string][][]byte                      // by method, every request's body as it came
}

func newReplyFaults(t *testing.T, upstream string) *replyFaults {
	target, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	forward := httputil.NewSingleHostReverseProxy(target)
	forward.ErrorLog = log.New(io.Discard, "", 0) // the poll cut short at the test's end
	f := &replyFaults{script: map[string][]func(http.ResponseWriter){}, bodies: map[string][][]byte{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		method := path.Base(r.URL.Path)
		f.mu.Lock()
		f.bodies[method] = append(f.bodies[method], body)
		var fault func(http.ResponseWriter)
		if q := f.script[method]; len(q) > 0 {
			fault, f.script[method] = q[0], q[1:]
		}
		f.mu.Unlock()
		if fault != nil {
			fault(w)
			return
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

// fail makes the next requests of method meet fault, one each.
func (f *replyFaults) fail(method string, faults ...func(http.ResponseWriter)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[method] = append(f.script[method], faults...)
}

// sent returns the bodies of method's requests so far, those of chat
// only when chat is not 0 (JSON requests; uploads have no chat here).
func (f *replyFaults) sent(method string, chat int64) [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][]byte
	for _, b := range f.bodies[method] {
		var p struct {
			ChatID json.Number `json:"chat_id"`
		}
		if chat == 0 || json.Unmarshal(b, &p) == nil && p.ChatID.String() == jsonNumber(chat) {
			out = append(out, b)
		}
	}
	return out
}

func jsonNumber(n int64) string { b, _ := json.Marshal(n); return string(b) }

// badGateway answers as a failing proxy in front of Telegram does.
func badGateway(w http.ResponseWriter) { http.Error(w, "Bad Gateway", http.StatusBadGateway) }

// hangUp closes the connection after the whole request came, without an
// answer: the bot cannot tell whether Telegram acted on it.
func hangUp(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

// botMessages counts what the bot got into u's chat.
func botMessages(tg *telegramtest.Server, u telegramtest.User) int {
	n := 0
	for _, m := range tg.Messages(u.ID) {
		if m.FromBot {
			n++
		}
	}
	return n
}

// fakeCalls returns the fake's record of method's calls in u's chat.
func fakeCalls(tg *telegramtest.Server, method string, u telegramtest.User) []telegramtest.Call {
	var out []telegramtest.Call
	for _, c := range tg.Calls(method) {
		if strings.Trim(c.Params["chat_id"], `"`) == jsonNumber(u.ID) {
			out = append(out, c)
		}
	}
	return out
}

// TestRepliesMeetingFaults: a reply to the user's update is sent again
// when it certainly did not take effect (502s, a 429 with a short
// retry_after, an upload among them, its bytes replayed), and never when
// Telegram may have acted on it (the connection lost after the request
// went out) or refused it (400).
func TestRepliesMeetingFaults(t *testing.T) {
	const admin = 1
	tg := telegramtest.NewServer(t)
	faults := newReplyFaults(t, tg.URL)
	addr := freeAddr(t)
	apptest.Start(t, apptest.Config{TelegramURL: faults.URL, Admins: []int64{admin}, HTTPAddr: addr})
	tg.OpenChat(telegramtest.User{ID: admin, FirstName: "Админ", LanguageCode: "ru"})
	nextUser := int64(200)
	newcomer := func() telegramtest.User {
		nextUser++
		u := telegramtest.User{ID: nextUser, FirstName: "Гость", LanguageCode: "ru"}
		tg.OpenChat(u)
		return u
	}

	t.Run("502s for a second, then delivered once", func(t *testing.T) {
		u := newcomer()
		faults.fail("sendMessage", badGateway, badGateway) // the first try, and the one 0.5 s later
		tg.SendText(u, "/help")
		tg.WaitForText(t, u.ID)
		if n := len(faults.sent("sendMessage", u.ID)); n != 3 {
			t.Errorf("%d sendMessage requests, want 3 (two met 502)", n)
		}
		if calls := fakeCalls(tg, "sendMessage", u); len(calls) != 1 || botMessages(tg, u) != 1 {
			t.Errorf("the fake got %d sendMessage, the chat %d bot messages; want 1 and 1", len(calls), botMessages(tg, u))
		}
		metric := `processet_telegram_retries_total{reason="bad_gateway"} 2`
		if m := metricsText(t, addr); !strings.Contains(m, metric) {
			t.Errorf("metrics lack %s:\n%s", metric, grepLines(m, "processet_telegram_retries_total"))
		}
	})

	t.Run("429 with retry_after 1 honoured", func(t *testing.T) {
		u := newcomer()
		tg.FailNext("sendMessage", http.StatusTooManyRequests, 1)
		tg.SendText(u, "/help")
		tg.WaitForText(t, u.ID)
		calls := fakeCalls(tg, "sendMessage", u)
		if len(calls) != 2 || calls[0].Code != http.StatusTooManyRequests || calls[1].Code != http.StatusOK ||
			calls[1].Params["text"] != calls[0].Params["text"] {
			t.Errorf("sendMessage calls %+v, want the reply met by 429, then the same reply answered 200", calls)
		}
		if n := botMessages(tg, u); n != 1 {
			t.Errorf("%d bot messages, want 1", n)
		}
	})

	t.Run("connection lost after the request: not repeated", func(t *testing.T) {
		u := newcomer()
		faults.fail("sendMessage", hangUp)
		tg.SendText(u, "/help")
		// The reply is lost; what follows it is the apology, which goes
		// through: by then the reply's request had its only attempt.
		tg.WaitForText(t, u.ID)
		sent := faults.sent("sendMessage", u.ID)
		if len(sent) != 2 || bytes.Equal(sent[0], sent[1]) {
			t.Errorf("%d sendMessage requests, want the reply once and the apology:\n%s", len(sent), bytes.Join(sent, []byte("\n")))
		}
		if n := botMessages(tg, u); n != 1 {
			t.Errorf("%d bot messages, want the apology only", n)
		}
	})

	t.Run("400 not retried", func(t *testing.T) {
		u := newcomer()
		tg.FailNext("sendMessage", http.StatusBadRequest, 0)
		tg.SendText(u, "/help")
		tg.WaitForText(t, u.ID) // the apology
		calls := fakeCalls(tg, "sendMessage", u)
		if len(calls) != 2 || calls[0].Code != http.StatusBadRequest || calls[1].Params["text"] == calls[0].Params["text"] {
			t.Errorf("sendMessage calls %+v, want the refused reply once, then the apology", calls)
		}
	})

	t.Run("an upload replayed byte for byte", func(t *testing.T) {
		before := len(faults.sent("sendPhoto", 0))
		faults.fail("sendPhoto", badGateway)
		tg.SendText(telegramtest.User{ID: admin, FirstName: "Админ", LanguageCode: "ru"}, "/home")
		photo := tg.WaitForPhoto(t, admin)
		sent := faults.sent("sendPhoto", 0)[before:]
		if len(sent) != 2 || len(sent[0]) < len(photo.PhotoPNG) || !bytes.Equal(sent[0], sent[1]) {
			t.Fatalf("%d sendPhoto requests, want 2 with the same body (%d PNG bytes)", len(sent), len(photo.PhotoPNG))
		}
		if !bytes.Contains(sent[1], photo.PhotoPNG) {
			t.Error("the retried upload does not carry the picture the chat got")
		}
		if n := len(tg.Calls("sendPhoto")); n != 1 {
			t.Errorf("the fake got %d sendPhoto, want 1", n)
		}
	})
}

// metricsText reads the app's /metrics as text.
func metricsText(t *testing.T, addr string) string {
	t.Helper()
	var body []byte
	testwait.Eventually(t, "/metrics answered", func() bool {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		body, err = io.ReadAll(resp.Body)
		return err == nil && resp.StatusCode == http.StatusOK
	})
	return string(body)
}

func grepLines(s, word string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
