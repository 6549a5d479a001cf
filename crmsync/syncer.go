// Package crmsync mirrors an amoCRM account into the database the
// dashboards read: users, pipelines, companies, deals (amoCRM's leads) and
// tasks.
//
// The first run copies everything; later runs read only what changed since
// a cursor, so a run costs a handful of requests at amoCRM's 7 per second.
// Lists are walked page by page and every page commits together with the
// sync state, so a run cut short resumes at the next page instead of
// starting over. Deleted deals are learned from amoCRM's list of deleted
// leads and, as a backstop, by looking up known deals by ID. Webhooks and
// the bot's own writes sync single deals and tasks at once.
package crmsync

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"processet/amocrm"
	"processet/domain"
)

// Defaults for Config fields left zero.
const (
	// DefaultOverlap re-reads a little before the cursor: amoCRM's and the
	// database's clocks differ, and whether filter[updated_at][from] is
	// inclusive is undocumented. Upserts make the re-read harmless.
	DefaultOverlap = 2 * time.Minute
	// DefaultFullEvery repeats a full pass weekly. Paging by offset skips a
	// row when one before it is deleted mid-walk; a full pass followed by a
	// look-up of what it did not see repairs that.
	DefaultFullEvery = 7 * 24 * time.Hour
	// DefaultRecheckAge and DefaultRecheckBatches look up by ID, each run,
	// up to two chunks of leads not seen for a day: amoCRM lists deleted
	// leads only while they can be restored, so older deletions are found
	// this way.
	DefaultRecheckAge     = 24 * time.Hour
	DefaultRecheckBatches = 2
	// DefaultLookupChunk IDs go in one request: up to a page could, but
	// the URL must stay under the 8 KiB request line of common gateways,
	// and 250 IDs of eight digits come to about 8.2 KB.
	DefaultLookupChunk = 200
	// DefaultForbiddenRetry is how long users stay skipped after amoCRM
	// refused them to a token without admin rights.
	DefaultForbiddenRetry = 24 * time.Hour
	// DefaultDebounce gathers a burst of webhooks into one sync.
	DefaultDebounce = 2 * time.Second
	// DefaultBlockedProbe is how long a blocked account rests between
	// tries: support takes hours to lift a block, not minutes.
	DefaultBlockedProbe = 30 * time.Minute
	// DefaultMaxWebhookBody bounds a webhook; a batch of events with custom
	// fields is a few kilobytes.
	DefaultMaxWebhookBody = 1 << 20
)

// ErrRunning is returned by Run when a run is already under way in this
// process or another; the caller just tries again later.
var ErrRunning = errors.New("crm sync: already running")

// Config tunes a Syncer; the zero value works.
type Config struct {
	Overlap        time.Duration // re-read before the cursor; DefaultOverlap
	FullEvery      time.Duration // repeat the full pass; negative: never
	RecheckAge     time.Duration // deals unseen this long are looked up
	RecheckBatches int           // chunks looked up per run; negative: none
	LookupChunk    int           // IDs per look-up, at most amocrm.PageLimit
	ForbiddenRetry time.Duration // users skipped this long after a 403
	Debounce       time.Duration // webhook coalescing window
	MaxWebhookBody int64         // bytes
	BlockedProbe   time.Duration // how long a blocked account rests before a run tries again
	// OnBlocked is called once when amoCRM blocks the account for too many
	// requests. Syncing stops until the client is unblocked
	// (amocrm.Client.Unblock); the app alerts admins, since only amoCRM
	// support lifts a block. It must not block for long.
	OnBlocked func(error)
	Logger    *slog.Logger
	Now       func() time.Time
}

// Store is what the sync needs from the database; *storage.DB has it.
type Store interface {
	LockCRMSync(ctx context.Context) (unlock func(), ok bool, err error)
	SyncState(ctx context.Context, e domain.SyncEntity) (domain.SyncState, error)
	StartSyncRun(ctx context.Context, e domain.SyncEntity) error
	FinishSyncRun(ctx context.Context, e domain.SyncEntity, errText string, skipUntil time.Time) error
	BeginSyncPass(ctx context.Context, e domain.SyncEntity, full bool, from time.Time) (domain.SyncPass, error)
	FinishSyncPass(ctx context.Context, e domain.SyncEntity, cursor time.Time, full bool) error
	UpsertCRMUsers(ctx context.Context, users []domain.CRMUser, p *domain.SyncPage) error
	ReplacePipelines(ctx context.Context, ps []domain.Pipeline, p *domain.SyncPage) error
	UpsertCompanies(ctx context.Context, cs []domain.Company, p *domain.SyncPage) error
	UpsertDeals(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) error
	MarkDealsDeleted(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) (int, error)
	UpsertCRMTasks(ctx context.Context, ts []domain.CRMTask, p *domain.SyncPage) error
	DeleteCRMTasks(ctx context.Context, ids []int64) (int, error)
	UnseenDeals(ctx context.Context, before time.Time, limit int) ([]int64, error)
	UnseenCRMTasks(ctx context.Context, before time.Time, limit int) ([]int64, error)
}

// Syncer copies one amoCRM account into the store. Run, SyncDeals and
// SyncTasks may be called concurrently; runs never overlap.
type Syncer struct {
	client *amocrm.Client
	store  Store
	cfg    Config
	log    *slog.Logger

	running sync.Mutex      // held by Run
	blocked atomic.Bool     // amoCRM blocked the account; OnBlocked was called
	bg      context.Context // background webhook syncs, cancelled by Close
	stop    context.CancelFunc
	wg      sync.WaitGroup
	hooks   pending
}

// New returns a Syncer; call Close when done with it to stop background
// webhook syncs.
func New(client *amocrm.Client, store Store, cfg Config) *Syncer {
	cfg.Overlap = orDefault(cfg.Overlap, DefaultOverlap)
	cfg.FullEvery = orDefault(cfg.FullEvery, DefaultFullEvery)
	cfg.RecheckAge = orDefault(cfg.RecheckAge, DefaultRecheckAge)
	cfg.RecheckBatches = orDefault(cfg.RecheckBatches, DefaultRecheckBatches)
	cfg.ForbiddenRetry = orDefault(cfg.ForbiddenRetry, DefaultForbiddenRetry)
	cfg.Debounce = orDefault(cfg.Debounce, DefaultDebounce)
	cfg.MaxWebhookBody = orDefault(cfg.MaxWebhookBody, DefaultMaxWebhookBody)
	cfg.BlockedProbe = orDefault(cfg.BlockedProbe, DefaultBlockedProbe)
	if cfg.LookupChunk <= 0 || cfg.LookupChunk > amocrm.PageLimit {
		cfg.LookupChunk = DefaultLookupChunk
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Syncer{client: client, store: store, cfg: cfg, log: cfg.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.bg, s.stop = context.WithCancel(context.Background())
	return s
}

func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

// Close stops accepting webhook work, cancels background syncs and waits
// for them.
func (s *Syncer) Close() {
	s.hooks.mu.Lock()
	s.hooks.closed = true
	s.hooks.mu.Unlock()
	s.stop()
	s.wg.Wait()
}

// Run makes one sync pass over every entity: a full copy the first time,
// what changed since the cursor afterwards, resuming an interrupted pass
// where it stopped. An entity that fails does not stop the others; the
// errors come back joined. A cancelled context, an account block, a
// refused token or a persistent rate limit stops the run at once.
func (s *Syncer) Run(ctx context.Context) error {
	if !s.running.TryLock() {
		return ErrRunning
	}
	defer s.running.Unlock()
	if err := s.checkBlocked(); err != nil {
		return err
	}
	unlock, ok, err := s.store.LockCRMSync(ctx)
	if err != nil {
		return fmt.Errorf("crm sync: %w", err)
	}
	if !ok {
		return ErrRunning
	}
	defer unlock()
	var errs []error
	for _, e := range domain.SyncEntities {
		err := s.runEntity(ctx, e)
		if err == nil {
			continue
		}
		if stopsRun(err) || ctx.Err() != nil {
			return errors.Join(append(errs, err)...)
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Resync runs a pass in the background that starts after any run already
// under way, here or in another process, has finished. A run that began
// before the caller's change (a token just connected, say) may have read
// amoCRM without it, so joining that run would miss the change until the
// next periodic one. Close cancels the wait and the pass.
func (s *Syncer) Resync() {
	h := &s.hooks
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	s.wg.Add(1) // under h.mu, so never concurrent with Close's Wait
	go func() {
		defer s.wg.Done()
		if err := s.runAfterCurrent(s.bg); err != nil && s.bg.Err() == nil {
			s.log.Error("crm sync", "err", err)
		}
	}()
}

// resyncPoll is how often Resync looks whether the run it waits for is
// over; a run takes seconds at least, so a second adds little.
const resyncPoll = time.Second

func (s *Syncer) runAfterCurrent(ctx context.Context) error {
	for {
		err := s.Run(ctx)
		if !errors.Is(err, ErrRunning) {
			return err
		}
		t := time.NewTimer(resyncPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// stopsRun tells errors that every later entity would hit too, so that
// trying them only adds requests: a block, a refused token, a rate limit
// that outlasted the retries, no token at all.
func stopsRun(err error) bool {
	return errors.Is(err, amocrm.ErrAccountBlocked) || errors.Is(err, amocrm.ErrUnauthorized) ||
		errors.Is(err, amocrm.ErrRateLimited) || errors.Is(err, amocrm.ErrNoToken)
}

// runEntity syncs e unless it is to be skipped, recording the run in the
// store. A users list refused for lack of admin rights is remembered and
// skipped for a while rather than failed: a manager's token is a valid
// setup, deals just lack their managers' names.
func (s *Syncer) runEntity(ctx context.Context, e domain.SyncEntity) error {
	st, err := s.store.SyncState(ctx, e)
	if err != nil {
		return fmt.Errorf("sync %s: %w", e, err)
	}
	if s.cfg.Now().Before(st.SkipUntil) {
		return nil
	}
	if err := s.store.StartSyncRun(ctx, e); err != nil {
		return fmt.Errorf("sync %s: %w", e, err)
	}
	err = s.noteBlock(s.syncEntity(ctx, e, st))
	var text string
	var skip time.Time
	if err != nil {
		text = err.Error()
	}
	if e == domain.SyncUsers && errors.Is(err, amocrm.ErrForbidden) {
		s.log.Warn("amoCRM refused the users list: the token's user is not an admin; users skipped",
			"retry_after", s.cfg.ForbiddenRetry)
		skip, err = s.cfg.Now().Add(s.cfg.ForbiddenRetry), nil
	}
	// The outcome is recorded even when ctx was cancelled: the status
	// screen should say the run was interrupted.
	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if ferr := s.store.FinishSyncRun(bctx, e, text, skip); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", e, err)
	}
	return nil
}

// checkBlocked refuses to start while the account is blocked, without a
// request: the client would refuse anyway, and OnBlocked was already
// called. Only amoCRM's support lifts a block, so every BlockedProbe the
// next run is let through to try: its first request finds out, and one
// request half-hourly cannot make a block worse. After
// amocrm.Client.Unblock syncing resumes too.
func (s *Syncer) checkBlocked() error {
	if !s.blocked.Load() {
		return nil
	}
	at := s.client.Stats().BlockedAt
	if at.IsZero() || s.cfg.Now().Sub(at) >= s.cfg.BlockedProbe {
		s.client.Unblock()
		s.blocked.Store(false)
		return nil
	}
	return fmt.Errorf("crm sync: %w", amocrm.ErrAccountBlocked)
}

// noteBlock calls OnBlocked the first time err says the account is
// blocked, and passes err through.
func (s *Syncer) noteBlock(err error) error {
	if errors.Is(err, amocrm.ErrAccountBlocked) && s.blocked.CompareAndSwap(false, true) {
		if s.cfg.OnBlocked != nil {
			s.cfg.OnBlocked(err)
		}
	}
	return err
}
