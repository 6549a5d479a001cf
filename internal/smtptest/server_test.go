package smtptest_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"

	"processet/internal/smtptest"
)

// send sends m through srv with go-mail, the way the outbox does.
func send(t *testing.T, srv *smtptest.Server, password string, m *gomail.Msg) error {
	t.Helper()
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(5 * time.Second),
		gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(u.User.Username()), gomail.WithPassword(password)}
	switch {
	case u.Scheme == "smtps":
		opts = append(opts, gomail.WithSSL())
	case u.Query().Get("starttls") == "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if cfg := srv.ClientTLS(); cfg != nil {
		cfg.ServerName = u.Hostname()
		opts = append(opts, gomail.WithTLSConfig(cfg))
	}
	c, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c.DialAndSendWithContext(context.Background(), m)
}

// message builds a message with every kind of part.
func message(t *testing.T, png []byte) *gomail.Msg {
	t.Helper()
	m := gomail.NewMsg()
	if err := m.From(`"Бот" <bot@example.test>`); err != nil {
		t.Fatal(err)
	}
	if err := m.To("boss@example.test"); err != nil {
		t.Fatal(err)
	}
	m.Subject("Сводка за неделю")
	m.SetMessageIDWithValue("fixed@example.test")
	m.SetBodyString(gomail.TypeTextPlain, "Текст письма")
	m.AddAlternativeString(gomail.TypeTextHTML, `<p>Письмо</p><img src="cid:chart.png">`)
	if err := m.EmbedReader("chart.png", bytes.NewReader(png)); err != nil {
		t.Fatal(err)
	}
	if err := m.AttachReader("отчёт.bin", bytes.NewReader(png)); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReceivesWhatWasSent(t *testing.T) {
	srv := smtptest.NewServer(t)
	data := bytes.Repeat([]byte{0, 1, 2, 250, 251, '\r', '\n', '.'}, 5000)
	if err := send(t, srv, smtptest.DefaultPassword, message(t, data)); err != nil {
		t.Fatal(err)
	}
	m := srv.WaitForMessages(t, 1)[0]
	if m.From != "bot@example.test" || len(m.To) != 1 || m.To[0] != "boss@example.test" {
		t.Errorf("envelope from %q to %v", m.From, m.To)
	}
	if m.Subject != "Сводка за неделю" || m.MessageID != "fixed@example.test" {
		t.Errorf("subject %q, message ID %q", m.Subject, m.MessageID)
	}
	if m.Text != "Текст письма" || m.HTML != `<p>Письмо</p><img src="cid:chart.png">` {
		t.Errorf("text %q, html %q", m.Text, m.HTML)
	}
	if p, ok := m.InlineByID("chart.png"); !ok || !bytes.Equal(p.Data, data) {
		t.Errorf("inline part found=%v, %d bytes", ok, len(p.Data))
	}
	att := m.Attachments()
	if len(att) != 1 || att[0].Filename != "отчёт.bin" || !bytes.Equal(att[0].Data, data) {
		t.Errorf("attachments %+v", att)
	}
}

func TestRefusals(t *testing.T) {
	srv := smtptest.NewServer(t)
	if err := send(t, srv, "wrong", message(t, []byte("x"))); err == nil {
		t.Error("a wrong password was accepted")
	}
	srv.FailNext(550, "No such user here")
	err := send(t, srv, smtptest.DefaultPassword, message(t, []byte("x")))
	var se *gomail.SendError
	if !errors.As(err, &se) || se.ErrorCode() != 550 || se.IsTemp() {
		t.Errorf("got %v, want a permanent 550", err)
	}
	srv.FailNext(451, "Try again later")
	if err := send(t, srv, smtptest.DefaultPassword, message(t, []byte("x"))); !errors.As(err, &se) || !se.IsTemp() {
		t.Errorf("got %v, want a temporary error", err)
	}
	if got := len(srv.Messages()); got != 0 {
		t.Errorf("%d messages kept, want none", got)
	}
}

func TestTLS(t *testing.T) {
	for name, opt := range map[string]smtptest.Option{"starttls": smtptest.WithSTARTTLS(), "implicit": smtptest.WithImplicitTLS()} {
		t.Run(name, func(t *testing.T) {
			srv := smtptest.NewServer(t, opt)
			if err := send(t, srv, smtptest.DefaultPassword, message(t, []byte("x"))); err != nil {
				t.Fatal(err)
			}
			srv.WaitForMessages(t, 1)
			if name == "implicit" {
				// Without the test's roots the certificate must not verify.
				u, _ := url.Parse(srv.URL())
				if conn, err := tls.Dial("tcp", u.Host, &tls.Config{MinVersion: tls.VersionTLS12}); err == nil {
					conn.Close()
					t.Error("the server's certificate verified against the system roots")
				}
			}
		})
	}
}

// TestParse reads what other mailers write: quoted-printable bodies and
// RFC 2231 file names.
func TestParse(t *testing.T) {
	raw := strings.ReplaceAll(`From: a@example.test
Subject: =?utf-8?b?0J/RgNC40LLQtdGC?=
Message-ID: <id-1@example.test>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

caf=C3=A9 =
au lait
--b1
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*=utf-8''%D1%84%D0%B0%D0%B9%D0%BB.txt
Content-Transfer-Encoding: base64

aGVsbG8=
--b1--
`, "\n", "\r\n")
	m, err := smtptest.Parse([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Привет" || m.MessageID != "id-1@example.test" || m.Text != "café au lait" {
		t.Errorf("subject %q, id %q, text %q", m.Subject, m.MessageID, m.Text)
	}
	att := m.Attachments()
	if len(att) != 1 || att[0].Filename != "файл.txt" || string(att[0].Data) != "hello" {
		t.Errorf("attachments %+v", att)
	}
}
