package bot

import (
	"context"
	"strconv"
	"strings"

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

// ideaAnonStep is the dialog's last step: the anonymity buttons, no
// typed answer.
const ideaAnonStep = "anon"

// processChoices is how many mined processes the process question offers.
const processChoices = 8

// draftOf is the user's dialog under way in this chat, kept by the ideas
// service so that a restart loses nothing.
func (h *Handler) draftOf(ctx context.Context, c tele.Context) (domain.PendingIdea, bool, error) {
	return h.ideas.Draft(ctx, user(c).ID, c.Chat().ID)
}

func (h *Handler) keepDraft(ctx context.Context, c tele.Context, d domain.PendingIdea) error {
	d.UserID, d.ChatID, d.UpdatedAt = user(c).ID, c.Chat().ID, h.cfg.Now()
	return h.ideas.SaveDraft(ctx, d)
}

// startIdeaDraft asks the first question: the title.
func (h *Handler) startIdeaDraft(c tele.Context, file domain.Attachment) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	d := domain.PendingIdea{Step: ideaTitleQuestion, Draft: domain.IdeaDraft{Attachment: file, SourceChat: c.Chat().ID}}
	if err := h.keepDraft(ctx, c, d); err != nil {
		return err
	}
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
	d, ok, err := h.draftOf(ctx, c)
	if err != nil {
		return err
	}
	if !ok || d.Step != p.Kind {
		return c.Send(h.printer(c).T(i18n.NotUnderstood)) // the draft was cancelled or lapsed
	}
	tr := h.printer(c)
	text := strings.TrimSpace(c.Text())
	probe := d.Draft
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
			return h.askIdeaAgain(ctx, c, p, tr.T(i18n.IdeaBadHoursText))
		}
		probe.HoursSaved = hours
	}
	if err := probe.Normalize(); err != nil {
		de, ok := domain.AsError(err)
		if !ok {
			return err
		}
		return h.askIdeaAgain(ctx, c, p, errorText(tr, de))
	}
	d.Draft = probe
	return h.nextIdeaQuestion(ctx, c, d)
}

// askIdeaAgain repeats a question after an answer that would not do.
func (h *Handler) askIdeaAgain(ctx context.Context, c tele.Context, p domain.PendingInput, why string) error {
	if err := h.store.SetPendingInput(ctx, p); err != nil {
		return err
	}
	return c.Send(why, cancelKeyboard(h.printer(c), btnIdeaNew, "x"), tele.ModeHTML)
}

// nextIdeaQuestion asks what follows the step d is at.
func (h *Handler) nextIdeaQuestion(ctx context.Context, c tele.Context, d domain.PendingIdea) error {
	tr := h.printer(c)
	next := map[string]string{ideaTitleQuestion: ideaBodyQuestion, ideaBodyQuestion: ideaProcessQuestion,
		ideaProcessQuestion: ideaHoursQuestion, ideaHoursQuestion: ideaAnonStep}[d.Step]
	if next == "" {
		return c.Send(tr.T(i18n.NotUnderstood))
	}
	d.Step = next
	if err := h.keepDraft(ctx, c, d); err != nil {
		return err
	}
	switch next {
	case ideaBodyQuestion:
		return h.askIdea(c, ideaBodyQuestion, tr.T(i18n.IdeaAskBody, esc(d.Draft.Title, 200)),
			[][]tele.Btn{row(button(btnIdeaNew, tr.T(i18n.IdeaSkip), "b0"))})
	case ideaProcessQuestion:
		procs, err := h.ideas.Processes(ctx, processChoices)
		if err != nil {
			return err
		}
		var rows [][]tele.Btn
		for _, p := range procs {
			rows = append(rows, row(button(btnIdeaNew, truncate(p.Name, 40), "p", strconv.FormatInt(p.ID, 10))))
		}
		rows = append(rows, row(button(btnIdeaNew, tr.T(i18n.IdeaNoProcess), "pn")))
		return h.askIdea(c, ideaProcessQuestion, tr.T(i18n.IdeaAskProcess), rows)
	case ideaHoursQuestion:
		return h.askIdea(c, ideaHoursQuestion, tr.T(i18n.IdeaAskHours), [][]tele.Btn{row(button(btnIdeaNew, tr.T(i18n.IdeaSkip), "h0"))})
	default:
		return h.askIdea(c, "", tr.T(i18n.IdeaAskAnonymous), [][]tele.Btn{row(
			button(btnIdeaNew, "👤 "+tr.T(i18n.IdeaWithName), "an", "n"), button(btnIdeaNew, "🕶 "+tr.T(i18n.IdeaAnonymously), "an", "y"))})
	}
}

// onIdeaNew answers the dialog's buttons: start, skip, a process, the
// anonymity choice (which proposes), cancel.
func (h *Handler) onIdeaNew(c tele.Context) error {
	step, value, _ := strings.Cut(c.Callback().Data, "|")
	tr := h.printer(c)
	if step == "go" {
		if err := h.answer(c, "", false); err != nil {
			return err
		}
		return h.proposeStart(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	d, ok, err := h.draftOf(ctx, c)
	if err != nil {
		return err
	}
	if !ok {
		return h.onStaleButton(c)
	}
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	switch {
	case step == "x":
		if err := h.ideas.DropDraft(ctx, d.UserID, d.ChatID); err != nil {
			return err
		}
		return h.showText(c, tr.T(i18n.IdeaDraftCancelled), inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
	case step == "b0" && d.Step == ideaBodyQuestion, step == "h0" && d.Step == ideaHoursQuestion,
		step == "pn" && d.Step == ideaProcessQuestion:
		return h.nextIdeaQuestion(ctx, c, d)
	case step == "p" && d.Step == ideaProcessQuestion:
		id, ok := parseID(value)
		if !ok {
			return nil
		}
		d.Draft.ProcessID, d.Draft.Process = id, ""
		return h.nextIdeaQuestion(ctx, c, d)
	case step == "an" && d.Step == ideaAnonStep && (value == "y" || value == "n"):
		d.Draft.Anonymous = value == "y"
		if err := h.propose(ctx, c, d.Draft); err != nil {
			return err // the draft stays: the buttons may be pressed again
		}
		return h.ideas.DropDraft(ctx, d.UserID, d.ChatID)
	}
	return nil // a button of an earlier question: the dialog has moved on
}

// proposeStart is «Propose an idea» from the dashboard or a list: the
// dialog, after the same access check as /idea.
func (h *Handler) proposeStart(c tele.Context) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	if ok, err := h.mayTakePart(ctx, c); !ok {
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
