package process

import (
	"math"
	"strings"

	"processet/domain"
)

// routineWords mark activities that are typing, copying or checking by
// hand, the work automation takes over first. Matched as substrings of
// the lower-cased name, so «Проверка», «проверить» and «Перепроверка»
// all count.
var routineWords = []string{
	"ввод", "внесение", "провер", "копиров", "сверк", "сверить", "перенос", "заполн",
	"data entry", "entry", "input", "copy", "check", "verif", "reconcil",
}

// The automatable share by rules: a base every activity has, and a step
// for each sign of routine work, capped because no activity runs by
// itself entirely.
const (
	shareBase       = 0.10
	shareRoutine    = 0.40 // the name says routine (routineWords)
	shareFrequent   = 0.20 // at least frequentPerYear executions a year
	shareRepeated   = 0.15 // in at least half of the cases
	shareSteady     = 0.15 // service time varies little: CV ≤ steadyCV over ≥ 3 executions
	shareMax        = 0.90
	frequentPerYear = 1000
	steadyCV        = 0.5
)

// RoutineName reports whether an activity's name says it is routine.
func RoutineName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range routineWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// RuleShare is the automatable share the rules give an activity.
func RuleShare(name string, perYear float64, caseShare float64, cv float64, samples int) float64 {
	s := shareBase
	if RoutineName(name) {
		s += shareRoutine
	}
	if perYear >= frequentPerYear {
		s += shareFrequent
	}
	if caseShare >= 0.5 {
		s += shareRepeated
	}
	if samples >= 3 && cv <= steadyCV {
		s += shareSteady
	}
	return math.Round(min(s, shareMax)*100) / 100
}

// activityResult turns an activity's accumulators into its card row:
// service time by precedence standard > measured > estimated, then hours,
// share and potential.
func activityResult(i int32, act domain.LogActivity, a *activityAcc, perYear, processGap float64, cases int) domain.ActivityResult {
	r := domain.ActivityResult{Index: i, Name: act.Name, Executions: a.executions, Cases: a.cases,
		ReworkCases: a.rework, Starts: a.starts, Ends: a.ends, PerYear: float64(a.executions) * perYear}
	own := a.measured
	switch {
	case act.StandardSeconds != nil:
		r.ServiceSource, r.MeanSeconds = domain.ServiceStandard, *act.StandardSeconds
		if len(own) == 0 {
			own = a.gaps
		}
	case len(a.measured) > 0:
		// Executions without a start take the median of those with one.
		fill := median(a.measured)
		r.ServiceSource = domain.ServiceMeasured
		r.MeanSeconds = (sum(a.measured) + fill*float64(a.executions-len(a.measured))) / float64(a.executions)
	case a.executions > 0:
		// The first execution of a case has no gap before it: it takes
		// the activity's median gap, else the process's.
		fill := processGap
		if len(a.gaps) > 0 {
			fill = median(a.gaps)
		}
		r.ServiceSource, own = domain.ServiceEstimated, a.gaps
		r.MeanSeconds = (sum(a.gaps) + fill*float64(a.noGap)) / float64(a.executions)
	}
	r.HoursPerYear = r.PerYear * r.MeanSeconds / 3600
	if act.Share != nil {
		r.Share, r.ShareSource = *act.Share, domain.ShareManager
	} else {
		caseShare := 0.0
		if cases > 0 {
			caseShare = float64(a.cases) / float64(cases)
		}
		r.Share, r.ShareSource = RuleShare(act.Name, r.PerYear, caseShare, cv(own), len(own)), domain.ShareRules
	}
	r.PotentialHours = r.HoursPerYear * r.Share
	return r
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// cv is the coefficient of variation (population standard deviation over
// the mean); 0 for a constant, +Inf for a zero mean with spread.
func cv(xs []float64) float64 {
	if len(xs) == 0 {
		return math.Inf(1)
	}
	m := mean(xs)
	var v float64
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	sd := math.Sqrt(v / float64(len(xs)))
	if m == 0 {
		if sd == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return sd / m
}
