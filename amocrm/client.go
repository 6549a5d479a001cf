// Package amocrm is a client for the amoCRM API v4: the reads a sync needs
// (account, users, pipelines, companies, leads, tasks) and the few writes the
// bot makes (tasks, lead moves). Types mirror amoCRM's wire model with unix
// timestamps turned into time.Time; mapping to the app's domain is the
// caller's job.
//
// amoCRM allows 7 requests per second per integration and blocks the whole
// account after repeated violations, so every request of one Client goes
// through one limiter, and 429, 5xx and network failures are retried with
// jittered exponential backoff rather than hammered.
package amocrm

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Defaults for Config fields left zero.
const (
	DefaultRateLimit  = 7                // amoCRM's per-integration ceiling, requests per second
	DefaultTimeout    = 20 * time.Second // what the official library uses per request
	DefaultMaxRetries = 5
	DefaultRetryBase  = time.Second // amoCRM asks for at least a second after a 429
	DefaultRetryMax   = 30 * time.Second
)

// paceMargin stretches the interval between requests. The limiter spaces
// requests when they leave; amoCRM counts them when they arrive, and network
// jitter can squeeze eight sends 1/7 s apart into one second at the server.
// 3.5% (5 ms at 7/s) absorbs 35 ms of squeeze for as much throughput.
const paceMargin = 0.035

// Config configures a Client. Only BaseURL and Tokens are required.
type Config struct {
	// BaseURL is the account's own address, e.g. https://example.amocrm.ru;
	// amoCRM refuses requests to the common domain.
	BaseURL    string
	Tokens     TokenSource
	HTTPClient *http.Client
	// RateLimit is the most requests per second this client ever sends;
	// raise it only when the account has bought a larger API package.
	RateLimit float64
	// Timeout bounds each attempt, body included.
	Timeout time.Duration
	// MaxRetries is how many times a failed request is repeated; -1 disables
	// retries.
	MaxRetries int
	// RetryBase and RetryMax bound the backoff: retry n waits
	// min(RetryBase*2^n, RetryMax) plus up to half of that again.
	RetryBase time.Duration
	RetryMax  time.Duration
	Logger    *slog.Logger
	Now       func() time.Time
	// OnResponse, when set, hears of every request sent: its method, its
	// path with IDs replaced by ":id" (so a label stays one of a few), and
	// the status code, 0 when no answer came. For metrics; it must not
	// block.
	OnResponse func(method, endpoint string, status int)
	// Pace, when set, takes a turn shared by every process that talks to
	// the account (the replicas of one deployment), after this client's
	// own limiter: it returns once a request may leave, at most one per
	// interval across them all. An error is logged and the request goes
	// by the client's own limiter alone.
	Pace func(ctx context.Context, interval time.Duration) error
}

// Client talks to one amoCRM account. It is safe for concurrent use, and all
// calls share its rate limiter.
type Client struct {
	baseURL    string
	tokens     TokenSource
	hc         *http.Client
	limiter    *rate.Limiter
	interval   time.Duration
	pace       func(ctx context.Context, interval time.Duration) error
	timeout    time.Duration
	maxRetries int
	retryBase  time.Duration
	retryMax   time.Duration
	log        *slog.Logger
	now        func() time.Time
	onResponse func(method, endpoint string, status int)

	blocked atomic.Bool
	stats   counters
}

// New returns a client for cfg, filling defaults for zero fields.
func New(cfg Config) *Client {
	c := &Client{
		baseURL:    strings.TrimRight(cfg.BaseURL, "/"),
		tokens:     cfg.Tokens,
		hc:         cfg.HTTPClient,
		timeout:    cfg.Timeout,
		maxRetries: cfg.MaxRetries,
		retryBase:  cfg.RetryBase,
		retryMax:   cfg.RetryMax,
		log:        cfg.Logger,
		now:        cfg.Now,
		onResponse: cfg.OnResponse,
		pace:       cfg.Pace,
	}
	if c.tokens == nil {
		c.tokens = StaticToken("")
	}
	// A redirect is an answer, not a detour: Go's client would replay a
	// POST or PATCH as a GET, and a write would "succeed" without
	// happening (and without counting against the rate limit).
	hc := http.Client{}
	if cfg.HTTPClient != nil {
		hc = *cfg.HTTPClient
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.hc = &hc
	perSecond := cfg.RateLimit
	if perSecond <= 0 {
		perSecond = DefaultRateLimit
	}
	interval := time.Duration(float64(time.Second) / perSecond * (1 + paceMargin))
	// Burst 1: a full bucket would let a burst plus the steady rate exceed
	// the ceiling within one second.
	c.limiter = rate.NewLimiter(rate.Every(interval), 1)
	c.interval = interval
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	switch {
	case c.maxRetries == 0:
		c.maxRetries = DefaultMaxRetries
	case c.maxRetries < 0:
		c.maxRetries = 0
	}
	if c.retryBase <= 0 {
		c.retryBase = DefaultRetryBase
	}
	if c.retryMax <= 0 {
		c.retryMax = DefaultRetryMax
	}
	if c.retryMax < c.retryBase {
		c.retryMax = c.retryBase
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c
}

// LeadURL is the link to a lead in amoCRM's web interface, for "open in CRM"
// buttons. The format is the de-facto one every integration uses.
func (c *Client) LeadURL(id int64) string {
	return c.baseURL + "/leads/detail/" + strconv.FormatInt(id, 10)
}

// Unblock lets calls through again after ErrAccountBlocked, once an admin
// has had the block lifted by amoCRM support.
func (c *Client) Unblock() {
	c.blocked.Store(false)
	c.stats.mu.Lock()
	c.stats.blockedAt = time.Time{}
	c.stats.mu.Unlock()
}

// Stats is a snapshot of the client's traffic for a status screen.
type Stats struct {
	Requests    int64         // HTTP requests sent, retries included
	Retries     int64         // requests repeated after a failure
	RateLimited int64         // 429 answers received
	Failures    int64         // calls that returned an error
	Waited      time.Duration // total time spent waiting for the rate limiter
	LastRequest time.Time
	LastError   string
	LastErrorAt time.Time
	BlockedAt   time.Time // zero unless the account is blocked
}

// counters are updated on every request, hence atomics for the hot numbers
// and a mutex only for the rarer strings and times.
type counters struct {
	requests, retries, rateLimited, failures, waited atomic.Int64

	mu          sync.Mutex
	lastRequest time.Time
	lastError   string
	lastErrorAt time.Time
	blockedAt   time.Time
}

// Stats returns the counters since New.
func (c *Client) Stats() Stats {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	return Stats{
		Requests:    c.stats.requests.Load(),
		Retries:     c.stats.retries.Load(),
		RateLimited: c.stats.rateLimited.Load(),
		Failures:    c.stats.failures.Load(),
		Waited:      time.Duration(c.stats.waited.Load()),
		LastRequest: c.stats.lastRequest,
		LastError:   c.stats.lastError,
		LastErrorAt: c.stats.lastErrorAt,
		BlockedAt:   c.stats.blockedAt,
	}
}

func (c *Client) noteRequest() {
	c.stats.requests.Add(1)
	c.stats.mu.Lock()
	c.stats.lastRequest = c.now()
	c.stats.mu.Unlock()
}

func (c *Client) noteFailure(err error) {
	c.stats.failures.Add(1)
	c.stats.mu.Lock()
	c.stats.lastError = err.Error()
	c.stats.lastErrorAt = c.now()
	c.stats.mu.Unlock()
}

func (c *Client) noteBlocked() {
	c.blocked.Store(true)
	c.stats.mu.Lock()
	if c.stats.blockedAt.IsZero() {
		c.stats.blockedAt = c.now()
	}
	c.stats.mu.Unlock()
}
