package domain

import "time"

// IdeaStatus is the management decision on an improvement idea.
type IdeaStatus string

const (
	IdeaSubmitted IdeaStatus = "submitted"
	IdeaAccepted  IdeaStatus = "accepted"
	IdeaRejected  IdeaStatus = "rejected"
)

// IdeaStatuses lists the statuses in their natural order.
var IdeaStatuses = []IdeaStatus{IdeaSubmitted, IdeaAccepted, IdeaRejected}

// Idea is an employee's proposal to improve a business process.
type Idea struct {
	ID         int64
	Title      string
	Body       string
	Process    string
	AuthorID   int64
	AuthorName string
	Status     IdeaStatus
	Up         int // votes for
	Down       int // votes against
	CreatedAt  time.Time
}

// Score ranks ideas: votes for minus votes against.
func (i Idea) Score() int { return i.Up - i.Down }

// IdeaSummary is what the improvement dashboard and the home tile show.
type IdeaSummary struct {
	Submitted int // all ideas ever proposed
	Votes     int // all votes cast
	Accepted  int
	Rejected  int
	Pending   int    // awaiting a decision
	Top       []Idea // pending ideas with the best score first
}

// Vote is one employee's vote on an idea: +1 for, -1 against.
type Vote struct {
	IdeaID int64
	UserID int64
	Value  int
}
