package bot

import (
	"context"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// taskService is what the bot asks of the tasks area.
type taskService interface {
	Create(ctx context.Context, actor domain.User, t domain.Task) (domain.Task, error)
	Change(ctx context.Context, actor domain.User, id int64, c domain.TaskChange) (domain.Task, error)
	Task(ctx context.Context, actor domain.User, id int64) (domain.Task, error)
	List(ctx context.Context, actor domain.User, status domain.TaskStatus, offset, limit int) ([]domain.Task, int, error)
	StatusCounts(ctx context.Context, actor domain.User) (map[domain.TaskStatus]int, error)
	Snooze(ctx context.Context, actor domain.User, id int64, tomorrow bool) (time.Time, error)
}

// teamStore finds people to give tasks to and keeps step-by-step drafts.
type teamStore interface {
	Team(ctx context.Context) ([]domain.User, error)
	UserByUsername(ctx context.Context, username string) (domain.User, error)
	SaveDraft(ctx context.Context, d domain.TaskDraft) error
	Draft(ctx context.Context, userID int64) (domain.TaskDraft, error)
	DeleteDraft(ctx context.Context, userID int64) error
	TaskHistory(ctx context.Context, id int64, limit int) ([]domain.TaskEvent, error)
}

// tasksPerPage keeps a list page within a caption.
const tasksPerPage = 5

// listRef is where a task card returns to: a status list and its page.
type listRef struct {
	status domain.TaskStatus // empty: active tasks
	page   int
}

func (r listRef) data() []string { return []string{statusCode(r.status), strconv.Itoa(r.page)} }

// Status codes keep callback data short.
var statusCodes = map[domain.TaskStatus]string{"": "a", domain.TaskNew: "n", domain.TaskInProgress: "p",
	domain.TaskReview: "r", domain.TaskDone: "d", domain.TaskCancelled: "c"}

func statusCode(s domain.TaskStatus) string { return statusCodes[s] }

func parseStatusCode(code string) (domain.TaskStatus, bool) {
	for s, c := range statusCodes {
		if c == code {
			return s, true
		}
	}
	return "", false
}

func parseListRef(status, page string) (listRef, bool) {
	s, ok1 := parseStatusCode(status)
	p, ok2 := parsePage(page)
	return listRef{s, p}, ok1 && ok2
}

// onTaskList answers the list buttons: a page of tasks in a status.
func (h *Handler) onTaskList(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	ref, ok := parseListRef(args[0], args[1])
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showTaskList(c, ref)
}

func (h *Handler) showTaskList(c tele.Context, ref listRef) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	tasks, total, page, err := fetchPage(ref.page, tasksPerPage, func(offset int) ([]domain.Task, int, error) {
		return h.tasks.List(ctx, u, ref.status, offset, tasksPerPage)
	})
	if err != nil {
		return err
	}
	ref.page = page
	counts, err := h.tasks.StatusCounts(ctx, u)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showScreen(c, taskListText(tr, h.cfg.Now(), ref, tasks, total), taskListKeyboard(tr, ref, tasks, total, counts))
}

// onTask opens a task's card.
func (h *Handler) onTask(c tele.Context) error {
	id, ref, ok := idListArgs(c, parseListRef)
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showTask(c, id, ref, "")
}

func (h *Handler) showTask(c tele.Context, id int64, ref listRef, menu string) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	t, err := h.tasks.Task(ctx, u, id)
	if err != nil {
		return err
	}
	history, err := h.store.TaskHistory(ctx, id, 3)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	var team []domain.User
	if name, _ := menuPage(menu); name == menuAssignee {
		if team, err = h.store.Team(ctx); err != nil {
			return err
		}
	}
	return h.showScreen(c, taskCardText(tr, h.cfg.Now(), t)+historyText(tr, history), taskCardKeyboard(tr, u, t, ref, menu, team))
}

// onTaskMenu opens one of a card's choices (status, priority, assignee,
// deadline) in place of its buttons.
func (h *Handler) onTaskMenu(c tele.Context) error {
	args, ok := callbackArgs(c, 4)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	ref, okRef := parseListRef(args[2], args[3])
	if !okID || !okRef || !validMenu(args[1]) {
		return h.onStaleButton(c)
	}
	return h.showTask(c, id, ref, args[1])
}

// onTaskSet applies a choice made on a card and shows the card again.
func (h *Handler) onTaskSet(c tele.Context) error {
	args, ok := callbackArgs(c, 5)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	ref, okRef := parseListRef(args[3], args[4])
	change, okChange := parseChange(args[1], args[2], h.cfg.Now(), h.loc(c))
	if !okID || !okRef || !okChange {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	if _, err := h.tasks.Change(ctx, user(c), id, change); err != nil {
		return err
	}
	if err := h.answer(c, h.printer(c).T(i18n.TaskSaved), false); err != nil {
		return err
	}
	return h.showTask(c, id, ref, "")
}

// onSnooze puts a reminder off for an hour or until tomorrow morning.
func (h *Handler) onSnooze(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	if !okID || (args[1] != "1h" && args[1] != "tm") {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	at, err := h.tasks.Snooze(ctx, user(c), id, args[1] == "tm")
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.answer(c, tr.T(i18n.Snoozed, tr.DateTime(at)), false)
}

// onNewTask starts the step-by-step flow from a button.
func (h *Handler) onNewTask(c tele.Context) error {
	if err := h.answer(c, "", false); err != nil {
		return err
	}
	return h.startDraft(c)
}
