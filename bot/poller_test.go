package bot

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/internal/testwait"
)

func TestBackoffGrowsToItsLimit(t *testing.T) {
	var got []time.Duration
	d := time.Duration(0)
	for range 10 {
		d = nextBackoff(d, 10*time.Second)
		got = append(got, d)
	}
	if got[0] != 500*time.Millisecond || got[1] != time.Second || got[5] != 10*time.Second || got[9] != 10*time.Second {
		t.Errorf("backoff %v", got)
	}
}

// TestPollerRetriesThenDelivers: errors (a 502 page, a 429 with
// retry_after) are retried without losing the updates that follow, and
// the token never appears in what the poller reports.
func TestPollerRetriesThenDelivers(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte("<html>bad gateway</html>"))
		case 2:
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":1}}`))
		case 3:
			w.Write([]byte(`{"ok":true,"result":[{"update_id":7,"message":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"hi"}}]}`))
		default:
			if !strings.Contains(readAll(r), `"offset":8`) {
				t.Errorf("the next poll did not confirm update 7")
			}
			<-r.Context().Done()
		}
	}))
	defer srv.Close()
	// The server holds a poll until it is cancelled; the client gives up on
	// one after a minute and a quarter. Only stop ends it sooner.
	p := &Poller{URL: srv.URL, Token: "42:secret", Timeout: time.Minute, MaxBackoff: time.Second}
	dest, stop := make(chan tele.Update, 1), make(chan struct{})
	done := make(chan struct{})
	go func() { p.Poll(nil, dest, stop); close(done) }()
	select {
	case u := <-dest:
		if u.ID != 7 || u.Message.Text != "hi" {
			t.Errorf("update %+v", u)
		}
	case <-time.After(testwait.Timeout):
		t.Fatal("no update after the errors")
	}
	testwait.Eventually(t, "the next poll", func() bool { return calls.Load() >= 4 })
	close(stop)
	select {
	case <-done:
	case <-time.After(p.Timeout):
		t.Fatal("the poller did not stop before its poll ran out")
	}
}

func TestRedact(t *testing.T) {
	if got := redact(`Post "https://x/bot42:secret/getUpdates": EOF`, "42:secret"); strings.Contains(got, "secret") {
		t.Errorf("redact: %s", got)
	}
}

func readAll(r *http.Request) string {
	var b strings.Builder
	buf := make([]byte, 512)
	for {
		n, err := r.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}
