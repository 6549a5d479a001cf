package storage

import (
	"context"
	"fmt"
	"time"
)

// tryAdvisoryLock takes the session advisory lock key without waiting; ok
// is false when another session holds it. The lock lives on a connection
// taken from the pool until release, so that a crashed process's lock goes
// with its connection. op names the lock in errors.
func (db *DB) tryAdvisoryLock(ctx context.Context, key int64, op string) (release func(), ok bool, err error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", op, err)
	}
	if err := conn.QueryRow(ctx, `select pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil || !ok {
		conn.Release()
		if err != nil {
			return nil, false, fmt.Errorf("%s: %w", op, err)
		}
		return nil, false, nil
	}
	return func() {
		// Not the caller's context alone: a cancelled run must still let
		// the lock go.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `select pg_advisory_unlock($1)`, key); err != nil {
			// It may still hold the lock: close it rather than pool it.
			_ = conn.Hijack().Close(ctx)
			return
		}
		conn.Release()
	}, true, nil
}
