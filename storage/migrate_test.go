package storage_test

import (
	"context"
	"database/sql"
	"io/fs"
	"sync"
	"testing"

	"github.com/pressly/goose/v3"

	"processet/internal/testdb"
	"processet/migrations"
	"processet/storage"
)

// migrationCount is the number of migration files.
func migrationCount(t *testing.T) int {
	t.Helper()
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	return len(files)
}

// tableExists reports whether table is in the database at url.
func tableExists(t *testing.T, url, table string) bool {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var exists bool
	if err := db.QueryRow("select to_regclass($1) is not null", table).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	return exists
}

func TestMigrateIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := testdb.NewEmptyURL(t)
	for run, want := range []int{migrationCount(t), 0} {
		got, err := storage.Migrate(ctx, url)
		if err != nil {
			t.Fatalf("run %d: %v", run+1, err)
		}
		if got != want {
			t.Errorf("run %d applied %d migrations, want %d", run+1, got, want)
		}
	}
	if !tableExists(t, url, "users") {
		t.Error("no users table after migrating")
	}
}

// TestMigrateConcurrent runs two migrations at once, as two instances
// starting together would: the lock lets each migration run exactly once.
func TestMigrateConcurrent(t *testing.T) {
	t.Parallel()
	url := testdb.NewEmptyURL(t)
	var wg sync.WaitGroup
	applied := make([]int, 2)
	errs := make([]error, 2)
	for i := range applied {
		wg.Go(func() { applied[i], errs[i] = storage.Migrate(context.Background(), url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migration %d: %v", i+1, err)
		}
	}
	if got, want := applied[0]+applied[1], migrationCount(t); got != want {
		t.Errorf("applied %v migrations, want %d in all", applied, want)
	}
}

// TestMigrateDownUp checks every migration's Down section by undoing the
// whole schema and applying it again.
func TestMigrateDownUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := testdb.NewEmptyURL(t)
	if _, err := storage.Migrate(ctx, url); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	down, err := p.DownTo(ctx, 0)
	if err != nil {
		t.Fatalf("down: %v", err)
	}
	if got, want := len(down), migrationCount(t); got != want {
		t.Errorf("undid %d migrations, want %d", got, want)
	}
	if tableExists(t, url, "users") {
		t.Error("users table survived the down migrations")
	}
	got, err := storage.Migrate(ctx, url)
	if err != nil {
		t.Fatalf("up again: %v", err)
	}
	if want := migrationCount(t); got != want {
		t.Errorf("reapplied %d migrations, want %d", got, want)
	}
}

func TestMigrateBadURL(t *testing.T) {
	if _, err := storage.Migrate(context.Background(), "postgres://[::1"); err == nil {
		t.Error("bad URL accepted")
	}
}
