// Package apptest boots the whole application for end-to-end tests: the
// real bot, a real PostgreSQL database of its own, and whatever Bot API
// server the test points it at (usually telegramtest's fake).
package apptest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"processet/demo"
	"processet/internal/app"
	"processet/internal/logctx"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

// Token is a syntactically valid bot token for tests.
const Token = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"

// Config describes the application under test.
type Config struct {
	TelegramURL string
	Admins      []int64
	Now         func() time.Time // default time.Now
	Demo        bool             // load the demo company first
	HTTPAddr    string
	SMTPURL     string // e-mail through this server; empty: e-mail off
	AmoCRMURL   string // amoCRM account (a fake); empty: none
	AmoCRMToken string
	AmoCRMOAuth [3]string // client ID, secret, redirect URI: OAuth instead of the token
	MiningDir   string    // the watched folder of event logs; empty: DATA_DIR/mining
	// Replicas: DatabaseURL shares another App's database (App.URL);
	// empty gives a fresh one. Replica names this process among them.
	DatabaseURL string
	Replica     string
	// WebhookURL and WebhookSecret switch to webhook mode (HTTPAddr needed).
	WebhookURL, WebhookSecret string
	// LeaderRetry shortens how fast a replica takes over from a dead
	// leader (default 5 s).
	LeaderRetry time.Duration
	// MiningNightly is MINING_NIGHTLY; empty: the default.
	MiningNightly string
	DotPath       string    // Graphviz dot for process maps; empty: dot from PATH
	Log           io.Writer // also gets the app's log lines; nil: only the test log with -v
}

// App is a running application.
type App struct {
	DB  *storage.DB
	URL string // database URL

	stop func()
}

// Stop shuts the application down as a signal would and waits for it,
// for a test that restarts it; the test's end does the same.
func (a *App) Stop() { a.stop() }

// Start runs the application until the test ends.
func Start(t testing.TB, c Config) *App {
	t.Helper()
	dbURL := c.DatabaseURL
	if dbURL == "" {
		dbURL = testdb.NewURL(t)
	}
	cfg, err := app.LoadConfig(env(map[string]string{
		"BOT_TOKEN": Token, "TELEGRAM_API_URL": c.TelegramURL, "DATABASE_URL": dbURL,
		"DATA_DIR": t.TempDir(), "ADMIN_IDS": ids(c.Admins), "HTTP_ADDR": c.HTTPAddr,
		"SMTP_URL": c.SMTPURL, "MAIL_FROM": mailFrom(c.SMTPURL),
		"AMOCRM_BASE_URL": c.AmoCRMURL, "AMOCRM_TOKEN": c.AmoCRMToken,
		"AMOCRM_CLIENT_ID": c.AmoCRMOAuth[0], "AMOCRM_CLIENT_SECRET": c.AmoCRMOAuth[1], "AMOCRM_REDIRECT_URI": c.AmoCRMOAuth[2],
		"SECRET_KEY": "test-secret-key-of-at-least-32-characters", "MINING_DIR": c.MiningDir,
		"MINING_NIGHTLY": c.MiningNightly,
		"GRAPHVIZ_DOT":   c.DotPath,
		"WEBHOOK_URL":    c.WebhookURL, "WEBHOOK_SECRET": c.WebhookSecret, "REPLICA_NAME": c.Replica,
	}), true)
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	cfg.PollTimeout = 2 * time.Second
	cfg.ReminderEvery = 50 * time.Millisecond
	if c.LeaderRetry > 0 {
		cfg.LeaderRetry = c.LeaderRetry
	}
	if c.Now != nil {
		cfg.Now = c.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	db, err := storage.Open(ctx, dbURL)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	if c.Demo {
		if _, err := storage.Migrate(ctx, dbURL); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		svc := mining.New(db, mining.Config{FTEHours: cfg.MiningFTEHours}, cfg.Now, nil)
		if err := demo.Load(ctx, db, svc, cfg.Now(), cfg.Location, false); err != nil {
			t.Fatalf("load demo: %v", err)
		}
	}
	w := logWriter(t)
	if c.Log != nil {
		w = io.MultiWriter(w, c.Log)
	}
	log := slog.New(logctx.Handler(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug})))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := app.Run(ctx, cfg, log); err != nil {
			t.Errorf("app.Run: %v", err)
		}
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			wg.Wait()
			db.Close()
		})
	}
	t.Cleanup(stop)
	return &App{DB: db, URL: dbURL, stop: stop}
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func ids(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// logWriter sends the app's log to the test log when -v is given, so a
// failing end-to-end test shows what the app did.
func logWriter(t testing.TB) io.Writer {
	if testing.Verbose() {
		return os.Stderr
	}
	return io.Discard
}

// Clock is a settable clock for tests of anything time-driven, such as
// reminders. Safe for concurrent use.
type Clock struct{ ns atomic.Int64 }

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock {
	c := &Clock{}
	c.ns.Store(t.UnixNano())
	return c
}

// Now is the clock's time, in UTC.
func (c *Clock) Now() time.Time { return time.Unix(0, c.ns.Load()).UTC() }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

func mailFrom(smtpURL string) string {
	if smtpURL == "" {
		return ""
	}
	return "Processet <bot@example.test>"
}
