package notify

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	gomail "github.com/wneessen/go-mail"
)

// emailWorker delivers e-mails.
type emailWorker struct {
	river.WorkerDefaults[emailArgs]
	o *Outbox
}

// NextRetry backs off exponentially from Config.RetryDelay.
func (w *emailWorker) NextRetry(job *river.Job[emailArgs]) time.Time {
	return time.Now().Add(w.o.backoff(job.Attempt))
}

// Work makes one attempt at an e-mail.
func (w *emailWorker) Work(ctx context.Context, job *river.Job[emailArgs]) error {
	return w.o.lastWord(ctx, job.JobRow, job.Args.Key, CodeMailUnavailable, w.work(ctx, job))
}

// work sends. A refusal of the message with a permanent (5xx) SMTP reply
// ends the job, and so does a configuration the server cannot work with
// (no STARTTLS where it is required, no login method in common), found by
// checking the server after the failed send. Anything else, from a full
// mailbox (4xx) to a server that does not answer, is retried. So is a
// refused login: the user and password are the configuration's fault, not
// the message's, and fixing them should lose nothing.
func (w *emailWorker) work(ctx context.Context, job *river.Job[emailArgs]) error {
	o, a := w.o, job.Args
	if o.isStopping() {
		return river.JobSnooze(0)
	}
	at, err := o.begin(ctx, a.Key, 0)
	if err != nil || at.finished() {
		return err
	}
	msg, err := o.buildMail(ctx, a)
	if err != nil {
		return err
	}
	client, err := o.cfg.Mail.client()
	if err != nil {
		return river.JobCancel(err) // a configuration that cannot work will not start to
	}
	if err := o.markSending(ctx, a.Key); err != nil {
		return err
	}
	sendErr := client.DialAndSendWithContext(ctx, msg)
	if sendErr == nil {
		o.noteDelivery("email", outcomeDelivered)
		o.noteMail(nil)
		return delivered(ctx, o, job, a.Key, a.To, nil)
	}
	detail := sendErr.Error()
	var se *gomail.SendError
	if errors.As(sendErr, &se) && se.ErrorCode() >= 500 {
		o.noteDelivery("email", outcomeRejected)
		return river.JobCancel(errors.Join(sendErr, o.failed(ctx, a.Key, CodeMailRejected, detail, nil)))
	}
	if !maybeSent(sendErr) {
		if ce := o.mailConfigProblem(ctx); ce != nil {
			return river.JobCancel(errors.Join(ce, o.failed(ctx, a.Key, ce.Code, ce.Detail, nil)))
		}
	}
	o.noteDelivery("email", outcomeRetry)
	if job.Attempt >= job.MaxAttempts {
		return errors.Join(sendErr, o.failed(ctx, a.Key, CodeMailUnavailable, detail, nil))
	}
	state := stateRetrying
	if maybeSent(sendErr) {
		state = stateSending // the retry is an uncertain resend (see begin)
	}
	return errors.Join(sendErr, o.requeued(ctx, a.Key, state, detail))
}

// maybeSent reports whether the server may have accepted the message
// despite err: the connection broke while the message was being handed
// over, before the server's answer.
func maybeSent(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && se.ErrorCode() == 0 &&
		(se.Reason == gomail.ErrSMTPDataClose || se.Reason == gomail.ErrWriteContent)
}

// buildMail assembles the e-mail with its files from outbox_blobs. Its
// Message-ID is derived from the key, so that should the hard case of the
// package documentation resend it, mail clients that collapse duplicates
// by Message-ID show it once.
func (o *Outbox) buildMail(ctx context.Context, a emailArgs) (*gomail.Msg, error) {
	blobs, err := o.loadBlobs(ctx, append(append([]fileRef(nil), a.Inline...), a.Attachments...))
	if err != nil {
		return nil, err
	}
	from := o.cfg.Mail.From
	m := gomail.NewMsg()
	if err := m.FromFormat(from.Name, from.Address); err != nil {
		return nil, river.JobCancel(fmt.Errorf("sender %s: %w", from.Address, err))
	}
	if err := m.To(a.To); err != nil {
		return nil, river.JobCancel(fmt.Errorf("recipient %s: %w", a.To, err))
	}
	m.Subject(a.Subject)
	m.SetDate()
	_, domain, _ := strings.Cut(from.Address, "@")
	m.SetMessageIDWithValue(blobID([]byte(a.Key))[:32] + "@" + domain)
	switch {
	case a.Text != "" && a.HTML != "":
		m.SetBodyString(gomail.TypeTextPlain, a.Text)
		m.AddAlternativeString(gomail.TypeTextHTML, a.HTML)
	case a.HTML != "":
		m.SetBodyString(gomail.TypeTextHTML, a.HTML)
	default:
		m.SetBodyString(gomail.TypeTextPlain, a.Text)
	}
	for _, f := range a.Inline {
		opts := fileOptions(f, gomail.WithFileContentID("<"+f.Name+">"))
		if err := m.EmbedReader(f.Name, bytes.NewReader(blobs[f.Blob]), opts...); err != nil {
			return nil, fmt.Errorf("embed %s: %w", f.Name, err)
		}
	}
	for _, f := range a.Attachments {
		if err := m.AttachReader(f.Name, bytes.NewReader(blobs[f.Blob]), fileOptions(f)...); err != nil {
			return nil, fmt.Errorf("attach %s: %w", f.Name, err)
		}
	}
	return m, nil
}

// fileOptions sets a file's content type when the caller gave one.
func fileOptions(f fileRef, opts ...gomail.FileOption) []gomail.FileOption {
	if f.ContentType != "" {
		opts = append(opts, gomail.WithFileContentType(gomail.ContentType(f.ContentType)))
	}
	return opts
}

// loadBlobs reads the files' bytes, keyed by blob ID.
func (o *Outbox) loadBlobs(ctx context.Context, files []fileRef) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(files) == 0 {
		return out, nil
	}
	ids := make([][]byte, len(files))
	for i, f := range files {
		ids[i], _ = hex.DecodeString(f.Blob)
	}
	rows, _ := o.pool.Query(ctx, `select sha256, data from outbox_blobs where sha256 = any($1)`, ids)
	var (
		id   []byte
		data []byte
	)
	_, err := pgx.ForEachRow(rows, []any{&id, &data}, func() error {
		out[hex.EncodeToString(id)] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load e-mail files: %w", err)
	}
	for _, f := range files {
		if _, ok := out[f.Blob]; !ok {
			return nil, river.JobCancel(fmt.Errorf("file %s is no longer stored", f.Name))
		}
	}
	return out, nil
}

// client returns an SMTP client for one delivery. A client per delivery
// keeps sends independent: one broken connection fails one message.
func (c *MailConfig) client() (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(c.Port), gomail.WithTimeout(cmpDuration(c.Timeout, 30*time.Second))}
	switch c.Security {
	case Implicit:
		opts = append(opts, gomail.WithSSL())
	case Opportunistic:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case Plaintext:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.TLS != nil {
		tc := c.TLS.Clone()
		if tc.ServerName == "" {
			tc.ServerName = c.Host
		}
		opts = append(opts, gomail.WithTLSConfig(tc))
	}
	if c.Username != "" {
		// Over TLS, the strongest mechanism the server offers. Without TLS
		// only PLAIN, which go-mail refuses to send anywhere but to
		// localhost: a password never crosses a network in the clear.
		auth := gomail.SMTPAuthAutoDiscover
		if c.Security == Plaintext {
			auth = gomail.SMTPAuthPlain
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(c.Username), gomail.WithPassword(c.Password))
	}
	client, err := gomail.NewClient(c.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp client for %s: %w", c.Host, err)
	}
	return client, nil
}

// cmpDuration returns d, or def when d is not positive.
func cmpDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
