package domain

// Operation is one kind of work observed in the event logs of a process,
// aggregated over a year.
type Operation struct {
	ID         int64
	Process    string
	Name       string
	PerYear    int     // executions per year
	AvgSeconds float64 // mean duration of one execution
	// Automatable is the share (0..1) of the operation's time that could be
	// saved by automation or by removing rework.
	Automatable float64
}

// Hours is the time the operation takes per year.
func (o Operation) Hours() float64 { return float64(o.PerYear) * o.AvgSeconds / 3600 }

// ProcessStat is one process of the task mining dashboard.
type ProcessStat struct {
	ID             int64 // 0 for the legacy operations, which have no process row
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

// SummarizeMining aggregates operations into processes and totals.
func SummarizeMining(ops []Operation) MiningSummary {
	var m MiningSummary
	index := map[string]int{}
	for _, op := range ops {
		i, ok := index[op.Process]
		if !ok {
			i = len(m.Processes)
			index[op.Process] = i
			m.Processes = append(m.Processes, ProcessStat{Name: op.Process})
		}
		h := op.Hours()
		p := &m.Processes[i]
		p.Operations += op.PerYear
		p.Hours += h
		p.PotentialHours += h * op.Automatable
		m.Operations += op.PerYear
		m.Hours += h
		m.PotentialHours += h * op.Automatable
	}
	sortProcesses(m.Processes)
	return m
}

func sortProcesses(ps []ProcessStat) {
	// insertion sort: a company has tens of processes, not thousands
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Hours > ps[j-1].Hours; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func pct(part, whole float64) float64 {
	if whole <= 0 {
		return 0
	}
	return part / whole * 100
}
