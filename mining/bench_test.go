package mining_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

// benchLog is a deterministic log of events events in cases cases over 24
// activities: each case walks forward through the activities, now and then
// skipping one or going back (rework), with waits of up to four hours.
func benchLog(seed uint64, events, cases int) []domain.MiningEvent {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	acts := make([]string, 24)
	for i := range acts {
		acts[i] = fmt.Sprintf("Операция %02d", i+1)
	}
	out := make([]domain.MiningEvent, 0, events)
	from := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for c := range cases {
		n := events / cases
		if c < events%cases {
			n++
		}
		id := fmt.Sprintf("case-%06d", c)
		at := from.Add(time.Duration(c) * 40 * time.Minute)
		a := 0
		for range n {
			at = at.Add(time.Duration(5+rng.IntN(240)) * time.Minute)
			out = append(out, domain.MiningEvent{Case: id, Activity: acts[a], Time: at, Resource: acts[rng.IntN(12)][:6]})
			switch r := rng.IntN(20); {
			case r == 0 && a > 0:
				a--
			case r < 4:
				a = (a + 2) % 24
			default:
				a = (a + 1) % 24
			}
		}
	}
	return out
}

func benchImportRecompute(b *testing.B, events, cases int) {
	ctx := context.Background()
	log := benchLog(2012, events, cases)
	var importTime, recomputeTime time.Duration
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := mining.New(storage.New(testdb.New(b)), mining.Config{}, nil, nil)
		b.StartTimer()
		start := time.Now()
		imp, err := s.Import(ctx, "BPIC", mining.Events(log), []byte(fmt.Sprint("bench", i)))
		if err != nil || imp.Added != events {
			b.Fatalf("import: %+v %v", imp, err)
		}
		mid := time.Now()
		if _, err := s.Recompute(ctx, nil); err != nil {
			b.Fatal(err)
		}
		importTime += mid.Sub(start)
		recomputeTime += time.Since(mid)
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	// The Go side's CPU (this process; PostgreSQL's is not in it): on a
	// shared machine it tells our cost apart from waiting for a core.
	cpu := time.Duration(ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano())
	b.ReportMetric(cpu.Seconds()/float64(b.N), "go-cpu-s")
	b.ReportMetric(float64(events)*float64(b.N)/importTime.Seconds(), "events/s")
	b.ReportMetric(importTime.Seconds()/float64(b.N), "import-s")
	b.ReportMetric(recomputeTime.Seconds()/float64(b.N), "recompute-s")
}

// BenchmarkImportRecompute262k is a log the size of BPIC 2012: 262,000
// events, 13,000 cases, 24 activities. Goal: ≤ 2 s together.
func BenchmarkImportRecompute262k(b *testing.B) { benchImportRecompute(b, 262_000, 13_000) }

// BenchmarkImportRecompute1M is a million events in 50,000 cases.
func BenchmarkImportRecompute1M(b *testing.B) { benchImportRecompute(b, 1_000_000, 50_000) }

// BenchmarkRecompute262k is the recompute alone, with its allocations.
func BenchmarkRecompute262k(b *testing.B) {
	ctx := context.Background()
	s := mining.New(storage.New(testdb.New(b)), mining.Config{}, nil, nil)
	if _, err := s.Import(ctx, "BPIC", mining.Events(benchLog(2012, 262_000, 13_000)), []byte("bench")); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Recompute(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReads is the dashboard, a page of processes and a process card
// over ten processes of 100,000 events each: goal ≤ 30 ms each.
func BenchmarkReads(b *testing.B) {
	ctx := context.Background()
	s := mining.New(storage.New(testdb.New(b)), mining.Config{}, nil, nil)
	for p := range 10 {
		if _, err := s.Import(ctx, fmt.Sprintf("Процесс %d", p+1), mining.Events(benchLog(uint64(p), 100_000, 5_000)),
			[]byte{byte(p)}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.Recompute(ctx, nil); err != nil {
		b.Fatal(err)
	}
	page, _, err := s.Processes(ctx, 0, 5)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("dashboard", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := s.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, _, err := s.Processes(ctx, 1, 5); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("card", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := s.Process(ctx, page[0].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
