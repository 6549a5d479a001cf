package eventlogtest

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"processet/mining/eventlog"
)

// Model is a process to simulate, more like a real back office than
// Generate: each case walks its steps as a Markov chain from the first
// (so the log has variants and rework loops), people work Monday to
// Friday from 9:00 to 18:00, and the log is exported at To, so the cases
// still under way then have only their first steps.
type Model struct {
	Process string
	Seed    uint64
	Cases   int
	// From and To bound the log: cases arrive at random moments of the
	// working time between them (or in Batches), and no event ends after
	// To.
	From, To time.Time
	// Batches, when set, makes the cases arrive in that many equal groups
	// at even intervals (a month's close, a payroll run).
	Batches int
	// Location is where the working hours are; default UTC.
	Location *time.Location
	Steps    []Step
	// StartTimes gives every event its start as well as its end.
	StartTimes bool
}

// Step is one activity of a model.
type Step struct {
	Activity string
	// Service is the median time the work takes; Spread the sigma of its
	// log-normal distribution (0 is always Service).
	Service time.Duration
	Spread  float64
	// Wait is the mean working time a case waits before this step
	// (exponential): a hand-over to a colleague waits hours, the next step
	// of the same clerk minutes.
	Wait time.Duration
	// Resources are who does it; the one who did the previous step of the
	// case carries on when they are among them.
	Resources []string
	// Next is where a case goes after this step, by weight; none, or a
	// To of End, ends the case.
	Next []Next
}

// Next is a way out of a step.
type Next struct {
	To     int // index of the next step, or End
	Weight float64
}

// End ends a case (Next.To).
const End = -1

// maxTrace bounds a case whose loops keep it going.
const maxTrace = 40

const (
	dayStart = 9
	dayEnd   = 18
)

// Simulate makes the events of m, case by case in order of arrival, each
// case's events in time order. The same model gives the same events.
func Simulate(m Model) []eventlog.Event {
	loc := m.Location
	if loc == nil {
		loc = time.UTC
	}
	rng := rand.New(rand.NewPCG(m.Seed, m.Seed^0x9e3779b97f4a7c15))
	arrivals := m.arrivals(rng, loc)
	var events []eventlog.Event
	for c, t := range arrivals {
		caseID := fmt.Sprintf("%s-%05d", caseIDPrefix(m.Process), c+1)
		resource := ""
		step := 0
		for n := 0; step != End && n < maxTrace; n++ {
			s := m.Steps[step]
			t = addWork(t, time.Duration(rng.ExpFloat64()*float64(s.Wait)), loc)
			service := s.Service
			if s.Spread > 0 {
				service = time.Duration(float64(s.Service) * math.Exp(rng.NormFloat64()*s.Spread))
			}
			service = min(max(service, 30*time.Second), 8*time.Hour).Truncate(time.Second)
			start := fitDay(t, service, loc).Truncate(time.Second)
			end := start.Add(service)
			if end.After(m.To) {
				break
			}
			if !slices.Contains(s.Resources, resource) && len(s.Resources) > 0 {
				resource = s.Resources[rng.IntN(len(s.Resources))]
			}
			e := eventlog.Event{Case: caseID, Activity: s.Activity, Time: end, Resource: resource,
				Process: m.Process, Lifecycle: "complete"}
			if m.StartTimes {
				e.Start = start
			}
			events = append(events, e)
			t = end
			step = next(rng, s.Next)
		}
	}
	return events
}

// arrivals are the moments the cases start, in order.
func (m Model) arrivals(rng *rand.Rand, loc *time.Location) []time.Time {
	work := workBetween(m.From, m.To, loc)
	at := make([]time.Time, m.Cases)
	for i := range at {
		var offset time.Duration
		if m.Batches > 0 {
			batch := i * m.Batches / max(m.Cases, 1)
			offset = time.Duration(float64(work) * (float64(batch) + rng.Float64()*0.15) / float64(m.Batches))
		} else {
			offset = time.Duration(rng.Float64() * float64(work))
		}
		at[i] = addWork(m.From, offset, loc)
	}
	slices.SortFunc(at, func(a, b time.Time) int { return a.Compare(b) })
	return at
}

func next(rng *rand.Rand, ways []Next) int {
	var total float64
	for _, w := range ways {
		total += w.Weight
	}
	if total <= 0 {
		return End
	}
	x := rng.Float64() * total
	for _, w := range ways {
		if x < w.Weight {
			return w.To
		}
		x -= w.Weight
	}
	return ways[len(ways)-1].To
}

// caseIDPrefix is the initials of a process's name, for its case IDs.
func caseIDPrefix(process string) string {
	var b strings.Builder
	for _, w := range strings.Fields(process) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return cmp.Or(b.String(), "C")
}

// working reports whether t is in working hours.
func working(t time.Time, loc *time.Location) bool {
	l := t.In(loc)
	wd := l.Weekday()
	return wd != time.Saturday && wd != time.Sunday && l.Hour() >= dayStart && l.Hour() < dayEnd
}

// nextWork is t, or the start of the next working period after it.
func nextWork(t time.Time, loc *time.Location) time.Time {
	if working(t, loc) {
		return t
	}
	l := t.In(loc)
	day := time.Date(l.Year(), l.Month(), l.Day(), dayStart, 0, 0, 0, loc)
	if !l.Before(day) {
		day = day.AddDate(0, 0, 1)
	}
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDate(0, 0, 1)
	}
	return day
}

// endOfDay is the end of the working day t is in.
func endOfDay(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), dayEnd, 0, 0, 0, loc)
}

// addWork is t moved on by d of working time.
func addWork(t time.Time, d time.Duration, loc *time.Location) time.Time {
	t = nextWork(t, loc)
	for {
		left := endOfDay(t, loc).Sub(t)
		if d < left {
			return t.Add(d)
		}
		d -= left
		t = nextWork(endOfDay(t, loc), loc)
	}
}

// fitDay is when work of length d that may begin at t begins: at t if it
// ends the same working day, else the next working morning (a long job is
// not left half done overnight).
func fitDay(t time.Time, d time.Duration, loc *time.Location) time.Time {
	t = nextWork(t, loc)
	if t.Add(d).After(endOfDay(t, loc)) && d < (dayEnd-dayStart)*time.Hour {
		return nextWork(endOfDay(t, loc), loc)
	}
	return t
}

// workBetween is the working time from from to to.
func workBetween(from, to time.Time, loc *time.Location) time.Duration {
	var total time.Duration
	for t := nextWork(from, loc); t.Before(to); t = nextWork(endOfDay(t, loc), loc) {
		end := endOfDay(t, loc)
		if to.Before(end) {
			end = to
		}
		total += end.Sub(t)
	}
	return total
}
