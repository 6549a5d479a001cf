package bot

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// taskListText is a page of tasks with the two fields the brief
// highlights: time to the deadline and idle time.
func taskListText(tr i18n.Printer, now time.Time, ref listRef, tasks []domain.Task, total int) string {
	title := tr.T(i18n.TaskListActive)
	if ref.status != "" {
		title = tr.T(statusKey(ref.status))
	}
	header := "<b>" + html.EscapeString(tr.T(i18n.AreaTasks)+": "+title) + "</b> · " + tr.N(i18n.TasksCount, total)
	lines := make([]string, len(tasks))
	for i, t := range tasks {
		lines[i] = taskLine(tr, now, t)
	}
	return pagedList(tr, header, ref.page, tasksPerPage, total, lines, tr.T(i18n.TaskListEmpty))
}

// taskLine is a task in a list: priority, title, assignee, deadline, idle.
func taskLine(tr i18n.Printer, now time.Time, t domain.Task) string {
	who := t.AssigneeName
	if who == "" {
		who = tr.T(i18n.Nobody)
	}
	return fmt.Sprintf("%s <b>%s</b> — %s\n    %s · ⏳ %s", priorityMark(t.Priority), esc(t.Title, 70), esc(who, 30),
		deadlineText(tr, now, t), tr.Duration(now.Sub(t.LastActivity)))
}

func pageCount(total, per int) int { return (total + per - 1) / per }

// pagedList is one page of a numbered list under a header that says which
// page it is; empty is shown when there is nothing.
func pagedList(tr i18n.Printer, header string, page, per, total int, lines []string, empty string) string {
	if pages := pageCount(total, per); pages > 1 {
		header += " · " + tr.T(i18n.PageOf, page+1, pages)
	}
	if len(lines) == 0 {
		return header + "\n\n" + empty
	}
	numbered := make([]string, len(lines))
	for i, l := range lines {
		numbered[i] = fmt.Sprintf("%d. %s", page*per+i+1, l)
	}
	return fitLines(tr, header+"\n", numbered, 0, "", maxCaption)
}

func taskListKeyboard(tr i18n.Printer, ref listRef, tasks []domain.Task, total int, counts map[domain.TaskStatus]int) *tele.ReplyMarkup {
	var open []tele.Btn
	for i, t := range tasks {
		open = append(open, button(btnTask, strconv.Itoa(ref.page*tasksPerPage+i+1), taskData(t.ID, ref)...))
	}
	_, active := domain.TaskTotals(counts)
	filter := func(s domain.TaskStatus, label string, n int) tele.Btn {
		if s == ref.status {
			label = "✓ " + label
		}
		return button(btnTasks, fmt.Sprintf("%s (%d)", label, n), listRef{status: s}.data()...)
	}
	var statuses []tele.Btn
	for _, s := range domain.TaskStatuses {
		statuses = append(statuses, filter(s, tr.T(statusKey(s)), counts[s]))
	}
	var nav []tele.Btn
	if ref.page > 0 {
		nav = append(nav, button(btnTasks, "◀ "+tr.T(i18n.Prev), listRef{ref.status, ref.page - 1}.data()...))
	}
	if (ref.page+1)*tasksPerPage < total {
		nav = append(nav, button(btnTasks, tr.T(i18n.Next)+" ▶", listRef{ref.status, ref.page + 1}.data()...))
	}
	return inline(open, row(filter("", tr.T(i18n.TaskListActive), active), statuses[0], statuses[1]),
		statuses[2:], nav,
		row(button(btnNewTask, tr.T(i18n.TaskNew)), button(btnArea, tr.T(i18n.Home), string(areaHome))))
}

func taskData(id int64, ref listRef) []string {
	return append([]string{strconv.FormatInt(id, 10)}, ref.data()...)
}

// taskCardText shows everything about one task.
func taskCardText(tr i18n.Printer, now time.Time, t domain.Task) string {
	who := t.AssigneeName
	if who == "" {
		who = tr.T(i18n.Nobody)
	}
	deadline := tr.T(i18n.NoDeadline)
	switch {
	case t.Deadline.IsZero():
	case t.Status.Active():
		deadline = tr.DateTime(t.Deadline) + " · " + deadlineText(tr, now, t)
	default: // done or cancelled: no time left to count
		deadline = tr.DateTime(t.Deadline)
	}
	text := fmt.Sprintf("%s <b>%s</b>\n\n", priorityMark(t.Priority), esc(t.Title, domain.MaxTaskTitle)) +
		tr.T(i18n.TaskCard, tr.T(statusKey(t.Status)), tr.T(priorityKey(t.Priority)), esc(who, 40), deadline,
			tr.Duration(now.Sub(t.LastActivity)), tr.DateTime(t.CreatedAt), t.ID)
	if t.Description != "" {
		text += "\n\n" + esc(t.Description, 400)
	}
	return text
}

// taskCardKeyboard offers only what the user may do with the task; menu
// replaces the actions with one choice.
func taskCardKeyboard(tr i18n.Printer, u domain.User, t domain.Task, ref listRef, menu string, team []domain.User) *tele.ReplyMarkup {
	id := strconv.FormatInt(t.ID, 10)
	set := func(label, field, value string) tele.Btn {
		return button(btnTaskSet, label, append([]string{id, field, value}, ref.data()...)...)
	}
	open := func(label, m string) tele.Btn {
		return button(btnTaskMenu, label, append([]string{id, m}, ref.data()...)...)
	}
	back := button(btnTask, "◀ "+tr.T(i18n.TaskBack), taskData(t.ID, ref)...)
	var rows [][]tele.Btn
	switch {
	case menu == menuStatus:
		for _, s := range domain.TaskStatuses {
			if s != t.Status && (s != domain.TaskCancelled || t.CanEdit(u)) {
				rows = append(rows, row(set(tr.T(statusKey(s)), "s", statusCode(s))))
			}
		}
	case menu == menuPriority:
		var prios []tele.Btn
		for _, p := range domain.Priorities {
			prios = append(prios, set(priorityMark(p)+" "+tr.T(priorityKey(p)), "p", priorityCodes[p]))
		}
		rows = append(rows, prios)
	case menu == menuDeadline:
		for _, code := range deadlinePresets {
			rows = append(rows, row(set(tr.T(presetKey(code)), "d", string(code))))
		}
	case menu != menuNone:
		_, page := menuPage(menu)
		rows = assigneeRows(tr, team, page, func(label string, uid int64) tele.Btn {
			return set(label, "a", strconv.FormatInt(uid, 10))
		}, func(label string, p int) tele.Btn { return open(label, menuAssignee+strconv.Itoa(p)) })
	default:
		rows = cardActions(tr, u, t, open, set)
		rows = append(rows, row(button(btnTasks, "◀ "+tr.T(i18n.BackToList), ref.data()...),
			button(btnArea, tr.T(i18n.Home), string(areaHome))))
		return inline(rows...)
	}
	rows = append(rows, row(back))
	return inline(rows...)
}

func cardActions(tr i18n.Printer, u domain.User, t domain.Task, open func(string, string) tele.Btn, set func(string, string, string) tele.Btn) [][]tele.Btn {
	var rows [][]tele.Btn
	if t.CanChangeStatus(u) {
		next := []tele.Btn{open(tr.T(i18n.TaskSetStatus)+" ▸", menuStatus)}
		if t.Status == domain.TaskNew {
			next = append(next, set("▶ "+tr.T(statusKey(domain.TaskInProgress)), "s", statusCode(domain.TaskInProgress)))
		} else if t.Status.Active() {
			next = append(next, set("✅ "+tr.T(statusKey(domain.TaskDone)), "s", statusCode(domain.TaskDone)))
		}
		rows = append(rows, next)
	}
	if t.CanEdit(u) {
		rows = append(rows,
			row(open(tr.T(i18n.TaskSetPriority)+" ▸", menuPriority), open(tr.T(i18n.TaskSetAssignee)+" ▸", menuAssignee+"0")),
			row(open(tr.T(i18n.TaskSetDeadline)+" ▸", menuDeadline)))
		if t.Status.Active() {
			rows = append(rows, row(set("⛔ "+tr.T(i18n.TaskCancel), "s", statusCode(domain.TaskCancelled))))
		}
	}
	return rows
}

// teamPerPage keeps the assignee choice to one screen.
const teamPerPage = 8

// assigneeRows lists a page of the team as buttons, two per row, then
// "nobody" and paging.
func assigneeRows(tr i18n.Printer, team []domain.User, page int, pick func(string, int64) tele.Btn, turn func(string, int) tele.Btn) [][]tele.Btn {
	person := func(u domain.User) tele.Btn { return pick(truncate(u.DisplayName(), 24), u.ID) }
	rows, nav := pagedButtons(tr, team, page, teamPerPage, 2, person, turn)
	return append(rows, row(pick(tr.T(i18n.Nobody), 0)), nav)
}

// historyText is the task's latest changes, newest first, for its card.
func historyText(tr i18n.Printer, events []domain.TaskEvent) string {
	if len(events) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\n<b>" + tr.T(i18n.TaskHistory) + "</b>")
	for _, e := range events {
		what := changesText(tr, []domain.TaskEvent{e})
		if e.Field == "created" {
			what = tr.T(i18n.TaskHistoryCreated)
		} else if e.Field == "assignee" {
			what = tr.T(i18n.TaskHistoryAssignee)
		}
		who := e.ActorName
		if who == "" {
			who = "—"
		}
		b.WriteString(fmt.Sprintf("\n%s · %s: %s", tr.ShortDate(e.At)+" "+e.At.In(tr.Loc).Format("15:04"), esc(who, 30), what))
	}
	return b.String()
}
