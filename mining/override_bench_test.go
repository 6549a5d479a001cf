package mining_test

import (
	"context"
	"testing"
	"time"

	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

// BenchmarkSetStandardTime262k is what a manager waits for after typing
// a standard time: the override stored and its process of 262,000 events
// recomputed and read back.
func BenchmarkSetStandardTime262k(b *testing.B) {
	ctx := context.Background()
	s := mining.New(storage.New(testdb.New(b)), mining.Config{}, nil, nil)
	imp, err := s.Import(ctx, "BPIC", mining.Events(benchLog(1, 262_000, 13_000)), []byte("bpic"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := time.Duration(i+1) * time.Minute
		if o, err := s.SetStandardTime(ctx, manager, imp.ProcessID, 0, &d); err != nil || o.Queued {
			b.Fatal(o.Queued, err)
		}
	}
}
