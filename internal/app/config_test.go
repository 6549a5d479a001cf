package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

const goodToken = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadConfigDefaults(t *testing.T) {
	c, err := LoadConfig(envOf(map[string]string{"BOT_TOKEN": goodToken, "ADMIN_IDS": "1, 2;3"}), true)
	if err != nil {
		t.Fatal(err)
	}
	if c.TelegramAPIURL != DefaultTelegramAPIURL || c.Location.String() != "Europe/Moscow" || len(c.AdminIDs) != 3 {
		t.Errorf("defaults: %+v", c)
	}
	if !strings.HasSuffix(c.DataDir, "/data") {
		t.Errorf("data dir %q", c.DataDir)
	}
	if c.MiningFTEHours != 1973 || c.MiningDir != filepath.Join(c.DataDir, "mining") {
		t.Errorf("mining: %v hours, dir %q", c.MiningFTEHours, c.MiningDir)
	}
	c, err = LoadConfig(envOf(map[string]string{"MINING_FTE_HOURS": "1800,5", "MINING_DIR": "/srv/logs"}), false)
	if err != nil || c.MiningFTEHours != 1800.5 || c.MiningDir != "/srv/logs" {
		t.Errorf("mining set: %v hours, dir %q, %v", c.MiningFTEHours, c.MiningDir, err)
	}
}

// TestLoadConfigErrors checks that every bad value names its variable and
// says how to fix it, in one line.
func TestLoadConfigErrors(t *testing.T) {
	base := map[string]string{"BOT_TOKEN": goodToken, "ADMIN_IDS": "1"}
	for _, c := range []struct {
		set     map[string]string
		needBot bool
		name    string
	}{
		{map[string]string{"BOT_TOKEN": ""}, true, "BOT_TOKEN"},
		{map[string]string{"BOT_TOKEN": "not-a-token"}, true, "BOT_TOKEN"},
		{map[string]string{"ADMIN_IDS": ""}, true, "ADMIN_IDS"},
		{map[string]string{"ADMIN_IDS": "12,abc"}, true, "ADMIN_IDS"},
		{map[string]string{"ADMIN_IDS": "-5"}, true, "ADMIN_IDS"},
		{map[string]string{"TIMEZONE": "Mars/Olympus"}, false, "TIMEZONE"},
		{map[string]string{"TELEGRAM_API_URL": "ftp://x"}, false, "TELEGRAM_API_URL"},
		{map[string]string{"DATABASE_URL": "mysql://x/y"}, false, "DATABASE_URL"},
		{map[string]string{"HTTP_ADDR": "8080"}, false, "HTTP_ADDR"},
		{map[string]string{"LOG_LEVEL": "loud"}, false, "LOG_LEVEL"},
		{map[string]string{"MINING_FTE_HOURS": "0"}, false, "MINING_FTE_HOURS"},
		{map[string]string{"MINING_FTE_HOURS": "-1973"}, false, "MINING_FTE_HOURS"},
		{map[string]string{"MINING_FTE_HOURS": "many"}, false, "MINING_FTE_HOURS"},
		{map[string]string{"MINING_FTE_HOURS": "NaN"}, false, "MINING_FTE_HOURS"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/tg", "HTTP_ADDR": ":8080"}, false, "WEBHOOK_SECRET"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/tg", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "has spaces"}, false, "WEBHOOK_SECRET"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/tg", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": strings.Repeat("a", 257)}, false, "WEBHOOK_SECRET"},
		{map[string]string{"WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_SECRET"},
		{map[string]string{"WEBHOOK_URL": "http://bot.example.com/tg", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com:8080/tg", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/healthz", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/tg?x=1", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
		{map[string]string{"WEBHOOK_URL": "bot.example.com", "HTTP_ADDR": ":8080", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
		{map[string]string{"WEBHOOK_URL": "https://bot.example.com/tg", "WEBHOOK_SECRET": "abc"}, false, "WEBHOOK_URL"},
	} {
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for k, v := range c.set {
			env[k] = v
		}
		_, err := LoadConfig(envOf(env), c.needBot)
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Var != c.name {
			t.Errorf("%v: got %v, want an error about %s", c.set, err, c.name)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, c.name) || ce.Fix == "" {
			t.Errorf("%v: message %q", c.set, msg)
		}
	}
}

// TestWebhookConfig: a good webhook setting is taken as given, its path
// kept for the HTTP server; http:// is accepted for a loopback address
// only (a local Bot API server in tests).
func TestWebhookConfig(t *testing.T) {
	secret := strings.Repeat("Aa0_-", 51) + "x" // 256 characters
	c, err := LoadConfig(envOf(map[string]string{"WEBHOOK_URL": "https://bot.example.com:8443/telegram/updates",
		"WEBHOOK_SECRET": secret, "HTTP_ADDR": ":8080", "REPLICA_NAME": "bot-0"}), false)
	if err != nil || c.WebhookPath != "/telegram/updates" || c.WebhookSecret != secret || c.Replica != "bot-0" {
		t.Fatalf("%+v %v", c, err)
	}
	c, err = LoadConfig(envOf(map[string]string{"WEBHOOK_URL": "http://127.0.0.1:9000", "WEBHOOK_SECRET": "s", "HTTP_ADDR": ":9000"}), false)
	if err != nil || c.WebhookPath != "/" {
		t.Fatalf("loopback: %+v %v", c.WebhookPath, err)
	}
	if c, _ := LoadConfig(envOf(map[string]string{}), false); c.WebhookURL != "" || c.Replica == "" {
		t.Errorf("defaults: webhook %q, replica %q", c.WebhookURL, c.Replica)
	}
}

func TestMigrateAndDemoNeedNoToken(t *testing.T) {
	if _, err := LoadConfig(envOf(map[string]string{}), false); err != nil {
		t.Fatalf("migrate without a token: %v", err)
	}
}

// FuzzLoadConfig: whatever the environment holds, loading never panics
// and every failure is a ConfigError naming a variable.
func FuzzLoadConfig(f *testing.F) {
	f.Add(goodToken, "1,2", "Europe/Moscow", "https://api.telegram.org", ":8080")
	f.Add("", "", "", "", "")
	f.Add("1:x", "0", "Local", "http://[::1]:99999", "host")
	f.Fuzz(func(t *testing.T, token, admins, zone, api, addr string) {
		_, err := LoadConfig(envOf(map[string]string{"BOT_TOKEN": token, "ADMIN_IDS": admins, "TIMEZONE": zone,
			"TELEGRAM_API_URL": api, "HTTP_ADDR": addr}), true)
		var ce *ConfigError
		if err != nil && (!errors.As(err, &ce) || ce.Var == "") {
			t.Fatalf("not a ConfigError: %v", err)
		}
	})
}
