//go:build faults

package app_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Fault modes of a faultProxy.
const (
	passThrough = iota
	answer5xx   // every request gets 502 Bad Gateway, as from a failing load balancer
	hang        // every request is held until its client gives up
)

// faultProxy stands between the bot and a fake service, passes requests
// through or fails them by mode, and counts the connections open to it.
type faultProxy struct {
	URL string

	mode    atomic.Int32
	open    atomic.Int32  // connections open now
	holding atomic.Int32  // requests held now
	release chan struct{} // closed at the test's end: held requests go
	srv     *httptest.Server
	mu      sync.Mutex
	hangs   []time.Duration // how long each held request waited for its client to give up
	fails   int             // requests answered 502
}

func newFaultProxy(t *testing.T, upstream string) *faultProxy {
	target, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	forward := httputil.NewSingleHostReverseProxy(target)
	p := &faultProxy{release: make(chan struct{})}
	p.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p.mode.Load() {
		case answer5xx:
			p.mu.Lock()
			p.fails++
			p.mu.Unlock()
			http.Error(w, "Bad Gateway", http.StatusBadGateway)
		case hang:
			// Read the body first: only then does the server notice a client
			// that gives up and hangs up, and cancel r.Context().
			io.Copy(io.Discard, r.Body)
			began := time.Now()
			p.holding.Add(1)
			select { // the client's timeout, or the test's end
			case <-r.Context().Done():
			case <-p.release:
			}
			p.holding.Add(-1)
			p.mu.Lock()
			p.hangs = append(p.hangs, time.Since(began))
			p.mu.Unlock()
		default:
			forward.ServeHTTP(w, r)
		}
	}))
	p.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			p.open.Add(1)
		case http.StateClosed, http.StateHijacked:
			p.open.Add(-1)
		}
	}
	p.srv.Start()
	p.URL = p.srv.URL
	t.Cleanup(func() { close(p.release); p.srv.Close() })
	return p
}

func (p *faultProxy) set(mode int32) { p.mode.Store(mode) }

// held returns how long the held requests waited, and how many got 502.
func (p *faultProxy) stats() (hangs []time.Duration, fails int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]time.Duration(nil), p.hangs...), p.fails
}
