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
