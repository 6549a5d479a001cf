package notify

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"unicode/utf8"
)

// Message is one notification: exactly one of Telegram and Email is set.
// It is plain data, so that the features that send messages need no
// Telegram or SMTP types.
type Message struct {
	// Key makes the message idempotent: enqueuing a key that was enqueued
	// before, in any transaction, adds nothing. Derive it from what causes
	// the message, e.g. "digest:2026-11-23:user:42" or "task:17:due:24h",
	// never from the time of enqueuing.
	Key string
	// Batch groups the messages of one fan-out, such as one run of a
	// digest, for BatchStatus; empty for a message on its own.
	Batch    string
	Telegram *Telegram
	Email    *Email
}

// Telegram is a message to a Telegram chat: a text, or a photo whose
// caption is Text.
type Telegram struct {
	ChatID  int64  // a user's ID for their private chat; negative for groups
	Text    string // HTML, user data escaped by the caller
	Photo   []byte // PNG or JPEG; nil for a text message
	Buttons [][]Button
	Silent  bool // delivered without a sound, as digests should be
	// Track, when set, is reported with the delivered message's ID to
	// Config.OnPosted, so the message can be edited later (EditTx).
	Track string
	// PhotoID sends a photo Telegram already has, by its file_id, with
	// Text as the caption; exclusive with Photo.
	PhotoID string
}

// Button is an inline button: a link when URL is set, otherwise a callback
// that telebot routes to the handler registered for Unique, as &tele.Btn{Unique}.
type Button struct {
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"`
	Unique string `json:"unique,omitempty"`
	Data   string `json:"data,omitempty"`
}

// callbackData is the callback_data telebot builds for the button.
func (b Button) callbackData() string {
	if b.Data == "" {
		return "\f" + b.Unique
	}
	return "\f" + b.Unique + "|" + b.Data
}

// Email is a message to one address. HTML refers to Inline files as
// cid:<Name>.
type Email struct {
	To          string
	Subject     string
	Text        string // the plain-text body; also what clients without HTML show
	HTML        string // optional alternative body
	Inline      []File
	Attachments []File
}

// File is a picture or file carried by an e-mail.
type File struct {
	Name        string // file name; for inline files also the content ID
	ContentType string // optional: guessed from Name when empty
	Data        []byte
}

// Limits of the Bot API and our own that are cheaper to check before
// enqueuing than to learn about from a cancelled job.
const (
	maxKeyLen       = 200
	maxCallbackData = 64
	maxPhotoBytes   = 10 << 20
	maxMailBytes    = 20 << 20
)

// ErrTelegramDisabled and ErrEmailDisabled are returned when a message is
// enqueued for a channel the outbox was configured without.
var (
	ErrTelegramDisabled = errors.New("telegram notifications are disabled: the outbox has no bot")
	ErrEmailDisabled    = errors.New("e-mail notifications are disabled: SMTP_URL is not set")
)

// validate reports the first thing that makes m unsendable, so the caller
// learns about it when enqueuing rather than from a failed delivery.
func (m *Message) validate(hasBot, hasMail bool) error {
	switch {
	case m.Key == "":
		return errors.New("message without a key")
	case len(m.Key) > maxKeyLen:
		return fmt.Errorf("key %.40q… is longer than %d bytes", m.Key, maxKeyLen)
	case (m.Telegram == nil) == (m.Email == nil):
		return errors.New("a message needs exactly one of Telegram and Email")
	case m.Telegram != nil && !hasBot:
		return ErrTelegramDisabled
	case m.Email != nil && !hasMail:
		return ErrEmailDisabled
	case m.Telegram != nil:
		return m.Telegram.validate()
	}
	return m.Email.validate()
}

func (t *Telegram) validate() error {
	if t.ChatID == 0 {
		return errors.New("telegram message without a chat ID")
	}
	if t.Text == "" && len(t.Photo) == 0 && t.PhotoID == "" {
		return errors.New("telegram message with neither text nor photo")
	}
	if len(t.Photo) > 0 && t.PhotoID != "" {
		return errors.New("telegram message with both a photo and a photo's file_id")
	}
	if len(t.Photo) > maxPhotoBytes {
		return fmt.Errorf("photo of %d bytes, Telegram takes up to %d", len(t.Photo), maxPhotoBytes)
	}
	for _, row := range t.Buttons {
		for _, b := range row {
			switch {
			case b.Text == "":
				return errors.New("button without text")
			case (b.URL == "") == (b.Unique == ""):
				return fmt.Errorf("button %q needs exactly one of URL and Unique", b.Text)
			case b.URL == "" && len(b.callbackData()) > maxCallbackData:
				return fmt.Errorf("button %q: callback data is %d bytes, Telegram takes up to %d",
					b.Text, len(b.callbackData()), maxCallbackData)
			}
		}
	}
	return nil
}

func (e *Email) validate() error {
	if _, err := mail.ParseAddress(e.To); err != nil {
		return fmt.Errorf("e-mail to %q: not an address", e.To)
	}
	if e.Text == "" && e.HTML == "" {
		return fmt.Errorf("e-mail to %s without a body", e.To)
	}
	if !utf8.ValidString(e.Subject) || !utf8.ValidString(e.Text) || !utf8.ValidString(e.HTML) {
		return fmt.Errorf("e-mail to %s is not valid UTF-8", e.To)
	}
	size := len(e.Text) + len(e.HTML)
	for _, f := range append(append([]File(nil), e.Inline...), e.Attachments...) {
		if f.Name == "" {
			return fmt.Errorf("e-mail to %s: a file without a name", e.To)
		}
		size += len(f.Data)
	}
	if size > maxMailBytes {
		return fmt.Errorf("e-mail to %s is %d bytes, more than %d", e.To, size, maxMailBytes)
	}
	return nil
}

// recipient names where the message goes, for reports.
func (m *Message) recipient() string {
	if m.Telegram != nil {
		return strconv.FormatInt(m.Telegram.ChatID, 10)
	}
	return m.Email.To
}

// channel is the outbox_messages.channel value.
func (m *Message) channel() string {
	if m.Telegram != nil {
		return channelTelegram
	}
	return channelEmail
}

const (
	channelTelegram = "telegram"
	channelEmail    = "email"
)

// blobID is the content address of data: the hex SHA-256 that keys
// outbox_blobs.
func blobID(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
