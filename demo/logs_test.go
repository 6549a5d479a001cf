package demo_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"processet/demo"
	"processet/domain"
	"processet/internal/cputime"
	"processet/internal/testdb"
	"processet/mining"
	"processet/mining/eventlog"
	"processet/storage"
)

var msk = demo.LogsZone

// TestLogsRead reads every shipped log as the import does: each file is
// recognised, names its process, maps its columns by their names and has
// no bad row; together they are the ten processes the ideas speak of,
// with start times in some and only completions in others, over the
// year before LogsEnd.
func TestLogsRead(t *testing.T) {
	files := demo.Logs()
	if len(files) != 10 {
		t.Fatalf("%d log files", len(files))
	}
	var processes []string
	formats := map[string]bool{}
	withStarts, total := 0, 0
	for _, f := range files {
		r := bytes.NewReader(f.Data)
		p, err := eventlog.Sniff(r, r.Size())
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if missing := p.Mapping.Missing(); len(missing) > 0 {
			t.Errorf("%s: no column for %v in %q", f.Name, missing, p.Header)
		}
		formats[string(p.Format)+"/"+string(p.Container)+"/"+string(p.Encoding)] = true
		name, err := mining.FileProcess(r, r.Size(), p, f.Name)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		processes = append(processes, name)
		events, starts := 0, 0
		first, last := demo.LogsEnd, demo.LogsStart
		err = eventlog.Read(r, r.Size(), p, eventlog.Options{Location: msk}, func(e eventlog.Event) error {
			events++
			if !e.Start.IsZero() || e.Lifecycle == "start" {
				starts++
			}
			if e.Time.Before(first) {
				first = e.Time
			}
			if e.Time.After(last) {
				last = e.Time
			}
			if e.Process != "" && e.Process != name {
				t.Errorf("%s line %d: process %q, the file's is %q", f.Name, e.Line, e.Process, name)
			}
			return nil
		})
		if err != nil { // a bad row is an error: there are none
			t.Fatalf("%s: %v", f.Name, err)
		}
		if events < 300 || first.Before(demo.LogsStart) || !last.Before(demo.LogsEnd) ||
			last.Sub(first) < 300*24*time.Hour {
			t.Errorf("%s: %d events from %v to %v", f.Name, events, first, last)
		}
		if starts > 0 {
			withStarts++
		}
		total += events
	}
	t.Logf("%d events in %d files", total, len(files))
	for _, want := range []string{"csv/zip/windows-1251", "csv/gzip/windows-1251", "csv/gzip/utf-8", "xes/gzip/"} {
		if !formats[want] {
			t.Errorf("no log of kind %s among %v", want, formats)
		}
	}
	if withStarts == 0 || withStarts == len(files) {
		t.Errorf("%d of %d logs have start times", withStarts, len(files))
	}
	var ideas []string
	for _, i := range demo.Build(time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)).Ideas {
		if i.Process != "" && !slices.Contains(ideas, i.Process) {
			ideas = append(ideas, i.Process)
		}
	}
	slices.Sort(processes)
	slices.Sort(ideas)
	if !slices.Equal(processes, ideas) {
		t.Errorf("processes of the logs %q, of the ideas %q", processes, ideas)
	}
}

func TestLogShift(t *testing.T) {
	for _, c := range []struct {
		now   time.Time
		weeks int
	}{
		{demo.LogsEnd, 0},
		{demo.LogsEnd.Add(-time.Minute), -1},
		{demo.LogsEnd.Add(7*24*time.Hour - time.Minute), 0},
		{time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC), 52}, // a Wednesday: the logs end on Monday 30 November
	} {
		shift := demo.LogShift(c.now)
		if shift != time.Duration(c.weeks)*7*24*time.Hour {
			t.Errorf("LogShift(%v) = %v, want %d weeks", c.now, shift, c.weeks)
		}
		if end := demo.LogsEnd.Add(shift); end.After(c.now) || c.now.Sub(end) >= 7*24*time.Hour {
			t.Errorf("as of %v the logs end at %v", c.now, end)
		}
	}
}

// load is a fresh database holding the demo as of now.
func load(tb testing.TB, now time.Time) (*storage.DB, *mining.Service) {
	tb.Helper()
	db := storage.New(testdb.New(tb))
	svc := mining.New(db, mining.Config{}, func() time.Time { return now }, nil)
	if err := demo.Load(context.Background(), db, svc, now, msk, false); err != nil {
		tb.Fatal(err)
	}
	return db, svc
}

// TestLoad loads the demo: every process computed from its log, ending
// in the week before now, and the areas refuse a second load.
func TestLoad(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)
	db, svc := load(t, now)
	ctx := context.Background()
	ps, total, err := svc.Processes(ctx, 0, 20)
	if err != nil || total != 10 || len(ps) != 10 {
		t.Fatalf("%d of %d processes: %v", len(ps), total, err)
	}
	var sum domain.MiningSummary
	var last time.Time
	for _, p := range ps {
		r, err := svc.Process(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Last.After(now) || r.Last.Sub(r.First) < 300*24*time.Hour {
			t.Errorf("%s: %v – %v as of %v", r.Name, r.First, r.Last, now)
		}
		if r.Last.After(last) {
			last = r.Last
		}
		if r.Cases == 0 || r.Variants < 2 || r.PotentialHours <= 0 || r.PotentialHours >= r.HoursPerYear {
			t.Errorf("%s: %+v", r.Name, r)
		}
		sum.Hours += r.HoursPerYear
	}
	if now.Sub(last) > 7*24*time.Hour {
		t.Errorf("the logs end at %v, as of %v", last, now)
	}
	dash, err := svc.Dashboard(ctx)
	if err != nil || len(dash.Processes) != 10 || dash.Hours != sum.Hours {
		t.Errorf("dashboard %+v, the cards' hours %v: %v", dash, sum.Hours, err)
	}
	if err := demo.Load(ctx, db, svc, now, msk, false); err != storage.ErrAreasNotEmpty {
		t.Errorf("a second load: %v", err)
	}
	if err := demo.Load(ctx, db, svc, now, msk, true); err != nil {
		t.Errorf("a second load with replace: %v", err)
	}
	if _, total, _ := svc.Processes(ctx, 0, 20); total != 10 {
		t.Errorf("after replace, %d processes", total)
	}
}

// BenchmarkDemoLoad is what every test that loads the demo pays: the four
// areas' rows and the ten event logs imported and recomputed. go-cpu-s
// is the Go side's own CPU (PostgreSQL's is not in it), which a shared
// machine's load moves less than the wall time.
func BenchmarkDemoLoad(b *testing.B) {
	now := time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC)
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db := storage.New(testdb.New(b))
		svc := mining.New(db, mining.Config{}, func() time.Time { return now }, nil)
		b.StartTimer()
		before := cputime.Self()
		if err := demo.Load(context.Background(), db, svc, now, msk, false); err != nil {
			b.Fatal(err)
		}
		cpu += cputime.Self() - before
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "go-cpu-s")
}
