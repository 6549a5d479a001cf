package domain

import "time"

// CRMUser is a user of the amoCRM account (a deal's responsible manager).
type CRMUser struct {
	ID    int64
	Name  string
	Email string
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
	LeadID        int64 // 0 when not attached to a deal
	Text          string
	TypeID        int64
	ResponsibleID int64
	CompleteTill  time.Time
	Completed     bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}
