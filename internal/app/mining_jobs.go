package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"processet/internal/riverlease"
	"processet/mining"
)

// miningQueue is the River queue of Task Mining's jobs: imports of the
// files sent to the bot, and the nightly recompute. Two workers, so an
// import is not stuck behind a long nightly run (its recompute waits for
// that run to end, see recomputeAfter).
const miningQueue = "mining"

// miningClientPrefix starts the River client ID of every process's Task
// Mining job client: the clients rescue one another's jobs (riverlease),
// never the outbox's.
const miningClientPrefix = "mining-"

// importJobArgs is the import of a confirmed upload, queued in the
// transaction that confirms it; unique by upload.
type importJobArgs struct {
	Upload string `json:"upload" river:"unique"`
}

func (importJobArgs) Kind() string { return "mining_import" }

func (importJobArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: miningQueue, MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// recomputeJobArgs is a recompute of a run slot ("mining-nightly:
// 2026-12-02"): every process of the bot fires the slot, River's unique
// jobs keep one job a slot, so it runs once however many fire it.
type recomputeJobArgs struct {
	Slot string `json:"slot" river:"unique"`
}

func (recomputeJobArgs) Kind() string { return "mining_recompute" }

func (recomputeJobArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: miningQueue, MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// nightlySlot is the run slot of the nightly recompute on the company's
// day of now.
func nightlySlot(now time.Time, loc *time.Location) string {
	return "mining-nightly:" + now.In(loc).Format("2006-01-02")
}

// miningJobs is Task Mining's job queue: a River client of its own on the
// bot's database, beside the outbox's.
type miningJobs struct {
	client *river.Client[pgx.Tx]
	// lease tells the other processes' clients this one is alive, and
	// puts back in the queue the jobs of those that died.
	lease *riverlease.Guard
	log   *slog.Logger
	// importUpload runs the import job of an upload (the bot's RunImport,
	// which edits the user's messages); set before start.
	importUpload func(ctx context.Context, key string) error
	// recompute is the slot's run: the folder, then every process.
	recompute func(ctx context.Context) (int, error)
}

// recomputeBusyRetry is how long a nightly run waits when another run
// (a «Получить данные», an import's) holds the lock.
const recomputeBusyRetry = time.Minute

func newMiningJobs(pool *pgxpool.Pool, log *slog.Logger) (*miningJobs, error) {
	j := &miningJobs{log: log.With("component", "mining jobs")}
	id := riverlease.NewClientID(miningClientPrefix)
	j.lease = riverlease.New(pool, id, miningClientPrefix, []string{miningQueue}, j.log)
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[importJobArgs]) error {
		if j.importUpload == nil {
			return errors.New("no importer")
		}
		return j.importUpload(ctx, job.Args.Upload)
	}))
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[recomputeJobArgs]) error {
		n, err := j.recompute(ctx)
		if errors.Is(err, mining.ErrRunning) {
			return river.JobSnooze(recomputeBusyRetry)
		}
		if err != nil {
			return err
		}
		j.log.Info("task mining recomputed", "slot", job.Args.Slot, "processes", n)
		return nil
	}))
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		ID:      id,
		Logger:  log,
		Workers: workers,
		Queues:  map[string]river.QueueConfig{miningQueue: {MaxWorkers: 2}},
		// An import of 20 MB and a recompute take seconds. The jobs of a
		// process that died are put back in the queue within seconds by
		// the other processes' clients (riverlease); a rerun is safe, as
		// an import is one transaction and recognises its stored file,
		// and a recompute starts over. A job still running after
		// RescueStuckJobsAfter is River's last resort, for a process
		// whose lease outlived it.
		JobTimeout:           3 * time.Minute,
		RescueStuckJobsAfter: 5 * time.Minute,
		// LISTEN would hold one of the pool's few connections for good
		// (the outbox's client holds one already); a job is picked up
		// within FetchPollInterval (1 s) instead of at once, which a few
		// imports a day do not notice.
		PollOnly: true,
	})
	if err != nil {
		return nil, fmt.Errorf("task mining job queue: %w", err)
	}
	j.client = client
	return j, nil
}

// start takes the lease, then starts the client: no job is ever
// attempted by a client whose death the others could not see.
func (j *miningJobs) start(ctx context.Context) error {
	// Like the client's start below, the lease is not cut short by a
	// shutdown that begins meanwhile: stop drops it.
	if err := j.lease.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("task mining jobs lease: %w", err)
	}
	if err := j.client.Start(context.WithoutCancel(ctx)); err != nil {
		j.lease.Stop()
		return fmt.Errorf("start task mining jobs: %w", err)
	}
	return nil
}

// stop lets running jobs finish within ctx, then cancels them: a
// cancelled import stored nothing and runs again at the next start. The
// lease goes last: only when no job of ours runs may others take what is
// left.
func (j *miningJobs) stop(ctx context.Context) {
	if err := j.client.Stop(ctx); err != nil {
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := errors.Join(err, j.client.StopAndCancel(hard)); err != nil {
			j.log.Warn("stop task mining jobs", "err", err)
		}
	}
	j.lease.Stop()
}

// enqueueImport queues the import of an upload inside tx.
func (j *miningJobs) enqueueImport(ctx context.Context, tx pgx.Tx, key string) error {
	_, err := j.client.InsertTx(ctx, tx, importJobArgs{Upload: key}, nil)
	return err
}

// fireSlot queues the recompute of a run slot; a slot queued before
// (by this process or another) is not queued again: fired reports
// whether this call queued it.
func (j *miningJobs) fireSlot(ctx context.Context, slot string) (fired bool, err error) {
	res, err := j.client.Insert(ctx, recomputeJobArgs{Slot: slot}, nil)
	if err != nil {
		return false, fmt.Errorf("queue %s: %w", slot, err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

func stopMiningJobs(j *miningJobs) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	j.stop(ctx)
}

// miningSchedule is Task Mining's entries in the job table: the cleanup
// of stale uploads, every hour in every process (a delete is the same
// however often it runs), and the nightly recompute, which every process
// fires and River runs once a slot.
func miningSchedule(cfg Config, area miningArea, jobs *miningJobs, log *slog.Logger) []job {
	out := []job{{name: "task mining uploads cleanup", every: time.Hour, run: func(ctx context.Context) error {
		n, err := area.CleanUploads(ctx)
		if n > 0 {
			log.Info("task mining: stale uploads removed", "uploads", n)
		}
		return err
	}}}
	if cfg.MiningNightly != nil {
		out = append(out, job{name: "task mining nightly", daily: cfg.MiningNightly, run: func(ctx context.Context) error {
			_, err := jobs.fireSlot(ctx, nightlySlot(cfg.Now(), cfg.Location))
			return err
		}})
	}
	return out
}
