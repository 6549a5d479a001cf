package domain

import "time"

// Home is the dashboard of dashboards: one summary per area.
type Home struct {
	AsOf   time.Time
	Deals  DealSummary
	Tasks  TaskSummary
	Mining MiningSummary
	Ideas  IdeaSummary
	// IdeaNews is, in a digest, what happened to ideas since the previous
	// digest to its recipient; zero on the dashboards and in a first digest.
	IdeaNews IdeaNews
}

// DashboardQuery says for which moment and how much of each area to
// compute.
type DashboardQuery struct {
	Now   time.Time
	Loc   *time.Location // weeks start on Monday in this zone
	Weeks int            // bars of weekly dynamics
	Limit int            // rows of lists (active deals, urgent tasks, top ideas)
	// TasksOf limits the tasks dashboard to one user's own tasks, the
	// ones they may see (TaskScope); 0 counts everyone's.
	TasksOf int64
}

// ThisWeek is when "this week" began for every "на этой неделе" figure:
// Monday 00:00 in the company's zone, the start of the weekly chart's
// last bar, so a tile and the bar beside it count the same days.
func (q DashboardQuery) ThisWeek() time.Time {
	loc := q.Loc
	if loc == nil {
		loc = time.UTC
	}
	return WeekStart(q.Now, loc)
}
