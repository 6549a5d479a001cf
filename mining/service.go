package mining

import (
	"context"
	"iter"
	"log/slog"
	"sync"
	"time"

	"processet/domain"
	"processet/mining/process"
)

// store is what the area needs from the database; *storage.DB has it.
type store interface {
	ImportMiningEvents(ctx context.Context, process string, hash []byte, events iter.Seq2[domain.MiningEvent, error]) (domain.MiningImport, error)
	MiningProcessIDs(ctx context.Context) ([]int64, error)
	MiningLog(ctx context.Context, processID int64) (domain.EventLog, error)
	SaveMiningResult(ctx context.Context, processID int64, at time.Time, r domain.ProcessResult) error
	TryMiningLock(ctx context.Context) (release func(), ok bool, err error)
	MiningSummary(ctx context.Context) (domain.MiningSummary, error)
	MiningProcesses(ctx context.Context, offset, limit int) ([]domain.ProcessStat, int, error)
	MiningProcess(ctx context.Context, processID int64) (domain.ProcessResult, error)
	SetMiningStandardTime(ctx context.Context, processID int64, activity int32, seconds *float64) error
	SetMiningShare(ctx context.Context, processID int64, activity int32, share *float64) error
}

// Config holds the constants of the definitions (FTE hours, the cap of
// an estimated service time…); zero fields take process.Defaults.
type Config = process.Config

// Service is the Task Mining area.
type Service struct {
	store store
	cfg   Config
	now   func() time.Time
	log   *slog.Logger

	mu     sync.Mutex
	queued map[int64]bool // processes to recompute once the lock is free (RecomputeProcess)
}

// New returns the service; cfg's zero fields take process.Defaults, now
// and log may be nil.
func New(store store, cfg Config, now func() time.Time, log *slog.Logger) *Service {
	def := process.Defaults()
	if cfg.FTEHours <= 0 {
		cfg.FTEHours = def.FTEHours
	}
	if cfg.GapCap <= 0 {
		cfg.GapCap = def.GapCap
	}
	if cfg.MinSpan <= 0 {
		cfg.MinSpan = def.MinSpan
	}
	if cfg.TopVariants <= 0 {
		cfg.TopVariants = def.TopVariants
	}
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{store: store, cfg: cfg, now: now, log: log, queued: map[int64]bool{}}
}

// Dashboard is the area's headline: operations and hours per year and the
// potential over all processes, with the processes by hours.
func (s *Service) Dashboard(ctx context.Context) (domain.MiningSummary, error) {
	return s.store.MiningSummary(ctx)
}

// Processes is page (from 0) of the processes ranked by potential hours,
// perPage to a page, and how many processes there are.
func (s *Service) Processes(ctx context.Context, page, perPage int) ([]domain.ProcessStat, int, error) {
	if page < 0 || perPage <= 0 {
		return nil, 0, domain.NewError(domain.Invalid, domain.ErrKeyInvalid)
	}
	return s.store.MiningProcesses(ctx, page*perPage, perPage)
}

// Process is a process card, as the last recompute left it.
func (s *Service) Process(ctx context.Context, processID int64) (domain.ProcessResult, error) {
	return s.store.MiningProcess(ctx, processID)
}
