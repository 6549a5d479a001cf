package amocrmtest

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// traffic is the gateway's bookkeeping: counters, the sliding windows of the
// rate limiter, the block and scripted answers. It has its own lock so that
// counting never waits for a slow handler.
type traffic struct {
	mu          sync.Mutex
	requests    int
	rateLimited int
	calls       map[string]int
	arrivals    []time.Time            // every API request, for MaxPerSecond
	windows     map[string][]time.Time // accepted requests per token, last second
	account     []time.Time            // accepted requests of the account, last second
	violations  int
	blocked     bool
	scripts     []script
}

// script is a canned reaction to the next API request.
type script struct {
	status int
	body   string
	delay  time.Duration
}

// arrive counts a request. Times are taken under the lock so that the
// recorded arrivals stay sorted.
func (t *traffic) arrive(route string, api bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.requests++
	t.calls[route]++
	if api {
		t.arrivals = append(t.arrivals, time.Now())
	}
}

// admit applies amoCRM's limits as sliding one-second windows per token and
// per account. Only accepted requests fill a window, so a client that backs
// off gets through again.
func (t *traffic) admit(token string, o options) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := o.limiterNow()
	cut := now.Add(-o.window)
	tok := prune(t.windows[token], cut)
	t.account = prune(t.account, cut)
	if len(tok) >= o.perToken || len(t.account) >= o.perAccount {
		t.windows[token] = tok
		t.rateLimited++
		t.violations++
		if o.blockAfter > 0 && t.violations >= o.blockAfter {
			t.blocked = true
		}
		return false
	}
	t.windows[token] = append(tok, now)
	t.account = append(t.account, now)
	return true
}

// prune drops times at or before cut from a sorted window.
func prune(w []time.Time, cut time.Time) []time.Time {
	i := 0
	for i < len(w) && !w[i].After(cut) {
		i++
	}
	return append(w[:0], w[i:]...)
}

func (t *traffic) isBlocked() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.blocked
}

func (t *traffic) setBlocked(on bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.blocked = on
	if !on {
		t.violations = 0
	}
}

func (t *traffic) push(s script) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.scripts = append(t.scripts, s)
}

func (t *traffic) scripted() (script, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.scripts) == 0 {
		return script{}, false
	}
	s := t.scripts[0]
	t.scripts = t.scripts[1:]
	return s, true
}

func (t *traffic) total() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.requests
}

func (t *traffic) limited() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rateLimited
}

func (t *traffic) count(route string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.calls[route]
}

// maxPerWindow slides a window of length d over the arrivals and returns the
// most it ever held.
func (t *traffic) maxPerWindow(d time.Duration) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	best, lo := 0, 0
	for hi, at := range t.arrivals {
		for !t.arrivals[lo].Add(d).After(at) {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

// writeHTML answers like amoCRM's nginx gateway: an HTML page, no
// Retry-After.
func writeHTML(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	text := http.StatusText(status)
	_, _ = w.Write([]byte("<html>\r\n<head><title>" + itoa(status) + " " + text + "</title></head>\r\n<body>\r\n<center><h1>" +
		itoa(status) + " " + text + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
}

// writeRaw sends a scripted answer with the content type its body suggests.
func writeRaw(w http.ResponseWriter, status int, body string) {
	switch {
	case !strings.HasPrefix(strings.TrimSpace(body), "{"):
		w.Header().Set("Content-Type", "text/html")
	case status >= 400:
		w.Header().Set("Content-Type", "application/problem+json")
	default:
		w.Header().Set("Content-Type", "application/hal+json")
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
