package bot

import (
	"context"
	"errors"
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// handleTask answers /task: with text after it, a quick add in one line;
// as a reply, the replied message becomes the task; alone, the
// step-by-step flow with buttons.
func (h *Handler) handleTask(c tele.Context) error {
	line := strings.TrimSpace(c.Message().Payload)
	if reply := c.Message().ReplyTo; reply != nil {
		text := reply.Text
		if text == "" {
			text = reply.Caption
		}
		if strings.TrimSpace(text) != "" {
			// Options typed after /task (priority, @who, when) still apply.
			return h.quickAdd(c, strings.TrimSpace(text), line)
		}
	}
	if line == "" {
		return h.startDraft(c)
	}
	return h.quickAdd(c, "", line)
}

// quickAdd creates a task from one line. title, when set, is the whole
// title (a replied message) and line only adds options. Nothing is saved
// unless every part of the line was understood.
func (h *Handler) quickAdd(c tele.Context, title, line string) error {
	tr := h.printer(c)
	now := h.cfg.Now()
	parsed, problems := parseTaskLine(tr, line, now, h.loc(c), title != "")
	if title != "" {
		if parsed.Title != "" {
			title += " " + parsed.Title
		}
		parsed.Title = title
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	t := domain.Task{Title: parsed.Title, Priority: parsed.Priority, Deadline: parsed.Deadline, Status: domain.TaskNew}
	if parsed.Assignee != "" {
		who, err := h.store.UserByUsername(ctx, parsed.Assignee)
		if err != nil || !who.Role.Approved() {
			problems = append(problems, tr.T(i18n.TaskNoSuchUser, "@"+parsed.Assignee))
		}
		t.AssigneeID = who.ID
	}
	if len(problems) > 0 {
		return c.Send(taskProblemsText(tr, problems), tele.ModeHTML)
	}
	created, err := h.tasks.Create(ctx, user(c), t)
	if err != nil {
		return err
	}
	return h.sendTaskCreated(c, created)
}

func (h *Handler) sendTaskCreated(c tele.Context, t domain.Task) error {
	tr := h.printer(c)
	text := tr.T(i18n.TaskCreated) + "\n\n" + taskCardText(tr, h.cfg.Now(), t)
	return h.showScreen(c, text, taskCardKeyboard(tr, user(c), t, listRef{}, menuNone, nil))
}

func taskProblemsText(tr i18n.Printer, problems []string) string {
	var b strings.Builder
	b.WriteString(tr.T(i18n.TaskNotUnderstood))
	for _, p := range problems {
		b.WriteString("\n• " + p)
	}
	b.WriteString("\n\n" + tr.T(i18n.TaskQuickHelp))
	return b.String()
}

// taskTitleQuestion is the pending question of the flow's first step: it
// lapses and is dropped like every other question in the chat.
const taskTitleQuestion = "task_title"

// startDraft begins the step-by-step flow: first, what is to be done.
// The draft and the question are saved before the question is sent, so an
// answer can never arrive before the draft it belongs to.
func (h *Handler) startDraft(c tele.Context) error {
	tr := h.printer(c)
	ctx, cancel := h.ctx(c)
	defer cancel()
	err := h.store.SaveDraft(ctx, domain.TaskDraft{UserID: user(c).ID, ChatID: c.Chat().ID,
		Step: domain.StepTitle, Priority: domain.PriorityMedium})
	if err != nil {
		return err
	}
	err = h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID, Kind: taskTitleQuestion})
	if err != nil {
		return err
	}
	_, err = h.bot.Send(c.Chat(), tr.T(i18n.DraftAskTitle), cancelKeyboard(tr, btnDraft, "x"), tele.ModeHTML)
	return err
}

// draftTitle takes the answer to the flow's first question as the title
// of the draft. A title that will not do keeps the question open.
func (h *Handler) draftTitle(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	d, err := h.store.Draft(ctx, user(c).ID)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && (d.Step != domain.StepTitle || d.ChatID != c.Chat().ID)) {
		return c.Send(h.printer(c).T(i18n.NotUnderstood)) // the draft was cancelled meanwhile
	}
	if err != nil {
		return err
	}
	tr := h.printer(c)
	probe := domain.Task{Title: c.Text(), Priority: domain.PriorityMedium, Status: domain.TaskNew}
	if err := probe.Validate(h.cfg.Now(), true); err != nil {
		if serr := h.store.SetPendingInput(ctx, p); serr != nil {
			return serr
		}
		de, ok := domain.AsError(err)
		if !ok {
			return err
		}
		return c.Send(errorText(tr, de), cancelKeyboard(tr, btnDraft, "x"))
	}
	d.Title, d.Step = probe.Title, domain.StepPriority
	if err := h.store.SaveDraft(ctx, d); err != nil {
		return err
	}
	_, err = h.bot.Send(c.Chat(), draftText(tr, h.cfg.Now(), d, nil), draftKeyboard(tr, d, nil, 0), tele.ModeHTML)
	return err
}

// onDraft answers the flow's buttons: priority, assignee (with paging),
// deadline, create, cancel.
func (h *Handler) onDraft(c tele.Context) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	d, err := h.store.Draft(ctx, user(c).ID)
	if errors.Is(err, domain.ErrNotFound) {
		return h.onStaleButton(c)
	}
	if err != nil {
		return err
	}
	step, value, _ := strings.Cut(c.Callback().Data, "|")
	tr := h.printer(c)
	page := 0
	switch step {
	case "x":
		if err := h.store.DeleteDraft(ctx, d.UserID); err != nil {
			return err
		}
		return h.showScreen(c, tr.T(i18n.DraftCancelled), inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
	case "p":
		p, ok := parsePriorityCode(value)
		if !ok || d.Step != domain.StepPriority {
			return h.onStaleButton(c)
		}
		d.Priority, d.Step = p, domain.StepAssignee
	case "ap":
		if page, err = strconv.Atoi(value); err != nil || page < 0 || d.Step != domain.StepAssignee {
			return h.onStaleButton(c)
		}
	case "a":
		id, err := strconv.ParseInt(value, 10, 64)
		if err != nil || id < 0 || d.Step != domain.StepAssignee {
			return h.onStaleButton(c)
		}
		d.AssigneeID, d.Step = id, domain.StepDeadline
	case "d":
		at, _, ok := presetDeadline(value, h.cfg.Now(), h.loc(c))
		if !ok || d.Step != domain.StepDeadline {
			return h.onStaleButton(c)
		}
		d.Deadline, d.Step = at, domain.StepConfirm
	case "ok":
		if d.Step != domain.StepConfirm {
			return h.onStaleButton(c)
		}
		return h.finishDraft(ctx, c, d)
	default:
		return h.onStaleButton(c)
	}
	if err := h.store.SaveDraft(ctx, d); err != nil {
		return err
	}
	team, err := h.teamFor(ctx, d)
	if err != nil {
		return err
	}
	return h.showScreen(c, draftText(tr, h.cfg.Now(), d, team), draftKeyboard(tr, d, team, page))
}

func (h *Handler) teamFor(ctx context.Context, d domain.TaskDraft) ([]domain.User, error) {
	if d.Step != domain.StepAssignee && d.AssigneeID == 0 {
		return nil, nil
	}
	return h.store.Team(ctx)
}

// finishDraft turns the confirmed draft into a task.
func (h *Handler) finishDraft(ctx context.Context, c tele.Context, d domain.TaskDraft) error {
	t, err := h.tasks.Create(ctx, user(c), d.Task())
	if err != nil {
		return err
	}
	if err := h.store.DeleteDraft(ctx, d.UserID); err != nil {
		return err
	}
	return h.sendTaskCreated(c, t)
}
