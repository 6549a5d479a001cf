package amocrm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"time"
)

// maxBody caps what is read of one answer; a page of 250 leads is well under.
const maxBody = 32 << 20

// call is one API request, kept whole so it can be sent again on retry.
type call struct {
	method string
	path   string
	query  url.Values
	body   []byte
	// idempotent calls may be repeated after the request possibly reached
	// amoCRM (timeouts, 5xx). A POST is not: a repeat could create the tasks
	// twice, so it is only repeated when amoCRM certainly did not act on it.
	idempotent bool
	noAuth     bool // the OAuth token endpoint
}

// response is an answer read whole, so the connection is freed before any
// decoding or backoff.
type response struct {
	status int
	header http.Header
	body   []byte
}

// get is an idempotent GET of path.
func (c *Client) get(ctx context.Context, path string, query url.Values) (*response, error) {
	return c.do(ctx, call{method: http.MethodGet, path: path, query: query, idempotent: true})
}

// send marshals body and sends it with method.
func (c *Client) send(ctx context.Context, method, path string, body any, idempotent bool) (*response, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encode %s %s: %w", method, path, err)
	}
	return c.do(ctx, call{method: method, path: path, body: b, idempotent: idempotent})
}

// do sends cl under the rate limiter until it succeeds, fails for good or
// runs out of retries. Success is any 2xx, 204 included: what an empty
// answer means is for the caller to say.
func (c *Client) do(ctx context.Context, cl call) (*response, error) {
	if c.blocked.Load() {
		return nil, &APIError{Method: cl.method, Path: cl.path, Status: http.StatusForbidden, Detail: "blocked earlier, not sent", kind: ErrAccountBlocked}
	}
	res, err := c.retry(ctx, cl)
	if err != nil {
		c.noteFailure(err)
		if errors.Is(err, ErrAccountBlocked) {
			c.noteBlocked()
		}
		return nil, err
	}
	return res, nil
}

func (c *Client) retry(ctx context.Context, cl call) (*response, error) {
	reauthorized := false
	for attempt := 0; ; {
		token := ""
		if !cl.noAuth {
			t, err := c.tokens.Token(ctx)
			if err != nil {
				return nil, fmt.Errorf("get access token: %w", err)
			}
			token = t
		}
		start := time.Now()
		if err := c.limiter.Wait(ctx); err != nil {
			if ctx.Err() == nil {
				// The limiter refuses to wait past the deadline: the call
				// cannot make it, so say so the standard way now.
				err = context.DeadlineExceeded
			}
			return nil, fmt.Errorf("wait for rate limiter: %w", err)
		}
		if c.pace != nil {
			if err := c.pace(ctx, c.interval); err != nil {
				if ctx.Err() != nil {
					return nil, fmt.Errorf("wait for the shared rate limit: %w", ctx.Err())
				}
				c.log.Warn("amoCRM: shared rate limit unavailable, pacing by this process alone", "err", err)
			}
		}
		c.stats.waited.Add(int64(time.Since(start)))
		res, err := c.attempt(ctx, cl, token)
		var retryable bool
		switch {
		case err != nil && ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			retryable = cl.idempotent || isDialError(err)
		case res.status < 300:
			return res, nil
		case res.status == http.StatusUnauthorized && !cl.noAuth && !reauthorized:
			// The token expired or was revoked: refresh once and repeat
			// without counting it as a retry. A source that hands back the
			// same token (a long-lived one) cannot fix it, so stop there.
			reauthorized = true
			c.tokens.Invalidate(ctx, token)
			next, terr := c.tokens.Token(ctx)
			if terr != nil {
				return nil, fmt.Errorf("get access token after 401: %w", terr)
			}
			if next != token {
				continue
			}
			err = responseError(cl.method, cl.path, res)
		default:
			err = responseError(cl.method, cl.path, res)
			if res.status == http.StatusTooManyRequests {
				c.stats.rateLimited.Add(1)
				retryable = true // the gateway turned it away; amoCRM did nothing
			} else if res.status >= 500 {
				retryable = cl.idempotent
			}
		}
		if !retryable || attempt >= c.maxRetries {
			return nil, err
		}
		wait := c.backoff(attempt)
		// Logged, not returned: a retry that works is no error to the caller.
		c.log.Debug("amocrm retry", "method", cl.method, "path", cl.path, "attempt", attempt+1, "wait", wait, "err", err)
		if serr := sleep(ctx, wait); serr != nil {
			return nil, serr
		}
		c.stats.retries.Add(1)
		attempt++
	}
}

// attempt sends cl once within the per-request timeout; the caller has
// already waited its turn on the limiter.
func (c *Client) attempt(ctx context.Context, cl call, token string) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	target := c.baseURL + cl.path
	if len(cl.query) > 0 {
		target += "?" + cl.query.Encode()
	}
	var body io.Reader
	if cl.body != nil {
		body = bytes.NewReader(cl.body)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, target, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/hal+json, application/json")
	if cl.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c.noteRequest()
	res, err := c.hc.Do(req)
	if err != nil {
		c.noteResponse(cl, 0)
		return nil, err
	}
	c.noteResponse(cl, res.StatusCode)
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", cl.method, cl.path, err)
	}
	return &response{status: res.StatusCode, header: res.Header, body: b}, nil
}

// backoff is the wait before retry number attempt+1: exponential and
// capped, plus up to half again as jitter so that several clients do not
// come back in step. It never goes below RetryBase, the second amoCRM asks
// for after a 429.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.retryMax
	if attempt < 30 {
		if step := c.retryBase << attempt; step > 0 && step < d {
			d = step
		}
	}
	return d + rand.N(d/2+1)
}

// isDialError reports a failure to connect at all, after which even a POST
// is safe to repeat because nothing was sent.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// decode unmarshals an answer body, naming the call on failure.
func decode(res *response, what string, v any) error {
	if err := json.Unmarshal(res.body, v); err != nil {
		return fmt.Errorf("decode %s: %w", what, err)
	}
	return nil
}
