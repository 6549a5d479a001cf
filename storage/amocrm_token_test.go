package storage_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
	"processet/internal/secret"
	"processet/internal/testdb"
	"processet/storage"
)

const (
	tokenKey      = "Vt3nQ8xK1pZr6Wm2Yc9Hb4Lf7Dg0Js5A"
	otherTokenKey = "Ej2Mu7Nq4Xs9Ka1Rb6Tc3Wd8Pf5Lh0Gz"
)

// tokenEnv is one fake amoCRM account and the settings of the bot talking
// to it, with a clock the test moves.
type tokenEnv struct {
	srv   *amocrmtest.Server
	oc    amocrm.OAuthConfig
	clock atomic.Int64 // unix nanoseconds
}

func newTokenEnv(t *testing.T) *tokenEnv {
	t.Helper()
	e := &tokenEnv{srv: amocrmtest.NewServer(t, amocrmtest.WithRateLimit(1_000_000, 1_000_000))}
	e.clock.Store(time.Now().UnixNano())
	e.oc = amocrm.OAuthConfig{BaseURL: e.srv.URL, ClientID: amocrmtest.ClientID, ClientSecret: amocrmtest.ClientSecret,
		RedirectURI: amocrmtest.RedirectURI, HTTPClient: e.srv.Client(), Timeout: 5 * time.Second,
		Now: func() time.Time { return time.Unix(0, e.clock.Load()) }}
	return e
}

// advance moves the bot's clock; the fake keeps real time.
func (e *tokenEnv) advance(d time.Duration) { e.clock.Add(int64(d)) }

// tokenCalls is how many requests reached the token endpoint.
func (e *tokenEnv) tokenCalls() int { return e.srv.Calls("POST /oauth2/access_token") }

// works tells whether amoCRM accepts token.
func (e *tokenEnv) works(t *testing.T, token string) bool {
	t.Helper()
	c := amocrm.New(amocrm.Config{BaseURL: e.srv.URL, Tokens: amocrm.StaticToken(token), HTTPClient: e.srv.Client(),
		MaxRetries: -1})
	_, err := c.Account(context.Background())
	return err == nil
}

func (e *tokenEnv) store(t *testing.T, db *storage.DB, key string) *storage.AmoCRMTokenStore {
	t.Helper()
	box, err := secret.NewBox(key)
	if err != nil {
		t.Fatal(err)
	}
	return storage.NewAmoCRMTokenStore(db, box, e.srv.URL+"/")
}

// connect stores the first pair as the admin's command does.
func (e *tokenEnv) connect(t *testing.T, store amocrm.TokenStore) amocrm.TokenPair {
	t.Helper()
	ctx := context.Background()
	if err := amocrm.NewOAuthTokens(e.oc, store).Connect(ctx, e.srv.AuthCode()); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	p, err := store.LoadToken(ctx)
	if err != nil {
		t.Fatalf("LoadToken after Connect: %v", err)
	}
	return p
}

func TestAmoCRMTokenConnectSealed(t *testing.T) {
	ctx := context.Background()
	e := newTokenEnv(t)
	pool := testdb.New(t)
	store := e.store(t, storage.New(pool), tokenKey)
	src := amocrm.NewOAuthTokens(e.oc, store)
	if _, err := src.Token(ctx); !errors.Is(err, amocrm.ErrNoToken) {
		t.Fatalf("Token before Connect: err = %v, want ErrNoToken", err)
	}

	if err := src.Connect(ctx, e.srv.AuthCode()); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	tok, err := src.Token(ctx)
	if err != nil || !e.works(t, tok) {
		t.Fatalf("Token after Connect = %.12q…, %v; want a working token", tok, err)
	}
	saved, err := store.LoadToken(ctx)
	if err != nil || saved.Access != tok || saved.Refresh == "" {
		t.Fatalf("LoadToken = %+v, %v; want the pair handed out", saved, err)
	}
	if d := saved.ExpiresAt.Sub(time.Unix(0, e.clock.Load())); d < 23*time.Hour || d > 25*time.Hour {
		t.Errorf("saved pair expires in %v, want a day", d)
	}

	var baseURL string
	var access, refresh []byte
	err = pool.QueryRow(ctx, `select base_url, access_token, refresh_token from amocrm_oauth`).
		Scan(&baseURL, &access, &refresh)
	if err != nil {
		t.Fatal(err)
	}
	if baseURL != e.srv.URL {
		t.Errorf("base_url = %q, want %q", baseURL, e.srv.URL)
	}
	for _, raw := range [][]byte{access, refresh} {
		for _, plain := range []string{saved.Access, saved.Refresh, saved.Access[:16], saved.Refresh[:16]} {
			if bytes.Contains(raw, []byte(plain)) {
				t.Errorf("stored bytes contain %.16q…", plain)
			}
		}
	}
	if e.tokenCalls() != 1 {
		t.Errorf("token endpoint calls = %d, want 1", e.tokenCalls())
	}

	// Connecting again replaces the pair; there is still one row.
	again := e.connect(t, store)
	var rows int
	if err := pool.QueryRow(ctx, `select count(*) from amocrm_oauth`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("rows = %d, %v; want 1", rows, err)
	}
	if again.Access == saved.Access {
		t.Error("second Connect did not replace the pair")
	}
}

func TestAmoCRMTokenOtherAccount(t *testing.T) {
	e := newTokenEnv(t)
	db := storage.New(testdb.New(t))
	e.connect(t, e.store(t, db, tokenKey))
	box, _ := secret.NewBox(tokenKey)
	other := storage.NewAmoCRMTokenStore(db, box, "https://other.amocrm.ru")
	_, err := other.LoadToken(context.Background())
	if !errors.Is(err, amocrm.ErrNoToken) || !strings.Contains(err.Error(), e.srv.URL) {
		t.Errorf("pair of another account: err = %v, want ErrNoToken naming %s", err, e.srv.URL)
	}
}

// TestAmoCRMTokenRefresh shows a new process finding an expired pair: it
// refreshes before the first request, and saves before handing out; then a
// 401 leads to one more refresh, also saved.
func TestAmoCRMTokenRefresh(t *testing.T) {
	ctx := context.Background()
	e := newTokenEnv(t)
	db := storage.New(testdb.New(t))
	store := e.store(t, db, tokenKey)
	first := e.connect(t, store)
	e.advance(25 * time.Hour)

	src := amocrm.NewOAuthTokens(e.oc, e.store(t, db, tokenKey))
	c := amocrm.New(amocrm.Config{BaseURL: e.srv.URL, Tokens: src, HTTPClient: e.srv.Client(), MaxRetries: -1,
		Now: e.oc.Now})
	if _, err := c.Account(ctx); err != nil {
		t.Fatalf("Account with an expired pair: %v", err)
	}
	tok, err := src.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second, err := store.LoadToken(ctx)
	if err != nil || second.Access != tok || second.Access == first.Access || second.Refresh == first.Refresh {
		t.Fatalf("saved pair after refresh: %v; want the new pair handed out", err)
	}
	if e.tokenCalls() != 2 {
		t.Errorf("token endpoint calls = %d, want 2 (exchange, refresh)", e.tokenCalls())
	}

	e.srv.ExpireAccessTokens() // amoCRM refuses it before its time
	if _, err := c.Pipelines(ctx); err != nil {
		t.Fatalf("Pipelines after a 401: %v", err)
	}
	third, err := store.LoadToken(ctx)
	if tok, _ := src.Token(ctx); err != nil || third.Access != tok || third.Refresh == second.Refresh {
		t.Errorf("saved pair after the 401: %v; want the refreshed pair", err)
	}
	if e.tokenCalls() != 3 {
		t.Errorf("token endpoint calls = %d, want 3", e.tokenCalls())
	}
}

// TestAmoCRMTokenTwoProcesses has two processes, each with its own pool,
// due for a refresh at the same moment. One refreshes; the other waits
// for the lock, finds the new pair and uses it.
func TestAmoCRMTokenTwoProcesses(t *testing.T) {
	ctx := context.Background()
	e := newTokenEnv(t)
	url := testdb.NewURL(t)
	var sources []*amocrm.OAuthTokens
	var first amocrm.TokenPair
	for i := range 2 {
		db, err := storage.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(db.Close)
		store := e.store(t, db, tokenKey)
		if i == 0 {
			first = e.connect(t, store)
		}
		src := amocrm.NewOAuthTokens(e.oc, store)
		if tok, err := src.Token(ctx); err != nil || tok != first.Access {
			t.Fatalf("process %d: Token = %v, want the connected pair", i, err)
		}
		sources = append(sources, src)
	}
	e.advance(24 * time.Hour) // both hold the same pair in memory, now due

	start := make(chan struct{})
	tokens := make([]string, 8)
	var wg sync.WaitGroup
	for i := range tokens {
		wg.Go(func() {
			<-start
			tok, err := sources[i%2].Token(ctx)
			if err != nil {
				t.Errorf("process %d: %v", i%2, err)
			}
			tokens[i] = tok
		})
	}
	close(start)
	wg.Wait()

	if e.tokenCalls() != 2 {
		t.Errorf("token endpoint calls = %d, want 2 (exchange and exactly one refresh)", e.tokenCalls())
	}
	db, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	saved, err := e.store(t, db, tokenKey).LoadToken(ctx)
	if err != nil || saved.Refresh == first.Refresh {
		t.Fatalf("saved pair: %v; want the refreshed one", err)
	}
	for i, tok := range tokens {
		if tok != saved.Access {
			t.Errorf("process %d got %.12q…, want the saved %.12q…", i%2, tok, saved.Access)
		}
	}
	if !e.works(t, saved.Access) {
		t.Error("amoCRM refuses the shared token")
	}
}

// TestAmoCRMTokenWrongKey starts a process with another SECRET_KEY: it
// must stop at the sealed pair, not refresh with what a wrong key yields.
func TestAmoCRMTokenWrongKey(t *testing.T) {
	ctx := context.Background()
	e := newTokenEnv(t)
	pool := testdb.New(t)
	db := storage.New(pool)
	store := e.store(t, db, tokenKey)
	first := e.connect(t, store)
	e.advance(25 * time.Hour) // a refresh would be due

	_, err := amocrm.NewOAuthTokens(e.oc, e.store(t, db, otherTokenKey)).Token(ctx)
	if !errors.Is(err, secret.ErrOpen) || !strings.Contains(err.Error(), "wrong SECRET_KEY") {
		t.Errorf("Token with another key: err = %v, want secret.ErrOpen naming the key", err)
	}
	if e.tokenCalls() != 1 {
		t.Errorf("token endpoint calls = %d, want 1: nothing refreshed", e.tokenCalls())
	}
	if p, err := store.LoadToken(ctx); err != nil || p.Refresh != first.Refresh {
		t.Errorf("the saved pair changed: %v", err)
	}

	if _, err := pool.Exec(ctx, `update amocrm_oauth set refresh_token = 'not sealed'`); err != nil {
		t.Fatal(err)
	}
	if _, err := store.LoadToken(ctx); !errors.Is(err, secret.ErrMalformed) {
		t.Errorf("LoadToken of bytes never sealed: err = %v, want secret.ErrMalformed", err)
	}
}

// TestAmoCRMTokenLock checks that a wait given up leaves no lock behind.
func TestAmoCRMTokenLock(t *testing.T) {
	ctx := context.Background()
	e := newTokenEnv(t)
	url := testdb.NewURL(t)
	var stores []*storage.AmoCRMTokenStore
	for range 2 {
		db, err := storage.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(db.Close)
		stores = append(stores, e.store(t, db, tokenKey))
	}
	unlock, err := stores[0].Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if _, err := stores[1].Lock(short); err == nil {
		t.Fatal("second Lock succeeded while the first was held")
	}
	unlock()
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	unlock, err = stores[1].Lock(wait)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	unlock()
	if unlock, err = stores[0].Lock(wait); err != nil {
		t.Fatalf("Lock again in the first process: %v", err)
	}
	unlock()
}
