package app

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"processet/internal/riverlease"
	"processet/internal/testwait"
	"processet/storage"
)

// TestMiningRescueJobsOfDeadProcess plays three other processes that each
// left a Task Mining job running: one died (its lease is gone), one lives
// (the test holds its lease), and one is an outbox's client, which is not
// Task Mining's to judge. A new process runs the dead one's job at once
// and leaves the others alone, the live one's until its lease goes too.
func TestMiningRescueJobsOfDeadProcess(t *testing.T) {
	ctx := context.Background()
	cfg := importConfig(t)
	cfg.MiningDir = t.TempDir()
	db, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queue, err := newMiningJobs(db.Pool(), quietLog()) // never started: it only inserts
	if err != nil {
		t.Fatal(err)
	}
	dead, alive, other := miningClientPrefix+"dead", miningClientPrefix+"alive", "outbox-dead"
	// What a process leaves behind mid-run: the job running under its client.
	for slot, client := range map[string]string{"of-dead": dead, "of-alive": alive, "of-other": other} {
		if ok, err := queue.fireSlot(ctx, slot); err != nil || !ok {
			t.Fatalf("queue %s: %v %v", slot, ok, err)
		}
		if _, err := db.Pool().Exec(ctx, `update river_job set state = 'running', attempt = 1, attempted_at = now(),
			attempted_by = array[$2::text] where args->>'slot' = $1`, slot, client); err != nil {
			t.Fatal(err)
		}
	}
	// The live process's lease, on a connection of its own: the pool's
	// Close would wait for a connection still acquired when a check fails.
	holder, err := pgx.Connect(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	class, key := riverlease.Lock(alive)
	if _, err := holder.Exec(ctx, `select pg_advisory_lock($1, $2)`, class, key); err != nil {
		t.Fatal(err)
	}

	var runs atomic.Int32
	startMiningJobs(t, cfg, &runs)
	testwait.Eventually(t, "the dead process's job ran", func() bool { return completedSlots(t, cfg)["of-dead"] == 1 })
	// All three were judged in the same sweeps: the others are still
	// their owners'.
	if got := completedSlots(t, cfg); got["of-alive running"] != 1 || got["of-other running"] != 1 || runs.Load() != 1 {
		t.Fatalf("jobs %v, %d runs; want only the dead process's run", got, runs.Load())
	}

	holder.Close(ctx) // the live process dies too
	testwait.Eventually(t, "the second process's job ran after its death", func() bool {
		return completedSlots(t, cfg)["of-alive"] == 1
	})
	if got := completedSlots(t, cfg); got["of-other running"] != 1 || runs.Load() != 2 {
		t.Errorf("jobs %v, %d runs; the outbox client's job is left to its kind", got, runs.Load())
	}
}
