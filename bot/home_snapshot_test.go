package bot

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"processet/domain"
)

// snapshotClock is a clock the test moves by hand.
type snapshotClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *snapshotClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *snapshotClock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// countingRead answers with the number of reads so far as the task total.
type countingRead struct{ n atomic.Int64 }

func (r *countingRead) read(_ context.Context, q domain.DashboardQuery) (domain.Home, error) {
	n := r.n.Add(1)
	return domain.Home{AsOf: q.Now, Tasks: domain.TaskSummary{Total: int(n)}}, nil
}

func TestHomeSnapshotsShareFiguresForAMoment(t *testing.T) {
	clk := &snapshotClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	s := newHomeSnapshots(time.Second, clk.now)
	var r countingRead
	q := domain.DashboardQuery{Now: clk.now(), Weeks: 12, Limit: 5}
	get := func(user int64) int {
		t.Helper()
		q.Now = clk.now()
		h, err := s.get(context.Background(), user, q, r.read)
		if err != nil {
			t.Fatal(err)
		}
		return h.Tasks.Total
	}

	if got := get(1); got != 1 {
		t.Fatalf("first view: read %d, want 1", got)
	}
	clk.add(300 * time.Millisecond)
	if got := get(2); got != 1 {
		t.Errorf("another person 0.3 s later: read %d, want the shared 1", got)
	}

	// Person 2 changes something: their next view reads afresh, and the
	// figures they caused are then shared with the others.
	s.changedBy(2)
	clk.add(100 * time.Millisecond)
	if got := get(2); got != 2 {
		t.Errorf("after their own change: read %d, want a fresh 2", got)
	}
	if got := get(1); got != 2 {
		t.Errorf("person 1 after that: read %d, want the newer shared 2", got)
	}

	// Past the age everyone gets fresh figures.
	clk.add(1100 * time.Millisecond)
	if got := get(1); got != 3 {
		t.Errorf("1.1 s later: read %d, want a fresh 3", got)
	}

	// Another question (another zone) is never answered with these.
	q.Loc = time.FixedZone("X", 3600)
	if got := get(1); got != 4 {
		t.Errorf("another zone: read %d, want a fresh 4", got)
	}
}

func TestHomeSnapshotsFollowTheQueryClock(t *testing.T) {
	clk := &snapshotClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	s := newHomeSnapshots(time.Second, clk.now)
	var r countingRead
	q := domain.DashboardQuery{Now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	if _, err := s.get(context.Background(), 1, q, r.read); err != nil {
		t.Fatal(err)
	}
	// The bot's own clock jumped a day (as a test's may): what is overdue
	// changed, so the figures are read again at once.
	q.Now = q.Now.Add(24 * time.Hour)
	h, err := s.get(context.Background(), 1, q, r.read)
	if err != nil {
		t.Fatal(err)
	}
	if h.Tasks.Total != 2 || !h.AsOf.Equal(q.Now) {
		t.Errorf("after the clock's jump: read %d as of %v, want a fresh 2 as of %v", h.Tasks.Total, h.AsOf, q.Now)
	}
}

func TestHomeSnapshotsOff(t *testing.T) {
	s := newHomeSnapshots(-1, nil)
	var r countingRead
	for i := range 3 {
		h, err := s.get(context.Background(), 1, domain.DashboardQuery{}, r.read)
		if err != nil || h.Tasks.Total != i+1 {
			t.Fatalf("view %d: %d, %v; want a read each time", i+1, h.Tasks.Total, err)
		}
	}
	s.changedBy(1) // no marks kept
	if len(s.changed) != 0 {
		t.Errorf("marks kept while off: %v", s.changed)
	}
}

// TestHomeSnapshotsOneReadForMany has many views at once cost one read:
// those that come while it runs wait for it, later ones take its figures.
func TestHomeSnapshotsOneReadForMany(t *testing.T) {
	s := newHomeSnapshots(time.Minute, nil)
	release := make(chan struct{})
	var reads atomic.Int64
	read := func(_ context.Context, q domain.DashboardQuery) (domain.Home, error) {
		reads.Add(1)
		<-release
		return domain.Home{AsOf: q.Now}, nil
	}
	q := domain.DashboardQuery{Now: time.Now()}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.get(context.Background(), int64(i), q, read); err != nil {
				t.Error(err)
			}
		}()
	}
	for !s.readUnderWay() {
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Errorf("20 views at once made %d reads, want 1", n)
	}
}

// readUnderWay reports whether a read of the figures is under way.
func (s *homeSnapshots) readUnderWay() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reading != nil
}
