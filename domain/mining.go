package domain

// ProcessStat is one process of the task mining dashboard.
type ProcessStat struct {
	ID             int64
	Name           string
	Operations     int // executions per year
	Hours          float64
	PotentialHours float64
}

// PotentialPct is the share of the process's hours that could be saved.
func (p ProcessStat) PotentialPct() float64 { return pct(p.PotentialHours, p.Hours) }

// MiningSummary is what the task mining dashboard and the home tile show.
type MiningSummary struct {
	Operations     int     // executions per year over all processes
	Hours          float64 // hours per year
	PotentialHours float64
	Processes      []ProcessStat // most hours first
}

// PotentialPct is the optimisation potential in percent of all hours.
func (m MiningSummary) PotentialPct() float64 { return pct(m.PotentialHours, m.Hours) }

func pct(part, whole float64) float64 {
	if whole <= 0 {
		return 0
	}
	return part / whole * 100
}
