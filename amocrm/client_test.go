package amocrm_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
)

// TestRateNeverAboveSeven runs concurrent calls through one client against
// a fake that enforces amoCRM's 7 requests per second. It checks the
// client's own pacing where the client controls it, the moment each request
// leaves: at most 7 in any second. What the fake saw arrive is logged, not
// asserted: on a starved machine a request paced correctly can sit between
// the limiter and the socket long enough to land next to the one after it,
// and amoCRM's answer to that, a 429, is retried, which the test checks by
// every call succeeding.
func TestRateNeverAboveSeven(t *testing.T) {
	srv := amocrmtest.NewServer(t)
	dep := &departures{next: srv.Client().Transport}
	hc := *srv.Client()
	hc.Transport = dep
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.RateLimit = 0; cfg.HTTPClient = &hc }) // the default rate
	const workers, calls = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*calls)
	for range workers {
		wg.Go(func() {
			for range calls {
				if _, err := c.Account(context.Background()); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := dep.maxPerSecond(); got > 7 {
		t.Errorf("the client sent %d requests within one second, want at most 7", got)
	}
	t.Logf("the fake saw at most %d requests arrive within one second and answered 429 %d times",
		srv.MaxPerSecond(), srv.RateLimited())
	if got, want := c.Stats().Requests, int64(workers*calls+srv.RateLimited()); got != want {
		t.Errorf("Stats().Requests = %d, want %d (every call once, plus a retry per 429)", got, want)
	}
}

// departures records when each request leaves the client.
type departures struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   []time.Time
}

func (d *departures) RoundTrip(r *http.Request) (*http.Response, error) {
	d.mu.Lock()
	d.at = append(d.at, time.Now())
	d.mu.Unlock()
	return d.next.RoundTrip(r)
}

// maxPerSecond is the most requests that left within any one second.
func (d *departures) maxPerSecond() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	slices.SortFunc(d.at, time.Time.Compare)
	best := 0
	for i := range d.at {
		n := 0
		for j := i; j < len(d.at) && d.at[j].Sub(d.at[i]) < time.Second; j++ {
			n++
		}
		best = max(best, n)
	}
	return best
}

func TestRetryOn429HTML(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	srv.FailNext(http.StatusTooManyRequests, html429)
	srv.FailNext(http.StatusTooManyRequests, html429)
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("Account: %v", err)
	}
	st := c.Stats()
	if st.RateLimited != 2 || st.Retries != 2 || st.Requests != 3 {
		t.Errorf("stats = %+v, want 2 rate-limited, 2 retries, 3 requests", st)
	}
}

func TestRetriesRunOut(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.MaxRetries = 2 })
	for range 3 {
		srv.FailNext(http.StatusTooManyRequests, html429)
	}
	_, err := c.Account(context.Background())
	if !errors.Is(err, amocrm.ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	var apiErr *amocrm.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusTooManyRequests {
		t.Errorf("err = %#v, want *APIError with status 429", err)
	}
	if got := srv.Calls("GET /api/v4/account"); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
	if st := c.Stats(); st.Failures != 1 || st.LastError == "" || st.LastErrorAt.IsZero() {
		t.Errorf("stats = %+v, want one failure recorded", st)
	}
}

func TestRetryOn5xxAndTimeout(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.Timeout = 100 * time.Millisecond })
	srv.FailNext(http.StatusBadGateway, "<html>502 Bad Gateway</html>")
	srv.SlowNext(time.Second)
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("Account: %v", err)
	}
	if got := c.Stats().Retries; got != 2 {
		t.Errorf("retries = %d, want 2", got)
	}
}

func TestNoRetryOnOther4xx(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	srv.FailNext(http.StatusPaymentRequired, `{"title":"Payment Required","type":"https://httpstatus.es/402","status":402,"detail":"Account is not paid"}`)
	_, err := c.Account(context.Background())
	var apiErr *amocrm.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusPaymentRequired || apiErr.Detail != "Account is not paid" {
		t.Fatalf("err = %v, want the 402 problem", err)
	}
	if got := srv.Calls("GET /api/v4/account"); got != 1 {
		t.Errorf("requests = %d, want 1", got)
	}
}

// TestCreateTasksNotRepeatedWhenUnsure checks that a POST which may have
// reached amoCRM is not sent again, while a 429 (turned away at the gate)
// is.
func TestCreateTasksNotRepeatedWhenUnsure(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	task := []amocrm.NewTask{{Text: "Позвонить", CompleteTill: time.Now().Add(time.Hour), TaskTypeID: amocrm.TaskTypeFollowUp}}

	srv.FailNext(http.StatusInternalServerError, `{"title":"Internal Server Error","status":500}`)
	if _, err := c.CreateTasks(context.Background(), task); err == nil {
		t.Fatal("CreateTasks after 500: no error")
	}
	if got := srv.Calls("POST /api/v4/tasks"); got != 1 {
		t.Errorf("POSTs after 500 = %d, want 1", got)
	}

	srv.FailNext(http.StatusTooManyRequests, html429)
	if _, err := c.CreateTasks(context.Background(), task); err != nil {
		t.Fatalf("CreateTasks after 429: %v", err)
	}
	if got := len(srv.Tasks()); got != 1 {
		t.Errorf("tasks created = %d, want 1", got)
	}
}

func TestAccountBlock(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv)
	srv.Block(true)
	_, err := c.Pipelines(context.Background())
	if !errors.Is(err, amocrm.ErrAccountBlocked) {
		t.Fatalf("err = %v, want ErrAccountBlocked", err)
	}
	before := srv.Requests()
	if _, err := c.Account(context.Background()); !errors.Is(err, amocrm.ErrAccountBlocked) {
		t.Fatalf("second call err = %v, want ErrAccountBlocked", err)
	}
	if srv.Requests() != before {
		t.Error("a blocked client still sent a request")
	}
	if c.Stats().BlockedAt.IsZero() {
		t.Error("Stats().BlockedAt is zero while blocked")
	}
	srv.Block(false)
	c.Unblock()
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("after Unblock: %v", err)
	}
}

// TestBlockAfterHammering lets a client that ignores the limit run into
// the fake's block, as an account would after repeated violations.
func TestBlockAfterHammering(t *testing.T) {
	srv := amocrmtest.NewServer(t, amocrmtest.WithBlockAfter(3))
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.MaxRetries = 10 })
	var err error
	for i := 0; i < 30 && err == nil; i++ {
		_, err = c.Account(context.Background())
	}
	if !errors.Is(err, amocrm.ErrAccountBlocked) {
		t.Fatalf("err = %v, want ErrAccountBlocked", err)
	}
}

func TestUsersForbiddenIsNotABlock(t *testing.T) {
	srv := fastServer(t)
	manager := srv.Users()[1]
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.Tokens = amocrm.StaticToken(srv.TokenFor(manager.ID)) })
	_, err := c.Users(context.Background())
	if !errors.Is(err, amocrm.ErrForbidden) || errors.Is(err, amocrm.ErrAccountBlocked) {
		t.Fatalf("err = %v, want ErrForbidden only", err)
	}
	if _, err := c.Pipelines(context.Background()); err != nil {
		t.Fatalf("Pipelines after 403: %v", err)
	}
}

func TestStaticTokenUnauthorized(t *testing.T) {
	srv := fastServer(t)
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.Tokens = amocrm.StaticToken("revoked") })
	_, err := c.Account(context.Background())
	if !errors.Is(err, amocrm.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	if got := srv.Calls("GET /api/v4/account"); got != 1 {
		t.Errorf("requests = %d, want 1: a long-lived token cannot be refreshed", got)
	}
}

func TestContextCancel(t *testing.T) {
	srv := fastServer(t)
	t.Run("in flight", func(t *testing.T) {
		c := fastClient(t, srv)
		// An answer that never comes in the test's lifetime: only the
		// deadline can end the call.
		srv.SlowNext(time.Hour)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if _, err := c.Account(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
	})
	t.Run("waiting for the limiter", func(t *testing.T) {
		// The next turn is an hour away: only the cancel can end the wait.
		c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.RateLimit = 1.0 / 3600 })
		if _, err := c.Account(context.Background()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		err := c.Leads(ctx, amocrm.LeadQuery{}, 1, func(amocrm.Page[amocrm.Lead]) error { return nil })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("deadline before the limiter's turn", func(t *testing.T) {
		// The next turn is an hour away, the deadline a minute: the call
		// gives up at once, while the context is still alive, instead of
		// waiting for the deadline.
		c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.RateLimit = 1.0 / 3600 })
		if _, err := c.Account(context.Background()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := c.Account(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
		if ctx.Err() != nil {
			t.Errorf("the call waited for the deadline (%v) for a turn that could not come in time", ctx.Err())
		}
	})
	t.Run("during backoff", func(t *testing.T) {
		c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.RetryBase, cfg.RetryMax = 10*time.Second, 10*time.Second })
		srv.FailNext(http.StatusServiceUnavailable, "<html>503</html>")
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if _, err := c.Account(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
	})
}

func TestLeadURL(t *testing.T) {
	c := amocrm.New(amocrm.Config{BaseURL: "https://example.amocrm.ru/"})
	if got, want := c.LeadURL(42), "https://example.amocrm.ru/leads/detail/42"; got != want {
		t.Errorf("LeadURL = %q, want %q", got, want)
	}
}

// fastServer is a fake without amoCRM's rate limit, for tests about
// anything else, so they run at full speed.
func fastServer(t testing.TB, opts ...amocrmtest.Option) *amocrmtest.Server {
	t.Helper()
	return amocrmtest.NewServer(t, append([]amocrmtest.Option{amocrmtest.WithRateLimit(1_000_000, 1_000_000)}, opts...)...)
}

// fastClient talks to srv as its admin with millisecond backoff and no
// client-side pacing worth mentioning; change adjusts the config.
func fastClient(t testing.TB, srv *amocrmtest.Server, change ...func(*amocrm.Config)) *amocrm.Client {
	t.Helper()
	cfg := amocrm.Config{
		BaseURL:    srv.URL,
		Tokens:     amocrm.StaticToken(srv.Token()),
		HTTPClient: srv.Client(),
		RateLimit:  10_000,
		Timeout:    2 * time.Second,
		RetryBase:  time.Millisecond,
		RetryMax:   4 * time.Millisecond,
	}
	for _, c := range change {
		c(&cfg)
	}
	return amocrm.New(cfg)
}

// allLeads walks every page of leads matching q.
func allLeads(t *testing.T, c *amocrm.Client, q amocrm.LeadQuery) []amocrm.Lead {
	t.Helper()
	var out []amocrm.Lead
	err := c.Leads(context.Background(), q, 1, func(p amocrm.Page[amocrm.Lead]) error {
		out = append(out, p.Items...)
		return nil
	})
	if err != nil {
		t.Fatalf("Leads: %v", err)
	}
	return out
}

// memStore is a TokenStore in memory that records saves and can be told
// to fail.
type memStore struct {
	mu    sync.Mutex
	pair  amocrm.TokenPair
	saves int
	fail  error
}

func (m *memStore) LoadToken(context.Context) (amocrm.TokenPair, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pair, nil
}

func (m *memStore) SaveToken(_ context.Context, p amocrm.TokenPair) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.pair = p
	m.saves++
	return nil
}

func (m *memStore) get() (amocrm.TokenPair, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pair, m.saves
}

func oauthConfig(srv *amocrmtest.Server) amocrm.OAuthConfig {
	return amocrm.OAuthConfig{
		BaseURL:      srv.URL,
		ClientID:     amocrmtest.ClientID,
		ClientSecret: amocrmtest.ClientSecret,
		RedirectURI:  amocrmtest.RedirectURI,
		HTTPClient:   srv.Client(),
	}
}

const html429 = "<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center><hr><center>nginx</center></body></html>"

// TestRedirectIsNotFollowed: Go would replay a POST behind a redirect as
// a GET, and the write would look done without having happened.
func TestRedirectIsNotFollowed(t *testing.T) {
	var gets int
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v4/tasks", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved/api/v4/tasks", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved/", func(w http.ResponseWriter, r *http.Request) {
		gets++
		w.Header().Set("Content-Type", "application/hal+json")
		w.Write([]byte(`{"_embedded":{"tasks":[{"id":111,"request_id":"0"}]}}`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := amocrm.New(amocrm.Config{BaseURL: srv.URL, Tokens: amocrm.StaticToken("t"), HTTPClient: srv.Client(), MaxRetries: 1})
	_, err := c.CreateTasks(context.Background(), []amocrm.NewTask{{Text: "Позвонить", CompleteTill: time.Now().Add(time.Hour), TaskTypeID: 1}})
	if err == nil || gets != 0 {
		t.Fatalf("CreateTasks behind a redirect: err %v, %d replays as GET", err, gets)
	}
}
