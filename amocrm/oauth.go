package amocrm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// TokenSource hands out the access token for each request. On a 401 the
// client calls Invalidate with the token that failed and asks again, once;
// an implementation refreshes then. Passing the failed token lets a source
// shared by concurrent calls refresh only once: a second Invalidate with an
// already replaced token changes nothing.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
	Invalidate(ctx context.Context, token string)
}

// StaticToken is a long-lived token. It cannot be refreshed, so a 401 with
// it is final, as in amoCRM's own library.
type StaticToken string

// Token returns the token itself.
func (t StaticToken) Token(context.Context) (string, error) { return string(t), nil }

// Invalidate does nothing: a long-lived token is replaced by a person.
func (StaticToken) Invalidate(context.Context, string) {}

// OAuthConfig identifies the integration to amoCRM's token endpoint.
type OAuthConfig struct {
	// BaseURL is the account's address; the token endpoint lives there (the
	// redirect after consent names it in the referer parameter).
	BaseURL      string
	ClientID     string
	ClientSecret string
	RedirectURI  string // must equal the one registered for the integration
	HTTPClient   *http.Client
	Timeout      time.Duration // default DefaultTimeout
	Now          func() time.Time
}

// TokenPair is what the token endpoint issues. The refresh token is single
// use: once Refresh has been called with it, only the new pair is valid.
type TokenPair struct {
	Access    string
	Refresh   string
	ExpiresAt time.Time
}

// tokenRequest is the body of POST /oauth2/access_token, JSON as in the
// official examples.
type tokenRequest struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	GrantType    string `json:"grant_type"`
	Code         string `json:"code,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
	RedirectURI  string `json:"redirect_uri"`
}

type tokenResponse struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// ExchangeCode trades an authorization code from the consent redirect for
// the first token pair. Codes live about 20 minutes and work once.
func ExchangeCode(ctx context.Context, oc OAuthConfig, code string) (TokenPair, error) {
	pair, err := requestToken(ctx, oc, tokenRequest{GrantType: "authorization_code", Code: code})
	if err != nil {
		return TokenPair{}, fmt.Errorf("exchange authorization code: %w", err)
	}
	return pair, nil
}

// Refresh trades a refresh token for a new pair. The old refresh token dies
// the moment amoCRM answers, so the caller must persist the new pair before
// relying on it; ErrUnauthorized means the token was already used or has
// expired and a person has to authorize the integration again.
func Refresh(ctx context.Context, oc OAuthConfig, refreshToken string) (TokenPair, error) {
	pair, err := requestToken(ctx, oc, tokenRequest{GrantType: "refresh_token", RefreshToken: refreshToken})
	if err != nil {
		return TokenPair{}, fmt.Errorf("refresh access token: %w", err)
	}
	return pair, nil
}

// requestToken posts to the token endpoint without retries: a repeated
// refresh after a lost answer would present an already spent token.
func requestToken(ctx context.Context, oc OAuthConfig, req tokenRequest) (TokenPair, error) {
	req.ClientID, req.ClientSecret, req.RedirectURI = oc.ClientID, oc.ClientSecret, oc.RedirectURI
	body, err := json.Marshal(req)
	if err != nil {
		return TokenPair{}, err
	}
	c := New(Config{BaseURL: oc.BaseURL, HTTPClient: oc.HTTPClient, Timeout: oc.Timeout, MaxRetries: -1, Now: oc.Now})
	res, err := c.do(ctx, call{method: http.MethodPost, path: "/oauth2/access_token", body: body, noAuth: true})
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest {
		apiErr.kind = ErrUnauthorized // a bad or expired code: authorize again
	}
	if err != nil {
		return TokenPair{}, err
	}
	var tr tokenResponse
	if err := decode(res, "token", &tr); err != nil {
		return TokenPair{}, err
	}
	if tr.AccessToken == "" || !strings.EqualFold(tr.TokenType, "bearer") {
		return TokenPair{}, fmt.Errorf("token endpoint answered without a bearer token")
	}
	return TokenPair{
		Access:    tr.AccessToken,
		Refresh:   tr.RefreshToken,
		ExpiresAt: c.now().Add(time.Duration(tr.ExpiresIn) * time.Second),
	}, nil
}

// ErrNoToken is what a TokenStore returns before anyone has connected the
// integration: an admin has to authorize it and the code go to Connect.
var ErrNoToken = errors.New("amocrm: no token yet, connect the integration")

// TokenStore keeps the current pair across restarts. SaveToken must be
// durable when it returns: the refresh token it replaces is already dead.
// LoadToken returns an error wrapping ErrNoToken when there is no pair.
type TokenStore interface {
	LoadToken(ctx context.Context) (TokenPair, error)
	SaveToken(ctx context.Context, p TokenPair) error
}

// TokenLocker is implemented by a TokenStore that several processes share.
// Refresh tokens work once, so two processes refreshing the same pair
// would leave one of them, and possibly the saved pair, with a dead token.
// OAuthTokens holds the lock around "reload, refresh if still due, save";
// a process that waited for it finds the pair the other one saved and
// uses that instead of refreshing again. unlock must be safe to call once
// whatever happened in between.
type TokenLocker interface {
	Lock(ctx context.Context) (unlock func(), err error)
}

// refreshEarly renews a token this long before it expires, so a request in
// flight does not meet the expiry.
const refreshEarly = 5 * time.Minute

// OAuthTokens is a TokenSource over the OAuth flow. It refreshes when the
// access token is near expiry or was refused, saves the new pair before
// handing out its access token, and lets one refresh happen at a time: in
// this process by its mutex, across processes by the store's TokenLocker
// when it has one.
type OAuthTokens struct {
	cfg   OAuthConfig
	store TokenStore
	now   func() time.Time

	mu      sync.Mutex
	pair    TokenPair
	loaded  bool
	stale   bool // refused by the API: refresh on next use
	unsaved bool // refreshed but SaveToken failed: retry before use
}

// NewOAuthTokens returns a source that loads its first pair from store.
func NewOAuthTokens(oc OAuthConfig, store TokenStore) *OAuthTokens {
	now := oc.Now
	if now == nil {
		now = time.Now
	}
	return &OAuthTokens{cfg: oc, store: store, now: now}
}

// Connect trades the authorization code from the consent redirect for a
// pair, saves it and uses it from now on, replacing whatever pair there was.
// It takes the store's lock first, so a database that is down fails before
// the single-use code is spent, and a refresh running elsewhere cannot
// overwrite the new pair with one from the old connection.
func (s *OAuthTokens) Connect(ctx context.Context, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lock(ctx)
	if err != nil {
		return fmt.Errorf("connect amocrm: %w", err)
	}
	defer unlock()
	p, err := ExchangeCode(ctx, s.cfg, code)
	if err != nil {
		return fmt.Errorf("connect amocrm: %w", err)
	}
	if err := s.store.SaveToken(ctx, p); err != nil {
		return fmt.Errorf("connect amocrm: save token: %w", err)
	}
	s.pair, s.loaded, s.stale, s.unsaved = p, true, false, false
	return nil
}

// Token returns a valid access token, refreshing and persisting first if
// needed.
func (s *OAuthTokens) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded {
		p, err := s.store.LoadToken(ctx)
		if err != nil {
			return "", fmt.Errorf("load token: %w", err)
		}
		s.pair, s.loaded = p, true
	}
	if !s.unsaved && !s.due() {
		return s.pair.Access, nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return "", err
	}
	defer unlock()
	if !s.unsaved {
		if err := s.renew(ctx); err != nil {
			return "", err
		}
	}
	if s.unsaved {
		// Keep the new pair in memory even if saving fails: the old one is
		// useless now, and the next call tries to save again.
		if err := s.store.SaveToken(ctx, s.pair); err != nil {
			return "", fmt.Errorf("save refreshed token: %w", err)
		}
		s.unsaved = false
	}
	return s.pair.Access, nil
}

// due tells whether the pair in memory needs a refresh.
func (s *OAuthTokens) due() bool {
	return s.stale || !s.now().Before(s.pair.ExpiresAt.Add(-refreshEarly))
}

// lock takes the store's cross-process lock, if it has one.
func (s *OAuthTokens) lock(ctx context.Context) (unlock func(), err error) {
	l, ok := s.store.(TokenLocker)
	if !ok {
		return func() {}, nil
	}
	unlock, err = l.Lock(ctx)
	if err != nil {
		return nil, fmt.Errorf("lock token: %w", err)
	}
	return unlock, nil
}

// renew refreshes the pair. Behind a TokenLocker it first reloads: when
// another process has saved a new pair meanwhile, that pair is taken, and
// refreshed only if it is itself due.
func (s *OAuthTokens) renew(ctx context.Context) error {
	if _, shared := s.store.(TokenLocker); shared {
		p, err := s.store.LoadToken(ctx)
		if err != nil {
			return fmt.Errorf("reload token: %w", err)
		}
		if p.Access != s.pair.Access || p.Refresh != s.pair.Refresh {
			s.pair, s.stale = p, false
		}
		if !s.due() {
			return nil
		}
	}
	p, err := Refresh(ctx, s.cfg, s.pair.Refresh)
	if err != nil {
		return err
	}
	s.pair, s.stale, s.unsaved = p, false, true
	return nil
}

// Invalidate marks token as refused so the next Token refreshes, unless it
// was already replaced.
func (s *OAuthTokens) Invalidate(_ context.Context, token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded && token == s.pair.Access {
		s.stale = true
	}
}
