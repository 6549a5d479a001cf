package bot

import (
	"context"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// Questions a decision asks: the reason of a rejection, the original of a
// duplicate. RefID is the idea.
const (
	ideaReasonQuestion = "idea_reason"
	ideaDupQuestion    = "idea_dup"
)

// onIdeaMove answers a card's decision buttons. Rejecting asks the reason
// and a duplicate the original's number; the other moves are made at once
// and the card is shown again. Only deciders get here (see ideaDeciders);
// the service checks who may again.
func (h *Handler) onIdeaMove(c tele.Context) error {
	args, ok := callbackArgs(c, 4)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	to, okTo := parseIdeaStatusCode(args[1])
	back, okBack := parseIdeaList(args[2], args[3])
	if !okID || !okTo || !okBack {
		return h.onStaleButton(c)
	}
	u := user(c)
	tr := h.printer(c)
	ctx, cancel := h.ctx(c)
	defer cancel()
	switch to {
	case domain.IdeaRejected, domain.IdeaDuplicate:
		kind, question := ideaReasonQuestion, tr.T(i18n.IdeaAskReason)
		if to == domain.IdeaDuplicate {
			kind, question = ideaDupQuestion, tr.T(i18n.IdeaAskOriginal)
		}
		err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: u.ID, ChatID: c.Chat().ID, Kind: kind, RefID: id})
		if err != nil {
			return err
		}
		if err := h.answer(c, "", false); err != nil {
			return err
		}
		_, err = h.bot.Send(c.Chat(), question, cancelKeyboard(tr, btnIdea, ideaData(id, back)...), tele.ModeHTML)
		return err
	}
	if _, err := h.ideas.Decide(ctx, u, id, domain.IdeaDecision{To: to}); err != nil {
		return err
	}
	if err := h.answer(c, tr.T(i18n.IdeaDecided), false); err != nil {
		return err
	}
	return h.showIdea(c, id, back)
}

// decisionAnswer takes the reason of a rejection or the number of the
// original of a duplicate, decides, and shows the card. An answer that
// will not do keeps the question open.
func (h *Handler) decisionAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	tr := h.printer(c)
	d := domain.IdeaDecision{To: domain.IdeaRejected, Reason: c.Text()}
	if p.Kind == ideaDupQuestion {
		orig, ok := parseID(strings.TrimPrefix(strings.TrimSpace(c.Text()), "#"))
		if !ok {
			return h.askDecisionAgain(ctx, c, p, tr.T(i18n.IdeaBadOriginalText))
		}
		d = domain.IdeaDecision{To: domain.IdeaDuplicate, DuplicateOf: orig}
	}
	_, err := h.ideas.Decide(ctx, user(c), p.RefID, d)
	if de, ok := domain.AsError(err); ok && de.Code == domain.Invalid {
		return h.askDecisionAgain(ctx, c, p, errorText(tr, de))
	}
	if err != nil {
		return err
	}
	card, err := h.ideas.Card(ctx, user(c), c.Chat().ID, p.RefID)
	if err != nil {
		return err
	}
	return h.showIdeaCard(c, card, tr.T(i18n.IdeaDecided), ideaList{})
}

func (h *Handler) askDecisionAgain(ctx context.Context, c tele.Context, p domain.PendingInput, why string) error {
	if err := h.store.SetPendingInput(ctx, p); err != nil {
		return err
	}
	return c.Send(why, cancelKeyboard(h.printer(c), btnIdea, ideaData(p.RefID, ideaList{})...), tele.ModeHTML)
}

// onIdeaTask walks «Create task» of an accepted idea: the assignee (the
// team, paged), the deadline, the priority; the last press creates the
// task. Every choice travels in the buttons, so nothing is stored before.
// Only deciders get here (see ideaDeciders).
func (h *Handler) onIdeaTask(c tele.Context) error {
	s, ok := parseIdeaTaskStep(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	u := user(c)
	tr := h.printer(c)
	ctx, cancel := h.ctx(c)
	defer cancel()
	card, err := h.ideas.Card(ctx, u, c.Chat().ID, s.ideaID)
	if err != nil {
		return err
	}
	if s.priority != "" {
		return h.createIdeaTask(ctx, c, s)
	}
	var team []domain.User
	if s.assignee < 0 {
		if team, err = h.store.Team(ctx); err != nil {
			return err
		}
	}
	text := tr.T(i18n.IdeaTaskFor, esc(card.Idea.Title, 200)) + "\n\n<b>" + tr.T(ideaTaskQuestion(s)) + "</b>"
	return h.showScreen(c, text, ideaTaskKeyboard(tr, s, team))
}

func ideaTaskQuestion(s ideaTaskStep) i18n.Key {
	switch {
	case s.assignee < 0:
		return i18n.DraftAskAssignee
	case s.deadline == "":
		return i18n.DraftAskDeadline
	}
	return i18n.DraftAskPriority
}

// ideaTaskKeyboard offers the next choice of «Create task».
func ideaTaskKeyboard(tr i18n.Printer, s ideaTaskStep, team []domain.User) *tele.ReplyMarkup {
	back := row(button(btnIdea, "◀ "+tr.T(i18n.IdeaBack), ideaData(s.ideaID, ideaList{})...))
	var rows [][]tele.Btn
	switch {
	case s.assignee < 0:
		rows = assigneeRows(tr, team, s.page, func(label string, id int64) tele.Btn {
			next := s
			next.assignee = id
			return button(btnIdeaTask, label, next.data()...)
		}, func(label string, p int) tele.Btn {
			next := s
			next.page = p
			return button(btnIdeaTask, label, next.data()...)
		})
	case s.deadline == "":
		for _, code := range deadlinePresets {
			next := s
			next.deadline = string(code)
			rows = append(rows, row(button(btnIdeaTask, tr.T(presetKey(code)), next.data()...)))
		}
	default:
		var prios []tele.Btn
		for _, p := range domain.Priorities {
			next := s
			next.priority = priorityCodes[p]
			prios = append(prios, button(btnIdeaTask, priorityMark(p)+" "+tr.T(priorityKey(p)), next.data()...))
		}
		rows = append(rows, prios)
	}
	return inline(append(rows, back)...)
}

// createIdeaTask creates the task with the choices made and shows the
// idea's card with it.
func (h *Handler) createIdeaTask(ctx context.Context, c tele.Context, s ideaTaskStep) error {
	at, _, ok := presetDeadline(s.deadline, h.cfg.Now(), h.loc(c))
	prio, okPrio := parsePriorityCode(s.priority)
	if !ok || !okPrio {
		return h.onStaleButton(c)
	}
	tr := h.printer(c)
	if _, err := h.ideas.CreateTaskForIdea(ctx, user(c), s.ideaID, s.assignee, at, prio); err != nil {
		return err
	}
	if err := h.answer(c, tr.T(i18n.TaskCreated), false); err != nil {
		return err
	}
	card, err := h.ideas.Card(ctx, user(c), c.Chat().ID, s.ideaID)
	if err != nil {
		return err
	}
	return h.showIdeaCard(c, card, tr.T(i18n.TaskCreated), ideaList{})
}

// onIdeaImplemented takes the author's answer to "is the idea
// implemented?" and turns the question into the answer given.
func (h *Handler) onIdeaImplemented(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	if !okID || (args[1] != "y" && args[1] != "n") {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	idea, err := h.ideas.AnswerImplemented(ctx, user(c), id, args[1] == "y")
	if err != nil {
		return err
	}
	tr := h.printer(c)
	key := i18n.IdeaNotYetImplemented
	if args[1] == "y" {
		key = i18n.IdeaMarkedImplemented
	}
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	return h.showText(c, tr.T(key, esc(idea.Title, 200)),
		inline(row(button(btnIdea, tr.T(i18n.IdeaOpen), ideaData(id, ideaList{})...))))
}

// ideaDeciders lets through only the users who may decide on ideas
// (domain.CanDecideIdeas) and denies anyone else as need does, before a
// question is asked or the team is read for them.
func (h *Handler) ideaDeciders(next tele.HandlerFunc) tele.HandlerFunc {
	return func(c tele.Context) error {
		if !domain.CanDecideIdeas(user(c)) {
			return h.deny(c)
		}
		return next(c)
	}
}
