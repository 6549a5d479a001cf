package domain

import "time"

// ReminderKind says why a reminder is sent.
type ReminderKind string

const (
	RemindDay     ReminderKind = "due_24h"     // a day before the deadline
	RemindHours   ReminderKind = "due_2h"      // two hours before
	RemindHalf    ReminderKind = "due_30m"     // half an hour before
	RemindMorning ReminderKind = "due_morning" // the morning of the due day
	RemindOverdue ReminderKind = "overdue"     // the deadline has passed
	RemindSnoozed ReminderKind = "snoozed"     // the user asked to be reminded later
)

// MorningHour is when "the morning of the due day" is, in the company's
// time zone.
const MorningHour = 9

// Reminder is one planned notification about a task.
type Reminder struct {
	ID     int64
	TaskID int64
	Kind   ReminderKind
	At     time.Time
}

// leadTimes are how long before the deadline each priority is reminded:
// urgent work gets more nudges, closer to the deadline.
var leadTimes = map[Priority][]struct {
	kind ReminderKind
	lead time.Duration
}{
	PriorityHigh:   {{RemindDay, 24 * time.Hour}, {RemindHours, 2 * time.Hour}, {RemindHalf, 30 * time.Minute}},
	PriorityMedium: {{RemindDay, 24 * time.Hour}, {RemindHours, 2 * time.Hour}},
}

// PlanReminders lists the reminders an active task with a deadline is due
// from now on: by priority before the deadline, and an overdue alert at
// it. Reminders whose time has passed are left out, so a deadline moved
// closer does not fire a burst of stale "a day left" messages.
func PlanReminders(t Task, now time.Time, loc *time.Location) []Reminder {
	if !t.Status.Active() || t.Deadline.IsZero() {
		return nil
	}
	var plan []Reminder
	add := func(kind ReminderKind, at time.Time) {
		if !at.Before(now) {
			plan = append(plan, Reminder{TaskID: t.ID, Kind: kind, At: at})
		}
	}
	if t.Priority == PriorityLow {
		d := t.Deadline.In(loc)
		morning := time.Date(d.Year(), d.Month(), d.Day(), MorningHour, 0, 0, 0, loc)
		if morning.Before(t.Deadline) {
			add(RemindMorning, morning)
		}
	}
	for _, l := range leadTimes[t.Priority] {
		add(l.kind, t.Deadline.Add(-l.lead))
	}
	// The overdue alert is always at the deadline, even a past one: the
	// store keeps one reminder per kind and time, so planning again after
	// an edit does not alarm a second time.
	plan = append(plan, Reminder{TaskID: t.ID, Kind: RemindOverdue, At: t.Deadline})
	return plan
}

// Recipients are who a reminder goes to: the assignee (the author when
// nobody is assigned); an overdue high-priority task also alarms its
// author.
func (r Reminder) Recipients(t Task) []int64 {
	to := t.AssigneeID
	if to == 0 {
		to = t.AuthorID
	}
	ids := []int64{}
	if to != 0 {
		ids = append(ids, to)
	}
	if r.Kind == RemindOverdue && t.Priority == PriorityHigh && t.AuthorID != 0 && t.AuthorID != to {
		ids = append(ids, t.AuthorID)
	}
	return ids
}

// SnoozeUntil is when a snoozed reminder comes back: in an hour, or
// tomorrow morning.
func SnoozeUntil(now time.Time, loc *time.Location, tomorrow bool) time.Time {
	if !tomorrow {
		return now.Add(time.Hour)
	}
	n := now.In(loc)
	return time.Date(n.Year(), n.Month(), n.Day()+1, MorningHour, 0, 0, 0, loc)
}
