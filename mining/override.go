package mining

import (
	"context"
	"math"
	"time"

	"processet/domain"
)

// ErrOverride is a standard time below zero or over a day, or a share
// outside 0..100 %.
var ErrOverride = domain.NewError(domain.Invalid, domain.ErrKeyInvalid)

// SetStandardTime sets (nil clears) a manager's standard time of one
// execution of an activity; it wins over the log from the next Recompute.
// Managers and admins only.
func (s *Service) SetStandardTime(ctx context.Context, actor domain.User, processID int64, activity int32, d *time.Duration) error {
	if !actor.Role.AtLeast(domain.RoleManager) {
		return domain.ErrForbidden
	}
	var seconds *float64
	if d != nil {
		if *d < 0 || *d > 24*time.Hour {
			return ErrOverride
		}
		v := d.Seconds()
		seconds = &v
	}
	return s.store.SetMiningStandardTime(ctx, processID, activity, seconds)
}

// SetShare sets (nil clears) a manager's automatable share 0..1 of an
// activity; it wins over the rules from the next Recompute. Managers and
// admins only.
func (s *Service) SetShare(ctx context.Context, actor domain.User, processID int64, activity int32, share *float64) error {
	if !actor.Role.AtLeast(domain.RoleManager) {
		return domain.ErrForbidden
	}
	if share != nil && (math.IsNaN(*share) || *share < 0 || *share > 1) {
		return ErrOverride
	}
	return s.store.SetMiningShare(ctx, processID, activity, share)
}
