package app

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/mining"
	"processet/storage"
)

// miningArea is the Task Mining area as the bot uses it: the service,
// the uploads waiting for «Импортировать» (whose confirmation queues the
// import job), and «Get data», which reads the event logs dropped into
// MINING_DIR before it recomputes.
type miningArea struct {
	*mining.Service
	*mining.Uploads
	db  *storage.DB
	cfg Config
	log *slog.Logger
}

func newMiningArea(cfg Config, db *storage.DB, jobs *miningJobs, log *slog.Logger) miningArea {
	return miningArea{Service: miningService(cfg, db, log), Uploads: mining.NewUploads(uploadStore{db, jobs}, cfg.Now),
		db: db, cfg: cfg, log: log}
}

// uploadStore is the database with the job queue: confirming an upload
// queues its import in the same transaction.
type uploadStore struct {
	*storage.DB
	jobs *miningJobs
}

func (s uploadStore) ConfirmMiningUpload(ctx context.Context, key string, messageID int) error {
	return s.DB.ConfirmMiningUpload(ctx, key, messageID, func(ctx context.Context, tx pgx.Tx) error {
		return s.jobs.enqueueImport(ctx, tx, key)
	})
}

// Recompute imports the files of MINING_DIR, then recomputes every
// process. A file imported before is known by its content and stores
// nothing, so the folder can keep its files; one that fails to import is
// logged and the others still go in. A run under way (the nightly one, an
// import's) is ErrRunning before any file is read.
func (m miningArea) Recompute(ctx context.Context, progress mining.Progress) (int, error) {
	if busy, err := m.recomputeBusy(ctx); err != nil || busy {
		if err == nil {
			err = mining.ErrRunning
		}
		return 0, err
	}
	entries, err := os.ReadDir(m.cfg.MiningDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		m.log.Warn("task mining folder", "dir", m.cfg.MiningDir, "err", err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		file := filepath.Join(m.cfg.MiningDir, e.Name())
		res, err := importFile(ctx, m.Service, m.cfg, file, "", nil)
		switch {
		case ctx.Err() != nil:
			return 0, ctx.Err()
		case err != nil:
			m.log.Warn("task mining folder: import", "file", file, "err", err)
		case !res.Duplicate:
			m.log.Info("task mining folder: imported", "file", file, "process", res.Process, "events", res.Added)
		}
	}
	return m.Service.Recompute(ctx, progress)
}

// recomputeBusy reports whether a recompute holds the lock now.
func (m miningArea) recomputeBusy(ctx context.Context) (bool, error) {
	release, ok, err := m.db.TryMiningLock(ctx)
	if err != nil || !ok {
		return !ok, err
	}
	release()
	return false, nil
}

// RecomputeAfterImport recomputes every process after an import from the
// chat; a run under way is waited for, since it may have read the
// process before the import.
func (m miningArea) RecomputeAfterImport(ctx context.Context, progress mining.Progress) (int, error) {
	return recomputeAfter(ctx, m.Service, progress, nil)
}

// ImportOf is the import of the file with this content hash and its time.
func (m miningArea) ImportOf(ctx context.Context, hash []byte) (domain.MiningImport, time.Time, error) {
	return m.db.MiningImportOf(ctx, hash)
}

// recomputeBusyPoll is how often recomputeAfter tries again while another
// run holds the lock. Waiting on the lock itself would hold one of the
// pool's few connections the whole time, which the run under way may need.
const recomputeBusyPoll = time.Second

// recomputeAfter recomputes every process, and when another run holds
// the lock, waits for it to end (calling waiting once) and recomputes
// then: whatever was just imported is in the figures when it returns.
func recomputeAfter(ctx context.Context, svc *mining.Service, progress mining.Progress, waiting func()) (int, error) {
	for {
		n, err := svc.Recompute(ctx, progress)
		if !errors.Is(err, mining.ErrRunning) {
			return n, err
		}
		if waiting != nil {
			waiting()
			waiting = nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(recomputeBusyPoll):
		}
	}
}
