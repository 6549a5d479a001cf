package bot

import (
	"html"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// draftText shows what is chosen so far and asks the next question.
func draftText(tr i18n.Printer, now time.Time, d domain.TaskDraft, team []domain.User) string {
	who := tr.T(i18n.Nobody)
	for _, u := range team {
		if u.ID == d.AssigneeID {
			who = u.DisplayName()
		}
	}
	deadline := "—"
	if !d.Deadline.IsZero() {
		deadline = tr.DateTime(d.Deadline)
	} else if d.Step == domain.StepConfirm {
		deadline = tr.T(i18n.NoDeadline)
	}
	text := tr.T(i18n.DraftSummary, esc(d.Title, domain.MaxTaskTitle), priorityMark(d.Priority)+" "+tr.T(priorityKey(d.Priority)),
		html.EscapeString(who), deadline)
	questions := map[domain.DraftStep]i18n.Key{domain.StepPriority: i18n.DraftAskPriority,
		domain.StepAssignee: i18n.DraftAskAssignee, domain.StepDeadline: i18n.DraftAskDeadline, domain.StepConfirm: i18n.DraftAskConfirm}
	return text + "\n\n<b>" + tr.T(questions[d.Step]) + "</b>"
}

// draftKeyboard offers the answers to the current question.
func draftKeyboard(tr i18n.Printer, d domain.TaskDraft, team []domain.User, page int) *tele.ReplyMarkup {
	cancel := row(button(btnDraft, tr.T(i18n.DraftCancel), "x"))
	switch d.Step {
	case domain.StepPriority:
		var prios []tele.Btn
		for _, p := range domain.Priorities {
			prios = append(prios, button(btnDraft, priorityMark(p)+" "+tr.T(priorityKey(p)), "p", priorityCodes[p]))
		}
		return inline(prios, cancel)
	case domain.StepAssignee:
		rows := assigneeRows(tr, team, page,
			func(label string, id int64) tele.Btn { return button(btnDraft, label, "a", strconv.FormatInt(id, 10)) },
			func(label string, p int) tele.Btn { return button(btnDraft, label, "ap", strconv.Itoa(p)) })
		return inline(append(rows, cancel)...)
	case domain.StepDeadline:
		var rows [][]tele.Btn
		for _, code := range deadlinePresets {
			rows = append(rows, row(button(btnDraft, tr.T(presetKey(code)), "d", string(code))))
		}
		return inline(append(rows, cancel)...)
	case domain.StepConfirm:
		return inline(row(button(btnDraft, "✅ "+tr.T(i18n.DraftCreate), "ok"), button(btnDraft, tr.T(i18n.DraftCancel), "x")))
	}
	return inline(cancel)
}
