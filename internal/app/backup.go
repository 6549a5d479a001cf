package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"processet/internal/pglocal"
)

// BackupDir is where `processet backup` puts a dump given no file name,
// under DATA_DIR.
const BackupDir = "backups"

// Backup writes a dump of the database to file (empty: a name with the
// time in DATA_DIR/backups) in pg_dump's custom format, and returns the
// file's path. pg_dump reads one snapshot, so the dump is consistent
// while the bot keeps running. The embedded database is read from the
// bot's running server, or from a server started for the dump.
func Backup(ctx context.Context, cfg Config, file string, log *slog.Logger) (string, error) {
	if cfg.DatabaseURL == "" && !fileExists(filepath.Join(cfg.DataDir, "pg", "PG_VERSION")) {
		return "", fmt.Errorf("no embedded database in %s: nothing to back up (set DATA_DIR, or DATABASE_URL for an external one)",
			filepath.Join(cfg.DataDir, "pg"))
	}
	if file == "" {
		file = filepath.Join(cfg.DataDir, BackupDir, "processet-"+cfg.Now().UTC().Format("20060102-150405")+".dump")
		if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
			return "", fmt.Errorf("backup folder: %w", err)
		}
	}
	dbURL, release, err := dumpDatabase(ctx, cfg, log)
	if err != nil {
		return "", err
	}
	defer release()
	server, err := serverMajor(ctx, dbURL)
	if err != nil {
		return "", err
	}
	dump, err := pickPGTool(ctx, "pg_dump", server, "a PostgreSQL server of version")
	if err != nil {
		return "", err
	}
	// Into a temporary name first: a dump cut short never passes for a
	// whole one.
	partial := file + ".partial"
	if _, err := runPGTool(ctx, dump, dbURL, "--format=custom", "--file="+partial); err != nil {
		os.Remove(partial)
		return "", fmt.Errorf("pg_dump: %w", err)
	}
	if err := os.Rename(partial, file); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	log.Info("backup written", "file", file, "pg_dump", dump.path)
	return file, nil
}

// dumpDatabase is the database a backup reads or a restore writes: the
// DATABASE_URL, the embedded server the bot runs now, or an embedded
// server started for the job (stopped by release).
func dumpDatabase(ctx context.Context, cfg Config, log *slog.Logger) (dbURL string, release func(), err error) {
	if cfg.DatabaseURL != "" {
		return cfg.DatabaseURL, func() {}, nil
	}
	dir := filepath.Join(cfg.DataDir, "pg")
	u, ok, err := pglocal.RunningURL(dir, pglocal.Database)
	if err != nil {
		return "", nil, err
	}
	if ok {
		log.Info("using the embedded PostgreSQL that is running", "data_dir", dir)
		return u, func() {}, nil
	}
	srv, err := pglocal.Start(ctx, pglocal.Options{DataDir: dir, Logger: log})
	if err != nil {
		return "", nil, fmt.Errorf("start embedded PostgreSQL (or set DATABASE_URL): %w", err)
	}
	return srv.URL(pglocal.Database), func() {
		if err := srv.Stop(); err != nil {
			log.Error("stop embedded PostgreSQL", "err", err)
		}
	}, nil
}

// serverMajor is the major version of the server at dbURL.
func serverMajor(ctx context.Context, dbURL string) (int, error) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return 0, fmt.Errorf("connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var num string
	if err := conn.QueryRow(ctx, "show server_version_num").Scan(&num); err != nil {
		return 0, fmt.Errorf("server version: %w", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if err != nil {
		return 0, errors.New("server version: " + num)
	}
	return n / 10000, nil
}
