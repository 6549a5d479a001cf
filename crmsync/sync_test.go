package crmsync_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"processet/amocrm"
	"processet/amocrm/amocrmtest"
	"processet/crmsync"
	"processet/domain"
	"processet/internal/testwait"
	"processet/storage"
)

func TestFullSync(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	leads := e.seedAccount(30, 300, 40)
	// Left over from a demo: amoCRM has never heard of them.
	demo := storage.Seed{
		CRMUsers: []domain.CRMUser{{ID: 9, Name: "Демо Менеджер", Email: "demo@example.com"}},
		Deals:    []domain.Deal{{ID: 9, Name: "Демо", PipelineID: 1, StatusID: 2, CreatedAt: time.Now(), UpdatedAt: time.Now()}},
		CRMTasks: []domain.CRMTask{{ID: 9, Text: "Демо", CompleteTill: time.Now(), CreatedAt: time.Now(), UpdatedAt: time.Now()}},
	}
	if err := e.db.LoadSeed(context.Background(), demo, false); err != nil {
		t.Fatal(err)
	}
	e.run(t)

	if c := e.counts(t); c.Deals != 300 || c.Companies != 30 || c.CRMTasks != 40 {
		t.Errorf("counts %+v, want 300 deals, 30 companies, 40 tasks", c)
	}
	var users, inactive, pipelines, statuses int
	err := e.db.Pool().QueryRow(context.Background(), `select (select count(*) from crm_users),
		(select count(*) from crm_users where inactive),
		(select count(*) from crm_pipelines), (select count(*) from crm_statuses)`).Scan(&users, &inactive, &pipelines, &statuses)
	// The demo's manager stays for old names but is inactive, like amoCRM's deactivated one.
	if err != nil || users != 6 || inactive != 2 || pipelines != 2 || statuses != 13 {
		t.Errorf("users %d (%d inactive), pipelines %d, statuses %d (%v); want 6 (2), 2, 13", users, inactive, pipelines, statuses, err)
	}
	want := leads[7]
	var name string
	var price, company int64
	err = e.db.Pool().QueryRow(context.Background(), `select name, price, company_id from crm_deals where id = $1`, want.ID).
		Scan(&name, &price, &company)
	if err != nil || name != want.Name || price != want.Price || company != want.CompanyID {
		t.Errorf("lead %d: %q %d company %d (%v), want %+v", want.ID, name, price, company, err, want)
	}
	states, err := e.db.SyncStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range states {
		if !st.FullDone || st.Failing() || st.Running() || st.Pass.Active() || st.SucceededAt.IsZero() {
			t.Errorf("%s: %+v", st.Entity, st)
		}
	}
	if st := e.state(t, domain.SyncLeads); st.Rows != 300 || !st.Cursor.Equal(leads[299].UpdatedAt.Truncate(time.Second)) {
		t.Errorf("leads state %+v, want 300 rows and the newest lead's time as cursor", st)
	}
	// users, pipelines, companies, 2 pages of leads, tasks, deleted leads,
	// and one look-up each for the demo lead and task.
	if got := e.srv.Requests(); got != 9 {
		t.Errorf("requests = %d, want 9", got)
	}
	if got := e.srv.MaxPerSecond(); got > 7 {
		t.Errorf("%d requests within a second", got)
	}
}

func TestIncrementalSyncReadsOnlyChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	leads := e.seedAccount(10, 300, 10)
	e.run(t)
	before, beforeLeads := e.srv.Requests(), e.srv.Calls("GET /api/v4/leads")
	e.rec.reset()

	changed := leads[3]
	e.srv.UpdateLead(changed.ID, func(l *amocrmtest.Lead) { l.Name, l.Price = "Переименована", 77 })
	e.run(t)

	if name, _ := e.leadName(t, changed.ID); name != "Переименована" {
		t.Errorf("changed lead is %q", name)
	}
	// One request per list: users, pipelines, companies, leads, tasks,
	// deleted leads.
	if got := e.srv.Requests() - before; got != 6 {
		t.Errorf("incremental run made %d requests, want 6", got)
	}
	if got := e.srv.Calls("GET /api/v4/leads") - beforeLeads; got != 2 {
		t.Errorf("%d lead list requests, want 2 (changes and deletions)", got)
	}
	if pages := e.rec.leadPages(); !slices.Equal(pages, []int{1}) {
		t.Errorf("lead pages %v, want [1]", pages)
	}
	// The changed lead and, through the overlap, the newest one before.
	if st := e.state(t, domain.SyncLeads); st.Rows != 2 || st.Pass.Full {
		t.Errorf("leads state %+v, want 2 rows", st)
	}
}

func TestDeletedLeadsLeaveDashboards(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	leads := e.seedAccount(5, 20, 5)
	e.run(t)
	e.srv.DeleteLeads(leads[0].ID, leads[1].ID)
	e.run(t)

	for _, l := range leads[:2] {
		if _, deleted := e.leadName(t, l.ID); !deleted {
			t.Errorf("lead %d not marked deleted", l.ID)
		}
	}
	sum, err := e.db.DealSummary(context.Background(), domain.DashboardQuery{Now: time.Now(), Loc: time.UTC, Weeks: 2, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Deals != 18 || slices.ContainsFunc(sum.Active, func(d domain.Deal) bool { return d.ID == leads[1].ID }) {
		t.Errorf("dashboard has %d deals (want 18), active %v", sum.Deals, sum.Active)
	}
	if st := e.state(t, domain.SyncDeletedLeads); st.Rows != 2 || st.Cursor.IsZero() {
		t.Errorf("deleted leads state %+v", st)
	}
}

func TestRecheckFindsLeadsGoneLongAgo(t *testing.T) {
	t.Parallel()
	var later atomic.Int64 // how far the syncer's clock is ahead
	e := newEnv(t, envOptions{config: func(c *crmsync.Config) {
		c.Now = func() time.Time { return time.Now().Add(time.Duration(later.Load())) }
	}})
	e.seedAccount(5, 20, 0)
	e.run(t)
	// A lead deleted so long ago that amoCRM's list of deleted leads has
	// forgotten it: only a look-up by ID can tell.
	ghost := domain.Deal{ID: 1, Name: "Призрак", PipelineID: 1, StatusID: 2, CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := e.db.UpsertDeals(context.Background(), []domain.Deal{ghost}, nil); err != nil {
		t.Fatal(err)
	}
	later.Store(int64(crmsync.DefaultRecheckAge + time.Minute)) // every stored lead is now due for a recheck
	before := e.srv.Requests()
	e.run(t)
	if _, deleted := e.leadName(t, ghost.ID); !deleted {
		t.Error("lead unknown to amoCRM is still live")
	}
	if c := e.counts(t); c.Deals != 20 {
		t.Errorf("deals = %d, want 20", c.Deals)
	}
	if got := e.srv.Requests() - before; got != 7 {
		t.Errorf("requests = %d, want 6 lists and 1 look-up of 21 leads", got)
	}
}

// TestRecheckFindsTasksGoneLongAgo: tasks have no list of deleted ones;
// a task deleted without a webhook leaves the dashboards on the recheck,
// not a week later with the next full pass.
func TestRecheckFindsTasksGoneLongAgo(t *testing.T) {
	t.Parallel()
	var later atomic.Int64 // how far the syncer's clock is ahead
	e := newEnv(t, envOptions{config: func(c *crmsync.Config) {
		c.Now = func() time.Time { return time.Now().Add(time.Duration(later.Load())) }
	}})
	e.seedAccount(2, 5, 10)
	e.run(t)
	ghost := domain.CRMTask{ID: 1, Text: "Призрак", CompleteTill: time.Now(), CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := e.db.UpsertCRMTasks(context.Background(), []domain.CRMTask{ghost}, nil); err != nil {
		t.Fatal(err)
	}
	later.Store(int64(crmsync.DefaultRecheckAge + time.Minute)) // every stored task is now due for a recheck
	e.run(t)
	if c := e.counts(t); c.CRMTasks != 10 {
		t.Errorf("amoCRM tasks = %d, want the 10 amoCRM has", c.CRMTasks)
	}
}

// interruptedRun seeds 900 leads (4 pages), lets interrupt stop the first
// run after page 2 has committed, and checks that the second run asks for
// pages 3 and 4 only and ends with everything stored.
func interruptedRun(t *testing.T, interrupt func(e *env, cancel context.CancelFunc), wantErr func(error) bool) {
	var e *env
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	armed := true
	e = newEnv(t, envOptions{store: func(db *storage.DB) crmsync.Store {
		return &hookStore{DB: db, afterLeadPage: func(n int) {
			if n == 2 && armed {
				armed = false
				interrupt(e, cancel)
			}
		}}
	}})
	e.seedAccount(10, 900, 0)
	if err := e.sync.Run(ctx); !wantErr(err) {
		t.Fatalf("first run: %v", err)
	}
	if st := e.state(t, domain.SyncLeads); st.Pass.Page != 2 || !st.Pass.Full || st.FullDone {
		t.Fatalf("after the interruption: %+v, want a full pass at page 2", st)
	}
	if c := e.counts(t); c.Deals != 500 {
		t.Fatalf("%d deals after 2 pages, want 500", c.Deals)
	}
	e.rec.reset()
	e.run(t)
	if pages := e.rec.leadPages(); !slices.Equal(pages, []int{3, 4}) {
		t.Errorf("second run read lead pages %v, want [3 4]", pages)
	}
	if st := e.state(t, domain.SyncLeads); !st.FullDone || st.Pass.Active() || st.Rows != 400 {
		t.Errorf("after resuming: %+v", st)
	}
	if c := e.counts(t); c.Deals != 900 {
		t.Errorf("%d deals, want 900", c.Deals)
	}
}

func TestResumeAfterCancel(t *testing.T) {
	t.Parallel()
	interruptedRun(t, func(_ *env, cancel context.CancelFunc) { cancel() },
		func(err error) bool { return errors.Is(err, context.Canceled) })
}

func TestResumeAfterFailedPage(t *testing.T) {
	t.Parallel()
	interruptedRun(t, func(e *env, _ context.CancelFunc) {
		e.srv.FailNext(http.StatusPaymentRequired, `{"title":"Payment Required","status":402,"detail":"Подписка истекла"}`)
	}, func(err error) bool {
		var apiErr *amocrm.APIError
		return errors.As(err, &apiErr) && apiErr.Status == http.StatusPaymentRequired
	})
}

func TestUsersForbiddenIsSkipped(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{token: func(s *amocrmtest.Server) string { return s.TokenFor(8863631) }})
	e.seedAccount(3, 10, 3)
	e.run(t)
	e.run(t)
	if got := e.srv.Calls("GET /api/v4/users"); got != 1 {
		t.Errorf("users asked %d times, want once and then skipped", got)
	}
	st := e.state(t, domain.SyncUsers)
	if !st.Failing() || st.SkipUntil.Before(time.Now().Add(time.Hour)) {
		t.Errorf("users state %+v, want the refusal recorded and a skip", st)
	}
	if c := e.counts(t); c.Deals != 10 {
		t.Errorf("deals = %d, want 10 without users", c.Deals)
	}
}

func TestAccountBlockStopsSync(t *testing.T) {
	t.Parallel()
	var later atomic.Int64 // how far the syncer's clock is ahead
	e := newEnv(t, envOptions{config: func(c *crmsync.Config) {
		c.Now = func() time.Time { return time.Now().Add(time.Duration(later.Load())) }
	}})
	e.seedAccount(3, 10, 0)
	e.srv.Block(true)
	for range 2 {
		if err := e.sync.Run(context.Background()); !errors.Is(err, amocrm.ErrAccountBlocked) {
			t.Fatalf("Run: %v, want ErrAccountBlocked", err)
		}
		if err := e.sync.SyncDeals(context.Background(), 1); !errors.Is(err, amocrm.ErrAccountBlocked) {
			t.Fatalf("SyncLeads: %v, want ErrAccountBlocked", err)
		}
	}
	if got := e.srv.Requests(); got != 1 {
		t.Errorf("%d requests while blocked, want 1", got)
	}
	if got := e.blocked.Load(); got != 1 {
		t.Errorf("OnBlocked called %d times, want 1", got)
	}
	// Support lifted the block; the run after the rest finds out.
	e.srv.Block(false)
	if err := e.sync.Run(context.Background()); !errors.Is(err, amocrm.ErrAccountBlocked) {
		t.Fatalf("Run before the rest is over: %v", err)
	}
	later.Store(int64(crmsync.DefaultBlockedProbe + time.Minute))
	e.run(t)
	if c := e.counts(t); c.Deals != 10 {
		t.Errorf("deals after the block was lifted = %d, want 10", c.Deals)
	}
}

func TestRunsNeverOverlap(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	// Another process holds the lock.
	unlock, ok, err := e.db.LockCRMSync(context.Background())
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	if err := e.sync.Run(context.Background()); !errors.Is(err, crmsync.ErrRunning) {
		t.Errorf("Run while another process syncs: %v, want ErrRunning", err)
	}
	unlock()
	if got := e.srv.Requests(); got != 0 {
		t.Errorf("%d requests from a run that should not have started", got)
	}
	// Within the process: a second Run while the first is in its leads.
	started, release := make(chan struct{}), make(chan struct{})
	e2 := newEnv(t, envOptions{store: func(db *storage.DB) crmsync.Store {
		return &hookStore{DB: db, afterLeadPage: func(int) { close(started); <-release }}
	}})
	e2.seedAccount(1, 5, 0)
	done := make(chan error)
	go func() { done <- e2.sync.Run(context.Background()) }()
	<-started
	if err := e2.sync.Run(context.Background()); !errors.Is(err, crmsync.ErrRunning) {
		t.Errorf("second Run: %v, want ErrRunning", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("first Run: %v", err)
	}
}

// TestResyncWaitsForTheRunUnderWay: a run that started before the caller's
// change is not enough; Resync runs again once it is over.
func TestResyncWaitsForTheRunUnderWay(t *testing.T) {
	t.Parallel()
	var locks atomic.Int32 // the syncer's attempts to take the lock
	e := newEnv(t, envOptions{store: func(db *storage.DB) crmsync.Store { return &hookStore{DB: db, onLock: func() { locks.Add(1) }} }})
	e.seedAccount(2, 12, 0)
	unlock, ok, err := e.db.LockCRMSync(context.Background()) // another process's run
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	e.sync.Resync()
	testwait.Eventually(t, "Resync to find the lock taken", func() bool { return locks.Load() >= 1 })
	if got := e.srv.Requests(); got != 0 {
		t.Fatalf("%d requests while another run held the lock", got)
	}
	unlock()
	testwait.Eventually(t, "Resync to run after the other run finished", func() bool { return e.counts(t).Deals == 12 })
}

// TestCloseStopsAWaitingResync: shutting down does not wait for a run
// that another process holds up.
func TestCloseStopsAWaitingResync(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	unlock, ok, err := e.db.LockCRMSync(context.Background())
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	defer unlock()
	e.sync.Resync()
	e.sync.Close()  // returns: the wait is cancelled
	e.sync.Resync() // after Close: nothing starts
	if got := e.srv.Requests(); got != 0 {
		t.Errorf("%d requests", got)
	}
}

// brokenSweepStore fails the sweep's look-up of unseen leads (the one
// without a limit), as a database error would every time.
type brokenSweepStore struct{ *storage.DB }

func (b brokenSweepStore) UnseenDeals(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	if limit == 0 {
		return nil, errors.New("unseen deals: the query broke")
	}
	return b.DB.UnseenDeals(ctx, before, limit)
}

// TestFailingSweepDoesNotStopTheSync: the repair after a full pass can
// fail; the pass still ends, and the next run reads only what changed.
func TestFailingSweepDoesNotStopTheSync(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{store: func(db *storage.DB) crmsync.Store { return brokenSweepStore{db} }})
	e.seedAccount(3, 20, 0)
	if err := e.sync.Run(context.Background()); err == nil {
		t.Fatal("the sweep's failure was not reported")
	}
	if st := e.state(t, domain.SyncLeads); st.Pass.Active() || !st.FullDone {
		t.Fatalf("leads state after a failed sweep: %+v", st)
	}
	before := e.srv.Calls("GET /api/v4/leads")
	if err := e.sync.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := e.srv.Calls("GET /api/v4/leads") - before; got > 2 {
		t.Errorf("%d lead requests on the next run, want an incremental read", got)
	}
}
