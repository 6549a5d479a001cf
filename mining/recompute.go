package mining

import (
	"context"
	"fmt"

	"processet/domain"
	"processet/mining/process"
)

// ErrRunning is a Recompute asked for while one runs, in this process or
// in another on the same database.
var ErrRunning = domain.NewError(domain.Conflict, domain.ErrKeyMiningRunning)

// Progress hears how far a recompute is: done of total processes.
type Progress func(done, total int)

// Recompute computes every process from its stored events and the
// managers' overrides and stores the results, process by process (each
// process's figures change at once). Only one run goes at a time over
// the database, guarded by a PostgreSQL advisory lock: a second call
// while one runs returns ErrRunning. progress may be nil.
func (s *Service) Recompute(ctx context.Context, progress Progress) (int, error) {
	release, ok, err := s.store.TryMiningLock(ctx)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, ErrRunning
	}
	defer release()
	ids, err := s.store.MiningProcessIDs(ctx)
	if err != nil {
		return 0, err
	}
	if progress != nil {
		progress(0, len(ids))
	}
	for i, id := range ids {
		log, err := s.store.MiningLog(ctx, id)
		if err != nil {
			return i, err
		}
		r := process.Compute(log, s.cfg)
		log = domain.EventLog{} // the events can go before the results are written
		if err := s.store.SaveMiningResult(ctx, id, s.now(), r); err != nil {
			return i, fmt.Errorf("recompute: %w", err)
		}
		if progress != nil {
			progress(i+1, len(ids))
		}
	}
	return len(ids), nil
}
