package bot

import (
	"bytes"
	"errors"
	"html"
	"strings"
	"time"
	"unicode/utf8"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// Telegram's limits, in characters after entity parsing; we count the
// HTML source, which is never shorter, so staying under is always safe.
const (
	maxText    = 4096
	maxCaption = 1024
)

// printer is the user's language and time zone (theirs, else the
// company's).
func (h *Handler) printer(c tele.Context) i18n.Printer {
	if u := user(c); u.ID != 0 {
		return i18n.New(u.Language(), h.loc(c))
	}
	if s := c.Sender(); s != nil {
		return i18n.New(domain.ParseLang(s.LanguageCode), h.cfg.Loc)
	}
	return i18n.New(domain.LangRU, h.cfg.Loc)
}

// loc is the sender's time zone: the dates they see and type are theirs.
func (h *Handler) loc(c tele.Context) *time.Location { return user(c).Location(h.cfg.Loc) }

// showPhoto shows a card: a button press edits the card it came from in
// place; a command sends a new one. A picture Telegram already has goes by
// its file_id instead of being uploaded again; when Telegram no longer
// takes that file_id, the picture is uploaded after all.
func (h *Handler) showPhoto(c tele.Context, pic picture, caption string, markup *tele.ReplyMarkup) error {
	if id := h.cards.fileID(pic); id != "" {
		err := h.sendPhoto(c, pic, tele.File{FileID: id}, caption, markup)
		if !staleFileID(err) {
			return err
		}
		h.log.Warn("Telegram refused a kept file_id, uploading the card again", "update_id", c.Update().ID, "err", err)
		h.cards.rejected(pic)
	}
	png, err := pic.bytes()
	if err != nil {
		return err
	}
	return h.sendPhoto(c, pic, tele.FromReader(bytes.NewReader(png)), caption, markup)
}

// sendPhoto sends or edits in the photo and remembers the file_id of an
// upload.
func (h *Handler) sendPhoto(c tele.Context, pic picture, f tele.File, caption string, markup *tele.ReplyMarkup) error {
	photo := &tele.Photo{File: f, Caption: caption}
	var (
		sent *tele.Message
		err  error
	)
	if msg := c.Message(); c.Callback() != nil && msg != nil && msg.Photo != nil {
		sent, err = c.Bot().Edit(msg, photo, markup, tele.ModeHTML)
		err = ignoreNotModified(err)
	} else {
		sent, err = c.Bot().Send(c.Recipient(), photo, markup, tele.ModeHTML)
	}
	if err == nil && f.FileID == "" && sent != nil && sent.Photo != nil {
		h.cards.uploaded(pic, sent.Photo.FileID)
	}
	return err
}

// staleFileID reports whether Telegram refused a request for its file_id
// (expired, from another bot, or unknown): a 400 that is not about the
// message itself. Anything else (429, network) is not helped by an upload.
func staleFileID(err error) bool {
	if err == nil {
		return false
	}
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "file") || strings.Contains(msg, "(400)")
}

// showText shows a text screen: edits the message a button was on when it
// was a text message, otherwise sends a new one.
func (h *Handler) showText(c tele.Context, text string, markup *tele.ReplyMarkup) error {
	if msg := c.Message(); c.Callback() != nil && msg != nil && msg.Photo == nil {
		_, err := c.Bot().Edit(msg, text, markup, tele.ModeHTML, tele.NoPreview)
		return ignoreNotModified(err)
	}
	return c.Send(text, markup, tele.ModeHTML, tele.NoPreview)
}

// showScreen shows a text screen wherever the user is: on a dashboard
// card it becomes the card's caption (the picture stays), on a text
// message the text, and a command gets a new message. Screens shown this
// way are written to fit a caption.
func (h *Handler) showScreen(c tele.Context, text string, markup *tele.ReplyMarkup) error {
	if msg := c.Message(); c.Callback() != nil && msg != nil && msg.Photo != nil {
		_, err := c.Bot().EditCaption(msg, text, markup, tele.ModeHTML)
		return ignoreNotModified(err)
	}
	return h.showText(c, text, markup)
}

// ignoreNotModified treats an edit that changes nothing as success: the
// user pressed Refresh and nothing had changed.
func ignoreNotModified(err error) error {
	if errors.Is(err, tele.ErrMessageNotModified) || errors.Is(err, tele.ErrSameMessageContent) {
		return nil
	}
	return err
}

// fitLines joins a header and list lines, dropping lines from the end so
// the result stays within limit, and says how many rows are not shown:
// those dropped plus hidden, the rows that were never fetched.
func fitLines(tr i18n.Printer, header string, lines []string, hidden int, footer string, limit int) string {
	for n := len(lines); n >= 0; n-- {
		body := header
		for _, l := range lines[:n] {
			body += "\n" + l
		}
		if more := len(lines) - n + hidden; more > 0 {
			body += "\n" + tr.N(i18n.MoreLines, more)
		}
		if footer != "" {
			body += "\n\n" + footer
		}
		if utf8.RuneCountInString(body) <= limit {
			return body
		}
	}
	return truncate(header, limit)
}

// truncate cuts plain text to at most n characters, with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// captionHeader starts an area's caption: its name, the KPI line and the
// title of the list that follows.
func captionHeader(title, summary, listTitle string) string {
	return "<b>" + html.EscapeString(title) + "</b>\n" + summary + "\n\n<b>" + listTitle + "</b>"
}

// asOf is the caption's last line: when the numbers were computed.
func asOf(tr i18n.Printer, now time.Time) string {
	return "<i>" + tr.T(i18n.AsOf, tr.DateTime(now)) + "</i>"
}
