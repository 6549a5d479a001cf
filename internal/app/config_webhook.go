package app

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"

	"processet/crmsync"
)

// secretTokenRe is Telegram's rule for setWebhook's secret_token.
var secretTokenRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// webhookPorts are the ports Telegram delivers webhooks to.
var webhookPorts = map[string]bool{"": true, "443": true, "80": true, "88": true, "8443": true}

// reservedPaths are served by the bot itself on HTTP_ADDR.
var reservedPaths = []string{"/healthz", "/readyz", "/metrics", crmsync.WebhookPath}

// loadWebhook reads WEBHOOK_URL, WEBHOOK_SECRET and REPLICA_NAME.
func loadWebhook(c *Config, getenv func(string) string) error {
	c.WebhookURL = strings.TrimSpace(getenv("WEBHOOK_URL"))
	c.WebhookSecret = strings.TrimSpace(getenv("WEBHOOK_SECRET"))
	c.Replica = strings.TrimSpace(getenv("REPLICA_NAME"))
	if c.Replica == "" {
		host, _ := os.Hostname()
		c.Replica = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if c.WebhookURL == "" {
		if c.WebhookSecret != "" {
			return &ConfigError{"WEBHOOK_SECRET", "is set but WEBHOOK_URL is empty",
				"set WEBHOOK_URL to the bot's public HTTPS address, or unset WEBHOOK_SECRET to long-poll"}
		}
		return nil
	}
	u, err := url.Parse(c.WebhookURL)
	if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return &ConfigError{"WEBHOOK_URL", "is not a plain URL", "use e.g. https://bot.example.com/telegram, without query or fragment"}
	}
	local := isLoopback(u.Hostname())
	switch {
	case u.Scheme == "http" && local:
		// A local test against a local Bot API server; Telegram itself
		// delivers to HTTPS only.
	case u.Scheme != "https":
		return &ConfigError{"WEBHOOK_URL", "is not an https:// URL", "Telegram delivers webhooks over HTTPS only: put the bot behind a TLS proxy and use its https:// address"}
	case !webhookPorts[u.Port()]:
		return &ConfigError{"WEBHOOK_URL", fmt.Sprintf("uses port %s", u.Port()), "Telegram delivers to ports 443, 80, 88 and 8443 only: use one of them on the proxy"}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	for _, p := range reservedPaths {
		if u.Path == p {
			return &ConfigError{"WEBHOOK_URL", fmt.Sprintf("has the path %s, which the bot serves itself", p), "use another path, e.g. /telegram"}
		}
	}
	c.WebhookURL, c.WebhookPath = u.String(), u.Path
	if c.HTTPAddr == "" {
		return &ConfigError{"WEBHOOK_URL", "is set but HTTP_ADDR is empty", "set HTTP_ADDR (e.g. :8080), where the proxy forwards the webhook"}
	}
	switch {
	case c.WebhookSecret == "":
		return &ConfigError{"WEBHOOK_SECRET", "is empty", "set it with WEBHOOK_URL, e.g. from `openssl rand -hex 32`: Telegram sends it with every update, and calls without it are refused"}
	case !secretTokenRe.MatchString(c.WebhookSecret):
		return &ConfigError{"WEBHOOK_SECRET", "is not 1–256 characters of A–Z, a–z, 0–9, _ and -",
			"Telegram accepts only those; e.g. `openssl rand -hex 32` gives one"}
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
