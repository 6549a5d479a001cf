package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Leader elects one replica among the processes sharing the database to
// hold the duties that must run once per deployment: long polling, the
// scheduled jobs and the outbox's senders. It is a session advisory lock
// held on a connection of its own, outside the pool, so that the lock
// lives exactly as long as that session:
//   - a process that dies closes its socket and PostgreSQL releases the
//     lock at once; a follower takes it at its next try (Retry);
//   - a host that vanishes without closing the socket leaves a silent
//     session, which PostgreSQL ends after idle_session_timeout (three
//     heartbeats): the follower takes over within that plus Retry;
//   - the leader pings its session every Retry and steps down at the
//     first failure, so two replicas never both believe they lead for
//     longer than one heartbeat.
type Leader struct {
	db    *DB
	key   int64
	retry time.Duration
	log   *slog.Logger

	mu      sync.Mutex
	leading bool
	term    chan struct{} // closed when the current term ends; nil when not leading
	changed chan struct{} // closed and replaced whenever leadership changes
}

// LeaderKey is the advisory lock of the deployment's leader. The number
// spells "leader" in ASCII, apart from the other locks of the schema.
const LeaderKey int64 = 0x6c6561646572

// NewLeader prepares an election on key; Run takes part in it. retry is
// how often a follower tries to take over and a leader checks its hold.
func (db *DB) NewLeader(key int64, retry time.Duration, log *slog.Logger) *Leader {
	if retry <= 0 {
		retry = 5 * time.Second
	}
	if log == nil {
		log = slog.Default()
	}
	return &Leader{db: db, key: key, retry: retry, log: log, changed: make(chan struct{})}
}

// Join takes part in the election until ctx ends, then lets go. The
// first try is made before it returns, so that a replica alone leads at
// once and its scheduled jobs run at start. done is closed when the
// leader's session is closed.
func (l *Leader) Join(ctx context.Context) (done <-chan struct{}) {
	conn, err := l.acquire(ctx)
	if conn != nil {
		l.set(true)
	}
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		l.run(ctx, conn, err)
	}()
	return ch
}

// run holds the lock while it can and tries again every retry.
func (l *Leader) run(ctx context.Context, conn *pgx.Conn, err error) {
	for {
		if err == nil && conn != nil {
			l.set(true) // already so after Join's first try
			l.log.Info("this replica leads: polling, scheduled jobs and sends run here")
			err = l.hold(ctx, conn)
			l.set(false)
			closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			_ = conn.Close(closeCtx) // closing the session is what releases the lock
			cancel()
			if ctx.Err() == nil {
				l.log.Warn("leadership lost", "err", err)
			}
		} else if err != nil && ctx.Err() == nil {
			l.log.Warn("leader election", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(l.retry):
		}
		conn, err = l.acquire(ctx)
	}
}

// acquire connects and tries the lock once; nil, nil when another
// replica holds it.
func (l *Leader) acquire(ctx context.Context) (*pgx.Conn, error) {
	cfg := l.db.pool.Config().ConnConfig.Copy()
	// Three missed heartbeats and the server ends a silent session (a
	// leader whose host vanished), releasing the lock.
	cfg.RuntimeParams["idle_session_timeout"] = fmt.Sprint(max(3*l.retry, time.Second).Milliseconds())
	cctx, cancel := context.WithTimeout(ctx, max(l.retry, 5*time.Second))
	defer cancel()
	conn, err := pgx.ConnectConfig(cctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(cctx, `select pg_try_advisory_lock($1)`, l.key).Scan(&ok); err != nil || !ok {
		_ = conn.Close(context.WithoutCancel(cctx))
		if err != nil {
			return nil, fmt.Errorf("try lock: %w", err)
		}
		return nil, nil
	}
	return conn, nil
}

// hold pings the session every retry until it fails or ctx ends.
func (l *Leader) hold(ctx context.Context, conn *pgx.Conn) error {
	t := time.NewTicker(l.retry)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, l.retry)
		err := conn.Ping(pctx)
		cancel()
		if err != nil {
			return fmt.Errorf("heartbeat: %w", err)
		}
	}
}

func (l *Leader) set(leading bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.leading == leading {
		return
	}
	l.leading = leading
	if leading {
		l.term = make(chan struct{})
	} else {
		close(l.term)
		l.term = nil
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// Leading reports whether this replica leads now.
func (l *Leader) Leading() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.leading
}

// ErrNotLeader is IsLeader's answer on a follower.
var ErrNotLeader = errors.New("another replica leads")

// IsLeader answers gocron's Elector: nil on the leader only, so the
// scheduled jobs run on one replica.
func (l *Leader) IsLeader(context.Context) error {
	if l.Leading() {
		return nil
	}
	return ErrNotLeader
}

// Await blocks until this replica leads, and returns a channel closed
// when that term ends.
func (l *Leader) Await(ctx context.Context) (term <-chan struct{}, err error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.mu.Lock()
		t, changed := l.term, l.changed
		l.mu.Unlock()
		if t != nil {
			return t, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// While runs duty for every term this replica leads, with a context that
// ends with the term, until ctx ends. duty must return when its context
// ends; one that returns early is not run again before the next term.
func (l *Leader) While(ctx context.Context, duty func(ctx context.Context)) {
	for {
		term, err := l.Await(ctx)
		if err != nil {
			return
		}
		tctx, cancel := context.WithCancel(ctx)
		go func() {
			select {
			case <-term:
			case <-tctx.Done():
			}
			cancel()
		}()
		duty(tctx)
		<-tctx.Done()
	}
}
