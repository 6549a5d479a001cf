package app

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"processet/mining"
)

// miningArea is the Task Mining service as the bot uses it: «Get data»
// reads the event logs dropped into MINING_DIR before it recomputes.
type miningArea struct {
	*mining.Service
	cfg Config
	log *slog.Logger
}

// Recompute imports the files of MINING_DIR, then recomputes every
// process. A file imported before is known by its content and stores
// nothing, so the folder can keep its files; one that fails to import is
// logged and the others still go in.
func (m miningArea) Recompute(ctx context.Context, progress mining.Progress) (int, error) {
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
