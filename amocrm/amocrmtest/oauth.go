package amocrmtest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"strings"
	"time"
)

// Lifetimes amoCRM gives out: codes ~20 minutes, refresh tokens 3 months.
const (
	codeTTL    = 20 * time.Minute
	refreshTTL = 90 * 24 * time.Hour
)

// grant is what a token or code stands for.
type grant struct {
	user    int64
	expires time.Time // zero: never (long-lived tokens)
	used    bool      // codes and refresh tokens work once
}

type authState struct {
	access  map[string]*grant
	codes   map[string]*grant
	refresh map[string]*grant
	admin   string // long-lived token of the admin, made at start
}

func newAuthState() *authState {
	return &authState{access: map[string]*grant{}, codes: map[string]*grant{}, refresh: map[string]*grant{}}
}

// Token is a long-lived token of the account's admin, valid until the
// server stops; the simplest way to point a client at the fake.
func (s *Server) Token() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.auth.admin == "" {
		s.auth.admin = s.mint(s.firstAdmin(), time.Time{})
	}
	return s.auth.admin
}

// TokenFor is a long-lived token of the given user, e.g. a manager without
// admin rights.
func (s *Server) TokenFor(user int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mint(user, time.Time{})
}

// AuthCode is an authorization code for the admin, as the consent redirect
// would deliver it; it works once within 20 minutes.
func (s *Server) AuthCode() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	code := "def50200" + rand.Text() + rand.Text()
	s.auth.codes[code] = &grant{user: s.firstAdmin(), expires: s.now().Add(codeTTL)}
	return code
}

// ExpireAccessTokens makes every access token issued by the token endpoint
// expire now, so the next API call with one gets 401. Long-lived tokens
// are kept.
func (s *Server) ExpireAccessTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for _, g := range s.auth.access {
		if !g.expires.IsZero() {
			g.expires = now
		}
	}
}

func (s *Server) firstAdmin() int64 {
	for _, u := range s.st.users {
		if u.Admin {
			return u.ID
		}
	}
	return 0
}

// mint makes a JWT-shaped access token with the claims real ones carry.
// Clients must treat it as opaque; the signature is random.
func (s *Server) mint(user int64, expires time.Time) string {
	now := s.now()
	jti := rand.Text()
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	exp := expires
	if exp.IsZero() {
		exp = now.AddDate(5, 0, 0)
	}
	head := enc(map[string]any{"typ": "JWT", "alg": "RS256", "jti": jti})
	body := enc(map[string]any{
		"aud": ClientID, "jti": jti, "iat": now.Unix(), "nbf": now.Unix(), "exp": exp.Unix(),
		"sub": itoa(int(user)), "grant_type": "", "account_id": s.st.account.ID, "base_domain": "amocrm.ru",
		"version": 2, "scopes": []string{"crm", "files", "notifications"}, "api_domain": "api-b.amocrm.ru",
	})
	sig := make([]byte, 64)
	_, _ = rand.Read(sig)
	token := head + "." + body + "." + base64.RawURLEncoding.EncodeToString(sig)
	s.auth.access[token] = &grant{user: user, expires: expires}
	return token
}

// userFor is the user a bearer token belongs to, if it is valid now.
func (s *Server) userFor(token string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.auth.access[token]
	if !ok || !g.expires.IsZero() && !s.now().Before(g.expires) {
		return 0, false
	}
	return g.user, true
}

// tokenForm is the token request, sent as JSON or as a form.
type tokenForm struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	GrantType    string `json:"grant_type"`
	Code         string `json:"code"`
	RefreshToken string `json:"refresh_token"`
	RedirectURI  string `json:"redirect_uri"`
}

func readTokenForm(r *http.Request) (tokenForm, bool) {
	var f tokenForm
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" {
		return f, json.NewDecoder(r.Body).Decode(&f) == nil
	}
	if r.ParseForm() != nil {
		return f, false
	}
	g := r.PostForm.Get
	return tokenForm{g("client_id"), g("client_secret"), g("grant_type"), g("code"), g("refresh_token"), g("redirect_uri")}, true
}

// writeOAuthProblem answers like amoCRM's token endpoint does.
func writeOAuthProblem(w http.ResponseWriter, status int, hint string) {
	writeJSON(w, "application/problem+json", status, map[string]any{
		"hint": hint, "title": "Некорректный запрос", "type": "https://developers.amocrm.ru/v3/errors/OAuthProblemJson",
		"status": status, "detail": "В запросе отсутствует ряд параметров или параметры невалидны",
	})
}

// handleToken serves POST /oauth2/access_token: a code or a refresh token,
// each usable once, for a new access/refresh pair.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	f, ok := readTokenForm(r)
	switch {
	case !ok:
		writeOAuthProblem(w, http.StatusBadRequest, "Request body is malformed")
		return
	case f.ClientID != ClientID || f.ClientSecret != ClientSecret:
		writeOAuthProblem(w, http.StatusUnauthorized, "Client authentication failed")
		return
	case strings.TrimRight(f.RedirectURI, "/") != strings.TrimRight(RedirectURI, "/"):
		writeOAuthProblem(w, http.StatusBadRequest, "Redirect URI mismatch")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var g *grant
	switch f.GrantType {
	case "authorization_code":
		g = s.auth.codes[f.Code]
		switch {
		case g == nil || g.used:
			writeOAuthProblem(w, http.StatusBadRequest, "Authorization code has been revoked")
			return
		case !now.Before(g.expires):
			writeOAuthProblem(w, http.StatusBadRequest, "Authorization code has expired")
			return
		}
	case "refresh_token":
		g = s.auth.refresh[f.RefreshToken]
		switch {
		case g == nil || g.used:
			writeOAuthProblem(w, http.StatusUnauthorized, "Token has been revoked")
			return
		case !now.Before(g.expires):
			writeOAuthProblem(w, http.StatusUnauthorized, "Token has expired")
			return
		}
	default:
		writeOAuthProblem(w, http.StatusBadRequest, "Check the `grant_type` parameter")
		return
	}
	g.used = true
	refresh := "def50200" + rand.Text() + rand.Text() + rand.Text()
	s.auth.refresh[refresh] = &grant{user: g.user, expires: now.Add(refreshTTL)}
	writeJSON(w, "application/json", http.StatusOK, map[string]any{
		"token_type":    "Bearer",
		"expires_in":    int64(s.opts.accessTTL / time.Second),
		"access_token":  s.mint(g.user, now.Add(s.opts.accessTTL)),
		"refresh_token": refresh,
	})
}
