package amocrm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"processet/amocrm"
)

func TestExchangeAndRefresh(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	ctx := context.Background()
	code := srv.AuthCode()
	first, err := amocrm.ExchangeCode(ctx, oc, code)
	if err != nil {
		t.Fatalf("ExchangeCode: %v", err)
	}
	if first.Access == "" || first.Refresh == "" || time.Until(first.ExpiresAt) < 23*time.Hour {
		t.Errorf("pair = %+v, want tokens valid for a day", first)
	}
	if _, err := amocrm.ExchangeCode(ctx, oc, code); !errors.Is(err, amocrm.ErrUnauthorized) {
		t.Errorf("code reused: err = %v, want ErrUnauthorized", err)
	}

	second, err := amocrm.Refresh(ctx, oc, first.Refresh)
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	if second.Access == first.Access || second.Refresh == first.Refresh {
		t.Error("Refresh returned the old pair")
	}
	_, err = amocrm.Refresh(ctx, oc, first.Refresh)
	var apiErr *amocrm.APIError
	if !errors.Is(err, amocrm.ErrUnauthorized) || !errors.As(err, &apiErr) || apiErr.Status != 401 {
		t.Fatalf("old refresh token reused: err = %v, want 401 ErrUnauthorized", err)
	}
	if want := "Token has been revoked"; !strings.Contains(apiErr.Detail, want) {
		t.Errorf("detail %q lacks the hint %q", apiErr.Detail, want)
	}

	bad := oc
	bad.RedirectURI = "https://elsewhere.example/cb"
	if _, err := amocrm.Refresh(ctx, bad, second.Refresh); !errors.Is(err, amocrm.ErrUnauthorized) {
		t.Errorf("wrong redirect URI: err = %v, want ErrUnauthorized", err)
	}
}

// TestOAuthTokensRefreshOn401 expires the access token behind the
// client's back: the 401 leads to one refresh, the new pair is saved before
// use and the call succeeds.
func TestOAuthTokensRefreshOn401(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	pair, err := amocrm.ExchangeCode(context.Background(), oc, srv.AuthCode())
	if err != nil {
		t.Fatal(err)
	}
	store := &memStore{pair: pair}
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.Tokens = amocrm.NewOAuthTokens(oc, store) })
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("Account: %v", err)
	}
	srv.ExpireAccessTokens()

	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := c.Pipelines(context.Background()); err != nil {
				t.Errorf("Pipelines after expiry: %v", err)
			}
		})
	}
	wg.Wait()
	saved, saves := store.get()
	if saves != 1 || saved.Refresh == pair.Refresh {
		t.Errorf("store saved %d times (refresh rotated: %v), want once", saves, saved.Refresh != pair.Refresh)
	}
	if got := srv.Calls("POST /oauth2/access_token"); got != 2 {
		t.Errorf("token endpoint calls = %d, want 2 (exchange and one refresh)", got)
	}
}

// TestOAuthTokensRevokedRefresh shows what a caller sees when the refresh
// token was spent elsewhere: ErrUnauthorized with amoCRM's hint.
func TestOAuthTokensRevokedRefresh(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	pair, err := amocrm.ExchangeCode(context.Background(), oc, srv.AuthCode())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := amocrm.Refresh(context.Background(), oc, pair.Refresh); err != nil {
		t.Fatal(err) // another process used the refresh token
	}
	c := fastClient(t, srv, func(cfg *amocrm.Config) { cfg.Tokens = amocrm.NewOAuthTokens(oc, &memStore{pair: pair}) })
	srv.ExpireAccessTokens()
	_, err = c.Account(context.Background())
	if !errors.Is(err, amocrm.ErrUnauthorized) || !strings.Contains(err.Error(), "Token has been revoked") {
		t.Errorf("err = %v, want ErrUnauthorized saying the token was revoked", err)
	}
}

func TestOAuthTokensSaveFailure(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	pair, err := amocrm.ExchangeCode(context.Background(), oc, srv.AuthCode())
	if err != nil {
		t.Fatal(err)
	}
	pair.ExpiresAt = time.Now() // due for refresh
	store := &memStore{pair: pair, fail: errors.New("disk full")}
	src := amocrm.NewOAuthTokens(oc, store)
	if _, err := src.Token(context.Background()); err == nil {
		t.Fatal("Token handed out a pair that was not saved")
	}
	store.mu.Lock()
	store.fail = nil
	store.mu.Unlock()
	tok, err := src.Token(context.Background())
	if err != nil || tok == "" {
		t.Fatalf("Token after the store recovered: %q, %v", tok, err)
	}
	if got := srv.Calls("POST /oauth2/access_token"); got != 2 {
		t.Errorf("token endpoint calls = %d, want 2: the refreshed pair is kept, not refreshed again", got)
	}
	if saved, _ := store.get(); saved.Access != tok {
		t.Error("the token handed out is not the saved one")
	}
}

func TestOAuthTokensRefreshBeforeExpiry(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	pair, err := amocrm.ExchangeCode(context.Background(), oc, srv.AuthCode())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	oc.Now = func() time.Time { return now }
	src := amocrm.NewOAuthTokens(oc, &memStore{pair: pair})
	if tok, _ := src.Token(context.Background()); tok != pair.Access {
		t.Fatal("fresh token was refreshed")
	}
	now = pair.ExpiresAt.Add(-time.Minute)
	if tok, err := src.Token(context.Background()); err != nil || tok == pair.Access {
		t.Errorf("token a minute before expiry not refreshed: %v", err)
	}
}

func TestOAuthTokensConnect(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	ctx := context.Background()
	store := &memStore{}
	src := amocrm.NewOAuthTokens(oc, store)
	code := srv.AuthCode()
	if err := src.Connect(ctx, code); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	saved, saves := store.get()
	if saves != 1 || saved.Access == "" || saved.Refresh == "" {
		t.Fatalf("store after Connect: %d saves, pair %+v", saves, saved)
	}
	if tok, err := src.Token(ctx); err != nil || tok != saved.Access {
		t.Errorf("Token after Connect = %q, %v; want the saved access token", tok, err)
	}
	if err := src.Connect(ctx, code); !errors.Is(err, amocrm.ErrUnauthorized) {
		t.Errorf("code reused: err = %v, want ErrUnauthorized", err)
	}
	if again, saves := store.get(); saves != 1 || again != saved {
		t.Error("a failed Connect touched the store")
	}
}

// lockedStore is a memStore shared by several OAuthTokens, as the database
// is by several processes, with a lock around refreshes.
type lockedStore struct {
	*memStore
	lockMu sync.Mutex
}

func (l *lockedStore) Lock(context.Context) (func(), error) {
	l.lockMu.Lock()
	return l.lockMu.Unlock, nil
}

// TestOAuthTokensSharedStore has two sources over one store with a lock,
// both due for a refresh at once: one refreshes, the other waits, reloads
// and takes the new pair instead of spending the dead refresh token.
func TestOAuthTokensSharedStore(t *testing.T) {
	srv := fastServer(t)
	oc := oauthConfig(srv)
	ctx := context.Background()
	pair, err := amocrm.ExchangeCode(ctx, oc, srv.AuthCode())
	if err != nil {
		t.Fatal(err)
	}
	pair.ExpiresAt = time.Now() // due for refresh
	store := &lockedStore{memStore: &memStore{pair: pair}}
	sources := []*amocrm.OAuthTokens{amocrm.NewOAuthTokens(oc, store), amocrm.NewOAuthTokens(oc, store)}
	tokens := make([]string, 6)
	var wg sync.WaitGroup
	for i := range tokens {
		wg.Go(func() {
			tok, err := sources[i%2].Token(ctx)
			if err != nil {
				t.Errorf("source %d: %v", i%2, err)
			}
			tokens[i] = tok
		})
	}
	wg.Wait()
	if got := srv.Calls("POST /oauth2/access_token"); got != 2 {
		t.Errorf("token endpoint calls = %d, want 2 (exchange and one refresh)", got)
	}
	saved, saves := store.get()
	for i, tok := range tokens {
		if tok != saved.Access {
			t.Errorf("call %d got %.12q…, want the saved token %.12q…", i, tok, saved.Access)
		}
	}
	if saves != 1 || saved.Refresh == pair.Refresh {
		t.Errorf("store saved %d times (refresh rotated: %v), want once", saves, saved.Refresh != pair.Refresh)
	}
}
