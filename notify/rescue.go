package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A send that was running when its process died stays "running" in
// river_job until someone rescues it. River's own rescuer waits
// RescueStuckJobsAfter (five minutes here), because it cannot tell a dead
// process from a slow send. The outbox can: every outbox holds, for as
// long as it lives, a PostgreSQL advisory lock named after its River
// client ID on a connection of its own (its lease). The kernel closes a
// killed process's sockets, PostgreSQL ends the session and drops the
// lock within moments. So a running job whose last attempt belongs to an
// outbox client whose lease nobody holds belongs to a dead process, and
// any live outbox puts it back in the queue at once. A live replica keeps
// its lease, so its jobs are never taken from it.
//
// A lease can also vanish from a live process: PostgreSQL restarted, or
// the connection was cut. The holder takes it again within leaseRetry,
// and a sweeper rescues only after it found the lease missing for
// rescueGrace, several times longer. A host that loses power leaves no
// socket to close: the lease connection's TCP keepalives end the session
// within about half a minute, and River's rescuer remains the last resort.
const (
	// leaseClass is the first key of every lease's advisory lock, so the
	// leases do not collide with the bot's other advisory locks, which
	// take one bigint key.
	leaseClass = 0x6f757462 // "outb"
	// clientPrefix starts the River client ID of every outbox; jobs
	// attempted by other clients are left to River's rescuer.
	clientPrefix = "outbox-"
	leaseRetry   = time.Second
	leaseCheck   = 2 * time.Second
	rescueEvery  = 2 * time.Second
	rescueGrace  = 4 * time.Second
)

// newClientID names this process's River client: unique among every
// process that will ever use the database.
func newClientID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return clientPrefix + hex.EncodeToString(b[:])
}

// leaseKey is the second key of the advisory lock of client id, kept
// positive so that pg_locks's objid (an oid) shows the same number. Two
// IDs of one key only make a dead client look alive: its jobs wait for
// River's rescuer, nothing is sent twice.
func leaseKey(id string) int32 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int32(h.Sum32() & 0x7fffffff)
}

// lease is the advisory lock that tells others this outbox is alive.
type lease struct {
	id   string
	pool *pgxpool.Pool
	log  *slog.Logger

	mu   sync.Mutex
	conn *pgx.Conn // holds the lock; nil while it is being taken again
}

// take connects and takes the lock. The connection is not the pool's: it
// is held for the outbox's whole life.
func (l *lease) take(ctx context.Context) error {
	cfg := l.pool.Config().ConnConfig.Copy()
	// Notice a peer that vanished without closing its socket within about
	// half a minute rather than the system's two hours.
	cfg.RuntimeParams["tcp_keepalives_idle"] = "10"
	cfg.RuntimeParams["tcp_keepalives_interval"] = "5"
	cfg.RuntimeParams["tcp_keepalives_count"] = "3"
	cfg.RuntimeParams["application_name"] = l.id
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, `select pg_try_advisory_lock($1, $2)`, int32(leaseClass), leaseKey(l.id)).Scan(&ok); err != nil {
		conn.Close(ctx)
		return fmt.Errorf("lock: %w", err)
	}
	if !ok {
		// Another live client has the same key: it keeps "our" jobs looking
		// alive while it lives, which is safe.
		l.log.Warn("outbox lease key taken by another process; jobs of a dead process wait for River's rescuer", "client", l.id)
	}
	l.mu.Lock()
	l.conn = conn
	l.mu.Unlock()
	return nil
}

// keep checks the lease every leaseCheck and takes it again, every
// leaseRetry, whenever its connection broke, until ctx ends.
func (l *lease) keep(ctx context.Context) {
	t := time.NewTicker(leaseCheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		l.mu.Lock()
		conn := l.conn
		l.mu.Unlock()
		if conn != nil {
			pctx, cancel := context.WithTimeout(ctx, leaseCheck)
			err := conn.Ping(pctx)
			cancel()
			if err == nil || ctx.Err() != nil {
				continue
			}
			l.log.Warn("outbox lease lost; taking it again", "client", l.id, "err", err)
			l.drop()
		}
		for ctx.Err() == nil {
			tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := l.take(tctx)
			cancel()
			if err == nil {
				break
			}
			select {
			case <-ctx.Done():
			case <-time.After(leaseRetry):
			}
		}
	}
}

// drop closes the lease's connection, which releases the lock.
func (l *lease) drop() {
	l.mu.Lock()
	conn := l.conn
	l.conn = nil
	l.mu.Unlock()
	if conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		conn.Close(ctx)
	}
}

// rescuer puts the running jobs of dead outboxes back in the queue.
type rescuer struct {
	self    string
	queues  []string
	pool    *pgxpool.Pool
	log     *slog.Logger
	now     func() time.Time
	missing map[string]time.Time // client → when its lease was first found missing
}

// run sweeps every rescueEvery until ctx ends.
func (r *rescuer) run(ctx context.Context) {
	t := time.NewTicker(rescueEvery)
	defer t.Stop()
	for {
		if _, err := r.sweep(ctx); err != nil && ctx.Err() == nil {
			r.log.Warn("rescue the sends of stopped processes", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sweep rescues the running jobs of every outbox client whose lease has
// been missing for rescueGrace, and returns how many it rescued.
func (r *rescuer) sweep(ctx context.Context) (int, error) {
	rows, err := r.pool.Query(ctx, `
		select distinct attempted_by[cardinality(attempted_by)]
		from river_job
		where state = 'running' and queue = any($1) and cardinality(attempted_by) > 0`, r.queues)
	if err != nil {
		return 0, fmt.Errorf("running jobs: %w", err)
	}
	clients, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return 0, fmt.Errorf("running jobs: %w", err)
	}
	alive, err := r.leases(ctx)
	if err != nil {
		return 0, err
	}
	now, rescued := r.now(), 0
	seen := map[string]bool{}
	for _, c := range clients {
		if c == r.self || !strings.HasPrefix(c, clientPrefix) || alive[leaseKey(c)] {
			continue
		}
		seen[c] = true
		first, ok := r.missing[c]
		if !ok {
			r.missing[c] = now
			continue
		}
		if now.Sub(first) < rescueGrace {
			continue
		}
		n, err := r.rescue(ctx, c)
		if err != nil {
			return rescued, err
		}
		rescued += n
		r.log.Info("rescued the sends of a stopped process", "client", c, "jobs", n)
	}
	for c := range r.missing {
		if !seen[c] {
			delete(r.missing, c) // rescued, or alive again
		}
	}
	return rescued, nil
}

// leases returns the lease keys held in this database now.
func (r *rescuer) leases(ctx context.Context) (map[int32]bool, error) {
	rows, err := r.pool.Query(ctx, `
		select objid::text::bigint from pg_locks
		where locktype = 'advisory' and granted and objsubid = 2 and classid = $1::bigint::oid
			and database = (select oid from pg_database where datname = current_database())`, int64(leaseClass))
	if err != nil {
		return nil, fmt.Errorf("leases: %w", err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("leases: %w", err)
	}
	held := make(map[int32]bool, len(keys))
	for _, k := range keys {
		held[int32(k)] = true
	}
	return held, nil
}

// rescue makes client's running jobs available again at once, with a note
// in their errors. They keep their scheduled time, so they go out before
// the messages queued after them rather than behind a whole fan-out. The next run finds its message marked sending and
// resends it flagged uncertain (see the package documentation). Another
// outbox rescuing at the same moment finds the jobs no longer running.
func (r *rescuer) rescue(ctx context.Context, client string) (int, error) {
	tag, err := r.pool.Exec(ctx, `
		update river_job set state = 'available', scheduled_at = least(scheduled_at, now()),
			errors = array_append(coalesce(errors, '{}'), jsonb_build_object('at', now(), 'attempt', attempt,
				'error', 'rescued: the process that ran it (' || $2 || ') is gone', 'trace', ''))
		where state = 'running' and queue = any($1) and attempted_by[cardinality(attempted_by)] = $2`,
		r.queues, client)
	if err != nil {
		return 0, fmt.Errorf("rescue the jobs of %s: %w", client, err)
	}
	return int(tag.RowsAffected()), nil
}
