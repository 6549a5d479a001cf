// Package riverlease tells a dead River client from a slow one, so that
// the jobs a killed process left running go back in the queue within
// seconds instead of after River's RescueStuckJobsAfter.
//
// A job that was running when its process died stays "running" in
// river_job until someone rescues it. River's own rescuer waits
// RescueStuckJobsAfter (five minutes in this bot), because it cannot tell
// a dead process from a slow job. A Guard can: every client of a kind
// (the outbox's, Task Mining's) holds, for as long as it runs, a
// PostgreSQL advisory lock named after its River client ID on a
// connection of its own (its lease). The kernel closes a killed process's
// sockets, PostgreSQL ends the session and drops the lock within moments.
// So a running job of the Guard's queues whose last attempt belongs to a
// client of its prefix whose lease nobody holds belongs to a dead
// process, and any live client of that kind puts it back in the queue at
// once. A live replica keeps its lease, so its jobs are never taken from
// it. The jobs must bear a second run: the outbox marks a send before
// making it, an import is one transaction.
//
// A lease can also vanish from a live process: PostgreSQL restarted, or
// the connection was cut. The holder takes it again within leaseRetry,
// and a sweeper rescues only after it found the lease missing for
// rescueGrace, several times longer. A host that loses power leaves no
// socket to close: the lease connection's TCP keepalives end the session
// within about half a minute, and River's rescuer remains the last resort.
package riverlease

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

const (
	// leaseClass is the first key of every lease's advisory lock, so the
	// leases do not collide with the bot's other advisory locks, which
	// take one bigint key. Every kind of client shares it (the prefix is
	// part of the hashed ID); it is the outbox's first class, kept so a
	// process of an older release still sees the newer's leases.
	leaseClass  = 0x6f757462 // "outb"
	leaseRetry  = time.Second
	leaseCheck  = 2 * time.Second
	rescueEvery = 2 * time.Second
	// rescueGrace is a little under two sweeps: the second sweep after
	// the one that first finds a lease missing rescues, 4 s after it
	// rather than the 6 s a grace of exactly two sweeps took, since the
	// sweeps' ticks drift a little.
	rescueGrace = 3500 * time.Millisecond
)

// NewClientID names a River client of the kind prefix ("outbox-"):
// unique among every process that will ever use the database.
func NewClientID(prefix string) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// Lock is the advisory lock (two keys) that the client id holds while it
// runs, for tests that play other processes.
func Lock(id string) (class, key int32) { return leaseClass, leaseKey(id) }

// Guard is one River client's lease and the rescuer of the jobs of the
// dead clients of its kind.
type Guard struct {
	lease   *lease
	prefix  string
	queues  []string
	pool    *pgxpool.Pool
	log     *slog.Logger
	stop    context.CancelFunc // ends the lease keeper and the rescuer
	running sync.WaitGroup
}

// New makes the guard of the River client id (which starts with prefix),
// rescuing the jobs of queues. Nothing is held until Start.
func New(pool *pgxpool.Pool, id, prefix string, queues []string, log *slog.Logger) *Guard {
	return &Guard{
		lease:  &lease{id: id, pool: pool, log: log},
		prefix: prefix, queues: queues, pool: pool, log: log,
	}
}

// ID is the River client ID the guard holds the lease of.
func (g *Guard) ID() string { return g.lease.id }

// Start takes the lease, then keeps it and sweeps for the jobs of dead
// clients until Stop. Call it before the River client starts: no job is
// ever attempted by a client whose death the others could not see.
func (g *Guard) Start(ctx context.Context) error {
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err := g.lease.take(lctx)
	cancel()
	if err != nil {
		return err
	}
	bg, stop := context.WithCancel(context.WithoutCancel(ctx))
	g.stop = stop
	r := &rescuer{self: g.lease.id, prefix: g.prefix, queues: g.queues, pool: g.pool, log: g.log, now: time.Now, missing: map[string]time.Time{}}
	g.running.Add(2)
	go func() { defer g.running.Done(); g.lease.keep(bg) }()
	go func() { defer g.running.Done(); r.run(bg) }()
	return nil
}

// Stop ends the sweeps and drops the lease. Call it once the River client
// stopped: only when no job of ours runs may others take what is left.
func (g *Guard) Stop() {
	if g.stop != nil {
		g.stop()
		g.running.Wait()
		g.stop = nil
	}
	g.lease.drop()
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

// lease is the advisory lock that tells others this client is alive.
type lease struct {
	id   string
	pool *pgxpool.Pool
	log  *slog.Logger

	mu   sync.Mutex
	conn *pgx.Conn // holds the lock; nil while it is being taken again
}

// take connects and takes the lock. The connection is not the pool's: it
// is held for the client's whole run.
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
		l.log.Warn("lease key taken by another process; jobs of a dead process wait for River's rescuer", "client", l.id)
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
			l.log.Warn("lease lost; taking it again", "client", l.id, "err", err)
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

// rescuer puts the running jobs of dead clients of its kind back in the
// queue.
type rescuer struct {
	self    string
	prefix  string // the kind: only clients whose ID starts with it
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
			r.log.Warn("rescue the jobs of stopped processes", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// sweep rescues the running jobs of every client of the kind whose lease has
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
		if c == r.self || !strings.HasPrefix(c, r.prefix) || alive[leaseKey(c)] {
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
		r.log.Info("rescued the jobs of a stopped process", "client", c, "jobs", n)
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
// in their errors. They keep their scheduled time, so they run before the
// jobs queued after them (the outbox's sends, rather than behind a whole
// fan-out). What a second run means is the job's affair (the outbox
// resends a message marked sending flagged uncertain). Another client
// rescuing at the same moment finds the jobs no longer running.
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
