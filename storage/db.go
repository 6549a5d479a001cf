// Package storage keeps Processet's data in PostgreSQL: raw SQL next to
// the method that runs it, one transaction per public method.
package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"processet/domain"
)

// DB is the application's database.
type DB struct {
	pool    *pgxpool.Pool
	enqueue Enqueue   // nil until SetOutbox
	edit    EditLater // nil until SetEditor: posts are then not edited
}

// Enqueue puts worded messages into the outbox inside tx, the transaction
// of the change that causes them.
type Enqueue func(ctx context.Context, tx pgx.Tx, msgs ...domain.OutMessage) error

// SetOutbox gives the writes whose messages go in their own transaction
// (the tasks') the outbox to enqueue them through. The outbox keeps its
// jobs in this database, so it is built after Open; call this before the
// DB is used.
func (db *DB) SetOutbox(enqueue Enqueue) { db.enqueue = enqueue }

// send enqueues msgs in tx; without an outbox a message would be lost
// silently, so that is an error.
func (db *DB) send(ctx context.Context, tx pgx.Tx, msgs []domain.OutMessage) error {
	if len(msgs) == 0 {
		return nil
	}
	if db.enqueue == nil {
		return errors.New("no outbox to enqueue messages through")
	}
	return db.enqueue(ctx, tx, msgs...)
}

// DefaultMaxConns is the pool's size unless the URL sets pool_max_conns:
// the bot's 16 handlers, the job clients' fetches and the scheduled jobs
// each hold a connection for a moment. pgx's own default (the number of
// CPUs, at least 4) made handlers queue for a connection on a two-core
// machine while PostgreSQL itself had time to spare. Two replicas use 48
// of PostgreSQL's default 100.
const DefaultMaxConns = 24

// Open connects to databaseURL and checks the connection.
func Open(ctx context.Context, databaseURL string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if !strings.Contains(databaseURL, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("ping: %w", err)
	}
	return &DB{pool: pool}, nil
}

// New wraps an existing pool (tests get one per test database).
func New(pool *pgxpool.Pool) *DB { return &DB{pool: pool} }

// Close releases every connection.
func (db *DB) Close() { db.pool.Close() }

// Ping checks that the database answers, for health checks.
func (db *DB) Ping(ctx context.Context) error { return db.pool.Ping(ctx) }

// Pool exposes the pool to the outbox (notify), whose River client keeps
// its jobs in the same database, so storage's transactions can enqueue.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// mapError turns constraint violations into domain errors so the bot can
// tell the user what went wrong instead of apologising.
func mapError(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.ErrNotFound
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505":
			return &domain.Error{Code: domain.Conflict, Key: domain.ErrKeyConflict, Err: err}
		case "23503", "23514", "22001":
			return &domain.Error{Code: domain.Invalid, Key: domain.ErrKeyInvalid, Err: err}
		}
	}
	return err
}
