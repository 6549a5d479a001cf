package mining

import (
	"context"
	"errors"
	"math"
	"time"

	"processet/domain"
)

// ErrOverride is a standard time below zero or over a day, or a share
// outside 0..100 %.
var ErrOverride = domain.NewError(domain.Invalid, domain.ErrKeyInvalid)

// Overridden is what a set or reset of an override leaves: the process
// card as computed now, and whether its recompute waits for the run under
// way (the override is stored either way, and that run's end computes
// the process again when the run is this process's).
type Overridden struct {
	Process domain.ProcessResult
	Queued  bool
}

// CanOverride reports whether u may set standard times and shares:
// managers and admins.
func CanOverride(u domain.User) bool { return u.Role.AtLeast(domain.RoleManager) }

// SetStandardTime sets (nil clears) a manager's standard time of one
// execution of an activity, which wins over the log, and recomputes the
// process at once. Managers and admins only.
func (s *Service) SetStandardTime(ctx context.Context, actor domain.User, processID int64, activity int32, d *time.Duration) (Overridden, error) {
	if !CanOverride(actor) {
		return Overridden{}, domain.ErrForbidden
	}
	var seconds *float64
	if d != nil {
		if *d < 0 || *d > domain.MaxStandardTime {
			return Overridden{}, ErrOverride
		}
		v := d.Seconds()
		seconds = &v
	}
	if err := s.store.SetMiningStandardTime(ctx, processID, activity, seconds); err != nil {
		return Overridden{}, err
	}
	return s.recomputeOverridden(ctx, processID)
}

// SetShare sets (nil clears) a manager's automatable share 0..1 of an
// activity, which wins over the rules, and recomputes the process at
// once. Managers and admins only.
func (s *Service) SetShare(ctx context.Context, actor domain.User, processID int64, activity int32, share *float64) (Overridden, error) {
	if !CanOverride(actor) {
		return Overridden{}, domain.ErrForbidden
	}
	if share != nil && (math.IsNaN(*share) || *share < 0 || *share > 1) {
		return Overridden{}, ErrOverride
	}
	if err := s.store.SetMiningShare(ctx, processID, activity, share); err != nil {
		return Overridden{}, err
	}
	return s.recomputeOverridden(ctx, processID)
}

func (s *Service) recomputeOverridden(ctx context.Context, processID int64) (Overridden, error) {
	r, err := s.RecomputeProcess(ctx, processID)
	if errors.Is(err, ErrRunning) {
		r, err = s.store.MiningProcess(ctx, processID)
		return Overridden{Process: r, Queued: true}, err
	}
	return Overridden{Process: r}, err
}
