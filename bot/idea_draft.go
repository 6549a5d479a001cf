package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// The questions of the /idea dialog, as pending-input kinds: each lapses
// and is dropped like every other question in the chat.
const (
	ideaTitleQuestion   = "idea_title"
	ideaBodyQuestion    = "idea_body"
	ideaProcessQuestion = "idea_process"
	ideaHoursQuestion   = "idea_hours"
)

// ideaDraft is a /idea dialog under way: what is answered so far and the
// question it waits for. Drafts live in memory for an hour, as long as a
// question waits: a restart loses a half-written idea, nothing else.
type ideaDraft struct {
	domain.IdeaDraft
	step string // the pending question, or "anon" for the last buttons
	at   time.Time
}

// ideaDraftTTL is how long a draft waits for its next answer.
const ideaDraftTTL = time.Hour

// processChoices is how many mined processes the process question offers.
const processChoices = 8

func (h *Handler) draftOf(userID int64) (ideaDraft, bool) {
	v, ok := h.ideaDrafts.Load(userID)
	if !ok {
		return ideaDraft{}, false
	}
	d := v.(ideaDraft)
	if h.cfg.Now().Sub(d.at) > ideaDraftTTL {
		h.ideaDrafts.Delete(userID)
		return ideaDraft{}, false
	}
	return d, true
}

func (h *Handler) keepDraft(userID int64, d ideaDraft) {
	d.at = h.cfg.Now()
	h.ideaDrafts.Store(userID, d)
}

// startIdeaDraft asks the first question: the title.
func (h *Handler) startIdeaDraft(c tele.Context, file domain.Attachment) error {
	u := user(c)
	h.keepDraft(u.ID, ideaDraft{IdeaDraft: domain.IdeaDraft{Attachment: file, SourceChat: c.Chat().ID}, step: ideaTitleQuestion})
	return h.askIdea(c, ideaTitleQuestion, h.printer(c).T(i18n.IdeaAskTitle), nil)
}

// askIdea sets the question and asks it in a new message under extra
// buttons and «Cancel».
func (h *Handler) askIdea(c tele.Context, kind, text string, extra [][]tele.Btn) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	if kind != "" {
		err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID, Kind: kind})
		if err != nil {
			return err
		}
	}
	tr := h.printer(c)
	rows := append(extra, row(button(btnIdeaNew, tr.T(i18n.AskCancel), "x")))
	_, err := h.bot.Send(c.Chat(), text, inline(rows...), tele.ModeHTML)
	return err
}

// ideaAnswer takes a typed answer to one of the dialog's questions. An
// answer that will not do keeps the question open and says why.
func (h *Handler) ideaAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	u := user(c)
	d, ok := h.draftOf(u.ID)
	if !ok || d.step != p.Kind {
		return c.Send(h.printer(c).T(i18n.NotUnderstood)) // the draft was cancelled or lapsed
	}
	tr := h.printer(c)
	text := strings.TrimSpace(c.Text())
	probe := d.IdeaDraft
	switch p.Kind {
	case ideaTitleQuestion:
		probe.Title = text
	case ideaBodyQuestion:
		probe.Description = text
	case ideaProcessQuestion:
		probe.ProcessID, probe.Process = 0, text
	case ideaHoursQuestion:
		hours, ok := parseHours(text)
		if !ok {
			return h.askAgain(ctx, c, p, tr.T(i18n.IdeaBadHoursText))
		}
		probe.HoursSaved = hours
	}
	if err := probe.Normalize(); err != nil {
		de, ok := domain.AsError(err)
		if !ok {
			return err
		}
		return h.askAgain(ctx, c, p, errorText(tr, de))
	}
	d.IdeaDraft = probe
	return h.nextIdeaQuestion(ctx, c, d)
}

// askAgain repeats a question after an answer that would not do.
func (h *Handler) askAgain(ctx context.Context, c tele.Context, p domain.PendingInput, why string) error {
	if err := h.store.SetPendingInput(ctx, p); err != nil {
		return err
	}
	return c.Send(why, cancelKeyboard(h.printer(c), btnIdeaNew, "x"), tele.ModeHTML)
}

// nextIdeaQuestion asks what follows the step d is at.
func (h *Handler) nextIdeaQuestion(ctx context.Context, c tele.Context, d ideaDraft) error {
	tr := h.printer(c)
	u := user(c)
	switch d.step {
	case ideaTitleQuestion:
		d.step = ideaBodyQuestion
		h.keepDraft(u.ID, d)
		return h.askIdea(c, ideaBodyQuestion, tr.T(i18n.IdeaAskBody, esc(d.Title, 200)),
			[][]tele.Btn{row(button(btnIdeaNew, tr.T(i18n.IdeaSkip), "b0"))})
	case ideaBodyQuestion:
		procs, err := h.ideas.Processes(ctx, processChoices)
		if err != nil {
			return err
		}
		d.step = ideaProcessQuestion
		h.keepDraft(u.ID, d)
		var rows [][]tele.Btn
		for _, p := range procs {
			rows = append(rows, row(button(btnIdeaNew, truncate(p.Name, 40), "p", strconv.FormatInt(p.ID, 10))))
		}
		rows = append(rows, row(button(btnIdeaNew, tr.T(i18n.IdeaNoProcess), "pn")))
		return h.askIdea(c, ideaProcessQuestion, tr.T(i18n.IdeaAskProcess), rows)
	case ideaProcessQuestion:
		d.step = ideaHoursQuestion
		h.keepDraft(u.ID, d)
		return h.askIdea(c, ideaHoursQuestion, tr.T(i18n.IdeaAskHours), [][]tele.Btn{row(button(btnIdeaNew, tr.T(i18n.IdeaSkip), "h0"))})
	case ideaHoursQuestion:
		d.step = "anon"
		h.keepDraft(u.ID, d)
		return h.askIdea(c, "", tr.T(i18n.IdeaAskAnonymous), [][]tele.Btn{row(
			button(btnIdeaNew, "👤 "+tr.T(i18n.IdeaWithName), "an", "n"), button(btnIdeaNew, "🕶 "+tr.T(i18n.IdeaAnonymously), "an", "y"))})
	}
	return c.Send(tr.T(i18n.NotUnderstood))
}

// onIdeaNew answers the dialog's buttons: start, skip, a process, the
// anonymity choice (which proposes), cancel.
func (h *Handler) onIdeaNew(c tele.Context) error {
	step, value, _ := strings.Cut(c.Callback().Data, "|")
	u := user(c)
	tr := h.printer(c)
	if step == "go" {
		if err := h.answer(c, "", false); err != nil {
			return err
		}
		return h.proposeStart(c)
	}
	d, ok := h.draftOf(u.ID)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	switch {
	case step == "x":
		h.ideaDrafts.Delete(u.ID)
		return h.showText(c, tr.T(i18n.IdeaDraftCancelled), inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
	case step == "b0" && d.step == ideaBodyQuestion, step == "h0" && d.step == ideaHoursQuestion,
		step == "pn" && d.step == ideaProcessQuestion:
		return h.nextIdeaQuestion(ctx, c, d)
	case step == "p" && d.step == ideaProcessQuestion:
		id, ok := parseID(value)
		if !ok {
			return nil
		}
		d.ProcessID, d.Process = id, ""
		return h.nextIdeaQuestion(ctx, c, d)
	case step == "an" && d.step == "anon" && (value == "y" || value == "n"):
		d.Anonymous = value == "y"
		h.ideaDrafts.Delete(u.ID)
		return h.propose(ctx, c, d.IdeaDraft)
	}
	return nil // a button of an earlier question: the dialog has moved on
}

// proposeStart is «Propose an idea» from the dashboard or a list: the
// dialog, after the same access check as /idea.
func (h *Handler) proposeStart(c tele.Context) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.ideas.MayTakePart(ctx, user(c), c.Chat().ID); err != nil {
		if took, aerr := h.ideaAccess(c, err); took {
			return aerr
		}
		return err
	}
	return h.startIdeaDraft(c, domain.Attachment{})
}

// parseHours reads an estimate of hours a year: "120", "1 200", "12,5".
func parseHours(s string) (float64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(s), "ч"), "h")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f < 0 || f > domain.IdeaHoursMax {
		return 0, false
	}
	return f, true
}
