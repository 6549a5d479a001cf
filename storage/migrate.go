package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"processet/migrations"
)

// Migrate brings the database at databaseURL up to the newest schema in
// package migrations and returns how many migrations it applied: 0 when the
// schema was already current, so calling it on every start is cheap.
func Migrate(ctx context.Context, databaseURL string) (applied int, err error) {
	cfg, err := pgx.ParseConfig(databaseURL) // parsed here so a bad URL fails before any I/O
	if err != nil {
		return 0, fmt.Errorf("parse database url: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	return MigrateDB(ctx, db)
}

// MigrateDB is Migrate over an open database/sql handle of the pgx driver
// ("pgx"), such as the template database that tests migrate once.
//
// Each migration runs in its own transaction (goose's default), so a
// failing one leaves the schema at the last good version. A session-level
// advisory lock makes concurrent callers (two instances starting at once)
// apply each migration exactly once: the second waits, then finds nothing
// to do.
func MigrateDB(ctx context.Context, db *sql.DB) (applied int, err error) {
	p, err := newMigrationProvider(db)
	if err != nil {
		return 0, fmt.Errorf("load migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		var partial *goose.PartialError
		if errors.As(err, &partial) {
			return len(partial.Applied), fmt.Errorf("apply %s: %w", partial.Failed.Source.Path, partial.Err)
		}
		return 0, fmt.Errorf("apply migrations: %w", err)
	}
	return len(results), nil
}

// newMigrationProvider returns a goose provider for migrations.FS on db.
// It ignores goose's global registry of Go migrations: the schema is SQL
// only, and nothing registered elsewhere may sneak in.
func newMigrationProvider(db *sql.DB) (*goose.Provider, error) {
	// Retry the lock every second (goose's default is every 5 s) for up
	// to 5 minutes.
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
	if err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	return goose.NewProvider(goose.DialectPostgres, db, migrations.FS,
		goose.WithSessionLocker(locker),
		goose.WithDisableGlobalRegistry(true),
	)
}
