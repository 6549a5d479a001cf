// Package smtptest is a real SMTP server for tests, in process: code under
// test sends through its usual SMTP client to URL(), and the test reads
// back what arrived, parsed the way a mail client would show it.
//
//	srv := smtptest.NewServer(t)
//	cfg, _ := notify.ParseMailConfig(srv.URL(), "bot@example.test")
//	// … send
//	msg := srv.WaitForMessages(t, 1)[0]
//	msg.Subject, msg.HTML, msg.Attachments[0].Data
//
// It requires AUTH PLAIN with the credentials in URL, and with WithSTARTTLS
// or WithImplicitTLS speaks TLS with a certificate made for the test, which
// ClientTLS trusts.
package smtptest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"processet/internal/testwait"
)

// DefaultTimeout is how long WaitForMessages waits: as long as testwait's.
const DefaultTimeout = testwait.Timeout

// Credentials the server accepts unless WithAuth says otherwise.
const (
	DefaultUser     = "bot"
	DefaultPassword = "s3cret:p@ss"
)

// Server is an SMTP server that keeps what it receives. Its methods are
// safe for concurrent use.
type Server struct {
	t        testing.TB
	srv      *smtp.Server
	addr     string
	user     string
	password string
	tls      string   // "", "starttls" or "implicit"
	mechs    []string // the AUTH mechanisms offered; PLAIN unless WithAuthMechanisms
	client   *tls.Config

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced when a message arrives
	msgs     []*Message
	failures []*smtp.SMTPError
	closed   bool
}

// Option configures a Server.
type Option func(*Server)

// WithAuth sets the credentials the server accepts.
func WithAuth(user, password string) Option {
	return func(s *Server) { s.user, s.password = user, password }
}

// WithAuthMechanisms makes the server offer these AUTH mechanisms instead
// of PLAIN, and none at all when called without any: a server a client
// cannot log in to. PLAIN stays the only one it can complete.
func WithAuthMechanisms(mechs ...string) Option {
	return func(s *Server) { s.mechs = mechs }
}

// WithSTARTTLS makes the server offer STARTTLS, and URL ask for it.
func WithSTARTTLS() Option { return func(s *Server) { s.tls = "starttls" } }

// WithImplicitTLS makes the server speak TLS from the first byte, and URL
// an smtps:// URL.
func WithImplicitTLS() Option { return func(s *Server) { s.tls = "implicit" } }

// NewServer starts a server on a free local port; it stops when the test
// ends.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{t: t, user: DefaultUser, password: DefaultPassword, mechs: []string{sasl.Plain}, changed: make(chan struct{})}
	for _, o := range opts {
		o(s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	s.srv.Domain = "smtptest.local"
	s.srv.ReadTimeout, s.srv.WriteTimeout = time.Minute, time.Minute
	s.srv.MaxMessageBytes = 64 << 20
	s.srv.EnableSMTPUTF8 = true
	s.srv.AllowInsecureAuth = s.tls == "" // PLAIN in the clear, as only tests may
	if s.tls != "" {
		serverTLS, clientTLS, err := selfSigned()
		if err != nil {
			t.Fatalf("smtptest: certificate: %v", err)
		}
		s.client = clientTLS
		s.srv.TLSConfig = serverTLS
		if s.tls == "implicit" {
			ln = tls.NewListener(ln, serverTLS)
		}
	}
	s.addr = ln.Addr().String()
	go func() { _ = s.srv.Serve(ln) }()
	t.Cleanup(func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		_ = s.srv.Close()
	})
	return s
}

// URL is the server's address with its credentials, as SMTP_URL takes it.
func (s *Server) URL() string {
	u := url.URL{Scheme: "smtp", User: url.UserPassword(s.user, s.password), Host: s.addr}
	switch s.tls {
	case "":
		u.RawQuery = "starttls=none"
	case "starttls":
		u.RawQuery = "starttls=required"
	case "implicit":
		u.Scheme = "smtps"
	}
	return u.String()
}

// ClientTLS is a client TLS configuration that trusts the server's
// certificate; nil for a server without TLS.
func (s *Server) ClientTLS() *tls.Config {
	if s.client == nil {
		return nil
	}
	return s.client.Clone()
}

// FailNext makes the server answer the next RCPT TO with code and text,
// e.g. 550 "no such user" (permanent) or 451 "try again later"
// (temporary). Calls queue.
func (s *Server) FailNext(code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	enh := smtp.EnhancedCode{code / 100, 0, 0}
	s.failures = append(s.failures, &smtp.SMTPError{Code: code, EnhancedCode: enh, Message: text})
}

// Messages returns the messages received so far, oldest first.
func (s *Server) Messages() []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Message(nil), s.msgs...)
}

// WaitForMessages waits until at least n messages have arrived and
// returns them all; it fails the test after DefaultTimeout.
func (s *Server) WaitForMessages(t testing.TB, n int) []*Message {
	t.Helper()
	deadline := time.NewTimer(DefaultTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		got, changed := len(s.msgs), s.changed
		s.mu.Unlock()
		if got >= n {
			return s.Messages()
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("smtptest: %d messages after %v, want %d", got, DefaultTimeout, n)
		}
	}
}

// add keeps a received message.
func (s *Server) add(m *Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.changed)
	s.changed = make(chan struct{})
}

// fail fails the test from a server goroutine, unless it is over.
func (s *Server) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.t.Errorf("smtptest: "+format, args...)
	}
}

// nextFailure takes the next scripted failure, if any.
func (s *Server) nextFailure() *smtp.SMTPError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) == 0 {
		return nil
	}
	f := s.failures[0]
	s.failures = s.failures[1:]
	return f
}

// session is one SMTP connection.
type session struct {
	s      *Server
	authed bool
	from   string
	to     []string
}

func (se *session) AuthMechanisms() []string { return se.s.mechs }

func (se *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if user != se.s.user || password != se.s.password {
			return smtp.ErrAuthFailed
		}
		se.authed = true
		return nil
	}), nil
}

func (se *session) Mail(from string, _ *smtp.MailOptions) error {
	if !se.authed {
		return smtp.ErrAuthRequired
	}
	se.from = from
	return nil
}

func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if f := se.s.nextFailure(); f != nil {
		return f
	}
	se.to = append(se.to, to)
	return nil
}

func (se *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := Parse(raw)
	if err != nil {
		se.s.fail("a message that does not parse: %v", err)
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: fmt.Sprintf("unparsable message: %v", err)}
	}
	m.From, m.To = se.from, se.to
	se.s.add(m)
	return nil
}

func (se *session) Reset() { se.from, se.to = "", nil }

func (se *session) Logout() error { return nil }

// selfSigned makes a certificate for 127.0.0.1 and localhost that lives as
// long as a test run, and the client configuration that trusts it: a test
// of TLS must verify the certificate like production does, not skip it.
func selfSigned() (server, client *tls.Config, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "smtptest"},
		NotBefore:             time.Now().Add(-time.Minute),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	roots := x509.NewCertPool()
	roots.AddCert(cert)
	server = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
	client = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	return server, client, nil
}
