package mining_test

import (
	"bytes"
	"testing"

	"processet/domain"
	"processet/mining"
	"processet/mining/eventlog"
	"processet/mining/eventlog/eventlogtest"
)

func TestFileProcess(t *testing.T) {
	xes := func() []byte {
		var buf bytes.Buffer
		if err := eventlogtest.WriteXES(&buf, eventlogtest.Generate(eventlogtest.Config{Seed: 1, Cases: 2, Activities: 3}), false); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	for _, c := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"process column", "x.csv", []byte("Case ID,Activity,Timestamp,Process\n1,A,2024-01-01 09:00:00,Закупки\n"), "Закупки"},
		{"empty process column", "x.csv", []byte("Case ID,Activity,Timestamp,Process\n1,A,2024-01-01 09:00:00,\n"), "x"},
		{"no process column", "/in/Оплата счетов.csv.gz", []byte("Case ID,Activity,Timestamp\n1,A,2024-01-01 09:00:00\n"), "Оплата счетов"},
		{"xes log name", "log.xes", xes, eventlogtest.ProcessName(0)},
	} {
		r := bytes.NewReader(c.data)
		p, err := eventlog.Sniff(r, r.Size())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := mining.FileProcess(r, r.Size(), p, c.file)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v, want %q", c.name, got, err, c.want)
		}
	}
}

func TestMiningEventLifecycle(t *testing.T) {
	for tr, want := range map[string]domain.Lifecycle{"": domain.LifecycleNone, "start": domain.LifecycleStart,
		"complete": domain.LifecycleComplete, "suspend": domain.LifecycleOther} {
		if got := mining.MiningEvent(eventlog.Event{Case: "1", Activity: "A", Lifecycle: tr}).Lifecycle; got != want {
			t.Errorf("%q: got %d, want %d", tr, got, want)
		}
	}
}
