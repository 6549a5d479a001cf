package domain

import "time"

// CRMUser is a user of the amoCRM account (a deal's responsible manager).
type CRMUser struct {
	ID       int64
	Name     string
	Email    string
	Inactive bool // deactivated in amoCRM: kept for old deals' sake, takes no new work
}

// Assignable are the users who may be given work: the active ones.
func Assignable(users []CRMUser) []CRMUser {
	var out []CRMUser
	for _, u := range users {
		if !u.Inactive {
			out = append(out, u)
		}
	}
	return out
}

// Pipeline is an amoCRM sales pipeline with its statuses in order.
type Pipeline struct {
	ID       int64
	Name     string
	Main     bool
	Statuses []PipelineStatus
}

// PipelineStatus is one stage of a pipeline.
type PipelineStatus struct {
	ID    int64
	Name  string
	Sort  int
	Color string
}

// Company is an amoCRM company, a client.
type Company struct {
	ID   int64
	Name string
}

// CRMTask is an amoCRM task, usually attached to a deal.
type CRMTask struct {
	ID            int64
	DealID        int64 // 0 when not attached to a deal
	Text          string
	TypeID        int64
	ResponsibleID int64
	CompleteTill  time.Time
	Completed     bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// PendingInput is a question the bot asked and waits for a typed answer
// to, such as a deal's new price.
type PendingInput struct {
	UserID int64
	ChatID int64
	Kind   string
	RefID  int64
}

// CanActOnDeals reports whether u may change deals in amoCRM: managers
// and admins; employees only look.
func CanActOnDeals(u User) bool { return u.Role.AtLeast(RoleManager) }

// DealFilter selects active deals for the deals table.
type DealFilter struct {
	ByPrice       bool  // most expensive first; otherwise the longest idle first
	ResponsibleID int64 // 0: everyone's; else one amoCRM user's ("my deals")
	Offset, Limit int
}

// CRMTaskDraft is an amoCRM task being put together from a deal card.
type CRMTaskDraft struct {
	UserID        int64
	DealID        int64
	Text          string
	TypeID        int64
	ResponsibleID int64
	Due           time.Time
}

// CRMTaskType is a kind of amoCRM task: the standard ones and the account's own.
type CRMTaskType struct {
	ID   int64
	Name string
}
