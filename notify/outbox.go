package notify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	tele "gopkg.in/telebot.v3"
	"processet/internal/riverlease"
)

// Config configures an Outbox. The zero value of every field but the pool's
// is usable.
type Config struct {
	// Bot sends Telegram messages through its configured Bot API URL; nil
	// disables Telegram, and enqueuing a Telegram message then fails.
	Bot *tele.Bot
	// Mail is the SMTP server and sender; nil disables e-mail, and
	// enqueuing an e-mail then fails with ErrEmailDisabled.
	Mail   *MailConfig
	Logger *slog.Logger
	// Limits keeps Telegram sends within the platform's limits; zero
	// fields take Telegram's published limits, tests shorten them.
	Limits Limits
	// Workers is how many sends run at once per channel (default 16):
	// enough to keep 30 messages a second flowing at Telegram's latency.
	Workers int
	// MaxAttempts bounds the retries of a send that fails for a passing
	// reason, such as Telegram or the SMTP server being down (default 15,
	// about an hour and a half with RetryDelay's default).
	MaxAttempts int
	// RetryDelay is the wait before the first retry; it doubles with each
	// attempt, up to ten minutes (default 2 s).
	RetryDelay time.Duration
	// OnChatMigrated runs in the transaction that records that the group
	// from became the supergroup to, so that whatever else is keyed by chat
	// ID (subscriptions) moves with it atomically. An error rolls back the
	// record and retries the message later. Sends to the group that were
	// under way together each learn of the migration, so it may run more
	// than once for one migration and must be idempotent.
	OnChatMigrated func(ctx context.Context, tx pgx.Tx, from, to int64) error
	// OnDelivery, when set, hears of every send attempt that got an
	// answer (or none): its channel ("telegram", "email") and outcome
	// ("delivered", "retry", "rate_limited", "unreachable", "rejected"),
	// for metrics. It must not block.
	OnDelivery func(channel, outcome string)
	// OnPosted runs in the transaction that records the delivery of a
	// Telegram message with a Track, with the chat and the ID Telegram gave
	// the message, so that whoever posted it can edit it later (EditTx).
	OnPosted func(ctx context.Context, tx pgx.Tx, track string, chatID, messageID int64) error
	// RenderEdit renders what a message edited through EditTx shows now;
	// nil disables edits.
	RenderEdit RenderEdit
	// EditDelay is the least time between two edits of one message, and
	// how long a change waits for others to join its edit (default 3 s:
	// 20 edits a minute, Telegram's limit for a group).
	EditDelay time.Duration
}

// Outbox is the one durable queue through which every notification leaves:
// messages are enqueued in the transaction of the change that causes them
// and delivered at least once, with duplicates suppressed as described in
// the package documentation. Start it once, stop it once.
type Outbox struct {
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
	cfg    Config
	log    *slog.Logger
	limits *limiter
	files  *fileCache

	mailProblem atomic.Pointer[MailCheckError] // the SMTP server's last known trouble; nil: none known

	// stopping is closed by Stop: waiting sends give up their turn. Start
	// makes a new one, as the outbox may run again (on the replica that
	// leads, each time it leads).
	stopping atomic.Pointer[chan struct{}]
	runMu    sync.Mutex // serialises Start and Stop
	started  bool

	// lease tells other outboxes this one is alive, and puts back in the
	// queue the sends of those that died (riverlease).
	lease  *riverlease.Guard
	queues []string // the queues this outbox works
}

// clientPrefix starts the River client ID of every outbox; the outboxes
// rescue only the sends of clients of theirs, other clients' jobs are
// left to their own kind (riverlease).
const clientPrefix = "outbox-"

// New creates an outbox on pool, whose database must be migrated
// (storage.Migrate creates our tables and River's). It sends nothing until
// Start, but EnqueueTx works at once.
func New(pool *pgxpool.Pool, cfg Config) (*Outbox, error) {
	if pool == nil {
		return nil, errors.New("notify: no database pool")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Workers = cmp.Or(cfg.Workers, 16)
	cfg.MaxAttempts = cmp.Or(cfg.MaxAttempts, 15)
	cfg.RetryDelay = cmp.Or(cfg.RetryDelay, 2*time.Second)
	cfg.EditDelay = cmp.Or(cfg.EditDelay, 3*time.Second)
	o := &Outbox{
		pool:   pool,
		cfg:    cfg,
		log:    cfg.Logger.With("component", "notify"),
		limits: newLimiter(cfg.Limits),
		files:  newFileCache(),
	}
	open := make(chan struct{})
	o.stopping.Store(&open)
	workers := river.NewWorkers()
	river.AddWorker(workers, &telegramWorker{o: o})
	river.AddWorker(workers, &emailWorker{o: o})
	river.AddWorker(workers, &editWorker{o: o})
	queues := map[string]river.QueueConfig{}
	if cfg.Bot != nil {
		queues[queueTelegram] = river.QueueConfig{MaxWorkers: cfg.Workers}
	}
	if cfg.Bot != nil && cfg.RenderEdit != nil {
		queues[queueEdit] = river.QueueConfig{MaxWorkers: max(cfg.Workers/4, 2)}
	}
	if cfg.Mail != nil {
		queues[queueEmail] = river.QueueConfig{MaxWorkers: cfg.Workers}
	}
	for q := range queues {
		o.queues = append(o.queues, q)
	}
	o.lease = riverlease.New(pool, riverlease.NewClientID(clientPrefix), clientPrefix, o.queues, o.log)
	rc := &river.Config{
		ID:      o.lease.ID(),
		Logger:  cfg.Logger,
		Workers: workers,
		// A send is a limiter wait of at most MaxWait and one or two HTTP
		// or SMTP exchanges. The jobs of a process that died are put back
		// in the queue within seconds by the other outboxes (riverlease); a
		// job still running after RescueStuckJobsAfter is River's last
		// resort, for a process whose lease outlived it (see the package
		// documentation for what a rescue means for the message).
		JobTimeout:           3 * time.Minute,
		RescueStuckJobsAfter: 5 * time.Minute,
	}
	if len(queues) > 0 {
		rc.Queues = queues
	}
	client, err := river.NewClient(riverpgxv5.New(pool), rc)
	if err != nil {
		return nil, fmt.Errorf("notify: job queue: %w", err)
	}
	o.client = client
	return o, nil
}

// Start begins delivering what is queued, including messages that an
// earlier process enqueued or left unfinished. It returns at once. An
// outbox that was stopped may be started again.
func (o *Outbox) Start(ctx context.Context) error {
	if o.cfg.Bot == nil && o.cfg.Mail == nil {
		return nil // nothing to deliver through
	}
	o.runMu.Lock()
	defer o.runMu.Unlock()
	if o.started {
		return nil
	}
	if o.isStopping() {
		open := make(chan struct{})
		o.stopping.Store(&open)
	}
	// The lease comes first: no job is ever attempted by a client whose
	// death the others could not see.
	if err := o.lease.Start(ctx); err != nil {
		return fmt.Errorf("notify: outbox lease: %w", err)
	}
	// The context of Start would stop River when it ends; Stop does that.
	if err := o.client.Start(context.WithoutCancel(ctx)); err != nil {
		o.lease.Stop()
		return fmt.Errorf("notify: start: %w", err)
	}
	o.started = true
	return nil
}

// Stop ends delivery gracefully: sends in flight finish and are recorded,
// sends waiting for their turn under the rate limits go back to the queue
// untouched, for the next start. If ctx ends first, the remaining sends
// are cancelled; anything unrecorded is retried on the next start.
func (o *Outbox) Stop(ctx context.Context) error {
	o.runMu.Lock()
	defer o.runMu.Unlock()
	if !o.isStopping() {
		close(o.stoppingCh())
	}
	if !o.started {
		return nil
	}
	o.started = false
	err := o.client.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		err = errors.Join(err, o.client.StopAndCancel(hard))
	}
	// Only now that no send of ours runs may others take what is left.
	o.lease.Stop()
	if err != nil {
		return fmt.Errorf("notify: stop: %w", err)
	}
	return nil
}

// isStopping reports whether Stop has been called.
func (o *Outbox) isStopping() bool {
	select {
	case <-o.stoppingCh():
		return true
	default:
		return false
	}
}

// stoppingCh is the channel Stop closes.
func (o *Outbox) stoppingCh() chan struct{} { return *o.stopping.Load() }

// backoff is the wait before retry number attempt (1 for the first).
func (o *Outbox) backoff(attempt int) time.Duration {
	d := o.cfg.RetryDelay << min(max(attempt-1, 0), 20)
	return min(d, 10*time.Minute)
}

// record runs fn in a transaction that outlives the job's context: once
// Telegram or the SMTP server has accepted a message, recording that must
// not be abandoned because the job timed out or the outbox is stopping,
// or the message would be sent again.
func (o *Outbox) record(ctx context.Context, fn func(context.Context, pgx.Tx) error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return pgx.BeginFunc(ctx, o.pool, func(tx pgx.Tx) error { return fn(ctx, tx) })
}
