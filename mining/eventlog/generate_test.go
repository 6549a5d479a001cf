package eventlog_test

import (
	"bytes"
	"testing"

	"processet/mining/eventlog/eventlogtest"
)

// A generated log written in each dialect reads back as it was made.
func TestGeneratedRoundTrip(t *testing.T) {
	cfg := eventlogtest.Config{Seed: 7, Processes: 2, Cases: 40, Activities: 8, StartTimes: true}
	evs := eventlogtest.Generate(cfg)
	again := eventlogtest.Generate(cfg)
	if len(evs) == 0 || len(evs) != len(again) || evs[len(evs)-1] != again[len(again)-1] {
		t.Fatal("generator is not deterministic")
	}
	for name, d := range map[string]eventlogtest.Dialect{"pm4py": eventlogtest.PM4Py, "disco": eventlogtest.Disco, "1c": eventlogtest.OneC} {
		d.Location = msk
		var b bytes.Buffer
		if err := eventlogtest.WriteCSV(&b, evs, d); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		if name == "1c" {
			data = eventlogtest.Windows1251(data)
		}
		_, got, err := readAll(t, data, msk)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(evs) {
			t.Fatalf("%s: %d events, want %d", name, len(got), len(evs))
		}
		for i := range evs {
			w, g := evs[i], got[i]
			if g.Case != w.Case || g.Activity != w.Activity || !g.Time.Equal(w.Time) || !g.Start.Equal(w.Start) ||
				g.Resource != w.Resource || g.Process != w.Process || g.Line != i+2 {
				t.Fatalf("%s: event %d: got %+v, want %+v", name, i, g, w)
			}
		}
	}
	var x bytes.Buffer
	if err := eventlogtest.WriteXES(&x, evs, true); err != nil {
		t.Fatal(err)
	}
	_, got, err := readAll(t, x.Bytes(), msk)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2*len(evs) {
		t.Fatalf("%d XES events, want a start and a complete for each of %d", len(got), len(evs))
	}
	for i := range evs {
		s, c := got[2*i], got[2*i+1]
		if s.Lifecycle != "start" || c.Lifecycle != "complete" || !s.Time.Equal(evs[i].Start) || !c.Time.Equal(evs[i].Time) ||
			c.Case != evs[i].Case || c.Activity != evs[i].Activity || c.Process != evs[0].Process {
			t.Fatalf("event %d: got %+v / %+v, want %+v", i, s, c, evs[i])
		}
	}
}

// The BPIC 2012-sized log has the size of the real one.
func TestBPIC2012Size(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 262,000 events")
	}
	evs := eventlogtest.Generate(eventlogtest.BPIC2012)
	cases := map[string]bool{}
	acts := map[string]bool{}
	for _, e := range evs {
		cases[e.Case], acts[e.Activity] = true, true
	}
	if len(evs) < 250000 || len(evs) > 275000 || len(cases) != 13000 || len(acts) != 24 {
		t.Errorf("%d events, %d cases, %d activities", len(evs), len(cases), len(acts))
	}
}
