package notify_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"processet/internal/smtptest"
	"processet/notify"
)

// TestMailCheck: the start-up check of the SMTP server tells a server
// that works from each configuration mistake, against a real server.
func TestMailCheck(t *testing.T) {
	t.Parallel()
	required := func(srv *smtptest.Server) string {
		return strings.Replace(srv.URL(), "starttls=none", "starttls=required", 1)
	}
	for _, c := range []struct {
		name   string
		srv    *smtptest.Server
		url    func(*smtptest.Server) string
		code   notify.Code
		config bool
	}{
		{"plain relay", smtptest.NewServer(t), (*smtptest.Server).URL, "", false},
		{"STARTTLS", smtptest.NewServer(t, smtptest.WithSTARTTLS()), (*smtptest.Server).URL, "", false},
		{"implicit TLS", smtptest.NewServer(t, smtptest.WithImplicitTLS()), (*smtptest.Server).URL, "", false},
		{"no STARTTLS", smtptest.NewServer(t), required, notify.CodeMailNoStartTLS, true},
		{"no AUTH", smtptest.NewServer(t, smtptest.WithSTARTTLS(), smtptest.WithAuthMechanisms()), (*smtptest.Server).URL, notify.CodeMailNoAuth, true},
		{"no usable AUTH", smtptest.NewServer(t, smtptest.WithSTARTTLS(), smtptest.WithAuthMechanisms("XOAUTH2")), (*smtptest.Server).URL, notify.CodeMailNoAuth, true},
		{"wrong password", smtptest.NewServer(t, smtptest.WithAuth("bot", "other")), func(s *smtptest.Server) string {
			return strings.Replace(s.URL(), "other", "wrong", 1)
		}, notify.CodeMailLoginRefused, false},
	} {
		cfg, err := notify.ParseMailConfig(c.url(c.srv), "bot@example.test")
		if err != nil {
			t.Fatal(err)
		}
		cfg.TLS = c.srv.ClientTLS()
		err = cfg.Check(context.Background())
		var ce *notify.MailCheckError
		switch {
		case c.code == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.code == "":
		case !errors.As(err, &ce):
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		case ce.Code != c.code || ce.Config != c.config || strings.Contains(ce.Detail, "\n"):
			t.Errorf("%s: %+v, want %s (configuration: %v) in one line", c.name, ce, c.code, c.config)
		}
	}
}

// TestMailConfigErrorFailsAtOnce: an e-mail to a server that offers no
// STARTTLS while it is required fails on its first attempt with that
// reason, instead of retrying; the outbox's mail status says it too.
func TestMailConfigErrorFailsAtOnce(t *testing.T) {
	t.Parallel()
	srv := smtptest.NewServer(t)
	cfg, err := notify.ParseMailConfig(strings.Replace(srv.URL(), "starttls=none", "starttls=required", 1), "bot@example.test")
	if err != nil {
		t.Fatal(err)
	}
	ob := start(t, newPool(t), notify.Config{Mail: cfg, MaxAttempts: 1000})
	msg := notify.Message{Key: "mail:cfg", Batch: "cfg", Email: &notify.Email{To: "boss@example.test", Subject: "s", Text: "t"}}
	if err := ob.Enqueue(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	b := waitBatch(t, ob, "cfg", patience)
	if b.Failed != 1 || len(b.Failures) != 1 || b.Failures[0].Code != notify.CodeMailNoStartTLS {
		t.Fatalf("batch %+v, want one failure for want of STARTTLS", b)
	}
	if configured, problem := ob.MailStatus(); !configured || problem == nil || problem.Code != notify.CodeMailNoStartTLS {
		t.Errorf("mail status %v %+v", configured, problem)
	}
}
