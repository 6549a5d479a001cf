package domain

import "time"

// amoCRM's system statuses: every pipeline has them with these IDs.
const (
	StatusWon  int64 = 142 // "Успешно реализовано"
	StatusLost int64 = 143 // "Закрыто и не реализовано"
)

// Deal is an amoCRM lead as the dashboards see it; "lead" is amoCRM's word
// on the wire only, everywhere else it is a deal.
type Deal struct {
	ID              int64
	Name            string
	Price           int64 // whole rubles, as amoCRM keeps it
	PipelineID      int64
	StatusID        int64
	StatusName      string
	ResponsibleID   int64
	ResponsibleName string
	CompanyID       int64
	CompanyName     string
	CreatedAt       time.Time
	UpdatedAt       time.Time
	ClosedAt        time.Time // zero while the deal is open
}

// Closed reports whether the deal is won or lost.
func (d Deal) Closed() bool { return d.StatusID == StatusWon || d.StatusID == StatusLost }

// Idle is how long nothing has happened to the deal.
func (d Deal) Idle(now time.Time) time.Duration {
	if d.UpdatedAt.IsZero() || now.Before(d.UpdatedAt) {
		return 0
	}
	return now.Sub(d.UpdatedAt)
}

// WeekCount is one bar of the weekly deal dynamics.
type WeekCount struct {
	Start   time.Time // Monday 00:00 in the company's time zone
	Created int
	Won     int
}

// CRMTaskStates counts amoCRM tasks for the donut of the deals dashboard.
type CRMTaskStates struct {
	Open      int // not completed, deadline ahead
	Overdue   int // not completed, deadline passed
	Completed int
}

// Total is the number of tasks of all states.
func (s CRMTaskStates) Total() int { return s.Open + s.Overdue + s.Completed }

// DealSummary is what the CRM dashboard and the home tile show.
type DealSummary struct {
	Deals      int   // all deals known, open and closed
	Won        int   // deals won, ever
	WonRevenue int64 // sum of the prices of won deals
	// Companies are the clients the team keeps in amoCRM (the synced
	// companies), whether or not they have a deal; CompaniesActive are
	// those of them with an active (open) deal, the secondary figure.
	Companies       int
	CompaniesActive int
	// The headline of the home card: of the deals that were in play this
	// week (DashboardQuery.ThisWeek, the chart's last bar), how many were
	// won in it.
	WeekInPlay int
	WeekWon    int
	Weeks      []WeekCount // oldest first
	Tasks      CRMTaskStates
	Active     []Deal // open deals, longest idle first, at most a page
	ActiveAll  int    // how many open deals there are in all
}

// WeekStart is the Monday 00:00 of t's week in loc.
func WeekStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	offset := (int(t.Weekday()) + 6) % 7 // days since Monday
	y, m, d := t.Date()
	return time.Date(y, m, d-offset, 0, 0, 0, 0, loc)
}

// LastWeeks returns the starts of the n weeks up to and including now's,
// oldest first.
func LastWeeks(now time.Time, loc *time.Location, n int) []time.Time {
	cur := WeekStart(now, loc)
	weeks := make([]time.Time, n)
	for i := range weeks {
		y, m, d := cur.Date()
		weeks[i] = time.Date(y, m, d-7*(n-1-i), 0, 0, 0, 0, loc)
	}
	return weeks
}
