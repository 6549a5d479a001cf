package bot

import (
	"html"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// TaskNotices words the tasks area's notifications: in the recipient's
// language, with buttons to open the task and, for reminders, to snooze.
// The tasks service calls it inside the transaction that enqueues them.
func TaskNotices(loc *time.Location, now func() time.Time) func(domain.Notification) domain.OutMessage {
	return func(n domain.Notification) domain.OutMessage {
		tr := i18n.New(n.To.Language(), n.To.Location(loc))
		t := n.Task
		title := "<b>" + esc(t.Title, domain.MaxTaskTitle) + "</b>"
		actor := html.EscapeString(n.Actor.DisplayName())
		var text string
		switch n.Kind {
		case domain.NoticeAssigned:
			text = tr.T(i18n.NoticeAssigned, title, actor)
		case domain.NoticeChanged:
			text = tr.T(i18n.NoticeChanged, title, actor) + "\n" + changesText(tr, n.Changes)
		default:
			text = reminderText(tr, now(), n.Reminder, title)
		}
		text += "\n\n" + taskLine(tr, now(), t)
		open := wire(button(btnTask, tr.T(i18n.TaskOpen), taskData(t.ID, listRef{})...))
		buttons := [][]domain.Button{{open}}
		if n.Kind == domain.NoticeReminder {
			id := strconv.FormatInt(t.ID, 10)
			buttons = append(buttons, []domain.Button{
				wire(button(btnSnooze, tr.T(i18n.SnoozeHour), id, "1h")),
				wire(button(btnSnooze, tr.T(i18n.SnoozeTomorrow), id, "tm")),
			})
		}
		return domain.OutMessage{ChatID: n.To.ID, HTML: text, Buttons: buttons, Key: n.Key}
	}
}

func reminderText(tr i18n.Printer, now time.Time, kind domain.ReminderKind, title string) string {
	if kind == domain.RemindOverdue {
		return tr.T(i18n.NoticeOverdue, title)
	}
	return tr.T(i18n.NoticeReminder, title)
}

// changesText lists what changed, one line per field, in words.
func changesText(tr i18n.Printer, changes []domain.TaskEvent) string {
	var lines []string
	for _, c := range changes {
		switch c.Field {
		case "status":
			lines = append(lines, tr.T(i18n.ChangedStatus, tr.T(statusKey(domain.TaskStatus(c.New)))))
		case "priority":
			lines = append(lines, tr.T(i18n.ChangedPriority, tr.T(priorityKey(domain.Priority(c.New)))))
		case "deadline":
			when := tr.T(i18n.NoDeadline)
			if at, err := time.Parse(time.RFC3339, c.New); err == nil {
				when = tr.DateTime(at)
			}
			lines = append(lines, tr.T(i18n.ChangedDeadline, when))
		case "assignee":
			lines = append(lines, tr.T(i18n.ChangedAssignee))
		case "title":
			lines = append(lines, tr.T(i18n.ChangedTitle, esc(c.New, 100)))
		}
	}
	return strings.Join(lines, "\n")
}

// wire is a button for a message that leaves through the outbox.
func wire(b tele.Btn) domain.Button {
	return domain.Button{Text: b.Text, Unique: b.Unique, Data: b.Data}
}
