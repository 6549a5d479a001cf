package app

import (
	"context"
	"io"
	"log/slog"
	"reflect"
	"testing"
	"time"

	"processet/demo"
	"processet/domain"
	"processet/storage"
)

// processResults are every computed process of the database at url, by
// name, without what differs between two databases (IDs, the time of
// the recompute).
func processResults(t *testing.T, cfg Config) map[string]domain.ProcessResult {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := miningService(cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ps, _, err := svc.Processes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]domain.ProcessResult{}
	for _, p := range ps {
		r, err := svc.Process(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		r.ID, r.ComputedAt = 0, time.Time{}
		out[r.Name] = r
	}
	return out
}

// TestDemoIsItsLogsImported loads the demo (`processet demo`) and imports
// its shipped log files with `processet import` into another database:
// every figure of every process is the same. As of the logs' own end
// nothing moves; a year later the periods move by whole weeks and
// nothing else changes.
func TestDemoIsItsLogsImported(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, f := range demo.Logs() {
		files = append(files, writeFile(t, dir, f.Name, f.Data))
	}
	imported := importConfig(t)
	if _, errs, err := runImport(t, imported, "", files...); err != nil {
		t.Fatalf("import: %v\n%s", err, errs)
	}
	want := processResults(t, imported)
	if len(want) != 10 {
		t.Fatalf("%d processes imported", len(want))
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, now := range []time.Time{demo.LogsEnd.Add(26 * time.Hour), time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)} {
		cfg := importConfig(t)
		cfg.Now = func() time.Time { return now }
		if err := LoadDemo(context.Background(), cfg, false, log); err != nil {
			t.Fatal(err)
		}
		shift := demo.LogShift(now)
		got := processResults(t, cfg)
		for name, w := range want {
			g, ok := got[name]
			if !ok {
				t.Errorf("as of %v the demo has no %q", now, name)
				continue
			}
			if !g.First.Equal(w.First.Add(shift)) || !g.Last.Equal(w.Last.Add(shift)) {
				t.Errorf("as of %v %q runs %v – %v, imported %v – %v, moved by %v", now, name, g.First, g.Last, w.First, w.Last, shift)
			}
			g.First, g.Last = w.First, w.Last
			if !reflect.DeepEqual(g, w) {
				t.Errorf("as of %v %q differs from its imported log:\ndemo   %+v\nimport %+v", now, name, g, w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("as of %v the demo has %d processes, the logs %d", now, len(got), len(want))
		}
	}
}
