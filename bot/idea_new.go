package bot

import (
	"context"
	"strings"
	"unicode/utf8"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// handleIdea answers /idea: with a title after it, the idea in one line;
// as a reply, the replied message becomes the idea's text (and its photo
// or document is kept); alone, in a private chat, the questions one by
// one. A photo or document whose caption is the command comes here too
// (onIdeaMedia), with its file.
func (h *Handler) handleIdea(c tele.Context) error {
	return h.proposeFrom(c, strings.TrimSpace(c.Message().Payload), attachmentOf(c.Message()))
}

// proposeFrom proposes from a command's payload and the file sent with
// it, or from the message it replies to.
func (h *Handler) proposeFrom(c tele.Context, line string, file domain.Attachment) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	if ok, err := h.mayTakePart(ctx, c); !ok {
		return err
	}
	d := domain.IdeaDraft{Title: line, Attachment: file, SourceChat: c.Chat().ID}
	if reply := c.Message().ReplyTo; reply != nil {
		text := reply.Text
		if text == "" {
			text = reply.Caption
		}
		if d.Attachment.FileID == "" {
			d.Attachment = attachmentOf(reply)
		}
		if strings.TrimSpace(text) != "" || d.Attachment.FileID != "" {
			d.Title, d.Description = ideaFromText(line, text)
		}
	}
	if d.Title == "" {
		if c.Chat().Type != tele.ChatPrivate {
			return c.Send(h.printer(c).T(i18n.IdeaGroupHowTo, h.botName()))
		}
		return h.startIdeaDraft(c, d.Attachment)
	}
	return h.propose(ctx, c, d)
}

// ideaFromText splits a replied message into the idea's title and
// description: the title typed after /idea, else the message's first
// line (shortened to the limit, the whole text then being the
// description); the rest is the description, shortened to its limit.
func ideaFromText(typed, text string) (title, description string) {
	text = strings.TrimSpace(text)
	first, rest, _ := strings.Cut(text, "\n")
	switch {
	case typed != "":
		title, description = typed, text
	case utf8.RuneCountInString(first) > domain.IdeaTitleMax:
		title, description = truncate(first, domain.IdeaTitleMax), text
	default:
		title, description = first, rest
	}
	return title, truncate(strings.TrimSpace(description), domain.IdeaDescriptionMax)
}

// attachmentOf is the photo (its largest size) or document of a message.
func attachmentOf(m *tele.Message) domain.Attachment {
	switch {
	case m == nil:
	case m.Photo != nil && m.Photo.FileID != "":
		return domain.Attachment{FileID: m.Photo.FileID, Kind: domain.AttachPhoto}
	case m.Document != nil && m.Document.FileID != "":
		return domain.Attachment{FileID: m.Document.FileID, Kind: domain.AttachDocument}
	}
	return domain.Attachment{}
}

// propose stores the idea and confirms with its card: in a private chat
// the card itself, in a group one line with a link to it (the group sees
// the idea's post anyway).
func (h *Handler) propose(ctx context.Context, c tele.Context, d domain.IdeaDraft) error {
	idea, err := h.ideas.Propose(ctx, user(c), d)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	note := tr.T(i18n.IdeaSaved, idea.ID)
	if c.Chat().Type != tele.ChatPrivate {
		var markup *tele.ReplyMarkup
		if link := h.ideaLink(idea.ID); link != "" {
			markup = inline(row(tele.Btn{Text: tr.T(i18n.IdeaMore), URL: link}))
		}
		return c.Send(note+" <b>"+esc(idea.Title, 200)+"</b>", markup, tele.ModeHTML)
	}
	card, err := h.ideas.Card(ctx, user(c), c.Chat().ID, idea.ID)
	if err != nil {
		return err
	}
	return h.showIdeaCard(c, card, note, ideaList{})
}

// ideaLink is the deep link that opens an idea's card in the private chat.
func (h *Handler) ideaLink(id int64) string { return ideaDeepLinkURL(h.botName(), id) }

// onIdeaMedia takes a photo or document whose caption is /idea…: the
// idea with its file. It reports whether the caption was that command.
func (h *Handler) onIdeaMedia(c tele.Context) (bool, error) {
	payload, ok := captionCommand(c.Message().Caption, "idea", h.botName())
	if !ok {
		return false, nil
	}
	return true, h.proposeFrom(c, payload, attachmentOf(c.Message()))
}

// captionCommand reads "/name[@bot] payload" at the start of a caption;
// a command addressed to another bot is not ours.
func captionCommand(caption, name, bot string) (string, bool) {
	fields := strings.SplitN(strings.TrimSpace(caption), " ", 2)
	cmd, to, addressed := strings.Cut(fields[0], "@")
	if cmd != "/"+name || (addressed && !strings.EqualFold("@"+to, bot)) {
		return "", false
	}
	if len(fields) == 1 {
		return "", true
	}
	return strings.TrimSpace(fields[1]), true
}

// onPhoto answers a photo: only an idea's (caption /idea) means anything.
func (h *Handler) onPhoto(c tele.Context) error {
	if took, err := h.onIdeaMedia(c); took || err != nil {
		return err
	}
	switch {
	case c.Chat().Type != tele.ChatPrivate:
		return nil // in a group the bot keeps quiet unless spoken to
	case !user(c).Role.Approved():
		return h.deny(c)
	}
	return c.Send(h.printer(c).T(i18n.NotUnderstood))
}

// onDocumentOrIdea answers a document: an idea's when its caption is
// /idea, otherwise an event log to import (employees and up).
func (h *Handler) onDocumentOrIdea(c tele.Context) error {
	if took, err := h.onIdeaMedia(c); took || err != nil {
		return err
	}
	return h.need(domain.RoleEmployee, h.onDocument)(c)
}
