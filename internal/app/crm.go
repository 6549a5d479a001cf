package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"processet/amocrm"
	"processet/crmsync"
	"processet/deals"
	"processet/domain"
	"processet/i18n"
	"processet/internal/metrics"
	"processet/internal/secret"
	"processet/notify"
	"processet/storage"
)

// crm is the amoCRM connection, when one is configured.
type crm struct {
	client *amocrm.Client
	syncer *crmsync.Syncer
	oauth  *amocrm.OAuthTokens // nil with a long-lived token
	log    *slog.Logger
}

// startCRM connects to amoCRM when AMOCRM_BASE_URL is set. A block of
// the account for too many requests is told to every admin: only amoCRM's
// support lifts it, and the dashboards go stale until then.
func startCRM(cfg Config, db *storage.DB, outbox *notify.Outbox, m *metrics.Metrics, log *slog.Logger) (*crm, error) {
	if cfg.AmoCRM.BaseURL == "" {
		return nil, nil
	}
	var tokens amocrm.TokenSource = amocrm.StaticToken(cfg.AmoCRM.Token)
	var oauth *amocrm.OAuthTokens
	if cfg.AmoCRM.ClientID != "" {
		box, err := secret.NewBox(cfg.AmoCRM.SecretKey)
		if err != nil {
			return nil, fmt.Errorf("SECRET_KEY: %w", err)
		}
		oauth = amocrm.NewOAuthTokens(amocrm.OAuthConfig{BaseURL: cfg.AmoCRM.BaseURL, ClientID: cfg.AmoCRM.ClientID,
			ClientSecret: cfg.AmoCRM.ClientSecret, RedirectURI: cfg.AmoCRM.RedirectURI, Now: cfg.Now},
			storage.NewAmoCRMTokenStore(db, box, cfg.AmoCRM.BaseURL))
		tokens = oauth
	}
	// The account's 7 requests a second hold for the deployment: every
	// replica's requests take turns in the database.
	turns := "amocrm:" + cfg.AmoCRM.BaseURL
	client := amocrm.New(amocrm.Config{BaseURL: cfg.AmoCRM.BaseURL, Tokens: tokens, Logger: log, Now: cfg.Now,
		Pace:       func(ctx context.Context, interval time.Duration) error { return db.TakeTurn(ctx, turns, interval) },
		OnResponse: m.CRMRequest})
	syncer := crmsync.New(client, db, crmsync.Config{Logger: log, Now: cfg.Now, OnBlocked: func(err error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		day := cfg.Now().UTC().Format(time.DateOnly)
		var msgs []notify.Message
		for _, a := range admins(ctx, cfg, db) {
			text := i18n.New(a.Language(), cfg.Location).T(i18n.CRMBlockedAlert)
			msgs = append(msgs, notify.Message{Key: fmt.Sprintf("amocrm-blocked:%s:%d", day, a.ID),
				Telegram: &notify.Telegram{ChatID: a.ID, Text: text}})
		}
		if err := outbox.Enqueue(ctx, msgs...); err != nil {
			log.Error("alert admins about the amoCRM block", "err", err)
		}
	}})
	return &crm{client: client, syncer: syncer, oauth: oauth, log: log}, nil
}

// sync is the periodic job: a run already going (here or in another
// process) is not an error.
func (c *crm) sync(ctx context.Context) error {
	err := c.syncer.Run(ctx)
	if errors.Is(err, amocrm.ErrNoToken) {
		c.log.Warn("amoCRM is not connected yet: an admin sends /amocrm <code>")
		return nil
	}
	if err != nil && !errors.Is(err, crmsync.ErrRunning) {
		return err
	}
	return nil
}

// Connect exchanges an OAuth authorization code an admin pasted, keeps
// the tokens and syncs at once: after a periodic run under way, which
// may have started before there was a token.
func (c *crm) Connect(ctx context.Context, code string) error {
	if c == nil || c.oauth == nil {
		return errNoOAuth
	}
	if err := c.oauth.Connect(ctx, code); err != nil {
		if errors.Is(err, amocrm.ErrUnauthorized) {
			return errBadCode
		}
		return err
	}
	c.syncer.Resync()
	return nil
}

var (
	errNoOAuth = domain.NewError(domain.Invalid, domain.ErrKeyNoOAuth)
	errBadCode = domain.NewError(domain.Invalid, domain.ErrKeyBadOAuthCode)
)

// webhook mounts amoCRM's webhook endpoint when a secret is configured.
func (c *crm) webhook(mux *http.ServeMux, secret string) {
	if c == nil || secret == "" {
		return
	}
	mux.Handle(crmsync.WebhookPath, c.syncer.WebhookHandler(secret))
}

// requests is how many requests were made to amoCRM, for /status.
func (c *crm) requests() int64 {
	if c == nil {
		return 0
	}
	return c.client.Stats().Requests
}

// admins lists who to alert: the admins in the database, and configured
// ones who have not written to the bot yet (in the default language).
func admins(ctx context.Context, cfg Config, db *storage.DB) []domain.User {
	users, _ := db.UsersWithRole(ctx, domain.RoleAdmin) // on error: the configured ones still hear
	return domain.WithConfiguredAdmins(users, cfg.AdminIDs)
}

// deals is the deals area's actions; without amoCRM they say so.
func (c *crm) deals(db *storage.DB, outbox *notify.Outbox, word deals.Message, baseURL string, log *slog.Logger) *deals.Service {
	if c == nil {
		return deals.New(db, nil, nil, outbox, word, "", log)
	}
	return deals.New(db, c.client, c.syncer, outbox, word, baseURL, log)
}
