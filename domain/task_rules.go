package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxTaskTitle is the longest task title, in characters: enough for a
// sentence, short enough for a list row.
const MaxTaskTitle = 200

// Task errors a user can act on.
var (
	ErrTaskTitleEmpty   = NewError(Invalid, ErrKeyTaskTitleEmpty)
	ErrTaskTitleLong    = NewError(Invalid, ErrKeyTaskTitleLong)
	ErrTaskBadPriority  = NewError(Invalid, ErrKeyTaskBadPriority)
	ErrTaskBadStatus    = NewError(Invalid, ErrKeyTaskBadStatus)
	ErrTaskPastDeadline = NewError(Invalid, ErrKeyTaskPastDeadline)
)

// ValidPriority reports whether p is a known priority.
func ValidPriority(p Priority) bool {
	return p == PriorityHigh || p == PriorityMedium || p == PriorityLow
}

// ValidStatus reports whether s is a known status.
func ValidStatus(s TaskStatus) bool {
	for _, v := range TaskStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// Validate checks a task before it is stored. now guards against a
// deadline in the past on a task that is still to be done.
func (t *Task) Validate(now time.Time, isNew bool) error {
	t.Title = strings.TrimSpace(t.Title)
	switch {
	case t.Title == "":
		return ErrTaskTitleEmpty
	case utf8.RuneCountInString(t.Title) > MaxTaskTitle:
		return ErrTaskTitleLong
	case !ValidPriority(t.Priority):
		return ErrTaskBadPriority
	case !ValidStatus(t.Status):
		return ErrTaskBadStatus
	case isNew && !t.Deadline.IsZero() && t.Deadline.Before(now.Add(-time.Minute)):
		return ErrTaskPastDeadline
	}
	return nil
}

// VisibleTo reports whether u may see the task: managers see every task,
// employees the ones assigned to them or written by them.
func (t Task) VisibleTo(u User) bool {
	return u.Role.AtLeast(RoleManager) || (u.Role.Approved() && (t.AssigneeID == u.ID || t.AuthorID == u.ID))
}

// TaskScope is whose tasks u sees in lists and on the tasks dashboard: 0
// for everyone's (managers), else u's own.
func TaskScope(u User) int64 {
	if u.Role.AtLeast(RoleManager) {
		return 0
	}
	return u.ID
}

// CanChangeStatus reports whether u may move the task along: whoever does
// it, whoever asked for it, and managers.
func (t Task) CanChangeStatus(u User) bool { return t.VisibleTo(u) }

// CanEdit reports whether u may change what the task is: its priority,
// assignee, deadline, or cancel it. That is the author's and managers'
// call, not the assignee's.
func (t Task) CanEdit(u User) bool {
	return u.Role.AtLeast(RoleManager) || (u.Role.Approved() && t.AuthorID == u.ID)
}

// TaskEvent is one change in a task's history.
type TaskEvent struct {
	TaskID    int64
	ActorID   int64
	ActorName string
	Field     string // "created", "status", "priority", "assignee", "deadline", "title"
	Old       string
	New       string
	At        time.Time
}

// Diff lists what changed between two versions of a task, as history
// events without actor and time.
func Diff(old, new Task) []TaskEvent {
	var ev []TaskEvent
	add := func(field, o, n string) {
		if o != n {
			ev = append(ev, TaskEvent{TaskID: new.ID, Field: field, Old: o, New: n})
		}
	}
	add("title", old.Title, new.Title)
	add("status", string(old.Status), string(new.Status))
	add("priority", string(old.Priority), string(new.Priority))
	add("assignee", idString(old.AssigneeID), idString(new.AssigneeID))
	add("deadline", timeString(old.Deadline), timeString(new.Deadline))
	return ev
}

func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return itoa(id)
}

func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// TaskChange is one edit a user asks for; nil fields stay as they are.
type TaskChange struct {
	Status        *TaskStatus
	Priority      *Priority
	AssigneeID    *int64
	Deadline      *time.Time
	ClearDeadline bool
}

// Apply makes the change on t if u may make it. Moving a task along is
// for everyone involved; cancelling it or changing what it is belongs to
// its author and managers.
func (c TaskChange) Apply(t *Task, u User, now time.Time) error {
	if !t.VisibleTo(u) {
		return ErrForbidden
	}
	editing := c.Priority != nil || c.AssigneeID != nil || c.Deadline != nil || c.ClearDeadline ||
		(c.Status != nil && *c.Status == TaskCancelled)
	if editing && !t.CanEdit(u) {
		return ErrForbidden
	}
	if c.Status != nil {
		if !ValidStatus(*c.Status) {
			return ErrTaskBadStatus
		}
		t.Status = *c.Status
	}
	if c.Priority != nil {
		if !ValidPriority(*c.Priority) {
			return ErrTaskBadPriority
		}
		t.Priority = *c.Priority
	}
	if c.AssigneeID != nil {
		t.AssigneeID = *c.AssigneeID
	}
	if c.ClearDeadline {
		t.Deadline = time.Time{}
	}
	if c.Deadline != nil {
		if c.Deadline.Before(now.Add(-time.Minute)) {
			return ErrTaskPastDeadline
		}
		t.Deadline = *c.Deadline
	}
	return nil
}
