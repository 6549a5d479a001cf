package domain

import "time"

// Priority of an internal task.
type Priority string

const (
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
)

// Priorities lists priorities from the most to the least urgent.
var Priorities = []Priority{PriorityHigh, PriorityMedium, PriorityLow}

// TaskStatus is where an internal task stands.
type TaskStatus string

const (
	TaskNew        TaskStatus = "new"
	TaskInProgress TaskStatus = "in_progress"
	TaskReview     TaskStatus = "review"
	TaskDone       TaskStatus = "done"
	TaskCancelled  TaskStatus = "cancelled"
)

// TaskStatuses lists the statuses in their natural order.
var TaskStatuses = []TaskStatus{TaskNew, TaskInProgress, TaskReview, TaskDone, TaskCancelled}

// Active reports whether a task in this status still needs work.
func (s TaskStatus) Active() bool {
	return s == TaskNew || s == TaskInProgress || s == TaskReview
}

// Counted reports whether a task in this status is one of "all tasks":
// every task but a cancelled one, which was dropped rather than done.
// Every screen that shows a total of tasks counts this way and says so.
func (s TaskStatus) Counted() bool { return s != TaskCancelled }

// TaskTotals derives the two headline counts from counts per status: all
// tasks (Counted) and the active ones (Active). The dashboard, the home
// tile, the status lists and /status all take their totals from here.
func TaskTotals(byStatus map[TaskStatus]int) (all, active int) {
	for s, n := range byStatus {
		if s.Counted() {
			all += n
		}
		if s.Active() {
			active += n
		}
	}
	return all, active
}

// Task is one of the company's own tasks.
type Task struct {
	ID           int64
	Title        string
	Description  string
	Priority     Priority
	Status       TaskStatus
	AssigneeID   int64 // 0 when unassigned
	AssigneeName string
	AuthorID     int64
	RemindZone   string    // time zone of whoever gets the reminders; empty: the company's
	Deadline     time.Time // zero when there is none
	CreatedAt    time.Time
	UpdatedAt    time.Time
	LastActivity time.Time
}

// Overdue reports whether an active task has passed its deadline.
func (t Task) Overdue(now time.Time) bool {
	return t.Status.Active() && !t.Deadline.IsZero() && now.After(t.Deadline)
}

// TaskSummary is what the tasks dashboard and the home tile show.
type TaskSummary struct {
	Total      int // every task except cancelled ones (TaskStatus.Counted)
	Active     int // new, in progress or on review: "активных", never "в работе" (that is one status)
	Overdue    int
	DoneWeek   int // done this week (DashboardQuery.ThisWeek)
	ByStatus   map[TaskStatus]int
	ByPriority map[Priority]int // active tasks only
	Top        []Task           // active tasks, by priority then deadline, at most a page
	Own        bool             // all of it covers only the viewer's own tasks (an employee's view)
}

// Cancelled is how many tasks were cancelled: shown apart, never in Total.
func (s TaskSummary) Cancelled() int { return s.ByStatus[TaskCancelled] }
