package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"processet/internal/syncbuf"
	"processet/internal/testwait"
	"processet/mining"
	"processet/storage"
)

// recomputeLockHeld picks the recompute's advisory lock (storage's key
// "mine") in this test's database out of pg_locks.
const recomputeLockHeld = `locktype = 'advisory' and classid = 0 and objid = 1835626085
	and database = (select oid from pg_database where datname = current_database())`

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// instance is one process of the bot as far as Task Mining's jobs go:
// its own pool and job queue on the shared database.
func startMiningJobs(t *testing.T, cfg Config, runs *atomic.Int32) *miningJobs {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	j, err := newMiningJobs(db.Pool(), quietLog())
	if err != nil {
		t.Fatal(err)
	}
	area := newMiningArea(cfg, db, j, quietLog())
	j.recompute = func(ctx context.Context) (int, error) {
		runs.Add(1)
		return area.Recompute(ctx, nil)
	}
	if err := j.start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopMiningJobs(j); db.Close() })
	return j
}

func completedSlots(t *testing.T, cfg Config) map[string]int {
	t.Helper()
	db, err := storage.Open(context.Background(), cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Pool().Query(context.Background(), `select args->>'slot', state from river_job where kind = 'mining_recompute'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var slot, state string
		if err := rows.Scan(&slot, &state); err != nil {
			t.Fatal(err)
		}
		if state == "completed" {
			out[slot]++
		} else {
			out[slot+" "+state]++
		}
	}
	return out
}

// TestNightlySlotRunsOnce: two processes of the bot on one database both
// fire the nightly slot, at once and again later; it runs once, reading
// the folder and recomputing, and the next night's slot runs again.
func TestNightlySlotRunsOnce(t *testing.T) {
	ctx := context.Background()
	cfg := importConfig(t)
	cfg.MiningDir = t.TempDir()
	writeFile(t, cfg.MiningDir, "Согласование.csv", []byte(workedCSV))
	var runs atomic.Int32
	a, b := startMiningJobs(t, cfg, &runs), startMiningJobs(t, cfg, &runs)

	slot := nightlySlot(cfg.Now(), cfg.Location)
	if slot != "mining-nightly:2026-12-01" {
		t.Fatalf("slot %q", slot)
	}
	var fired atomic.Int32
	var wg sync.WaitGroup
	for _, j := range []*miningJobs{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := j.fireSlot(ctx, slot)
			if err != nil {
				t.Error(err)
			}
			if ok {
				fired.Add(1)
			}
		}()
	}
	wg.Wait()
	if fired.Load() != 1 {
		t.Errorf("the slot was queued %d times", fired.Load())
	}
	testwait.Eventually(t, "the nightly run completed", func() bool { return completedSlots(t, cfg)[slot] == 1 })
	// Fired again once it ran (a late clock, a restart): nothing queued.
	if ok, err := b.fireSlot(ctx, slot); err != nil || ok {
		t.Errorf("the slot fired after its run: %v %v", ok, err)
	}
	// The next night's slot runs; by then the first cannot run again
	// unseen: one queue, one slot after the other.
	next := nightlySlot(cfg.Now().Add(24*time.Hour), cfg.Location)
	if ok, err := a.fireSlot(ctx, next); err != nil || !ok {
		t.Fatalf("the next slot: %v %v", ok, err)
	}
	testwait.Eventually(t, "the next night's run completed", func() bool { return completedSlots(t, cfg)[next] == 1 })
	if got := completedSlots(t, cfg); len(got) != 2 || runs.Load() != 2 {
		t.Errorf("jobs %v, %d runs; want one run a slot", got, runs.Load())
	}
	// The run read the folder and recomputed.
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := db.MiningSummary(ctx)
	if err != nil || len(sum.Processes) != 1 || sum.Processes[0].Name != "Согласование" {
		t.Errorf("after the nightly run: %+v %v", sum, err)
	}
}

// TestImportRecomputesAfterTheRunUnderWay: `processet import` while the
// bot recomputes waits for that run to end and recomputes with the new
// file, rather than failing or leaving the figures without it.
func TestImportRecomputesAfterTheRunUnderWay(t *testing.T) {
	ctx := context.Background()
	cfg := importConfig(t)
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	release, ok, err := db.TryMiningLock(ctx)
	if err != nil || !ok {
		t.Fatalf("take the lock: %v %v", ok, err)
	}
	file := writeFile(t, t.TempDir(), "согласование.csv", []byte(workedCSV))
	var out bytes.Buffer
	errs := &syncbuf.Buffer{}
	done := make(chan error, 1)
	go func() {
		done <- Import(ctx, cfg, ImportOptions{Files: []string{file}, Out: &out, Errs: errs}, quietLog())
	}()
	testwait.Eventually(t, "the import waiting for the run under way", func() bool {
		return strings.Contains(errs.String(), "a recompute is under way")
	})
	var events, results int
	if err := db.Pool().QueryRow(ctx, `select (select count(*) from mining_events), (select count(*) from mining_results)`).
		Scan(&events, &results); err != nil || events != 14 || results != 0 {
		t.Fatalf("while waiting: %d events, %d results, %v", events, results, err)
	}
	release()
	if err := <-done; err != nil || !strings.Contains(out.String(), `process "согласование": 3 cases, 14 events, 4 activities, 2 variants`) {
		t.Errorf("import: %v\nout %s\nerrs %s", err, out.String(), errs.String())
	}
}

// TestGetDataWhileTheNightlyRuns: «Получить данные» during the nightly
// run is told the run is under way (mining.ErrRunning) and reads no file.
func TestGetDataWhileTheNightlyRuns(t *testing.T) {
	ctx := context.Background()
	cfg := importConfig(t)
	cfg.MiningDir = t.TempDir()
	writeFile(t, cfg.MiningDir, "Согласование.csv", []byte(workedCSV))
	var runs atomic.Int32
	j := startMiningJobs(t, cfg, &runs)
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The nightly run is held up writing its results.
	tx, err := db.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	if _, err := tx.Exec(ctx, "lock table mining_results in access exclusive mode"); err != nil {
		t.Fatal(err)
	}
	if _, err := j.fireSlot(ctx, nightlySlot(cfg.Now(), cfg.Location)); err != nil {
		t.Fatal(err)
	}
	testwait.Eventually(t, "the nightly run holding the recompute lock", func() bool {
		var held int
		err := db.Pool().QueryRow(ctx, `select count(*) from pg_locks where `+recomputeLockHeld+` and granted`).Scan(&held)
		return err == nil && held == 1
	})
	other := newMiningArea(cfg, db, j, quietLog()) // «Получить данные» in another process
	if _, err := other.Recompute(ctx, nil); !errors.Is(err, mining.ErrRunning) {
		t.Errorf("Get data during the nightly run: %v", err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	testwait.Eventually(t, "the nightly run completed", func() bool { return len(completedSlots(t, cfg)) == 1 })
	if runs.Load() != 1 {
		t.Errorf("%d runs", runs.Load())
	}
}
