package domain

import "time"

// DraftStep is where a step-by-step task creation stands.
type DraftStep string

const (
	StepTitle    DraftStep = "title"    // waiting for the user to type what to do
	StepPriority DraftStep = "priority" // choosing a priority
	StepAssignee DraftStep = "assignee" // choosing who does it
	StepDeadline DraftStep = "deadline" // choosing a deadline
	StepConfirm  DraftStep = "confirm"  // everything chosen, waiting for "Create"
)

// TaskDraft is a task being put together with buttons. It becomes a task
// only when the user confirms, so an abandoned flow leaves nothing behind.
type TaskDraft struct {
	UserID     int64
	ChatID     int64
	Step       DraftStep
	Title      string
	Priority   Priority
	AssigneeID int64
	Deadline   time.Time
}

// Task is the task the draft describes.
func (d TaskDraft) Task() Task {
	return Task{Title: d.Title, Priority: d.Priority, Status: TaskNew, AssigneeID: d.AssigneeID,
		AuthorID: d.UserID, Deadline: d.Deadline}
}
