package bot

import (
	"time"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// tasksCard is the tasks dashboard's picture: counts, the donut by status
// and the active tasks by priority.
func tasksCard(tr i18n.Printer, now time.Time, s domain.TaskSummary) charts.AreaCard {
	prio := &charts.Bars{Title: tr.T(i18n.TasksByPriority), Series: []charts.Series{{Name: tr.T(i18n.TasksActive)}}}
	for _, p := range domain.Priorities {
		prio.Labels = append(prio.Labels, tr.T(priorityKey(p)))
		prio.Series[0].Values = append(prio.Series[0].Values, float64(s.ByPriority[p]))
	}
	return charts.AreaCard{
		Accent:   charts.AccentViolet,
		Title:    tasksTitle(tr, s),
		Subtitle: tr.T(i18n.AsOf, tr.Date(now)), // the day only: the caption has the time, so the picture holds all day
		Tiles: []charts.Tile{
			{Label: tr.T(i18n.TasksTotal), Value: tr.Int(s.Total), Note: tr.T(i18n.TasksCancelled, tr.Int(s.Cancelled()))},
			{Label: tr.T(i18n.TasksActive), Value: tr.Int(s.Active)},
			{Label: tr.T(i18n.TasksOverdue), Value: tr.Int(s.Overdue)},
			{Label: tr.T(i18n.TasksDoneWeek), Value: tr.Int(s.DoneWeek)},
		},
		Panels: []charts.Panel{taskStatusDonut(tr, s), prio},
	}
}

// taskStatusDonut shares out all tasks by status: the cancelled ones are
// left out, as the total tile beside it says.
func taskStatusDonut(tr i18n.Printer, s domain.TaskSummary) *charts.Donut {
	d := &charts.Donut{Title: tr.T(i18n.TasksByStatus), Center: tr.Int(s.Total), CenterNote: tr.T(i18n.TasksWord)}
	for _, st := range domain.TaskStatuses {
		if !st.Counted() {
			continue // the ring shares out the same total as the tiles
		}
		d.Slices = append(d.Slices, charts.Slice{Label: tr.T(statusKey(st)), Value: float64(s.ByStatus[st]), Tone: statusTone(st)})
	}
	return d
}

// tasksCaption lists the most urgent active tasks with the two fields the
// brief highlights: idle time and time to the deadline.
func tasksCaption(tr i18n.Printer, now time.Time, s domain.TaskSummary) string {
	header := captionHeader(tasksTitle(tr, s),
		tr.T(i18n.TasksSummaryLine, tr.Int(s.Total), tr.Int(s.Active), tr.Int(s.Overdue), tr.Int(s.DoneWeek)),
		tr.T(i18n.TasksUrgentTitle))
	if len(s.Top) == 0 {
		header += "\n" + tr.T(i18n.TasksNone)
	}
	var lines []string
	for _, t := range s.Top {
		lines = append(lines, taskLine(tr, now, t))
	}
	return fitLines(tr, header, lines, s.Active-len(s.Top), asOf(tr, now), maxCaption)
}

// tasksTitle names the dashboard: the company's tasks, or an employee's own.
func tasksTitle(tr i18n.Printer, s domain.TaskSummary) string {
	if s.Own {
		return tr.T(i18n.TasksMine)
	}
	return tr.T(i18n.AreaTasks)
}

// deadlineText says how long is left, or that the deadline passed.
// A done or cancelled task has no time left, only the date it was due.
func deadlineText(tr i18n.Printer, now time.Time, t domain.Task) string {
	switch {
	case t.Deadline.IsZero():
		return tr.T(i18n.NoDeadline)
	case !t.Status.Active():
		return "📅 " + tr.DateTime(t.Deadline)
	case t.Overdue(now):
		return "⚠️ " + tr.T(i18n.OverdueBy, tr.Duration(now.Sub(t.Deadline)))
	default:
		return "⏰ " + tr.T(i18n.DueIn, tr.Duration(t.Deadline.Sub(now)))
	}
}

func priorityMark(p domain.Priority) string {
	switch p {
	case domain.PriorityHigh:
		return "🔴"
	case domain.PriorityMedium:
		return "🟡"
	}
	return "🟢"
}

func priorityKey(p domain.Priority) i18n.Key { return i18n.PriorityName(p) }

func statusKey(s domain.TaskStatus) i18n.Key { return i18n.TaskStatusName(s) }

// statusTone colours the end states so the donut reads at a glance:
// done is good news, cancelled is neither.
func statusTone(s domain.TaskStatus) charts.Tone {
	switch s {
	case domain.TaskDone:
		return charts.ToneGood
	case domain.TaskCancelled:
		return charts.ToneNeutral
	}
	return charts.ToneAuto
}
