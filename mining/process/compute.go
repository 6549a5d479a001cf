package process

import (
	"cmp"
	"math"
	"slices"
	"time"

	"processet/domain"
)

// Config holds the constants of the definitions; Defaults gives the
// documented values.
type Config struct {
	FTEHours    float64       // hours of one full-time equivalent per year
	GapCap      time.Duration // the bound of an estimated service time
	MinSpan     time.Duration // the shortest span a log is annualised over
	TopVariants int           // how many variants a result keeps
}

// Defaults are the values the README documents.
func Defaults() Config {
	return Config{FTEHours: 1973, GapCap: time.Hour, MinSpan: 24 * time.Hour, TopVariants: 50}
}

const year = 365 * 24 * time.Hour

// execution is an activity execution of a case's trace.
type execution struct {
	activity int32
	end      int64
	start    int64 // known start (column or lifecycle pair), 0 unknown
	seq      int64
}

// activityAcc accumulates one activity over all cases.
type activityAcc struct {
	executions, cases, rework, starts, ends int
	measured                                []float64 // seconds of executions with a known start
	gaps                                    []float64 // capped seconds since the previous execution
	noGap                                   int       // executions without a known start nor a previous execution
	lastCase                                int32
	inCase                                  int // executions in lastCase
}

// Compute applies the definitions of the package doc to one process's log.
func Compute(log domain.EventLog, cfg Config) domain.ProcessResult {
	r := domain.ProcessResult{Events: len(log.Events), Activities: len(log.Activities), FTEHours: cfg.FTEHours}
	if len(log.Events) == 0 {
		return r
	}
	byCase := groupByCase(log)
	acc := make([]activityAcc, len(log.Activities))
	for i := range acc {
		acc[i].lastCase = -1
	}
	edges := map[[2]int32]*edgeAcc{}
	variants := map[string]*variantAcc{}
	var throughputs []float64
	var reworkCases int
	minT, maxT := int64(math.MaxInt64), int64(math.MinInt64)
	gapCap := cfg.GapCap.Seconds()
	var trace []execution
	var key []byte
	for c := range log.Cases {
		evs := byCase[c]
		if len(evs) == 0 {
			continue
		}
		r.Cases++
		first, last := caseBounds(evs)
		minT, maxT = min(minT, first), max(maxT, last)
		throughputs = append(throughputs, float64(last-first)/1e6)
		trace = buildTrace(trace[:0], evs)
		key = key[:0]
		rework := false
		for i, x := range trace {
			a := &acc[x.activity]
			a.executions++
			if a.lastCase != int32(c) {
				a.lastCase, a.inCase = int32(c), 0
				a.cases++
			}
			a.inCase++
			if a.inCase == 2 {
				a.rework++
				rework = true
			}
			switch {
			case x.start != 0:
				a.measured = append(a.measured, float64(max(x.end-x.start, 0))/1e6)
			case i > 0:
				a.gaps = append(a.gaps, min(float64(max(x.end-trace[i-1].end, 0))/1e6, gapCap))
			default:
				a.noGap++
			}
			if i > 0 {
				addEdge(edges, trace[i-1], x)
			}
			key = append(key, byte(x.activity), byte(x.activity>>8), byte(x.activity>>16), byte(x.activity>>24))
		}
		if len(trace) > 0 {
			acc[trace[0].activity].starts++
			acc[trace[len(trace)-1].activity].ends++
		}
		if rework {
			reworkCases++
		}
		v := variants[string(key)]
		if v == nil {
			v = &variantAcc{activities: activitiesOf(trace)}
			variants[string(key)] = v
		}
		v.cases++
	}
	r.First, r.Last = time.UnixMicro(minT).UTC(), time.UnixMicro(maxT).UTC()
	span := max(time.Duration(maxT-minT)*time.Microsecond, cfg.MinSpan)
	perYear := float64(year) / float64(span)
	r.MedianThroughput = seconds(median(throughputs))
	r.MeanThroughput = seconds(mean(throughputs))
	r.ReworkShare = float64(reworkCases) / float64(r.Cases)
	r.Variants = len(variants)
	r.TopVariants = topVariants(variants, log.Activities, r.Cases, cfg.TopVariants)
	r.Edges = sortedEdges(edges)
	processGap := median(allGaps(acc))
	for i, a := range acc {
		ar := activityResult(int32(i), log.Activities[i], &a, perYear, processGap, r.Cases)
		r.OperationsPerYear += ar.PerYear
		r.HoursPerYear += ar.HoursPerYear
		r.PotentialHours += ar.PotentialHours
		r.ActivityStats = append(r.ActivityStats, ar)
	}
	slices.SortStableFunc(r.ActivityStats, func(a, b domain.ActivityResult) int {
		return cmp.Or(cmp.Compare(b.PotentialHours, a.PotentialHours), cmp.Compare(a.Index, b.Index))
	})
	if cfg.FTEHours > 0 {
		r.FTE = r.HoursPerYear / cfg.FTEHours
	}
	return r
}

// groupByCase splits the events by case without copying them: a counting
// sort of their indices.
func groupByCase(log domain.EventLog) [][]domain.LogEvent {
	counts := make([]int, log.Cases+1)
	for _, e := range log.Events {
		counts[e.Case+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	sorted := make([]domain.LogEvent, len(log.Events))
	next := slices.Clone(counts[:log.Cases])
	for _, e := range log.Events {
		sorted[next[e.Case]] = e
		next[e.Case]++
	}
	out := make([][]domain.LogEvent, log.Cases)
	for c := range out {
		out[c] = sorted[counts[c]:counts[c+1]:counts[c+1]]
		slices.SortFunc(out[c], func(a, b domain.LogEvent) int {
			return cmp.Or(cmp.Compare(a.End, b.End), cmp.Compare(a.Seq, b.Seq))
		})
	}
	return out
}

// caseBounds is the earliest moment (a start where known) and the latest
// event time of a case.
func caseBounds(evs []domain.LogEvent) (first, last int64) {
	first, last = evs[0].End, evs[len(evs)-1].End
	for _, e := range evs {
		if e.Start != 0 && e.Start < first {
			first = e.Start
		}
	}
	return first, last
}

// buildTrace keeps the executions of a case in order (evs is sorted by
// time, then file order) and pairs each lifecycle complete with the
// earliest open start of the same activity.
func buildTrace(trace []execution, evs []domain.LogEvent) []execution {
	var open []domain.LogEvent // lifecycle starts not yet completed
	for _, e := range evs {
		switch e.Lifecycle {
		case domain.LifecycleStart:
			open = append(open, e)
		case domain.LifecycleNone, domain.LifecycleComplete:
			x := execution{activity: e.Activity, end: e.End, start: e.Start, seq: e.Seq}
			if e.Lifecycle == domain.LifecycleComplete && x.start == 0 {
				for i, s := range open {
					if s.Activity == e.Activity {
						x.start = s.End
						open = slices.Delete(open, i, i+1)
						break
					}
				}
			}
			trace = append(trace, x)
		}
	}
	return trace
}

type variantAcc struct {
	activities []int32
	cases      int
}

func activitiesOf(trace []execution) []int32 {
	out := make([]int32, len(trace))
	for i, x := range trace {
		out[i] = x.activity
	}
	return out
}

// topVariants ranks variants by cases, ties by their activity sequence,
// so the order does not depend on how the cases were numbered.
func topVariants(vs map[string]*variantAcc, acts []domain.LogActivity, cases, n int) []domain.ProcessVariant {
	all := make([]*variantAcc, 0, len(vs))
	for _, v := range vs {
		all = append(all, v)
	}
	slices.SortFunc(all, func(a, b *variantAcc) int {
		return cmp.Or(cmp.Compare(b.cases, a.cases), slices.Compare(a.activities, b.activities))
	})
	out := make([]domain.ProcessVariant, 0, min(n, len(all)))
	for _, v := range all[:min(n, len(all))] {
		names := make([]string, len(v.activities))
		for i, a := range v.activities {
			names[i] = acts[a].Name
		}
		out = append(out, domain.ProcessVariant{Activities: names, Cases: v.cases, Share: float64(v.cases) / float64(cases)})
	}
	return out
}

type edgeAcc struct {
	count   int
	seconds float64
}

// addEdge counts prev → next; its duration runs from the end of prev to
// the start of next where the log has it, else to its end.
func addEdge(edges map[[2]int32]*edgeAcc, prev, next execution) {
	k := [2]int32{prev.activity, next.activity}
	e := edges[k]
	if e == nil {
		e = &edgeAcc{}
		edges[k] = e
	}
	to := next.end
	if next.start != 0 {
		to = next.start
	}
	e.count++
	e.seconds += float64(max(to-prev.end, 0)) / 1e6
}

func sortedEdges(edges map[[2]int32]*edgeAcc) []domain.FlowEdge {
	out := make([]domain.FlowEdge, 0, len(edges))
	for k, e := range edges {
		out = append(out, domain.FlowEdge{From: k[0], To: k[1], Count: e.count, MeanSeconds: e.seconds / float64(e.count)})
	}
	slices.SortFunc(out, func(a, b domain.FlowEdge) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return out
}

func allGaps(acc []activityAcc) []float64 {
	var out []float64
	for _, a := range acc {
		out = append(out, a.gaps...)
	}
	return out
}

func seconds(s float64) time.Duration { return time.Duration(math.Round(s * 1e9)) }

// median of xs; it sorts xs.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
