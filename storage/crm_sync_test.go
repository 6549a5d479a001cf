package storage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

func syncDB(t testing.TB) *storage.DB {
	t.Helper()
	return storage.New(testdb.New(t))
}

// syncDeal is an open deal in pipeline 5, updated at the given time.
func syncDeal(id int64, updated time.Time) domain.Deal {
	return domain.Deal{ID: id, Name: fmt.Sprintf("Сделка %d", id), Price: 100 * id, PipelineID: 5, StatusID: 50,
		ResponsibleID: 1, CompanyID: 100, CreatedAt: updated.Add(-time.Hour), UpdatedAt: updated}
}

func dealCount(t *testing.T, db *storage.DB) int {
	t.Helper()
	s, err := db.DealSummary(context.Background(), domain.DashboardQuery{Now: now, Loc: msk, Weeks: 1, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return s.Deals
}

func TestSyncPassCommitsPagesWithState(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	if err := db.StartSyncRun(ctx, domain.SyncLeads); err != nil {
		t.Fatal(err)
	}
	pass, err := db.BeginSyncPass(ctx, domain.SyncLeads, true, time.Time{})
	if err != nil || !pass.Active() || !pass.Full {
		t.Fatalf("begin: %+v %v", pass, err)
	}
	t1, t2 := now.Add(-2*time.Hour), now.Add(-time.Hour)
	pages := [][]domain.Deal{{syncDeal(1, t1), syncDeal(2, t2)}, {syncDeal(3, t1)}}
	for i, page := range pages {
		p := &domain.SyncPage{Entity: domain.SyncLeads, Number: i + 1, MaxUpdated: t2, Rows: len(page)}
		if i == 1 {
			p.MaxUpdated = t1 // the pass keeps the newest of all pages
		}
		if err := db.UpsertDeals(ctx, page, p); err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.SyncState(ctx, domain.SyncLeads)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pass.Page != 2 || !st.Pass.MaxUpdated.Equal(t2) || st.Rows != 3 || !st.Pass.StartedAt.Equal(pass.StartedAt) || !st.Running() {
		t.Errorf("mid-pass state %+v", st)
	}
	if err := db.FinishSyncPass(ctx, domain.SyncLeads, t2, true); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishSyncRun(ctx, domain.SyncLeads, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	st, _ = db.SyncState(ctx, domain.SyncLeads)
	if st.Pass.Active() || st.Pass.Page != 0 || !st.FullDone || st.FullAt.IsZero() || !st.Cursor.Equal(t2) ||
		st.Running() || st.Failing() || st.SucceededAt.IsZero() {
		t.Errorf("finished state %+v", st)
	}
	// The cursor never goes back.
	if err := db.FinishSyncPass(ctx, domain.SyncLeads, t1, false); err != nil {
		t.Fatal(err)
	}
	if st, _ = db.SyncState(ctx, domain.SyncLeads); !st.Cursor.Equal(t2) {
		t.Errorf("cursor moved back to %v", st.Cursor)
	}
	if got := dealCount(t, db); got != 3 {
		t.Errorf("deals = %d, want 3", got)
	}
}

func TestSyncPageIsAtomic(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now)}, &domain.SyncPage{Entity: "no_such", Number: 1})
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("err = %v, want not found", err)
	}
	if got := dealCount(t, db); got != 0 {
		t.Errorf("a page whose state failed left %d deals behind", got)
	}
}

func TestUpsertDealsNewerWins(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	fresh := syncDeal(1, now)
	fresh.Name = "fresh"
	stale := syncDeal(1, now.Add(-time.Minute))
	stale.Name = "stale"
	for _, d := range []domain.Deal{fresh, stale} {
		if err := db.UpsertDeals(ctx, []domain.Deal{d}, nil); err != nil {
			t.Fatal(err)
		}
	}
	s, err := db.DealSummary(ctx, domain.DashboardQuery{Now: now, Loc: msk, Weeks: 1, Limit: 10})
	if err != nil || len(s.Active) != 1 || s.Active[0].Name != "fresh" {
		t.Fatalf("active %+v %v, want the fresh version", s.Active, err)
	}
}

func TestMarkDealsDeleted(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	if err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now), syncDeal(2, now), syncDeal(3, now)}, nil); err != nil {
		t.Fatal(err)
	}
	// 1 deleted after our copy; 2 "deleted" before it, so restored since;
	// 3 found missing by a look-up, time unknown.
	n, err := db.MarkDealsDeleted(ctx, []domain.Deal{{ID: 1, UpdatedAt: now.Add(time.Minute)},
		{ID: 2, UpdatedAt: now.Add(-time.Minute)}, {ID: 3}, {ID: 404}}, nil)
	if err != nil || n != 2 {
		t.Fatalf("marked %d, %v; want 2", n, err)
	}
	if got := dealCount(t, db); got != 1 {
		t.Errorf("deals on the dashboard = %d, want 1", got)
	}
	// synced_at is the database's clock (see crm_sync.go), so "before" is
	// read from the same clock, not from the fixed now of the fixtures.
	unseen, err := db.UnseenDeals(ctx, time.Now().Add(time.Hour), 0)
	if err != nil || !slices.Equal(unseen, []int64{2}) {
		t.Errorf("unseen live deals %v %v, want [2]", unseen, err)
	}
	// A restored lead comes back with its next listing.
	if err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now.Add(2*time.Minute))}, nil); err != nil {
		t.Fatal(err)
	}
	if got := dealCount(t, db); got != 2 {
		t.Errorf("after restore: deals = %d, want 2", got)
	}
}

func TestUnseenDealsOldestFirst(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	seed := storage.Seed{Deals: []domain.Deal{syncDeal(7, now)}} // loaded, never synced
	if err := db.LoadSeed(ctx, seed, false); err != nil {
		t.Fatal(err)
	}
	if err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now), syncDeal(2, now)}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.UnseenDeals(ctx, time.Now().Add(time.Hour), 2)
	if err != nil || !slices.Equal(got, []int64{7, 1}) {
		t.Errorf("unseen %v %v, want [7 1]", got, err)
	}
	got, _ = db.UnseenDeals(ctx, time.Now().Add(-time.Hour), 0)
	if !slices.Equal(got, []int64{7}) {
		t.Errorf("unseen an hour ago %v, want [7]", got)
	}
}

func TestReplacePipelines(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	st := func(id int64, name string) domain.PipelineStatus { return domain.PipelineStatus{ID: id, Name: name} }
	first := []domain.Pipeline{
		{ID: 5, Name: "Продажи", Main: true, Statuses: []domain.PipelineStatus{st(50, "Переговоры"), st(51, "Договор"), st(142, "Успех")}},
		{ID: 6, Name: "Старая", Statuses: []domain.PipelineStatus{st(60, "Звонок"), st(142, "Успех")}},
	}
	if err := db.ReplacePipelines(ctx, first, nil); err != nil {
		t.Fatal(err)
	}
	second := []domain.Pipeline{{ID: 5, Name: "Продажи 2", Main: true, Statuses: []domain.PipelineStatus{st(50, "Торг"), st(142, "Успех")}}}
	p := &domain.SyncPage{Entity: domain.SyncPipelines, Number: 1, Rows: 1}
	if err := db.ReplacePipelines(ctx, second, p); err != nil {
		t.Fatal(err)
	}
	if err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now)}, nil); err != nil {
		t.Fatal(err)
	}
	s, err := db.DealSummary(ctx, domain.DashboardQuery{Now: now, Loc: msk, Weeks: 1, Limit: 10})
	if err != nil || len(s.Active) != 1 || s.Active[0].StatusName != "Торг" {
		t.Errorf("status name after replace: %+v %v", s.Active, err)
	}
	var statuses int
	if err := db.Pool().QueryRow(ctx, `select count(*) from crm_statuses`).Scan(&statuses); err != nil || statuses != 2 {
		t.Errorf("statuses left %d %v, want 2", statuses, err)
	}
	if err := db.ReplacePipelines(ctx, nil, nil); err == nil {
		t.Error("an empty pipeline list was accepted")
	}
}

func TestCRMTasksSync(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	task := func(id, lead int64, updated time.Time, done bool) domain.CRMTask {
		return domain.CRMTask{ID: id, DealID: lead, Text: "Позвонить", TypeID: 1, ResponsibleID: 1,
			CompleteTill: now.Add(time.Hour), Completed: done, CreatedAt: now.Add(-time.Hour), UpdatedAt: updated}
	}
	if err := db.UpsertDeals(ctx, []domain.Deal{syncDeal(1, now)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.UpsertCRMTasks(ctx, []domain.CRMTask{task(1, 1, now, false), task(2, 0, now, false), task(3, 1, now, false)}, nil); err != nil {
		t.Fatal(err)
	}
	// Completed later; a stale copy of the open version arrives after.
	if err := db.UpsertCRMTasks(ctx, []domain.CRMTask{task(1, 1, now.Add(time.Minute), true)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.UpsertCRMTasks(ctx, []domain.CRMTask{task(1, 1, now, false)}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := db.DeleteCRMTasks(ctx, []int64{3, 404}); err != nil || n != 1 {
		t.Fatalf("deleted %d %v, want 1", n, err)
	}
	s, err := db.DealSummary(ctx, domain.DashboardQuery{Now: now, Loc: msk, Weeks: 1, Limit: 10})
	if err != nil || s.Tasks != (domain.CRMTaskStates{Open: 1, Completed: 1}) {
		t.Errorf("task states %+v %v, want 1 open 1 completed", s.Tasks, err)
	}
	// Task 1 was seen last, by its newer version.
	if got, _ := db.UnseenCRMTasks(ctx, time.Now().Add(time.Hour), 0); !slices.Equal(got, []int64{2, 1}) {
		t.Errorf("unseen tasks %v, want [2 1]", got)
	}
}

func TestSyncStatus(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	until := time.Now().Add(24 * time.Hour).Truncate(time.Microsecond)
	if err := db.StartSyncRun(ctx, domain.SyncUsers); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishSyncRun(ctx, domain.SyncUsers, "forbidden", until); err != nil {
		t.Fatal(err)
	}
	all, err := db.SyncStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []domain.SyncEntity
	for _, s := range all {
		got = append(got, s.Entity)
	}
	if !slices.Equal(got, domain.SyncEntities) {
		t.Errorf("entities %v, want %v", got, domain.SyncEntities)
	}
	u := all[0]
	if u.Error != "forbidden" || !u.Failing() || !u.SkipUntil.Equal(until) || !u.SucceededAt.IsZero() || u.Age(now) != 0 {
		t.Errorf("users %+v", u)
	}
	if err := db.StartSyncRun(ctx, "no_such"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func TestLockCRMSync(t *testing.T) {
	ctx := context.Background()
	db := syncDB(t)
	unlock, ok, err := db.LockCRMSync(ctx)
	if err != nil || !ok {
		t.Fatalf("first lock: %v %v", ok, err)
	}
	if _, ok, err := db.LockCRMSync(ctx); err != nil || ok {
		t.Fatalf("second lock while held: %v %v", ok, err)
	}
	unlock()
	unlock2, ok, err := db.LockCRMSync(ctx)
	if err != nil || !ok {
		t.Fatalf("lock after unlock: %v %v", ok, err)
	}
	unlock2()
}

// BenchmarkUpsertDeals measures one page of 250 leads, new and then
// updated, with its sync state: the database's share of a sync's time,
// against the ~148 ms each page costs at amoCRM's 7 requests per second.
func BenchmarkUpsertDeals(b *testing.B) {
	for _, update := range []bool{false, true} {
		b.Run(fmt.Sprintf("update=%v", update), func(b *testing.B) {
			db := syncDB(b)
			ctx := context.Background()
			page := 0
			for b.Loop() {
				if !update || page == 0 {
					page++
				}
				ds := make([]domain.Deal, 250)
				for i := range ds {
					ds[i] = syncDeal(int64(page*250+i), now)
				}
				if err := db.UpsertDeals(ctx, ds, &domain.SyncPage{Entity: domain.SyncLeads, Number: page, Rows: 250}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
