// Package amocrmtest is a fake amoCRM account over real HTTP for tests. It
// speaks the v4 wire contract with its quirks: HAL envelopes, 204 for empty
// pages, a "next" link on the last page, problem+json errors, 429 with an
// HTML body when a token sends more than 7 requests in a second, the 403
// account block, validation errors on bad writes and single-use refresh
// tokens. State lives in memory and writes change it, so a test can write
// through a client and read the effect back.
package amocrmtest

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// OAuth credentials of the fake integration.
const (
	ClientID     = "6f1c1e2a-0b7e-4d8f-9a51-2c3d4e5f6a7b"
	ClientSecret = "fake-secret-3f9d2c8b"
	RedirectURI  = "https://bot.example/amocrm/callback"
)

// Server is a fake amoCRM account. It is safe for concurrent use.
type Server struct {
	// URL is the account's base URL, for amocrm.Config.BaseURL.
	URL string

	hs   *httptest.Server
	mux  *http.ServeMux
	opts options

	mu   sync.Mutex // guards st, auth and rng
	st   *state
	auth *authState
	rng  *rand.Rand

	tr traffic
}

type options struct {
	perToken   int
	perAccount int
	window     time.Duration
	blockAfter int
	honestNext bool
	now        func() time.Time
	limiterNow func() time.Time
	accessTTL  time.Duration
}

// Option changes how the fake behaves.
type Option func(*options)

// WithRateLimit sets how many requests one token and the whole account may
// make per second (real: 7 and 50).
func WithRateLimit(perToken, perAccount int) Option {
	return func(o *options) { o.perToken, o.perAccount = perToken, perAccount }
}

// WithBlockAfter blocks the account, like amoCRM does after repeated
// violations, once n requests were answered 429. Zero, the default, never
// blocks by itself; Block does it on demand.
func WithBlockAfter(n int) Option { return func(o *options) { o.blockAfter = n } }

// WithHonestNext omits the "next" link on the last page. By default the fake
// sends it anyway, as amoCRM does where it cannot count.
func WithHonestNext() Option { return func(o *options) { o.honestNext = true } }

// WithClock sets the clock for timestamps and token expiry. Rate limiting
// keeps real time, because the client's limiter does.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithLimiterClock sets the clock of the rate limiter's windows, for tests
// of the fake's own limits that call it without a client: they move the
// clock past a window instead of sleeping through it.
func WithLimiterClock(now func() time.Time) Option { return func(o *options) { o.limiterNow = now } }

// NewServer starts a fake account with pipelines, users and task types but
// no leads, and stops it when the test ends.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	o := options{perToken: 7, perAccount: 50, window: time.Second, now: time.Now, limiterNow: time.Now, accessTTL: 24 * time.Hour}
	for _, opt := range opts {
		opt(&o)
	}
	s := &Server{
		opts: o,
		rng:  rand.New(rand.NewPCG(42, 7)),
		tr:   traffic{calls: map[string]int{}, windows: map[string][]time.Time{}},
	}
	s.st = newState()
	s.auth = newAuthState()
	s.seedDefaults()
	s.routes()
	s.hs = httptest.NewServer(s)
	s.URL = s.hs.URL
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server.
func (s *Server) Close() { s.hs.Close() }

// Client is an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.hs.Client() }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("POST /oauth2/access_token", s.handleToken)
	m.HandleFunc("GET /api/v4/account", s.handleAccount)
	m.HandleFunc("GET /api/v4/users", s.handleUsers)
	m.HandleFunc("GET /api/v4/leads/pipelines", s.handlePipelines)
	m.HandleFunc("GET /api/v4/leads", s.handleLeads)
	m.HandleFunc("GET /api/v4/leads/{id}", s.handleLead)
	m.HandleFunc("PATCH /api/v4/leads", s.handlePatchLeads)
	m.HandleFunc("PATCH /api/v4/leads/{id}", s.handlePatchLeads)
	m.HandleFunc("GET /api/v4/companies", s.handleCompanies)
	m.HandleFunc("GET /api/v4/companies/{id}", s.handleCompany)
	m.HandleFunc("GET /api/v4/tasks", s.handleTasks)
	m.HandleFunc("GET /api/v4/tasks/{id}", s.handleTask)
	m.HandleFunc("POST /api/v4/tasks", s.handleCreateTasks)
	s.mux = m
}

// ServeHTTP runs the gateway part of amoCRM (block, rate limit, token) in
// front of the API routes, in that order: a blocked or throttled request is
// turned away before its token is looked at.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, pattern := s.mux.Handler(r)
	if pattern == "" {
		pattern = r.Method + " " + r.URL.Path
	}
	api := strings.HasPrefix(r.URL.Path, "/api/v4/")
	s.tr.arrive(pattern, api)
	if !api {
		s.mux.ServeHTTP(w, r)
		return
	}
	if s.tr.isBlocked() {
		writeHTML(w, http.StatusForbidden)
		return
	}
	if f, ok := s.tr.scripted(); ok {
		if f.delay > 0 {
			select {
			case <-time.After(f.delay):
			case <-r.Context().Done():
				return
			}
		}
		if f.status != 0 {
			writeRaw(w, f.status, f.body)
			return
		}
	}
	token := bearer(r)
	if !s.tr.admit(token, s.opts) {
		writeHTML(w, http.StatusTooManyRequests)
		return
	}
	if _, ok := s.userFor(token); !ok {
		writeProblem(w, http.StatusUnauthorized, "Unauthorized", "Неверный логин или пароль")
		return
	}
	s.mux.ServeHTTP(w, r)
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// now is the fake's clock.
func (s *Server) now() time.Time { return s.opts.now() }

// FailNext makes the next API request get status and body instead of being
// served; a JSON body is sent as problem+json (hal+json below 400), anything
// else as HTML. Calls queue up.
func (s *Server) FailNext(status int, body string) {
	s.tr.push(script{status: status, body: body})
}

// SlowNext holds the next API request for d before serving it, to make a
// client time out.
func (s *Server) SlowNext(d time.Duration) { s.tr.push(script{delay: d}) }

// Block switches the account block on or off: while on, every API request
// gets amoCRM's 403 HTML page. Switching it off also forgets violations.
func (s *Server) Block(on bool) { s.tr.setBlocked(on) }

// Requests is how many requests reached the server, OAuth included.
func (s *Server) Requests() int { return s.tr.total() }

// RateLimited is how many requests were answered 429 by the rate limiter.
func (s *Server) RateLimited() int { return s.tr.limited() }

// Calls is how many requests matched a route, e.g. "GET /api/v4/leads" or
// "PATCH /api/v4/leads/{id}".
func (s *Server) Calls(route string) int { return s.tr.count(route) }

// MaxPerSecond is the largest number of API requests that arrived within any
// one-second window, rejected ones included: what amoCRM would have seen.
func (s *Server) MaxPerSecond() int { return s.tr.maxPerWindow(time.Second) }
