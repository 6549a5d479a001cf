package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"

	"processet/migrations"
)

// Migrate brings the database at databaseURL up to the newest schema in
// package migrations, then River's job tables up to the version River needs,
// and returns how many of our migrations it applied: 0 when the schema was
// already current, so calling it on every start is cheap. River's versions
// are not counted: they come with the library, not with this repository.
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
	if err := migrateRiver(ctx, db); err != nil {
		return len(results), err
	}
	return len(results), nil
}

// riverLockID names the advisory lock that serialises River's migrations.
// River's migrator takes no lock of its own, so two instances starting at
// once would both try to create its tables.
const riverLockID = 0x7269766572 // "river"

// migrateRiver applies River's own migrations, which package notify's
// outbox runs on. They come from River's migrator rather than copies in
// migrations/, so upgrading River upgrades its schema with it. Each River
// migration runs in its own transaction (some cannot share one), under a
// session advisory lock held on a separate connection.
func migrateRiver(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "select pg_advisory_lock($1)", riverLockID); err != nil {
		return fmt.Errorf("river migrations: lock: %w", err)
	}
	// conn.Close returns the session to the pool, lock and all: unlock first.
	defer func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "select pg_advisory_unlock($1)", riverLockID)
	}()
	m, err := rivermigrate.New(riverdatabasesql.New(db), nil)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	return nil
}

// RiverSchemaVersion is the newest version of River's schema that Migrate
// applies. Test templates are keyed by it, so that upgrading River, which
// may change its schema without any file here changing, rebuilds them.
func RiverSchemaVersion() int {
	m, err := rivermigrate.New(riverdatabasesql.New(nil), nil)
	if err != nil {
		return 0
	}
	all := m.AllVersions()
	if len(all) == 0 {
		return 0
	}
	return all[len(all)-1].Version
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

// SchemaVersions are the newest migration applied to the database and the
// newest this binary carries: readiness wants them equal. A database
// behind has not been migrated; one ahead belongs to a newer release.
func (db *DB) SchemaVersions(ctx context.Context) (applied, embedded int64, err error) {
	embedded, err = embeddedVersion()
	if err != nil {
		return 0, 0, err
	}
	if err := db.pool.QueryRow(ctx, `select coalesce(max(version_id), 0) from goose_db_version where is_applied`).
		Scan(&applied); err != nil {
		return 0, embedded, fmt.Errorf("schema version: %w", err)
	}
	return applied, embedded, nil
}

// embeddedVersion is the number of the newest file in migrations.FS.
func embeddedVersion() (int64, error) {
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		return 0, fmt.Errorf("list migrations: %w", err)
	}
	var newest int64
	for _, n := range names {
		digits, _, _ := strings.Cut(n, "_")
		v, err := strconv.ParseInt(digits, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("migration %s has no number", n)
		}
		newest = max(newest, v)
	}
	return newest, nil
}
