package eventlog_test

import (
	"bytes"
	"compress/gzip"
	"sync"
	"testing"
	"time"

	"processet/internal/cputime"
	"processet/mining/eventlog"
	"processet/mining/eventlog/eventlogtest"
)

// bpic holds the BPIC 2012-sized log in each form, made once.
var bpic struct {
	once          sync.Once
	events        int
	xes, xesGz    []byte
	csv, csvStart []byte
}

func bpicFiles(b *testing.B) {
	bpic.once.Do(func() {
		evs := eventlogtest.Generate(eventlogtest.BPIC2012)
		bpic.events = len(evs)
		var x bytes.Buffer
		if err := eventlogtest.WriteXES(&x, evs, false); err != nil {
			b.Fatal(err)
		}
		bpic.xes = x.Bytes()
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(bpic.xes)
		zw.Close()
		bpic.xesGz = z.Bytes()
		var c bytes.Buffer
		if err := eventlogtest.WriteCSV(&c, evs, eventlogtest.PM4Py); err != nil {
			b.Fatal(err)
		}
		bpic.csv = c.Bytes()
		cfg := eventlogtest.BPIC2012
		cfg.StartTimes = true
		var s bytes.Buffer
		if err := eventlogtest.WriteCSV(&s, eventlogtest.Generate(cfg), eventlogtest.OneC); err != nil {
			b.Fatal(err)
		}
		bpic.csvStart = eventlogtest.Windows1251(s.Bytes())
	})
}

func benchRead(b *testing.B, data []byte) {
	r := bytes.NewReader(data)
	p, err := eventlog.Sniff(r, int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	cpu0 := cputime.Self()
	for b.Loop() {
		n = 0
		err := eventlog.Read(r, int64(len(data)), p, eventlog.Options{}, func(eventlog.Event) error {
			n++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Self()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(n), "events")
}

// BenchmarkReadXES reads a 262,000-event XES log (about 74 MB).
func BenchmarkReadXES(b *testing.B) { bpicFiles(b); benchRead(b, bpic.xes) }

// BenchmarkReadXESGzip reads the same log gzipped; MB/s is of the gzip.
func BenchmarkReadXESGzip(b *testing.B) { bpicFiles(b); benchRead(b, bpic.xesGz) }

// BenchmarkReadCSV reads it as a pm4py CSV.
func BenchmarkReadCSV(b *testing.B) { bpicFiles(b); benchRead(b, bpic.csv) }

// BenchmarkReadCSV1251 reads a Windows-1251 semicolon CSV with start times.
func BenchmarkReadCSV1251(b *testing.B) { bpicFiles(b); benchRead(b, bpic.csvStart) }

// BenchmarkParseTimestamp parses the forms logs use.
func BenchmarkParseTimestamp(b *testing.B) {
	vals := []string{"2011-10-01T00:38:44.546+02:00", "2024-03-01 09:30:00", "01.03.2024 09:30"}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range vals {
			if _, err := eventlog.ParseTimestamp(v, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
