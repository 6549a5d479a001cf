package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"
)

// Limits of telegramRetry.
const (
	// retryBudget bounds the time from a reply's first attempt to the
	// start of its last: a person waits for the answer to what they just
	// did, and a reply that comes much later reads as the bot being
	// broken anyway. It also stays well inside the client's 60 s timeout.
	retryBudget = 15 * time.Second
	// retryFirstWait doubles after each failed attempt up to retryMaxWait:
	// 0.5, 1, 2, 4, 4 … s, the poller's own back-off cut short for a
	// reply someone waits for.
	retryFirstWait = 500 * time.Millisecond
	retryMaxWait   = 4 * time.Second
	// retryAfterCap is the longest 429 retry_after worth waiting for in
	// place; a longer one goes back to the handler, which tells the user.
	retryAfterCap = 5 * time.Second
	// retryBodyLimit is the largest request body kept to be sent again:
	// the Bot API takes uploads up to 50 MB, but cards and maps are far
	// smaller; a bigger upload is sent once, as before.
	retryBodyLimit = 20 << 20
	// errorBodyLimit bounds the read of a 429's body for retry_after.
	errorBodyLimit = 64 << 10
)

// Reasons of a retry, the values of the retries counter's label.
const (
	retryRateLimited = "rate_limited" // 429 with a short retry_after
	retryBadGateway  = "bad_gateway"  // 502, 503, 504: a proxy or Telegram's front end failing
	retryUnreachable = "unreachable"  // no connection was made, so nothing was sent
)

// telegramRetry sends a Bot API request again when it certainly did not
// take effect at Telegram and is likely to on a second try: the handlers'
// replies, which nothing else retries, are then not lost to a short
// outage or a 429. The outbox (River's retries and snoozes) and the
// poller (its own back-off) have their own policies and do not go
// through it.
//
// It never sends a request again when Telegram may have acted on it (a
// timeout, a connection lost after the request was written, a 500), since
// a second sendMessage would show the user the message twice; nor on a
// 4xx other than 429, which the same request would meet again.
type telegramRetry struct {
	next http.RoundTripper
	// onRetry, when set, hears of every retry by reason.
	onRetry func(reason string)
}

// RoundTrip implements http.RoundTripper.
func (t *telegramRetry) RoundTrip(r *http.Request) (*http.Response, error) {
	body, size, replayable, err := replayableBody(r)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	wait := retryFirstWait
	for {
		attempt, connected := withConnTrace(r)
		if body != nil {
			attempt.Body, attempt.ContentLength = body(), size
		}
		resp, err := t.next.RoundTrip(attempt)
		reason, delay := verdict(resp, err, connected.Load(), wait)
		if reason == "" || !replayable || time.Since(began)+delay > retryBudget {
			return resp, err
		}
		if resp != nil {
			drain(resp)
		}
		if err := pause(r.Context(), delay); err != nil {
			return nil, err
		}
		if t.onRetry != nil {
			t.onRetry(reason)
		}
		if reason != retryRateLimited {
			wait = min(2*wait, retryMaxWait)
		}
	}
}

// verdict says why an attempt's outcome is worth another attempt, and
// after how long; an empty reason means the outcome stands. A 429's body
// is read to learn retry_after and put back, so the caller still reads it.
func verdict(resp *http.Response, err error, connected bool, wait time.Duration) (string, time.Duration) {
	if err != nil {
		// Without a connection the request was never written. A timeout
		// is left alone even then: mostly it is the client's deadline
		// running out, and a dial that hangs will hang again.
		var timeout interface{ Timeout() bool }
		if connected || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
			errors.As(err, &timeout) && timeout.Timeout() {
			return "", 0
		}
		return retryUnreachable, wait
	}
	switch resp.StatusCode {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		// What stands in front of the Bot API did not get an answer from
		// it, or Telegram is restarting: the request was, almost always,
		// not carried out. A proxy that loses Telegram's answer on the way
		// back would make this a duplicate; losing every reply of a short
		// outage is the worse of the two.
		return retryBadGateway, wait
	case http.StatusTooManyRequests:
		after, ok := retryAfter(resp)
		if !ok || after > retryAfterCap {
			return "", 0
		}
		return retryRateLimited, after
	}
	return "", 0
}

// retryAfter reads parameters.retry_after of a 429 (Telegram's
// ResponseParameters) and restores the body for the caller.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	data, err := io.ReadAll(io.LimitReader(resp.Body, errorBodyLimit))
	rest := resp.Body
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(data), rest), rest}
	if err != nil {
		return 0, false
	}
	var answer struct {
		Parameters struct {
			RetryAfter *int `json:"retry_after"`
		} `json:"parameters"`
	}
	if json.Unmarshal(data, &answer) != nil || answer.Parameters.RetryAfter == nil || *answer.Parameters.RetryAfter < 0 {
		return 0, false
	}
	return time.Duration(*answer.Parameters.RetryAfter) * time.Second, true
}

// pause waits d, or less when ctx ends first (the client's timeout, or
// the bot stopping).
func pause(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// replayableBody returns how to get the request's body afresh for each
// attempt (nil: no body), its length (-1: unknown) and whether there can
// be more than one attempt.
// telebot sends JSON from a buffer (GetBody is set) but streams uploads
// through a pipe, which is read here up to retryBodyLimit; a longer body
// goes out once, its read part first.
func replayableBody(r *http.Request) (func() io.ReadCloser, int64, bool, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, r.ContentLength, true, nil
	}
	if r.GetBody != nil {
		r.Body.Close() // every attempt takes a fresh copy
		return func() io.ReadCloser {
			b, err := r.GetBody()
			if err != nil {
				return io.NopCloser(errReader{err})
			}
			return b
		}, r.ContentLength, true, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, retryBodyLimit+1))
	if err != nil {
		r.Body.Close()
		return nil, 0, false, err
	}
	if len(data) > retryBodyLimit {
		whole := readCloser{io.MultiReader(bytes.NewReader(data), r.Body), r.Body}
		used := false
		return func() io.ReadCloser {
			if used {
				return io.NopCloser(errReader{errors.New("request body already sent")})
			}
			used = true
			return whole
		}, r.ContentLength, false, nil
	}
	r.Body.Close()
	return func() io.ReadCloser { return io.NopCloser(bytes.NewReader(data)) }, int64(len(data)), true, nil
}

// withConnTrace returns a copy of r for one attempt whose connected flag
// turns true once the transport has a connection: from then on bytes of
// the request may reach Telegram. Hooks already in r's context still run.
func withConnTrace(r *http.Request) (*http.Request, *atomic.Bool) {
	connected := new(atomic.Bool)
	ctx := httptrace.WithClientTrace(r.Context(), &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
	})
	return r.Clone(ctx), connected
}

// drain reads a little of a failed attempt's body and closes it, so its
// connection goes back to the pool.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, errorBodyLimit))
	resp.Body.Close()
}

type readCloser struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
