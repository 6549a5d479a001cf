package app

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path"
	"sync/atomic"
	"testing"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/internal/telegramtest"
)

// retryingBot is a bot on a client with telegramRetry in front of the
// default transport, its retries counted.
func retryingBot(t *testing.T, apiURL string, timeout time.Duration, retries *atomic.Int32, onRetry func()) *tele.Bot {
	t.Helper()
	client := &http.Client{Timeout: timeout, Transport: &telegramRetry{next: http.DefaultTransport, onRetry: func(string) {
		retries.Add(1)
		if onRetry != nil {
			onRetry()
		}
	}}}
	b, err := tele.NewBot(tele.Settings{URL: apiURL, Token: "1:test", Client: client, Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRetryLeavesAHeldRequestAlone: a reply Telegram holds until the
// client gives up may have been carried out, so it is not sent again.
func TestRetryLeavesAHeldRequestAlone(t *testing.T) {
	var seen atomic.Int32
	held := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Add(1)
		// With the body read, the server sees the client hang up.
		io.Copy(io.Discard, r.Body)
		<-r.Context().Done() // the client's timeout
	}))
	t.Cleanup(held.Close)
	var retries atomic.Int32
	b := retryingBot(t, held.URL, 300*time.Millisecond, &retries, nil)
	if _, err := b.Send(tele.ChatID(1), "hello"); err == nil {
		t.Fatal("a held send succeeded")
	}
	// Send has returned: there is no attempt still to come.
	if seen.Load() != 1 || retries.Load() != 0 {
		t.Errorf("the held request came %d times with %d retries, want once and none", seen.Load(), retries.Load())
	}
}

// TestRetryReconnectsWhenRefused: while nothing listens, no request can
// have been sent, so the reply is sent again once the Bot API is back.
func TestRetryReconnectsWhenRefused(t *testing.T) {
	tg := telegramtest.NewServer(t)
	u := telegramtest.User{ID: 7, FirstName: "A"}
	tg.OpenChat(u)
	target, err := url.Parse(tg.URL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // refused from now on
	var sends atomic.Int32
	back := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if path.Base(r.URL.Path) == "sendMessage" {
			sends.Add(1)
		}
		httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
	})}
	t.Cleanup(func() { back.Close() })
	var retries atomic.Int32
	// The first retry brings the Bot API back before it is tried.
	b := retryingBot(t, "http://"+addr, 30*time.Second, &retries, func() {
		if retries.Load() != 1 {
			return
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Errorf("listen again on %s: %v", addr, err)
			return
		}
		go back.Serve(ln)
	})
	if _, err := b.Send(tele.ChatID(u.ID), "hello"); err != nil {
		t.Fatalf("send after a refused connection: %v", err)
	}
	if n := len(tg.Messages(u.ID)); n != 1 || sends.Load() != 1 || retries.Load() != 1 {
		t.Errorf("%d messages, %d sendMessage requests, %d retries; want 1, 1, 1", n, sends.Load(), retries.Load())
	}
}
