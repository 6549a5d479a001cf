package domain

import (
	"strings"
	"time"
)

// Lifecycle is the XES lifecycle:transition of an event, reduced to what
// the computation needs.
type Lifecycle int8

const (
	LifecycleNone     Lifecycle = iota // the log has no lifecycle: every event is an execution
	LifecycleStart                     // the start of an execution
	LifecycleComplete                  // the end of an execution
	LifecycleOther                     // schedule, suspend, resume, abort…: an event, not an execution
)

// ParseLifecycle maps an XES transition name (any case) to a Lifecycle.
func ParseLifecycle(s string) Lifecycle {
	switch {
	case s == "":
		return LifecycleNone
	case strings.EqualFold(s, "start"):
		return LifecycleStart
	case strings.EqualFold(s, "complete"):
		return LifecycleComplete
	}
	return LifecycleOther
}

// MiningEvent is one row of an event log as a reader gives it, before it
// is stored: names as text, times as instants.
type MiningEvent struct {
	Case      string
	Activity  string
	Time      time.Time // when the activity ended, or when its lifecycle transition happened
	Start     time.Time // when it began; zero when the log has no start
	Lifecycle Lifecycle
	Resource  string
}

// LogEvent is one stored event of a process, compact for computing:
// cases and activities are indices, times are Unix microseconds.
type LogEvent struct {
	Case      int32
	Activity  int32
	End       int64 // the event's time
	Start     int64 // 0: the log has no start for this event
	Lifecycle Lifecycle
	Seq       int64 // position in the files, in import order: ties in time keep it
}

// LogActivity is an activity of a process with the manager's overrides.
type LogActivity struct {
	Name            string
	StandardSeconds *float64 // a manager's standard time per execution; wins over the log
	Share           *float64 // a manager's automatable share 0..1; wins over the rules
}

// EventLog is every stored event of one process.
type EventLog struct {
	Activities []LogActivity // indexed by LogEvent.Activity
	Cases      int           // LogEvent.Case < Cases
	Events     []LogEvent
}

// ServiceSource says where an activity's service time comes from.
type ServiceSource string

const (
	ServiceStandard  ServiceSource = "standard"  // the manager's standard time
	ServiceMeasured  ServiceSource = "measured"  // start and end in the log
	ServiceEstimated ServiceSource = "estimated" // time since the previous event, capped
)

// ShareSource says where an activity's automatable share comes from.
type ShareSource string

const (
	ShareManager ShareSource = "manager"
	ShareRules   ShareSource = "rules"
)

// ActivityResult is one activity of a process card.
type ActivityResult struct {
	Index          int32 // the activity's index in its process
	Name           string
	Executions     int
	Cases          int // cases in which it occurs
	ReworkCases    int // cases in which it occurs more than once
	Starts, Ends   int // cases it starts or ends
	PerYear        float64
	MeanSeconds    float64 // mean service time of one execution
	ServiceSource  ServiceSource
	HoursPerYear   float64
	Share          float64 // automatable share 0..1
	ShareSource    ShareSource
	PotentialHours float64
}

// ProcessVariant is a distinct trace and how many cases follow it.
type ProcessVariant struct {
	Activities []string
	Cases      int
	Share      float64 // of all cases, 0..1
}

// FlowEdge is a directly-follows pair of activities.
type FlowEdge struct {
	From, To    int32 // activity indices
	Count       int
	MeanSeconds float64 // mean time from the end of From to the start (else the end) of To
}

// ProcessResult is everything computed for one process; every screen
// reads it precomputed.
type ProcessResult struct {
	ID                int64
	Name              string
	ComputedAt        time.Time
	Events            int
	Cases             int
	Activities        int
	Variants          int
	First, Last       time.Time
	MedianThroughput  time.Duration
	MeanThroughput    time.Duration
	ReworkShare       float64 // share of cases with rework, 0..1
	OperationsPerYear float64
	HoursPerYear      float64
	PotentialHours    float64
	FTE               float64 // hours per year in full-time equivalents
	FTEHours          float64 // the hours of one FTE the figure used
	TopVariants       []ProcessVariant
	ActivityStats     []ActivityResult // most potential first
	Edges             []FlowEdge       // most frequent first
}

// PotentialPct is the share of the process's hours that could be saved.
func (r ProcessResult) PotentialPct() float64 { return pct(r.PotentialHours, r.HoursPerYear) }

// PotentialFTE is the potential in full-time equivalents.
func (r ProcessResult) PotentialFTE() float64 {
	if r.FTEHours <= 0 {
		return 0
	}
	return r.PotentialHours / r.FTEHours
}

// MiningImport is what an import stored.
type MiningImport struct {
	ProcessID int64
	Process   string
	Read      int  // events in the file
	Added     int  // of them not stored before
	Duplicate bool // the same file was imported before: nothing read
}
