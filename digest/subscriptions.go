package digest

import (
	"cmp"
	"context"
	"net/mail"
	"strings"
	"time"

	"processet/domain"
	"processet/storage"
)

// Subscription errors a user can act on.
var (
	ErrBadEmail      = domain.NewError(domain.Invalid, domain.ErrKeyBadEmail)
	ErrManagersOnly  = domain.NewError(domain.Forbidden, domain.ErrKeyManagersOnly)
	ErrAlreadyExists = domain.NewError(domain.Conflict, domain.ErrKeySubscriptionExists)
)

// Subscriptions manages who gets the digest, with the permission rules:
// anyone subscribes their own chat; groups and e-mail addresses are for
// managers; owners and admins cancel.
type Subscriptions struct {
	db      *storage.DB
	svc     *Service
	changed func() // called after a change, so the scheduler follows at once
	tz      string
}

// NewSubscriptions returns the subscription rules; changed may be nil.
func NewSubscriptions(db *storage.DB, svc *Service, tz string, changed func()) *Subscriptions {
	if changed == nil {
		changed = func() {}
	}
	return &Subscriptions{db: db, svc: svc, changed: changed, tz: tz}
}

// Add subscribes a chat (chatID, group when negative) or an e-mail
// address on a cron schedule in the actor's zone (their own, else the
// company's): "every day at 09:00" is nine o'clock where they are.
func (s *Subscriptions) Add(ctx context.Context, actor domain.User, sub domain.Subscription) (domain.Subscription, error) {
	if !actor.Role.Approved() {
		return sub, domain.ErrForbidden
	}
	if err := ValidateSchedule(sub.Schedule); err != nil {
		return sub, err
	}
	if sub.Email != "" {
		addr, err := mail.ParseAddress(sub.Email)
		if err != nil || strings.ContainsAny(addr.Address, " <>") {
			return sub, ErrBadEmail
		}
		sub.Email, sub.Title, sub.ChatID = addr.Address, addr.Address, 0
	}
	if (sub.Email != "" || sub.ChatID != actor.ID) && !actor.Role.AtLeast(domain.RoleManager) {
		return sub, ErrManagersOnly
	}
	sub.OwnerID, sub.TZ = actor.ID, cmp.Or(actor.TimeZone, s.tz)
	if sub.Lang == "" {
		sub.Lang = actor.Language()
	}
	got, created, err := s.db.AddSubscription(ctx, sub)
	if err != nil {
		return sub, err
	}
	if !created {
		return sub, ErrAlreadyExists
	}
	s.changed()
	return got, nil
}

// List returns the actor's subscriptions, or everyone's for an admin who
// asks for all.
func (s *Subscriptions) List(ctx context.Context, actor domain.User, all bool) ([]domain.Subscription, error) {
	owner := actor.ID
	if all {
		if !actor.Role.AtLeast(domain.RoleAdmin) {
			return nil, domain.ErrForbidden
		}
		owner = 0
	}
	return s.db.Subscriptions(ctx, owner)
}

func (s *Subscriptions) own(ctx context.Context, actor domain.User, id int64) (domain.Subscription, error) {
	sub, err := s.db.Subscription(ctx, id)
	if err != nil {
		return sub, err
	}
	if sub.OwnerID != actor.ID && !actor.Role.AtLeast(domain.RoleAdmin) {
		return sub, domain.ErrForbidden
	}
	return sub, nil
}

// Cancel removes a subscription its owner or an admin no longer wants.
func (s *Subscriptions) Cancel(ctx context.Context, actor domain.User, id int64) error {
	if _, err := s.own(ctx, actor, id); err != nil {
		return err
	}
	if err := s.db.DeleteSubscription(ctx, id); err != nil {
		return err
	}
	s.changed()
	return nil
}

// ToggleOnlyChanged flips "only if something changed".
func (s *Subscriptions) ToggleOnlyChanged(ctx context.Context, actor domain.User, id int64) error {
	sub, err := s.own(ctx, actor, id)
	if err != nil {
		return err
	}
	return s.db.SetOnlyChanged(ctx, id, !sub.OnlyChanged)
}

// SendNow sends the digest to every subscriber at a manager's request.
func (s *Subscriptions) SendNow(ctx context.Context, actor domain.User) (batch string, queued int, err error) {
	if !actor.Role.AtLeast(domain.RoleManager) {
		return "", 0, domain.ErrForbidden
	}
	return s.svc.SendNow(ctx)
}

// Report is how a batch went.
func (s *Subscriptions) Report(ctx context.Context, batch string) (domain.DeliveryReport, error) {
	return s.svc.Report(ctx, batch)
}

// NextRun is when a subscription's digest goes out next.
func (s *Subscriptions) NextRun(sub domain.Subscription, now time.Time) time.Time {
	t, err := Next(sub.Schedule, sub.TZ, now)
	if err != nil {
		return time.Time{}
	}
	return t
}
