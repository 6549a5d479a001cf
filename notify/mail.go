package notify

import (
	"crypto/tls"
	"fmt"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Security is how the connection to the SMTP server is encrypted.
type Security string

// The kinds of SMTP connection security, as the URL names them.
const (
	Implicit      Security = "implicit"      // smtps://: TLS from the first byte
	StartTLS      Security = "required"      // STARTTLS, refusing a server without it
	Opportunistic Security = "opportunistic" // STARTTLS when the server offers it
	Plaintext     Security = "none"          // no encryption: a relay on the same host
)

// MailConfig is the SMTP server e-mails go through and whom they are from.
type MailConfig struct {
	Host     string
	Port     int
	Username string // empty: no authentication
	Password string
	Security Security
	From     *mail.Address
	// TLS overrides the TLS settings, for a server with a private CA; nil
	// verifies the server's certificate against the system's roots.
	TLS *tls.Config
	// Timeout bounds connecting and each SMTP command (default 30 s).
	Timeout time.Duration
}

// ConfigError names the environment variable at fault and how to fix it,
// in one line.
type ConfigError struct {
	Var, Problem, Fix string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Var, e.Problem, e.Fix)
}

// LoadMailConfig reads SMTP_URL and MAIL_FROM through getenv. It returns
// nil, and no error, when neither is set: e-mail is then disabled.
func LoadMailConfig(getenv func(string) string) (*MailConfig, error) {
	smtpURL, from := strings.TrimSpace(getenv("SMTP_URL")), strings.TrimSpace(getenv("MAIL_FROM"))
	if smtpURL == "" && from == "" {
		return nil, nil
	}
	return ParseMailConfig(smtpURL, from)
}

const smtpURLFix = "use smtp://user:password@host:587, or smtps://… for TLS from the start (port 465); " +
	"percent-encode special characters of the password"

// ParseMailConfig checks the values of SMTP_URL and MAIL_FROM. SMTP_URL is
// smtp://user:password@host:port (STARTTLS required unless
// ?starttls=opportunistic or ?starttls=none) or smtps://… (implicit TLS).
// Errors never repeat the URL, which holds a password.
func ParseMailConfig(smtpURL, from string) (*MailConfig, error) {
	bad := func(problem, fix string) error { return &ConfigError{"SMTP_URL", problem, fix} }
	if smtpURL == "" {
		return nil, bad("is empty but MAIL_FROM is set", "set SMTP_URL to your mail server, or unset MAIL_FROM to turn e-mail off")
	}
	u, err := url.Parse(smtpURL)
	if err != nil {
		return nil, bad("is not a valid URL", smtpURLFix)
	}
	c := &MailConfig{Timeout: 30 * time.Second}
	switch u.Scheme {
	case "smtp":
		c.Security, c.Port = StartTLS, 587
	case "smtps":
		c.Security, c.Port = Implicit, 465
	default:
		return nil, bad(fmt.Sprintf("has scheme %q", u.Scheme), smtpURLFix)
	}
	if c.Host = u.Hostname(); c.Host == "" {
		return nil, bad("has no host", smtpURLFix)
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return nil, bad(fmt.Sprintf("has port %q", p), "use a port number such as 587 or 465")
		}
	}
	if u.Path != "" && u.Path != "/" {
		return nil, bad("has a path", "remove everything after host:port except ?starttls=…")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	for name, values := range u.Query() {
		if name != "starttls" {
			return nil, bad(fmt.Sprintf("has unknown parameter %q", name), "the only parameter is starttls=required|opportunistic|none")
		}
		if c.Security == Implicit {
			return nil, bad("sets starttls on an smtps:// URL, which is TLS from the start",
				"drop ?starttls=…, or use smtp:// for STARTTLS")
		}
		switch s := Security(values[len(values)-1]); s {
		case StartTLS, Opportunistic, Plaintext:
			c.Security = s
		default:
			return nil, bad(fmt.Sprintf("has starttls=%q", s), "use starttls=required, opportunistic or none")
		}
	}
	if c.From, err = parseFrom(from); err != nil {
		return nil, err
	}
	return c, nil
}

// parseFrom checks MAIL_FROM.
func parseFrom(from string) (*mail.Address, error) {
	if from == "" {
		return nil, &ConfigError{"MAIL_FROM", "is empty", `set it to the sender, e.g. "Processet <bot@example.com>"`}
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, &ConfigError{"MAIL_FROM", fmt.Sprintf("%q is not an e-mail address", from),
			`use an address such as bot@example.com or "Processet <bot@example.com>"`}
	}
	return a, nil
}
