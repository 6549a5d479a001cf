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
	done := 0
	err := s.locked(ctx, func() error {
		ids, err := s.store.MiningProcessIDs(ctx)
		if err != nil {
			return err
		}
		if progress != nil {
			progress(0, len(ids))
		}
		for i, id := range ids {
			if err := s.computeProcess(ctx, id); err != nil {
				return err
			}
			done = i + 1
			if progress != nil {
				progress(i+1, len(ids))
			}
		}
		return nil
	})
	return done, err
}

// RecomputeProcess recomputes one process (after a manager changed one of
// its overrides) under the same one-run-at-a-time lock as Recompute, and
// returns its fresh card. While a run holds the lock it returns
// ErrRunning and queues the process: a run of this process recomputes
// the queued ones before it lets the lock go, since its pass may have
// read the process before the change.
func (s *Service) RecomputeProcess(ctx context.Context, processID int64) (domain.ProcessResult, error) {
	s.queue(processID)
	if err := s.locked(ctx, func() error { return nil }); err != nil {
		return domain.ProcessResult{}, err
	}
	return s.store.MiningProcess(ctx, processID)
}

// locked runs f under the recompute lock, then the processes queued
// meanwhile, and looks again once the lock is let go: a process queued
// just as it was let go finds the lock free, or its holder looks.
func (s *Service) locked(ctx context.Context, f func() error) error {
	release, ok, err := s.store.TryMiningLock(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return ErrRunning
	}
	err = f()
	for {
		if err == nil {
			err = s.computeQueued(ctx)
		}
		release()
		if err != nil || !s.hasQueued() {
			return err
		}
		if release, ok, err = s.store.TryMiningLock(ctx); err != nil || !ok {
			return err // another holder looks at the queue (if it is ours)
		}
	}
}

// computeProcess computes one process from its log and stores the result.
func (s *Service) computeProcess(ctx context.Context, id int64) error {
	log, err := s.store.MiningLog(ctx, id)
	if err != nil {
		return err
	}
	r := process.Compute(log, s.cfg)
	log = domain.EventLog{} // the events can go before the results are written
	if err := s.store.SaveMiningResult(ctx, id, s.now(), r); err != nil {
		return fmt.Errorf("recompute: %w", err)
	}
	return nil
}

func (s *Service) queue(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queued[id] = true
}

func (s *Service) hasQueued() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queued) > 0
}

// computeQueued recomputes the queued processes. One that fails is not
// queued again (the next full run computes it): a process that cannot be
// computed must not fail every run after it.
func (s *Service) computeQueued(ctx context.Context) error {
	for {
		s.mu.Lock()
		var id int64
		for id = range s.queued {
			break
		}
		delete(s.queued, id)
		s.mu.Unlock()
		if id == 0 {
			return nil
		}
		if err := s.computeProcess(ctx, id); err != nil {
			return err
		}
	}
}
