package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Reasons found by checking the SMTP server (see MailConfig.Check). The
// first two are the configuration's fault: no retry can succeed, so a
// delivery fails at once with that reason instead of retrying for hours.
const (
	CodeMailNoStartTLS   Code = "mail_no_starttls"   // STARTTLS required, the server offers none
	CodeMailNoAuth       Code = "mail_no_auth"       // no login method the client can use
	CodeMailLoginRefused Code = "mail_login_refused" // user or password wrong: retried, as a fix loses nothing
)

// MailCheckError is what is wrong between the configuration and the SMTP
// server, in one line that names the fix.
type MailCheckError struct {
	Code   Code
	Config bool // the configuration cannot work: deliveries fail at once
	Detail string
}

func (e *MailCheckError) Error() string { return "SMTP: " + e.Detail }

// usableAuth is what go-mail's auto-discovery logs in with (see client):
// over TLS any of these, without TLS only the ones that never send the
// password, and with starttls=none PLAIN alone.
var (
	usableAuthTLS   = []string{"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "NTLM", "CRAM-MD5", "PLAIN", "LOGIN"}
	usableAuthClear = []string{"SCRAM-SHA-256", "SCRAM-SHA-1", "NTLM", "CRAM-MD5"}
)

// Check talks to the SMTP server as a delivery would (connect, EHLO,
// STARTTLS, AUTH) and sends nothing. It returns nil when e-mail can go
// out, and otherwise a *MailCheckError whose Config says whether the
// configuration is at fault or the server is only unreachable for now.
// The EHLO answer is read with the standard library so the reason is
// known exactly; the login itself is go-mail's, as in a delivery.
func (c *MailConfig) Check(ctx context.Context) error {
	timeout := cmpDuration(c.Timeout, 30*time.Second)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	passing := func(format string, args ...any) error {
		return &MailCheckError{Code: CodeMailUnavailable, Detail: fmt.Sprintf(format, args...)}
	}
	conn, err := c.dial(ctx, addr)
	if err != nil {
		return passing("cannot connect to %s: %v", addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	cl, err := smtp.NewClient(conn, c.Host)
	if err != nil {
		conn.Close()
		return passing("%s does not greet as an SMTP server: %v", addr, err)
	}
	defer cl.Close()
	if err := cl.Hello("localhost"); err != nil {
		return passing("%s refused EHLO: %v", addr, err)
	}
	encrypted := c.Security == Implicit
	if c.Security == StartTLS || c.Security == Opportunistic {
		offered, _ := cl.Extension("STARTTLS")
		if !offered && c.Security == StartTLS {
			return &MailCheckError{Code: CodeMailNoStartTLS, Config: true, Detail: fmt.Sprintf(
				"%s offers no STARTTLS, which SMTP_URL requires: use the server's TLS port with smtps://…:465, "+
					"or ?starttls=opportunistic only on a network you trust", addr)}
		}
		if offered {
			if err := cl.StartTLS(c.tlsConfig()); err != nil {
				return passing("STARTTLS with %s failed: %v", addr, err)
			}
			encrypted = true
		}
	}
	if c.Username != "" {
		if err := c.checkAuth(cl, addr, encrypted); err != nil {
			return err
		}
	}
	_ = cl.Quit()
	if c.Username != "" {
		return c.checkLogin(ctx, addr)
	}
	return nil
}

// dial connects, with TLS from the first byte for smtps://.
func (c *MailConfig) dial(ctx context.Context, addr string) (net.Conn, error) {
	d := &net.Dialer{}
	if c.Security == Implicit {
		return (&tls.Dialer{NetDialer: d, Config: c.tlsConfig()}).DialContext(ctx, "tcp", addr)
	}
	return d.DialContext(ctx, "tcp", addr)
}

// tlsConfig is the TLS configuration a delivery uses.
func (c *MailConfig) tlsConfig() *tls.Config {
	tc := &tls.Config{}
	if c.TLS != nil {
		tc = c.TLS.Clone()
	}
	if tc.ServerName == "" {
		tc.ServerName = c.Host
	}
	return tc
}

// checkAuth finds a login method both sides know.
func (c *MailConfig) checkAuth(cl *smtp.Client, addr string, encrypted bool) error {
	offered, list := cl.Extension("AUTH")
	mechs := strings.Fields(strings.ToUpper(list))
	if !offered || len(mechs) == 0 {
		return &MailCheckError{Code: CodeMailNoAuth, Config: true, Detail: fmt.Sprintf(
			"%s offers no login (AUTH) while SMTP_URL has a user: remove user:password from SMTP_URL "+
				"for a relay that needs none, or use the server's submission port (587)", addr)}
	}
	usable := usableAuthTLS
	switch {
	case c.Security == Plaintext:
		usable = []string{"PLAIN"}
	case !encrypted:
		usable = usableAuthClear
	}
	if slices.ContainsFunc(mechs, func(m string) bool { return slices.Contains(usable, m) }) {
		return nil
	}
	why := "use one the bot supports"
	if !encrypted {
		why = "without TLS the bot sends a password only by " + strings.Join(usable, ", ") + "; use STARTTLS or smtps://"
	}
	return &MailCheckError{Code: CodeMailNoAuth, Config: true, Detail: fmt.Sprintf(
		"%s offers login by %s, none of which the bot can use: %s", addr, strings.Join(mechs, ", "), why)}
}

// checkLogin logs in as a delivery does, through go-mail.
func (c *MailConfig) checkLogin(ctx context.Context, addr string) error {
	client, err := c.client()
	if err != nil {
		return &MailCheckError{Code: CodeMailUnavailable, Config: true, Detail: err.Error()}
	}
	if err := client.DialWithContext(ctx); err != nil {
		var te *textproto.Error
		if errors.As(err, &te) && te.Code == 535 {
			return &MailCheckError{Code: CodeMailLoginRefused, Detail: fmt.Sprintf(
				"%s refused the login of %q: check the user and password in SMTP_URL (percent-encode special characters)", addr, c.Username)}
		}
		return &MailCheckError{Code: CodeMailUnavailable, Detail: fmt.Sprintf("logging in to %s failed: %v", addr, err)}
	}
	_ = client.Close()
	return nil
}

// CheckMail checks the SMTP server (see MailConfig.Check), remembers the
// outcome for MailStatus and logs what is wrong in one line. Without
// e-mail configured it does nothing.
func (o *Outbox) CheckMail(ctx context.Context) error {
	if o.cfg.Mail == nil {
		return nil
	}
	err := o.cfg.Mail.Check(ctx)
	o.noteMail(err)
	if err != nil {
		o.log.Error("e-mail cannot be sent: "+err.Error(), "host", o.cfg.Mail.Host)
	} else {
		o.log.Info("SMTP server checked: e-mail can be sent", "host", o.cfg.Mail.Host)
	}
	return err
}

// noteMail records the last word on the SMTP server: a check's outcome,
// or nil after a delivery went through.
func (o *Outbox) noteMail(err error) {
	var ce *MailCheckError
	if errors.As(err, &ce) {
		o.mailProblem.Store(ce)
	} else {
		o.mailProblem.Store(nil)
	}
}

// MailStatus says whether e-mail is configured and, if the last check or
// delivery found one, what is wrong with it (nil: nothing known).
func (o *Outbox) MailStatus() (configured bool, problem *MailCheckError) {
	return o.cfg.Mail != nil, o.mailProblem.Load()
}

// mailConfigProblem checks the server after a failed send, so that a
// configuration that cannot work fails the delivery at once rather than
// after hours of retries. Passing trouble returns nil: the send retries.
func (o *Outbox) mailConfigProblem(ctx context.Context) *MailCheckError {
	err := o.cfg.Mail.Check(ctx)
	o.noteMail(err)
	var ce *MailCheckError
	if errors.As(err, &ce) && ce.Config {
		return ce
	}
	return nil
}
