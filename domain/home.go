package domain

import "time"

// Home is the dashboard of dashboards: one summary per area.
type Home struct {
	AsOf   time.Time
	Deals  DealSummary
	Tasks  TaskSummary
	Mining MiningSummary
	Ideas  IdeaSummary
}
