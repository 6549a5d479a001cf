package storage

import (
	"context"
	"fmt"
	"time"
)

// TakeTurn waits for the next turn of the deployment-wide rate limit
// name, which allows one request per interval across every process on
// this database. The turn is booked at once, in one statement on the
// database's clock (so the hosts' clocks do not matter), and the caller
// sleeps until it comes. A turn booked by a caller whose ctx ends first
// simply goes unused.
func (db *DB) TakeTurn(ctx context.Context, name string, interval time.Duration) error {
	var waitSec float64
	err := db.pool.QueryRow(ctx, `insert into rate_turns (name, next_at) values ($1, clock_timestamp() + $2::interval)
		on conflict (name) do update set next_at = greatest(rate_turns.next_at, clock_timestamp()) + $2::interval
		returning greatest(extract(epoch from (next_at - $2::interval - clock_timestamp())), 0)::float8`,
		name, interval).Scan(&waitSec)
	if err != nil {
		return fmt.Errorf("take a turn of %s: %w", name, err)
	}
	if waitSec <= 0 {
		return nil
	}
	t := time.NewTimer(time.Duration(waitSec * float64(time.Second)))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
