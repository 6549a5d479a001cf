package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Message is a received e-mail as a mail client shows it: headers decoded,
// bodies and files decoded from their transfer encodings.
type Message struct {
	From string   // envelope sender (MAIL FROM)
	To   []string // envelope recipients (RCPT TO)

	Header    mail.Header
	Subject   string // decoded from RFC 2047
	MessageID string // without the angle brackets
	Text      string // the first text/plain part that is not a file
	HTML      string // the first text/html part that is not a file
	Parts     []Part // every leaf part, in order
	Raw       []byte // the message as it came over the wire
}

// Part is one leaf of the MIME tree.
type Part struct {
	ContentType string // media type without parameters, e.g. image/png
	Disposition string // inline, attachment or empty
	Filename    string // decoded from RFC 2047 or RFC 2231
	ContentID   string // without the angle brackets
	Data        []byte // decoded
}

// IsFile reports whether the part is a file rather than a body.
func (p Part) IsFile() bool {
	return p.Filename != "" || p.ContentID != "" || p.Disposition == "attachment"
}

// Attachments returns the parts sent as attachments.
func (m *Message) Attachments() []Part {
	return m.filter(func(p Part) bool { return p.Disposition == "attachment" })
}

// Inline returns the files shown inside the HTML body, found by content ID.
func (m *Message) Inline() []Part {
	return m.filter(func(p Part) bool { return p.ContentID != "" && p.Disposition != "attachment" })
}

// InlineByID returns the inline file with the content ID, as HTML names it
// in cid:…; ok is false when there is none.
func (m *Message) InlineByID(id string) (Part, bool) {
	for _, p := range m.Inline() {
		if p.ContentID == id {
			return p, true
		}
	}
	return Part{}, false
}

func (m *Message) filter(keep func(Part) bool) []Part {
	var out []Part
	for _, p := range m.Parts {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// words decodes RFC 2047 encoded words in headers.
var words = &mime.WordDecoder{}

// Parse reads a message as it came over the wire.
func Parse(raw []byte) (*Message, error) {
	mm, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	m := &Message{Header: mm.Header, Raw: raw}
	if m.Subject, err = words.DecodeHeader(mm.Header.Get("Subject")); err != nil {
		return nil, fmt.Errorf("subject: %w", err)
	}
	m.MessageID = strings.Trim(mm.Header.Get("Message-Id"), "<> ")
	if err := m.walk(mm.Header.Get("Content-Type"), mm.Header, mm.Body); err != nil {
		return nil, err
	}
	multi := strings.HasPrefix(strings.ToLower(strings.TrimSpace(mm.Header.Get("Content-Type"))), "multipart/")
	if !multi && strings.HasPrefix(m.Parts[0].ContentType, "text/") {
		// A body that is the whole message ends with the CRLF that ends
		// every line on the wire; in a multipart body it belongs to the
		// boundary instead.
		m.Parts[0].Data = bytes.TrimSuffix(m.Parts[0].Data, []byte("\r\n"))
	}
	for _, p := range m.Parts {
		switch {
		case p.IsFile():
		case p.ContentType == "text/plain" && m.Text == "":
			m.Text = string(p.Data)
		case p.ContentType == "text/html" && m.HTML == "":
			m.HTML = string(p.Data)
		}
	}
	return m, nil
}

// header is what walk needs of a part's header.
type header interface{ Get(string) string }

// walk adds the leaves under one part. Parts are read raw, so that every
// transfer encoding is undone in one place, decode.
func (m *Message) walk(contentType string, h header, body io.Reader) error {
	if contentType == "" {
		contentType = "text/plain"
	}
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("content type %q: %w", contentType, err)
	}
	if strings.HasPrefix(media, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("%s: %w", media, err)
			}
			if err := m.walk(p.Header.Get("Content-Type"), p.Header, p); err != nil {
				return err
			}
		}
	}
	data, err := decode(h.Get("Content-Transfer-Encoding"), body)
	if err != nil {
		return fmt.Errorf("%s body: %w", media, err)
	}
	p := Part{ContentType: media, Data: data, ContentID: strings.Trim(h.Get("Content-Id"), "<> ")}
	if cd := h.Get("Content-Disposition"); cd != "" {
		disp, dparams, err := mime.ParseMediaType(cd)
		if err != nil {
			return fmt.Errorf("content disposition %q: %w", cd, err)
		}
		p.Disposition, p.Filename = disp, dparams["filename"]
	}
	if p.Filename == "" {
		p.Filename = params["name"]
	}
	if p.Filename, err = words.DecodeHeader(p.Filename); err != nil {
		return fmt.Errorf("file name %q: %w", p.Filename, err)
	}
	m.Parts = append(m.Parts, p)
	return nil
}

// decode undoes a Content-Transfer-Encoding.
func decode(cte string, r io.Reader) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return io.ReadAll(base64.NewDecoder(base64.StdEncoding, r))
	case "quoted-printable":
		return io.ReadAll(quotedprintable.NewReader(r))
	}
	return io.ReadAll(r)
}
