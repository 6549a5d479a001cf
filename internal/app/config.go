// Package app wires Processet together: configuration, the database
// (embedded or external), the bot and the HTTP endpoints. cmd/processet
// only parses the command line and calls it, so tests can boot the whole
// application the same way production does.
package app

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"processet/notify"
)

// DefaultTelegramAPIURL is the official Bot API server.
const DefaultTelegramAPIURL = "https://api.telegram.org"

// Config is every setting, read once from the environment at start.
type Config struct {
	BotToken       string
	TelegramAPIURL string
	DatabaseURL    string // empty: run an embedded PostgreSQL under DataDir
	DataDir        string
	AdminIDs       []int64
	Location       *time.Location
	HTTPAddr       string // health and metrics; empty turns them off
	LogLevel       slog.Level

	Mail   *notify.MailConfig // nil: e-mail is off
	AmoCRM AmoCRMConfig

	// WEBHOOK_URL: updates come by webhook to this public address, whose
	// path the bot serves on HTTPAddr; empty: long polling.
	WebhookURL    string
	WebhookPath   string // the path of WebhookURL
	WebhookSecret string // WEBHOOK_SECRET: Telegram's secret_token, required with WEBHOOK_URL
	Replica       string // REPLICA_NAME: this process among replicas, default host:pid

	MiningFTEHours float64    // MINING_FTE_HOURS: the hours a year of one full-time employee
	MiningDir      string     // MINING_DIR: the watched folder of event logs, default DATA_DIR/mining
	MiningNightly  *DailyTime // MINING_NIGHTLY: when the nightly recompute runs, default 03:00; nil: off
	// GRAPHVIZ_DOT: the Graphviz dot that draws process maps, a path or a
	// name in PATH (default dot). Not checked here: without it the bot
	// runs and shows maps as text, saying what is missing.
	GraphvizDot string

	// Not from the environment: tests shorten them.
	PollTimeout   time.Duration
	ReminderEvery time.Duration // how often due reminders are looked for
	SendLimits    notify.Limits // Telegram's limits; zero takes the published ones
	LeaderRetry   time.Duration // how often a follower tries to lead and the leader checks its hold (5 s)
	UpdateLease   time.Duration // how long a replica's claim on a webhook update holds (1 min)
	// CardCacheBytes bounds the memory of drawn cards kept for unchanged
	// data: 0 takes the bot's default (32 MB), negative turns it off.
	CardCacheBytes int64
	// HomeMaxAge is how old the shared home card figures may be: 0 takes
	// the bot's default (1 s), negative reads them for every view.
	HomeMaxAge time.Duration
	Now        func() time.Time
}

// AmoCRMConfig connects the CRM area to an amoCRM account.
type AmoCRMConfig struct {
	BaseURL string // https://example.amocrm.ru; empty: no amoCRM
	Token   string // a long-lived token from the account's integration settings
	// OAuth instead of a long-lived token: an admin sends /amocrm <code>;
	// the tokens are kept encrypted with SecretKey.
	ClientID, ClientSecret, RedirectURI string
	SecretKey                           string
	SyncEvery                           time.Duration // AMOCRM_SYNC_INTERVAL, default 5m
	WebhookSecret                       string        // the last path segment of the webhook URL; empty: webhooks off
}

// ConfigError names the variable at fault and how to fix it, in one line.
type ConfigError struct {
	Var, Problem, Fix string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Var, e.Problem, e.Fix)
}

var tokenRe = regexp.MustCompile(`^[0-9]{3,}:[A-Za-z0-9_-]{30,}$`)

// LoadConfig reads the configuration through getenv. needBot says whether
// the command talks to Telegram (run does; migrate and demo do not).
func LoadConfig(getenv func(string) string, needBot bool) (Config, error) {
	c := Config{
		BotToken:       strings.TrimSpace(getenv("BOT_TOKEN")),
		TelegramAPIURL: strings.TrimSpace(getenv("TELEGRAM_API_URL")),
		DatabaseURL:    strings.TrimSpace(getenv("DATABASE_URL")),
		DataDir:        strings.TrimSpace(getenv("DATA_DIR")),
		HTTPAddr:       strings.TrimSpace(getenv("HTTP_ADDR")),
		PollTimeout:    30 * time.Second,
		ReminderEvery:  time.Minute,
		LeaderRetry:    5 * time.Second,
		UpdateLease:    time.Minute,
		Now:            time.Now,
	}
	if c.TelegramAPIURL == "" {
		c.TelegramAPIURL = DefaultTelegramAPIURL
	}
	if c.DataDir == "" {
		c.DataDir = "./data"
	}
	var err error
	if c.DataDir, err = filepath.Abs(c.DataDir); err != nil {
		return c, &ConfigError{"DATA_DIR", "is not a usable path", "set it to a writable directory, e.g. ./data"}
	}
	if needBot {
		if err := checkToken(c.BotToken); err != nil {
			return c, err
		}
		if c.AdminIDs, err = parseIDs(getenv("ADMIN_IDS")); err != nil {
			return c, err
		}
	}
	if err := checkURL("TELEGRAM_API_URL", c.TelegramAPIURL, "http", "https"); err != nil {
		return c, err
	}
	if c.DatabaseURL != "" {
		if err := checkURL("DATABASE_URL", c.DatabaseURL, "postgres", "postgresql"); err != nil {
			return c, err
		}
	}
	if c.Location, err = parseZone(getenv("TIMEZONE")); err != nil {
		return c, err
	}
	if c.HTTPAddr != "" {
		if _, _, err := net.SplitHostPort(c.HTTPAddr); err != nil {
			return c, &ConfigError{"HTTP_ADDR", fmt.Sprintf("%q is not host:port", c.HTTPAddr),
				"use e.g. 127.0.0.1:8080 or :8080, or leave it empty to turn health and metrics off"}
		}
	}
	if err := loadWebhook(&c, getenv); err != nil {
		return c, err
	}
	if c.LogLevel, err = parseLevel(getenv("LOG_LEVEL")); err != nil {
		return c, err
	}
	if c.MiningFTEHours, err = parseFTEHours(getenv("MINING_FTE_HOURS")); err != nil {
		return c, err
	}
	if c.MiningDir, err = miningDir(getenv("MINING_DIR"), c.DataDir); err != nil {
		return c, err
	}
	if c.MiningNightly, err = parseNightly(getenv("MINING_NIGHTLY")); err != nil {
		return c, err
	}
	c.GraphvizDot = strings.TrimSpace(getenv("GRAPHVIZ_DOT"))
	if c.AmoCRM, err = loadAmoCRM(getenv); err != nil {
		return c, err
	}
	if c.AmoCRM.WebhookSecret != "" && c.HTTPAddr == "" {
		return c, &ConfigError{"AMOCRM_WEBHOOK_SECRET", "is set but HTTP_ADDR is empty",
			"set HTTP_ADDR so amoCRM can reach the webhook, or unset AMOCRM_WEBHOOK_SECRET"}
	}
	if c.Mail, err = notify.LoadMailConfig(getenv); err != nil {
		var ne *notify.ConfigError
		if errors.As(err, &ne) {
			return c, &ConfigError{ne.Var, ne.Problem, ne.Fix}
		}
		return c, err
	}
	return c, nil
}

func checkToken(token string) error {
	switch {
	case token == "":
		return &ConfigError{"BOT_TOKEN", "is empty", "create a bot with @BotFather in Telegram and put its token into .env"}
	case !tokenRe.MatchString(token):
		return &ConfigError{"BOT_TOKEN", "does not look like a bot token",
			"copy the whole token from @BotFather, e.g. 123456789:AAH…, without quotes or spaces"}
	}
	return nil
}

func parseIDs(s string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return nil, &ConfigError{"ADMIN_IDS", fmt.Sprintf("has %q, which is not a Telegram user ID", f),
				"list numeric user IDs separated by commas, e.g. 123456789,987654321"}
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, &ConfigError{"ADMIN_IDS", "is empty",
			"set it to your numeric Telegram user ID (e.g. ask @userinfobot), so someone can approve new users"}
	}
	return ids, nil
}

func checkURL(name, raw string, schemes ...string) error {
	u, err := url.Parse(raw)
	if err == nil && u.Host != "" {
		for _, s := range schemes {
			if u.Scheme == s {
				return nil
			}
		}
	}
	return &ConfigError{name, "is not a valid URL", fmt.Sprintf("use a %s:// URL", schemes[0])}
}

func parseZone(name string) (*time.Location, error) {
	if name == "" {
		name = "Europe/Moscow"
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &ConfigError{"TIMEZONE", fmt.Sprintf("%q is not a known time zone", name),
			"use an IANA name such as Europe/Moscow or Asia/Yekaterinburg"}
	}
	return loc, nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if s == "" {
		return slog.LevelInfo, nil
	}
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, &ConfigError{"LOG_LEVEL", fmt.Sprintf("%q is not a log level", s), "use debug, info, warn or error"}
	}
	return l, nil
}

// defaultFTEHours is a full-time year in Russia: 247 working days of 8
// hours, less the shortened eves.
const defaultFTEHours = 1973

func parseFTEHours(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return defaultFTEHours, nil
	}
	h, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || !(h > 0) || h > 8784 {
		return 0, &ConfigError{"MINING_FTE_HOURS", fmt.Sprintf("%q is not a positive number of hours (at most 8784, a leap year)", s),
			"use the working hours of one full-time employee a year, e.g. 1973, or leave it empty"}
	}
	return h, nil
}

func miningDir(s, dataDir string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return filepath.Join(dataDir, "mining"), nil
	}
	dir, err := filepath.Abs(s)
	if err != nil {
		return "", &ConfigError{"MINING_DIR", "is not a usable path", "set it to a directory, or leave it empty for DATA_DIR/mining"}
	}
	return dir, nil
}

func loadAmoCRM(getenv func(string) string) (AmoCRMConfig, error) {
	a := AmoCRMConfig{
		BaseURL:       strings.TrimRight(strings.TrimSpace(getenv("AMOCRM_BASE_URL")), "/"),
		Token:         strings.TrimSpace(getenv("AMOCRM_TOKEN")),
		WebhookSecret: strings.TrimSpace(getenv("AMOCRM_WEBHOOK_SECRET")),
		SyncEvery:     5 * time.Minute,
		ClientID:      strings.TrimSpace(getenv("AMOCRM_CLIENT_ID")),
		ClientSecret:  strings.TrimSpace(getenv("AMOCRM_CLIENT_SECRET")),
		RedirectURI:   strings.TrimSpace(getenv("AMOCRM_REDIRECT_URI")),
		SecretKey:     getenv("SECRET_KEY"),
	}
	if a.BaseURL == "" {
		return a, nil
	}
	if err := checkURL("AMOCRM_BASE_URL", a.BaseURL, "https", "http"); err != nil {
		return a, err
	}
	if a.ClientID != "" {
		if err := checkOAuth(a); err != nil {
			return a, err
		}
	} else if a.Token == "" {
		return a, &ConfigError{"AMOCRM_TOKEN", "is empty", "create a long-lived token in amoCRM (Settings → Integrations) " +
			"and put it here, or set AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET and AMOCRM_REDIRECT_URI for OAuth"}
	}
	if s := getenv("AMOCRM_SYNC_INTERVAL"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < time.Minute {
			return a, &ConfigError{"AMOCRM_SYNC_INTERVAL", fmt.Sprintf("%q is not a duration of a minute or more", s), "use e.g. 5m or 15m"}
		}
		a.SyncEvery = d
	}
	if a.WebhookSecret != "" && len(a.WebhookSecret) < 16 {
		return a, &ConfigError{"AMOCRM_WEBHOOK_SECRET", "is shorter than 16 characters", "use a long random string, e.g. from `openssl rand -hex 16`"}
	}
	return a, nil
}

func checkOAuth(a AmoCRMConfig) error {
	switch {
	case a.ClientSecret == "":
		return &ConfigError{"AMOCRM_CLIENT_SECRET", "is empty", "copy the secret key of the integration from amoCRM"}
	case a.RedirectURI == "":
		return &ConfigError{"AMOCRM_REDIRECT_URI", "is empty", "set it to the redirect URI registered for the integration"}
	case utf8.RuneCountInString(a.SecretKey) < 32:
		return &ConfigError{"SECRET_KEY", "is shorter than 32 characters",
			"set a long random string, e.g. from `openssl rand -hex 32`; it encrypts the amoCRM tokens"}
	}
	return checkURL("AMOCRM_REDIRECT_URI", a.RedirectURI, "https", "http")
}
