// Package testdb gives every database test a fresh PostgreSQL database
// with the full schema, cloned in a few milliseconds from a template that
// is migrated once per schema version.
//
// The server is the one named by TEST_DATABASE_URL, a URL of a role that
// may create roles and databases (typically postgres). When that is unset,
// each test binary starts its own throwaway server from the installed
// PostgreSQL binaries on first use, and stops it when its tests are done.
// A missing PostgreSQL fails the tests, with advice on installing it;
// nothing is skipped.
//
// Every package with database tests needs
//
//	func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
//
// New and NewURL fail the test when it is missing, rather than leave a
// server running after the tests.
//
// testdb imports storage (for its migrations), so tests of package
// storage that use it must be in package storage_test.
package testdb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver pgtestdb opens
	"github.com/peterldowns/pgtestdb"

	"processet/internal/pglocal"
	"processet/migrations"
	"processet/storage"
)

// New returns a pool on a fresh, fully migrated database of its own for
// this test. The pool is closed and the database dropped when the test
// ends. A failed test's database is kept, and its URL logged, for
// inspection; that helps with TEST_DATABASE_URL only, since the private
// server goes away with the test binary.
func New(t testing.TB) *pgxpool.Pool {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), NewURL(t))
	if err != nil {
		t.Fatalf("testdb: connect: %v", err)
	}
	t.Cleanup(pool.Close) // runs before the database is dropped
	return pool
}

// NewWithConns is New with room for n connections, for tests whose
// workers, listeners and own queries together need more than pgxpool's
// default.
func NewWithConns(t testing.TB, n int32) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(NewURL(t))
	if err != nil {
		t.Fatalf("testdb: parse URL: %v", err)
	}
	cfg.MaxConns = n
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatalf("testdb: connect: %v", err)
	}
	t.Cleanup(pool.Close) // runs before the database is dropped
	return pool
}

// NewURL is New for code that connects by itself, such as the whole app:
// it returns the URL of the fresh database.
func NewURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, baseConfig(t), migrator{}).URL()
}

// NewEmptyURL returns the URL of a fresh database without any schema, for
// testing the migrations themselves.
func NewEmptyURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, baseConfig(t), pgtestdb.NoopMigrator{}).URL()
}

// Main runs the tests and then stops the private server, if one was
// started. Call it from TestMain and pass its result to os.Exit.
func Main(m *testing.M) int {
	mainCalled.Store(true)
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if server != nil {
		if err := server.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "testdb: %v\n", err)
			code = max(code, 1)
		}
		server = nil
	}
	return code
}

var (
	mainCalled atomic.Bool

	mu        sync.Mutex
	setUp     bool
	server    *pglocal.Server // nil with TEST_DATABASE_URL
	base      pgtestdb.Config
	baseError error
)

// baseConfig returns the connection to the server's maintenance database,
// starting the private server on first use.
func baseConfig(t testing.TB) pgtestdb.Config {
	t.Helper()
	if !mainCalled.Load() {
		t.Fatal("testdb: this package has no TestMain calling testdb.Main, " +
			"so a private PostgreSQL server would outlive the tests; add\n\n" +
			"\tfunc TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }")
	}
	mu.Lock()
	defer mu.Unlock()
	if !setUp {
		setUp = true
		base, baseError = connectServer()
	}
	if baseError != nil {
		t.Fatalf("testdb: %v", baseError)
	}
	return base
}

// connectServer returns the configuration of TEST_DATABASE_URL, or starts
// the private server and returns that of its maintenance database.
func connectServer() (pgtestdb.Config, error) {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		conf, err := configFromURL(u)
		if err != nil {
			return conf, fmt.Errorf("TEST_DATABASE_URL: %w", err)
		}
		return conf, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := pglocal.Start(ctx, pglocal.Options{Throwaway: true})
	if err != nil {
		return pgtestdb.Config{}, fmt.Errorf("start a private PostgreSQL server "+
			"(or set TEST_DATABASE_URL to use an existing one): %w", err)
	}
	server = s
	return configFromURL(s.URL("postgres"))
}

// configFromURL splits a postgres:// URL into pgtestdb's fields.
func configFromURL(raw string) (pgtestdb.Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return pgtestdb.Config{}, err
	}
	if u.Scheme != "postgres" && u.Scheme != "postgresql" {
		return pgtestdb.Config{}, fmt.Errorf("want a postgres:// URL, got scheme %q", u.Scheme)
	}
	conf := pgtestdb.Config{
		DriverName: "pgx",
		Host:       u.Hostname(),
		Port:       u.Port(),
		User:       u.User.Username(),
		Database:   u.Path,
		Options:    u.RawQuery,
		// A leaked connection (an app under test that did not shut down)
		// must not keep its database alive.
		ForceTerminateConnections: true,
	}
	conf.Password, _ = u.User.Password()
	if len(conf.Database) > 0 && conf.Database[0] == '/' {
		conf.Database = conf.Database[1:]
	}
	if conf.Host == "" {
		conf.Host = "localhost"
	}
	if conf.Port == "" {
		conf.Port = "5432"
	}
	if conf.User == "" {
		conf.User = "postgres"
	}
	if conf.Database == "" {
		conf.Database = "postgres"
	}
	return conf, nil
}

// migrator gives pgtestdb the schema: storage's own migrations, run once
// per template, which is named by a hash of the migration files.
type migrator struct{}

// migratorVersion changes the hash, and so forces new templates, when the
// way migrations are applied changes rather than the files.
const migratorVersion = "goose-provider-1"

// Hash digests every migration file's name and contents, and the version
// of River's schema, which changes with the library and not with the files.
func (migrator) Hash() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nriver %d\n", migratorVersion, storage.RiverSchemaVersion())
	err := fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", path, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hash migrations: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Migrate applies the migrations to the new template database.
func (migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	_, err := storage.MigrateDB(ctx, db)
	return err
}
