package app

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	"processet/internal/pglocal"
	"processet/storage"
)

// database is the migrated database the app runs on, with how to let go
// of it.
type database struct {
	db       *storage.DB
	url      string
	embedded bool
	server   *pglocal.Server
}

// openDatabase connects to DATABASE_URL, or starts the embedded PostgreSQL
// under DATA_DIR/pg when it is empty, and applies the migrations.
func openDatabase(ctx context.Context, cfg Config, log *slog.Logger) (*database, error) {
	d := &database{url: cfg.DatabaseURL}
	if d.url == "" {
		srv, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(cfg.DataDir, "pg"), Logger: log})
		if err != nil {
			return nil, fmt.Errorf("start embedded PostgreSQL (or set DATABASE_URL): %w", err)
		}
		d.server, d.embedded, d.url = srv, true, srv.URL(pglocal.Database)
		log.Info("embedded PostgreSQL started", "data_dir", filepath.Join(cfg.DataDir, "pg"))
	}
	applied, err := storage.Migrate(ctx, d.url)
	if err != nil {
		d.close(log)
		return nil, fmt.Errorf("migrate database: %w", err)
	}
	if applied > 0 {
		log.Info("database migrated", "applied", applied)
	}
	if d.db, err = storage.Open(ctx, d.url); err != nil {
		d.close(log)
		return nil, fmt.Errorf("open database: %w", err)
	}
	return d, nil
}

// close disconnects and stops the embedded server, if there is one.
func (d *database) close(log *slog.Logger) {
	if d.db != nil {
		d.db.Close()
	}
	if d.server != nil {
		if err := d.server.Stop(); err != nil {
			log.Error("stop embedded PostgreSQL", "err", err)
		}
	}
}

// kind names the database for /status.
func (d *database) kind() string {
	if d.embedded {
		return "embedded"
	}
	return "external"
}
