package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/jackc/pgx/v5"
)

// ErrNotEmpty is returned by Restore for a database that already holds
// tables, when force is not set.
var ErrNotEmpty = errors.New("the database is not empty")

// Restore loads a dump made by Backup (or `pg_dump -Fc`) into the
// database, which must be empty: force drops everything in its public
// schema first. The restore is one transaction, so a failure leaves the
// database as empty as it was. Owners and privileges are not restored:
// the objects belong to whoever restores, so a dump moves between
// servers with other roles. The next `processet run` applies migrations
// the dump's version lacked.
func Restore(ctx context.Context, cfg Config, file string, force bool, log *slog.Logger) error {
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	restore, dumpedBy, err := archiveReader(ctx, file)
	if err != nil {
		return err
	}
	dbURL, release, err := dumpDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer release()
	tables, err := userTables(ctx, dbURL)
	if err != nil {
		return err
	}
	if len(tables) > 0 {
		if !force {
			return fmt.Errorf("%w: it has %d tables (%s): restore into an empty database, or add --force to drop everything in it first",
				ErrNotEmpty, len(tables), listSome(tables, 5))
		}
		if err := dropPublic(ctx, dbURL); err != nil {
			return err
		}
		log.Warn("dropped everything in the database before the restore", "tables", len(tables))
	}
	if _, err := runPGTool(ctx, restore, dbURL, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file); err != nil {
		return fmt.Errorf("pg_restore (the database is left as it was before): %w", err)
	}
	log.Info("restored", "file", file, "dumped_by", dumpedBy, "pg_restore", restore.path)
	return nil
}

// archiveReader finds a pg_restore that reads file, newest first, and says
// which pg_dump wrote it. A file that is no archive, or one from a newer
// pg_dump than any pg_restore here, gets a message saying so.
func archiveReader(ctx context.Context, file string) (pgTool, string, error) {
	tools := findPGTools(ctx, "pg_restore")
	if len(tools) == 0 {
		_, err := pickPGTool(ctx, "pg_restore", 0, "")
		return pgTool{}, "", err
	}
	var lastErr error
	for _, t := range tools {
		out, err := runPGTool(ctx, t, "", "--list", file)
		if err == nil {
			return t, dumpVersion(string(out)), nil
		}
		lastErr = err
	}
	msg := lastErr.Error()
	switch {
	case strings.Contains(msg, "unsupported version"):
		return pgTool{}, "", fmt.Errorf("%s was written by a newer pg_dump than pg_restore %d (%s) reads: install newer PostgreSQL client tools, or set PG_BIN to their directory: %s",
			file, tools[0].major, tools[0].path, msg)
	case strings.Contains(msg, "valid archive") || strings.Contains(msg, "input file is too short"):
		return pgTool{}, "", fmt.Errorf("%s is not a backup made by `processet backup` (pg_dump's custom format): %s", file, msg)
	}
	return pgTool{}, "", fmt.Errorf("read %s: %s", file, msg)
}

// dumpVersion is the "Dumped by pg_dump version" of a --list output.
func dumpVersion(list string) string {
	for _, line := range strings.Split(list, "\n") {
		if _, v, ok := strings.Cut(line, "Dumped by pg_dump version:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// userTables lists the tables and views outside the system schemas.
func userTables(ctx context.Context, dbURL string) ([]string, error) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return nil, fmt.Errorf("connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	rows, _ := conn.Query(ctx, `select n.nspname || '.' || c.relname from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		where c.relkind in ('r', 'p', 'v', 'm', 'f')
		  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'
		order by c.relkind <> 'r', 1`)
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	return names, nil
}

// dropPublic empties the public schema, where the bot's and River's
// tables live.
func dropPublic(ctx context.Context, dbURL string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("connect to the database: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, `drop schema public cascade; create schema public`); err != nil {
		return fmt.Errorf("empty the database for --force: %w", err)
	}
	return nil
}

func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}
