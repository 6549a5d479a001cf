package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// ideaService is the process improvement area as the bot uses it:
// proposing, voting, deciding, the ideas group and the reads behind the
// dashboard, the lists and the card. *ideas.Service has it.
type ideaService interface {
	Propose(ctx context.Context, author domain.User, d domain.IdeaDraft) (domain.Idea, error)
	Vote(ctx context.Context, voter domain.User, chatID, ideaID int64, v domain.VoteValue) (domain.VoteResult, error)
	Decide(ctx context.Context, actor domain.User, ideaID int64, d domain.IdeaDecision) (domain.Idea, error)
	CreateTaskForIdea(ctx context.Context, actor domain.User, ideaID, assigneeID int64, deadline time.Time, priority domain.Priority) (domain.Task, error)
	AnswerImplemented(ctx context.Context, author domain.User, ideaID int64, yes bool) (domain.Idea, error)
	SetIdeasGroup(ctx context.Context, actor domain.User, chatID int64, title string) (domain.IdeasGroup, error)
	SetTrusted(ctx context.Context, actor domain.User, chatID int64, trusted bool) (domain.IdeasGroup, error)
	IdeasGroup(ctx context.Context) (domain.IdeasGroup, bool, error)
	MayTakePart(ctx context.Context, u domain.User, chatID int64) error
	Card(ctx context.Context, viewer domain.User, chatID, ideaID int64) (domain.IdeaCard, error)
	List(ctx context.Context, viewer domain.User, q domain.IdeaQuery) ([]domain.Idea, int, error)
	Dashboard(ctx context.Context, viewer domain.User) (domain.IdeaDashboard, error)
	Processes(ctx context.Context, limit int) ([]domain.ProcessStat, error)
	SaveDraft(ctx context.Context, p domain.PendingIdea) error
	Draft(ctx context.Context, userID, chatID int64) (domain.PendingIdea, bool, error)
	DropDraft(ctx context.Context, userID, chatID int64) error
	PipelineHours(ctx context.Context) (float64, error)
}

// ideasPerPage keeps a list page within a caption.
const ideasPerPage = 5

// handleIdeas answers /ideas: the dashboard in a private chat; in a group,
// an admin gets the ideas group's settings and everyone else nothing (the
// group is no place for a dashboard).
func (h *Handler) handleIdeas(c tele.Context) error {
	if c.Chat().Type != tele.ChatPrivate {
		return h.ideasGroupSettings(c)
	}
	if !user(c).Role.Approved() {
		return h.deny(c)
	}
	return h.showArea(c, areaIdeas)
}

// ideasScreen renders the ideas dashboard for buildScreen.
func (h *Handler) ideasScreen(ctx context.Context, tr i18n.Printer, u domain.User) (screen, error) {
	d, err := h.ideas.Dashboard(ctx, u)
	if err != nil {
		return screen{}, err
	}
	if d.AsOf.IsZero() {
		d.AsOf = h.cfg.Now()
	}
	card := ideasCard(tr, d)
	pic, err := h.cards.picture(cardID{card.Key(), tr.Lang, tr.Loc.String()}, func() ([]byte, error) {
		drawingHint(ctx)
		return h.render.Ideas(ctx, card)
	})
	if err != nil {
		return screen{}, err
	}
	return screen{pic, ideasCaption(tr, d), ideasKeyboard(tr, d)}, nil
}

// onIdeas answers the list buttons: a page of ideas.
func (h *Handler) onIdeas(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	l, ok := parseIdeaList(args[0], args[1])
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	ideas, total, page, err := fetchPage(l.page, ideasPerPage, func(offset int) ([]domain.Idea, int, error) {
		q := l.query(ideasPerPage)
		q.Offset = offset
		return h.ideas.List(ctx, u, q)
	})
	if err != nil {
		return err
	}
	l.page = page
	tr := h.printer(c)
	return h.showScreen(c, ideaListText(tr, l, ideas, total), ideaListKeyboard(tr, l, ideas, total))
}

// onIdea opens an idea's card from a list, the dashboard or a notice.
func (h *Handler) onIdea(c tele.Context) error {
	id, back, ok := idListArgs(c, parseIdeaList)
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showIdea(c, id, back)
}

// showIdea shows the card where the user is: a button edits its message,
// a command or a deep link sends a new one (with the idea's photo or
// document when it has one).
func (h *Handler) showIdea(c tele.Context, id int64, back ideaList) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	card, err := h.ideas.Card(ctx, user(c), c.Chat().ID, id)
	if err != nil {
		return err
	}
	return h.showIdeaCard(c, card, "", back)
}

// showIdeaCard shows a card, with a line above it (a confirmation) when
// note is set.
func (h *Handler) showIdeaCard(c tele.Context, card domain.IdeaCard, note string, back ideaList) error {
	tr := h.printer(c)
	text := ideaCardText(tr, card)
	if note != "" {
		text = fitLines(tr, note+"\n", []string{text}, 0, "", maxCaption)
	}
	markup := ideaCardKeyboard(tr, card, back)
	if c.Callback() == nil {
		if a := card.Idea.Attachment; a.FileID != "" {
			return c.Send(attachmentSendable(a, text), markup, tele.ModeHTML)
		}
	}
	return h.showScreen(c, text, markup)
}

// attachmentSendable is an idea's file, sent again by its file_id.
func attachmentSendable(a domain.Attachment, caption string) tele.Sendable {
	if a.Kind == domain.AttachDocument {
		return &tele.Document{File: tele.File{FileID: a.FileID}, Caption: caption}
	}
	return &tele.Photo{File: tele.File{FileID: a.FileID}, Caption: caption}
}

// onIdeaFile sends an idea's photo or document on its own, for a card
// shown where the file could not be (on the dashboard's picture).
func (h *Handler) onIdeaFile(c tele.Context) error {
	id, ok := parseID(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	card, err := h.ideas.Card(ctx, user(c), c.Chat().ID, id)
	if err != nil {
		return err
	}
	if card.Idea.Attachment.FileID == "" {
		return h.onStaleButton(c)
	}
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	return c.Send(attachmentSendable(card.Idea.Attachment, "💡 <b>"+esc(card.Idea.Title, 200)+"</b>"), tele.ModeHTML)
}

// ideaDeepLink opens the card a «More» link of a group post names:
// /start idea_<id>. It reports whether the payload was such a link.
func (h *Handler) ideaDeepLink(c tele.Context) (bool, error) {
	rest, ok := strings.CutPrefix(c.Message().Payload, "idea_")
	if !ok {
		return false, nil
	}
	id, ok := parseID(rest)
	if !ok {
		return false, nil
	}
	return true, h.showIdea(c, id, ideaList{})
}

// mayTakePart is the access check before proposing: ok when the user may
// take part in ideas here; otherwise a member without access has been told
// how to get it, and err is what the handler returns.
func (h *Handler) mayTakePart(ctx context.Context, c tele.Context) (ok bool, err error) {
	err = h.ideas.MayTakePart(ctx, user(c), c.Chat().ID)
	if err == nil {
		return true, nil
	}
	if took, aerr := h.ideaAccess(c, err); took {
		return false, aerr
	}
	return false, err
}

// ideaAccess tells a group member without access how to get it, as a
// callback answer or a message, and reports whether err was that.
func (h *Handler) ideaAccess(c tele.Context, err error) (bool, error) {
	if !errors.Is(err, domain.ErrIdeaNoAccess) {
		return false, nil
	}
	text := h.printer(c).T(i18n.IdeaHowToJoin, h.botName())
	if c.Callback() != nil {
		return true, h.answer(c, text, true)
	}
	return true, c.Send(text)
}

// botName is the bot's @username for texts that say where to write.
func (h *Handler) botName() string {
	if h.bot.Me == nil || h.bot.Me.Username == "" {
		return ""
	}
	return "@" + h.bot.Me.Username
}
