package process

import (
	"math"
	"slices"
	"testing"
	"time"

	"processet/domain"
	"processet/mining/process/processtest"
)

var (
	t0            = processtest.T0
	at            = processtest.At
	workedExample = processtest.WorkedExample
)

func near(got, want float64) bool { return math.Abs(got-want) < 1e-9*max(1, math.Abs(want)) }

func TestWorkedExample(t *testing.T) {
	r := Compute(workedExample(), Defaults())
	if r.Events != 14 || r.Cases != 3 || r.Activities != 4 || r.Variants != 2 {
		t.Fatalf("counts: %d events, %d cases, %d activities, %d variants", r.Events, r.Cases, r.Activities, r.Variants)
	}
	wantVariants := []domain.ProcessVariant{
		{Activities: []string{"Регистрация", "Ввод данных", "Проверка", "Согласование"}, Cases: 2, Share: 2.0 / 3},
		{Activities: []string{"Регистрация", "Ввод данных", "Проверка", "Ввод данных", "Проверка", "Согласование"}, Cases: 1, Share: 1.0 / 3},
	}
	if len(r.TopVariants) != 2 {
		t.Fatalf("variants: %+v", r.TopVariants)
	}
	for i, v := range r.TopVariants {
		w := wantVariants[i]
		if !slices.Equal(v.Activities, w.Activities) || v.Cases != w.Cases || !near(v.Share, w.Share) {
			t.Errorf("variant %d: got %+v, want %+v", i+1, v, w)
		}
	}
	if r.MedianThroughput != 60*time.Minute || r.MeanThroughput != 83*time.Minute+20*time.Second {
		t.Errorf("throughput: median %v, mean %v", r.MedianThroughput, r.MeanThroughput)
	}
	if !near(r.ReworkShare, 1.0/3) {
		t.Errorf("rework share %v", r.ReworkShare)
	}
	if !r.First.Equal(t0) || !r.Last.Equal(t0.Add(73*24*time.Hour)) {
		t.Errorf("period %v – %v", r.First, r.Last)
	}
	wantEdges := []domain.FlowEdge{
		{From: 1, To: 2, Count: 4, MeanSeconds: 17.5 * 60},
		{From: 0, To: 1, Count: 3, MeanSeconds: 800},
		{From: 2, To: 3, Count: 3, MeanSeconds: 2600},
		{From: 2, To: 1, Count: 1, MeanSeconds: 600},
	}
	if len(r.Edges) != len(wantEdges) {
		t.Fatalf("edges: %+v", r.Edges)
	}
	for i, e := range r.Edges {
		w := wantEdges[i]
		if e.From != w.From || e.To != w.To || e.Count != w.Count || !near(e.MeanSeconds, w.MeanSeconds) {
			t.Errorf("edge %d: got %+v, want %+v", i, e, w)
		}
	}
	type row struct {
		name                string
		executions          int
		perYear, minutes    float64
		source              domain.ServiceSource
		hours, share, poten float64
		rework              int
	}
	want := map[int32]row{
		0: {"Регистрация", 3, 15, 20, domain.ServiceEstimated, 5, 0.25, 1.25, 0},
		1: {"Ввод данных", 4, 20, 12.5, domain.ServiceEstimated, 250.0 / 60, 0.80, 250.0 / 60 * 0.8, 1},
		2: {"Проверка", 4, 20, 17.5, domain.ServiceEstimated, 350.0 / 60, 0.80, 350.0 / 60 * 0.8, 1},
		3: {"Согласование", 3, 15, 30, domain.ServiceStandard, 7.5, 0.40, 3, 0},
	}
	for _, a := range r.ActivityStats {
		w := want[a.Index]
		if a.Name != w.name || a.Executions != w.executions || !near(a.PerYear, w.perYear) ||
			!near(a.MeanSeconds, w.minutes*60) || a.ServiceSource != w.source || !near(a.HoursPerYear, w.hours) ||
			!near(a.Share, w.share) || a.ShareSource != domain.ShareRules || !near(a.PotentialHours, w.poten) ||
			a.ReworkCases != w.rework || a.Cases != 3 {
			t.Errorf("activity %d: got %+v, want %+v", a.Index, a, w)
		}
	}
	if got := r.ActivityStats[0].Name; got != "Проверка" {
		t.Errorf("most potential first: got %s", got)
	}
	if !near(r.OperationsPerYear, 70) || !near(r.HoursPerYear, 22.5) || !near(r.PotentialHours, 12.25) ||
		!near(r.PotentialPct(), 12.25/22.5*100) || !near(r.FTE, 22.5/1973) {
		t.Errorf("totals: %.4f ops, %.4f h, %.4f potential, %.4f %%, %.5f FTE",
			r.OperationsPerYear, r.HoursPerYear, r.PotentialHours, r.PotentialPct(), r.FTE)
	}
}

// A manager's share wins over the rules; without a standard time S is
// estimated from its gaps (20, 60, 30 min).
func TestManagerShareAndNoStandard(t *testing.T) {
	log := workedExample()
	share := 0.05
	log.Activities[3] = domain.LogActivity{Name: "Согласование"}
	log.Activities[0].Share = &share
	r := Compute(log, Defaults())
	for _, a := range r.ActivityStats {
		switch a.Index {
		case 0:
			if a.Share != 0.05 || a.ShareSource != domain.ShareManager {
				t.Errorf("R: %+v", a)
			}
		case 3:
			if !near(a.MeanSeconds, (20+60+30)*60/3.0) || a.ServiceSource != domain.ServiceEstimated {
				t.Errorf("S: %+v", a)
			}
		}
	}
}

// Start times come from a start column or from lifecycle pairs; an
// execution without one takes the measured median; schedule events count
// as events but not executions.
func TestMeasuredServiceTimes(t *testing.T) {
	log := domain.EventLog{Cases: 2, Activities: []domain.LogActivity{{Name: "A"}, {Name: "B"}}}
	add := func(c, a int32, end, start float64, lc domain.Lifecycle) {
		e := domain.LogEvent{Case: c, Activity: a, End: at(end), Lifecycle: lc, Seq: int64(len(log.Events))}
		if start >= 0 {
			e.Start = at(start)
		}
		log.Events = append(log.Events, e)
	}
	// case 0: a start column. A takes 4 min, B 6 min.
	add(0, 0, 10, 6, domain.LifecycleNone)
	add(0, 1, 30, 24, domain.LifecycleNone)
	// case 1: lifecycle. A scheduled, started at 100, completed at 108;
	// B completed at 130 without a start: it takes B's median, 6 min.
	add(1, 0, 90, -1, domain.LifecycleOther)
	add(1, 0, 100, -1, domain.LifecycleStart)
	add(1, 0, 108, -1, domain.LifecycleComplete)
	add(1, 1, 130, -1, domain.LifecycleComplete)
	r := Compute(log, Defaults())
	if r.Events != 6 || r.Variants != 1 || r.TopVariants[0].Cases != 2 {
		t.Fatalf("counts: %+v", r)
	}
	for _, a := range r.ActivityStats {
		want := map[int32]float64{0: 6 * 60, 1: 6 * 60}[a.Index]
		if a.Executions != 2 || a.ServiceSource != domain.ServiceMeasured || !near(a.MeanSeconds, want) {
			t.Errorf("activity %s: %+v", a.Name, a)
		}
	}
	// A→B: case 0 from 10 to B's start 24 (14 min); case 1 from 108 to 130 (22 min).
	if len(r.Edges) != 1 || r.Edges[0].Count != 2 || !near(r.Edges[0].MeanSeconds, 18*60) {
		t.Errorf("edges: %+v", r.Edges)
	}
	// Throughput: case 0 from its first start (6) to 30; case 1 from 90 to 130.
	if r.MedianThroughput != 32*time.Minute {
		t.Errorf("median throughput %v", r.MedianThroughput)
	}
}

func TestRuleShare(t *testing.T) {
	tests := []struct {
		name      string
		perYear   float64
		caseShare float64
		cv        float64
		samples   int
		want      float64
	}{
		{"Согласование", 10, 0.1, 1, 10, 0.10},
		{"Ввод счёта в 1С", 10, 0.1, 1, 10, 0.50},
		{"Data Entry", 5000, 0.9, 0.1, 10, 0.90},
		{"Сверка остатков", 5000, 0.9, 0.1, 2, 0.85},
		{"Approve", 1000, 0.5, 0.5, 3, 0.60},
	}
	for _, tt := range tests {
		if got := RuleShare(tt.name, tt.perYear, tt.caseShare, tt.cv, tt.samples); !near(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEmptyLog(t *testing.T) {
	r := Compute(domain.EventLog{}, Defaults())
	if r.Events != 0 || r.PotentialPct() != 0 {
		t.Errorf("%+v", r)
	}
}
