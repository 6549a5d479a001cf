package amocrm_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
)

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
