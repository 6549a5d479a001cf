package notify_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"processet/internal/smtptest"
	"processet/notify"
)

// mailConfig points the outbox at srv.
func mailConfig(t testing.TB, srv *smtptest.Server) *notify.MailConfig {
	t.Helper()
	cfg, err := notify.ParseMailConfig(srv.URL(), `"Процессет" <bot@example.test>`)
	if err != nil {
		t.Fatal(err)
	}
	cfg.TLS = srv.ClientTLS()
	return cfg
}

func TestEmailRoundTrip(t *testing.T) {
	t.Parallel()
	srv := smtptest.NewServer(t)
	ob := start(t, newPool(t), notify.Config{Mail: mailConfig(t, srv)})
	chart, funnel := testPNG(t, 3, 96), testPNG(t, 4, 80)
	csv := []byte("сделка;сумма\r\nПоставка;120000\r\n")
	email := &notify.Email{
		To:      "manager@example.test",
		Subject: "Ежедневная сводка: воронка продаж",
		Text:    "Добрый день! Сводка во вложении.",
		HTML:    `<p>Добрый день!</p><img src="cid:chart.png" alt="KPI">`,
		Inline:  []notify.File{{Name: "chart.png", Data: chart}},
		Attachments: []notify.File{
			{Name: "воронка.png", Data: funnel},
			{Name: "deals.csv", ContentType: "text/csv", Data: csv},
		},
	}
	if err := ob.Enqueue(context.Background(), notify.Message{Key: "mail:1", Batch: "mail", Email: email}); err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "mail", patience); b.Delivered != 1 {
		t.Fatalf("batch %+v", b)
	}
	msgs := srv.WaitForMessages(t, 1)
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	m := msgs[0]
	if m.Subject != email.Subject || m.Text != email.Text || m.HTML != email.HTML {
		t.Errorf("subject %q, text %q, html %q", m.Subject, m.Text, m.HTML)
	}
	if len(m.To) != 1 || m.To[0] != email.To || m.From != "bot@example.test" {
		t.Errorf("envelope from %s to %v", m.From, m.To)
	}
	if from := m.Header.Get("From"); !strings.Contains(from, "bot@example.test") {
		t.Errorf("From: %s", from)
	}
	if inline, ok := m.InlineByID("chart.png"); !ok || !bytes.Equal(inline.Data, chart) || inline.ContentType != "image/png" {
		t.Errorf("inline chart: found %v, %d bytes of %s", ok, len(inline.Data), inline.ContentType)
	}
	att := m.Attachments()
	if len(att) != 2 {
		t.Fatalf("%d attachments, want 2", len(att))
	}
	for i, want := range email.Attachments {
		if att[i].Filename != want.Name || !bytes.Equal(att[i].Data, want.Data) {
			t.Errorf("attachment %d: %q with %d bytes, want %q with %d", i, att[i].Filename, len(att[i].Data), want.Name, len(want.Data))
		}
	}
	if att[1].ContentType != "text/csv" {
		t.Errorf("csv sent as %s", att[1].ContentType)
	}
	if m.MessageID == "" || !strings.HasSuffix(m.MessageID, "@example.test") {
		t.Errorf("Message-ID %q", m.MessageID)
	}
}

// TestEmailOverTLS sends through STARTTLS and implicit TLS, verifying the
// server's certificate.
func TestEmailOverTLS(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]smtptest.Option{"starttls": smtptest.WithSTARTTLS(), "smtps": smtptest.WithImplicitTLS()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := smtptest.NewServer(t, opt)
			ob := start(t, newPool(t), notify.Config{Mail: mailConfig(t, srv)})
			msg := notify.Message{Key: "tls", Batch: "tls", Email: &notify.Email{To: "a@example.test", Subject: "TLS", Text: "secret"}}
			if err := ob.Enqueue(context.Background(), msg); err != nil {
				t.Fatal(err)
			}
			if b := waitBatch(t, ob, "tls", patience); b.Delivered != 1 {
				t.Fatalf("batch %+v", b)
			}
			if got := srv.WaitForMessages(t, 1)[0].Text; got != "secret" {
				t.Errorf("text %q", got)
			}
		})
	}
}

func TestEmailRefusals(t *testing.T) {
	t.Parallel()
	pool, srv := newPool(t), smtptest.NewServer(t)
	ob := start(t, pool, notify.Config{Mail: mailConfig(t, srv), RetryDelay: 20 * time.Millisecond})
	ctx := context.Background()
	for key, code := range map[string]int{"busy": 451, "nouser": 550} {
		srv.FailNext(code, map[int]string{451: "Mailbox busy, try again later", 550: "No such user here"}[code])
		msg := notify.Message{Key: key, Batch: key, Email: &notify.Email{To: key + "@example.test", Subject: key, Text: key}}
		if err := ob.Enqueue(ctx, msg); err != nil {
			t.Fatal(err)
		}
		waitBatch(t, ob, key, patience)
	}
	if b := waitBatch(t, ob, "busy", time.Second); b.Delivered != 1 {
		t.Errorf("a temporary refusal was not retried: %+v", b)
	}
	b := waitBatch(t, ob, "nouser", time.Second)
	if b.Failed != 1 || b.Failures[0].Code != notify.CodeMailRejected || !strings.Contains(b.Failures[0].Detail, "No such user") {
		t.Errorf("batch %+v, want a permanent refusal with the server's words", b)
	}
	if attempt, state := riverJob(t, pool, "nouser"); attempt != 1 || state != "cancelled" {
		t.Errorf("river job attempt %d, state %s; want 1, cancelled", attempt, state)
	}
	if got := len(srv.Messages()); got != 1 {
		t.Errorf("%d messages arrived, want 1", got)
	}
}

func TestDisabledChannels(t *testing.T) {
	t.Parallel()
	pool := newPool(t)
	ob, err := notify.New(pool, notify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = ob.Enqueue(ctx, notify.Message{Key: "m", Email: &notify.Email{To: "a@example.test", Subject: "s", Text: "t"}})
	if !errors.Is(err, notify.ErrEmailDisabled) {
		t.Errorf("e-mail without SMTP: %v, want ErrEmailDisabled", err)
	}
	err = ob.Enqueue(ctx, notify.Message{Key: "t", Telegram: &notify.Telegram{ChatID: 1, Text: "t"}})
	if !errors.Is(err, notify.ErrTelegramDisabled) {
		t.Errorf("Telegram without a bot: %v, want ErrTelegramDisabled", err)
	}
	if err := ob.Start(ctx); err != nil {
		t.Errorf("start with nothing to deliver: %v", err)
	}
	if err := ob.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}

func TestParseMailConfig(t *testing.T) {
	for _, c := range []struct {
		url      string
		host     string
		port     int
		user     string
		password string
		security notify.Security
	}{
		{"smtp://bot:pw@mail.example.com:2525", "mail.example.com", 2525, "bot", "pw", notify.StartTLS},
		{"smtp://mail.example.com", "mail.example.com", 587, "", "", notify.StartTLS},
		{"smtps://bot:p%40ss%3Aword@mail.example.com", "mail.example.com", 465, "bot", "p@ss:word", notify.Implicit},
		{"smtp://relay:25?starttls=opportunistic", "relay", 25, "", "", notify.Opportunistic},
		{"smtp://localhost:25/?starttls=none", "localhost", 25, "", "", notify.Plaintext},
		{"smtp://[::1]:1025?starttls=required", "::1", 1025, "", "", notify.StartTLS},
	} {
		cfg, err := notify.ParseMailConfig(c.url, "Processet <bot@example.com>")
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if cfg.Host != c.host || cfg.Port != c.port || cfg.Username != c.user || cfg.Password != c.password ||
			cfg.Security != c.security || cfg.From.Address != "bot@example.com" || cfg.From.Name != "Processet" {
			t.Errorf("%s: got %+v", c.url, cfg)
		}
	}
}

func TestParseMailConfigErrors(t *testing.T) {
	for _, c := range []struct{ url, from, want string }{
		{"", "bot@example.com", "SMTP_URL is empty"},
		{"smtp://bot:topsecret@mail.example.com:%zz", "bot@example.com", "SMTP_URL is not a valid URL"},
		{"http://bot:topsecret@mail.example.com", "bot@example.com", `SMTP_URL has scheme "http"`},
		{"smtp://bot:topsecret@:25", "bot@example.com", "SMTP_URL has no host"},
		{"smtp://bot:topsecret@mail.example.com:99999", "bot@example.com", `SMTP_URL has port "99999"`},
		{"smtp://bot:topsecret@mail.example.com/inbox", "bot@example.com", "SMTP_URL has a path"},
		{"smtp://bot:topsecret@mail.example.com?starttls=maybe", "bot@example.com", `SMTP_URL has starttls="maybe"`},
		{"smtp://bot:topsecret@mail.example.com?tls=1", "bot@example.com", `SMTP_URL has unknown parameter "tls"`},
		{"smtps://bot:topsecret@mail.example.com?starttls=none", "bot@example.com", "SMTP_URL sets starttls on an smtps:// URL"},
		{"smtp://bot:topsecret@mail.example.com", "", "MAIL_FROM is empty"},
		{"smtp://bot:topsecret@mail.example.com", "bot at example", `MAIL_FROM "bot at example" is not an e-mail address`},
	} {
		_, err := notify.ParseMailConfig(c.url, c.from)
		var ce *notify.ConfigError
		switch {
		case err == nil:
			t.Errorf("%q, %q: accepted", c.url, c.from)
		case !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), c.want):
			t.Errorf("%q, %q: %v, want %q…", c.url, c.from, err, c.want)
		case strings.Contains(err.Error(), "topsecret") || strings.Contains(err.Error(), "\n"):
			t.Errorf("%q: the error shows the password or spans lines: %v", c.url, err)
		}
	}
}

func TestLoadMailConfig(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if cfg, err := notify.LoadMailConfig(getenv); cfg != nil || err != nil {
		t.Errorf("nothing set: %+v, %v; want e-mail off", cfg, err)
	}
	env["MAIL_FROM"] = "bot@example.com"
	if _, err := notify.LoadMailConfig(getenv); err == nil || !strings.HasPrefix(err.Error(), "SMTP_URL") {
		t.Errorf("MAIL_FROM alone: %v", err)
	}
	env["SMTP_URL"] = " smtps://bot:pw@mail.example.com "
	if cfg, err := notify.LoadMailConfig(getenv); err != nil || cfg.Security != notify.Implicit {
		t.Errorf("both set: %+v, %v", cfg, err)
	}
}
