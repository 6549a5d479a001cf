package bot

import (
	"context"
	"sync"
	"time"

	"processet/domain"
)

// DefaultHomeMaxAge is how old the home card's figures may be when they
// are shown to someone who has changed nothing since they were read.
const DefaultHomeMaxAge = time.Second

// homeSnapshots shares the home card's figures among the views of one
// moment. The home card is the same for everyone (the company's totals),
// and every new task, vote or moved deal changes it: without sharing, a
// busy company drew a new home card for nearly every view, which cost
// two thirds of the bot's CPU at 300 updates a second. With it, the card
// is read and drawn at most about once per maxAge.
//
// Nobody is shown their own change missing: a person whose update may
// have changed something (anything but a pure view, see routeTable.Views)
// gets figures read after that update finished. Others may see figures
// up to maxAge old; the caption's as-of time is the moment they were read.
// The marks live in this process, so behind a load balancer a change
// handled by one replica and a view handled by another within maxAge may
// show the figures from before it.
type homeSnapshots struct {
	maxAge time.Duration // <= 0: every view reads afresh
	clock  func() time.Time

	mu      sync.Mutex
	query   domain.DashboardQuery // what the kept figures answer, Now aside
	home    domain.Home
	readAt  time.Time // when the read of the kept figures began
	now     time.Time // the Now they were counted at
	kept    bool
	reading *homeRead           // the read under way, shared by views that miss meanwhile
	changed map[int64]time.Time // people whose update may have changed something, and when it ended
}

// homeRead is one read of the figures that several views wait for.
type homeRead struct {
	done    chan struct{}
	started time.Time
	query   domain.DashboardQuery
	now     time.Time // the query's Now
	home    domain.Home
	err     error
}

func newHomeSnapshots(maxAge time.Duration, clock func() time.Time) *homeSnapshots {
	if maxAge == 0 {
		maxAge = DefaultHomeMaxAge
	}
	if clock == nil {
		clock = time.Now
	}
	return &homeSnapshots{maxAge: maxAge, clock: clock, changed: map[int64]time.Time{}}
}

// get returns the home figures for q as seen by userID: the kept ones when
// they are young enough, answer the same query and were read after the
// user's last change; otherwise read answers them, once for all who ask
// at the same time.
func (s *homeSnapshots) get(ctx context.Context, userID int64, q domain.DashboardQuery,
	read func(ctx context.Context, q domain.DashboardQuery) (domain.Home, error)) (domain.Home, error) {
	if s == nil || s.maxAge < 0 {
		return read(ctx, q)
	}
	key := q
	key.Now = time.Time{}
	s.mu.Lock()
	now := s.clock()
	if s.usable(key, q.Now, userID, now) {
		h := s.home
		s.mu.Unlock()
		return h, nil
	}
	r := s.reading
	// A read under way serves this view too only if it began after the
	// user's last change: otherwise it may not hold it.
	if r == nil || r.query != key || !near(r.now, q.Now, s.maxAge) || s.changedAfter(userID, r.started) {
		r = &homeRead{done: make(chan struct{}), started: now, query: key, now: q.Now}
		s.reading = r
		go s.read(r, q, read)
	}
	s.mu.Unlock()
	select {
	case <-r.done:
		return r.home, r.err
	case <-ctx.Done():
		return domain.Home{}, ctx.Err()
	}
}

// read runs one read without the context of the view that began it: the
// other views waiting for it must not lose their answer when that one
// gives up.
func (s *homeSnapshots) read(r *homeRead, q domain.DashboardQuery,
	read func(ctx context.Context, q domain.DashboardQuery) (domain.Home, error)) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r.home, r.err = read(ctx, q)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reading == r {
		s.reading = nil
	}
	if r.err == nil && (!s.kept || r.started.After(s.readAt)) {
		s.query, s.now, s.home, s.readAt, s.kept = r.query, r.now, r.home, r.started, true
		for id, at := range s.changed {
			if at.Before(r.started) { // these figures hold that change
				delete(s.changed, id)
			}
		}
	}
	close(r.done)
}

// usable reports whether the kept figures may answer userID now. The
// query's own Now must be as close to theirs as the clock: "overdue" and
// "this week" are counted at it, and a test's clock may jump.
func (s *homeSnapshots) usable(key domain.DashboardQuery, qNow time.Time, userID int64, now time.Time) bool {
	return s.kept && s.query == key && now.Sub(s.readAt) <= s.maxAge && near(s.now, qNow, s.maxAge) &&
		!s.changedAfter(userID, s.readAt)
}

// near reports whether a and b are at most d apart.
func near(a, b time.Time, d time.Duration) bool {
	diff := a.Sub(b)
	return diff <= d && diff >= -d
}

// changedAfter reports whether userID's last change ended after t.
func (s *homeSnapshots) changedAfter(userID int64, t time.Time) bool {
	at, ok := s.changed[userID]
	return ok && !at.Before(t)
}

// changedBy notes that userID's update, which may have changed what the
// home card shows, has just ended.
func (s *homeSnapshots) changedBy(userID int64) {
	if s == nil || s.maxAge < 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changed[userID] = s.clock()
	// Marks older than the kept figures say nothing any more; dropping
	// them here bounds the map when nobody looks at the home card.
	if len(s.changed) > 4096 {
		for id, at := range s.changed {
			if s.kept && at.Before(s.readAt) || s.clock().Sub(at) > s.maxAge {
				delete(s.changed, id)
			}
		}
	}
}
