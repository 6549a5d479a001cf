package domain

import (
	"slices"
	"testing"
	"time"
)

func TestPlanReminders(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, msk)
	due := time.Date(2026, 11, 26, 18, 0, 0, 0, msk)
	kinds := func(rs []Reminder) []ReminderKind {
		var k []ReminderKind
		for _, r := range rs {
			k = append(k, r.Kind)
		}
		return k
	}
	for _, c := range []struct {
		name string
		t    Task
		want []ReminderKind
	}{
		{"high", Task{Priority: PriorityHigh, Status: TaskNew, Deadline: due}, []ReminderKind{RemindDay, RemindHours, RemindHalf, RemindOverdue}},
		{"medium", Task{Priority: PriorityMedium, Status: TaskInProgress, Deadline: due}, []ReminderKind{RemindDay, RemindHours, RemindOverdue}},
		{"low", Task{Priority: PriorityLow, Status: TaskReview, Deadline: due}, []ReminderKind{RemindMorning, RemindOverdue}},
		{"high, due in an hour: only what is still ahead", Task{Priority: PriorityHigh, Status: TaskNew, Deadline: now.Add(time.Hour)}, []ReminderKind{RemindHalf, RemindOverdue}},
		{"done", Task{Priority: PriorityHigh, Status: TaskDone, Deadline: due}, nil},
		{"no deadline", Task{Priority: PriorityHigh, Status: TaskNew}, nil},
		{"already overdue", Task{Priority: PriorityMedium, Status: TaskNew, Deadline: now.Add(-time.Hour)}, []ReminderKind{RemindOverdue}},
	} {
		if got := kinds(PlanReminders(c.t, now, msk)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	low := PlanReminders(Task{Priority: PriorityLow, Status: TaskNew, Deadline: due}, now, msk)
	if want := time.Date(2026, 11, 26, 9, 0, 0, 0, msk); !low[0].At.Equal(want) {
		t.Errorf("low reminder at %v, want %v", low[0].At, want)
	}
}

func TestReminderRecipients(t *testing.T) {
	task := Task{AssigneeID: 2, AuthorID: 1, Priority: PriorityHigh}
	if got := (Reminder{Kind: RemindOverdue}).Recipients(task); !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("overdue high: %v", got)
	}
	if got := (Reminder{Kind: RemindHours}).Recipients(task); !slices.Equal(got, []int64{2}) {
		t.Errorf("reminder: %v", got)
	}
	task.Priority = PriorityMedium
	if got := (Reminder{Kind: RemindOverdue}).Recipients(task); !slices.Equal(got, []int64{2}) {
		t.Errorf("overdue medium: %v", got)
	}
	if got := (Reminder{Kind: RemindDay}).Recipients(Task{AuthorID: 1}); !slices.Equal(got, []int64{1}) {
		t.Errorf("unassigned: %v", got)
	}
}

func TestTaskPermissions(t *testing.T) {
	author := User{ID: 1, Role: RoleEmployee}
	assignee := User{ID: 2, Role: RoleEmployee}
	other := User{ID: 3, Role: RoleEmployee}
	manager := User{ID: 4, Role: RoleManager}
	pending := User{ID: 2, Role: RolePending}
	task := Task{AuthorID: 1, AssigneeID: 2}
	for _, c := range []struct {
		u                 User
		see, status, edit bool
	}{
		{author, true, true, true}, {assignee, true, true, false}, {other, false, false, false},
		{manager, true, true, true}, {pending, false, false, false},
	} {
		if task.VisibleTo(c.u) != c.see || task.CanChangeStatus(c.u) != c.status || task.CanEdit(c.u) != c.edit {
			t.Errorf("user %d (%s): see %v status %v edit %v", c.u.ID, c.u.Role, task.VisibleTo(c.u), task.CanChangeStatus(c.u), task.CanEdit(c.u))
		}
	}
}

func TestDiff(t *testing.T) {
	old := Task{ID: 1, Title: "a", Status: TaskNew, Priority: PriorityLow}
	new := old
	new.Status, new.AssigneeID = TaskInProgress, 5
	ev := Diff(old, new)
	if len(ev) != 2 || ev[0].Field != "status" || ev[1].Field != "assignee" || ev[1].New != "5" {
		t.Errorf("diff %+v", ev)
	}
}
