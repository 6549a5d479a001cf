package mining_test

import (
	"context"
	"errors"
	"iter"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"processet/domain"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

var t0 = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)

func ev(c, a string, minutes float64) domain.MiningEvent {
	return domain.MiningEvent{Case: c, Activity: a, Time: t0.Add(time.Duration(minutes * float64(time.Minute)))}
}

// workedExample is the log of package process's doc, as a reader gives it.
func workedExample() []domain.MiningEvent {
	const T = 73 * 24 * 60
	return []domain.MiningEvent{
		ev("3", "Регистрация", T-60), ev("3", "Ввод данных", T-50), ev("3", "Проверка", T-30), ev("3", "Согласование", T),
		ev("1", "Регистрация", 0), ev("1", "Ввод данных", 10), ev("1", "Проверка", 30), ev("1", "Согласование", 50),
		ev("2", "Регистрация", 60), ev("2", "Ввод данных", 80), ev("2", "Проверка", 90), ev("2", "Ввод данных", 100),
		ev("2", "Проверка", 120), ev("2", "Согласование", 200),
	}
}

func near(got, want float64) bool { return math.Abs(got-want) < 1e-6*max(1, math.Abs(want)) }

var manager = domain.User{ID: 1, Role: domain.RoleManager}

func newService(t *testing.T) (*mining.Service, *storage.DB, *pgxpool.Pool) {
	pool := testdb.New(t)
	db := storage.New(pool)
	now := func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }
	return mining.New(db, mining.Config{}, now, nil), db, pool
}

func activity(t *testing.T, r domain.ProcessResult, name string) domain.ActivityResult {
	t.Helper()
	for _, a := range r.ActivityStats {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no activity %s in %+v", name, r.ActivityStats)
	return domain.ActivityResult{}
}

func TestImportRecomputeCard(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	imp, err := s.Import(ctx, " Заявки ", mining.Events(workedExample()), []byte("file-1"))
	if err != nil || imp.Read != 14 || imp.Added != 14 || imp.Duplicate || imp.Process != "Заявки" {
		t.Fatalf("import: %+v %v", imp, err)
	}
	if n, err := s.Recompute(ctx, nil); err != nil || n != 1 {
		t.Fatalf("recompute: %d %v", n, err)
	}
	r, err := s.Process(ctx, imp.ProcessID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Заявки" || r.Events != 14 || r.Cases != 3 || r.Activities != 4 || r.Variants != 2 ||
		r.MedianThroughput != time.Hour || r.MeanThroughput != 83*time.Minute+20*time.Second ||
		!near(r.ReworkShare, 1.0/3) || !r.First.Equal(t0) || !r.Last.Equal(t0.Add(73*24*time.Hour)) {
		t.Errorf("card: %+v", r)
	}
	if len(r.TopVariants) != 2 || r.TopVariants[0].Cases != 2 || len(r.TopVariants[1].Activities) != 6 {
		t.Errorf("variants: %+v", r.TopVariants)
	}
	if len(r.Edges) != 4 || r.Edges[0].Count != 4 || !near(r.Edges[0].MeanSeconds, 17.5*60) {
		t.Errorf("edges: %+v", r.Edges)
	}
	// Without the standard time S is estimated: 20, 60 and 30 minutes.
	if a := activity(t, r, "Согласование"); a.ServiceSource != domain.ServiceEstimated || !near(a.MeanSeconds, 110*60/3.0) {
		t.Errorf("S: %+v", a)
	}
	if !near(r.HoursPerYear, 1450.0/60) || !near(r.OperationsPerYear, 70) {
		t.Errorf("hours %v, operations %v", r.HoursPerYear, r.OperationsPerYear)
	}

	// The manager's standard time wins at the next recompute: the doc's figures.
	s30 := 30 * time.Minute
	sIndex := activity(t, r, "Согласование").Index
	if _, err := s.SetStandardTime(ctx, domain.User{ID: 2, Role: domain.RoleEmployee}, r.ID, sIndex, &s30); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("employee sets a standard time: %v", err)
	}
	if _, err := s.SetStandardTime(ctx, manager, r.ID, sIndex, &s30); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recompute(ctx, nil); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Process(ctx, r.ID)
	if !near(r.HoursPerYear, 22.5) || !near(r.PotentialHours, 12.25) || !near(r.FTE, 22.5/1973) {
		t.Errorf("with standard: %v h, %v potential, %v FTE", r.HoursPerYear, r.PotentialHours, r.FTE)
	}
	if a := activity(t, r, "Согласование"); a.ServiceSource != domain.ServiceStandard || a.MeanSeconds != 1800 {
		t.Errorf("S with standard: %+v", a)
	}
	half := 0.5
	if _, err := s.SetShare(ctx, manager, r.ID, activity(t, r, "Регистрация").Index, &half); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetShare(ctx, manager, r.ID, 0, ptr(1.5)); err == nil {
		t.Error("share 150 % accepted")
	}
	s.Recompute(ctx, nil)
	r, _ = s.Process(ctx, r.ID)
	if a := activity(t, r, "Регистрация"); a.Share != 0.5 || a.ShareSource != domain.ShareManager || !near(a.PotentialHours, 2.5) {
		t.Errorf("R with the manager's share: %+v", a)
	}

	m, err := s.Dashboard(ctx)
	if err != nil || m.Operations != 70 || !near(m.Hours, 22.5) || !near(m.PotentialHours, 13.5) ||
		len(m.Processes) != 1 || m.Processes[0].ID != r.ID {
		t.Errorf("dashboard: %+v %v", m, err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestSameFileImportsOnceNewerExportAddsNew(t *testing.T) {
	ctx := context.Background()
	s, _, pool := newService(t)
	evs := workedExample()
	first, err := s.Import(ctx, "Заявки", mining.Events(evs[:10]), []byte("export-1"))
	if err != nil || first.Added != 10 {
		t.Fatalf("first: %+v %v", first, err)
	}
	again, err := s.Import(ctx, "Заявки", mining.Events(evs[:10]), []byte("export-1"))
	if err != nil || !again.Duplicate || again.Added != 0 {
		t.Fatalf("same file: %+v %v", again, err)
	}
	// A newer export: everything, with a new case.
	newer := append(append([]domain.MiningEvent{}, evs...), ev("4", "Регистрация", 300), ev("4", "Проверка", 310))
	second, err := s.Import(ctx, "Заявки", mining.Events(newer), []byte("export-2"))
	if err != nil || second.Read != 16 || second.Added != 6 || second.ProcessID != first.ProcessID {
		t.Fatalf("newer export: %+v %v", second, err)
	}
	var events, cases, imports int
	pool.QueryRow(ctx, `select (select count(*) from mining_events), (select count(*) from mining_cases),
		(select count(*) from mining_imports)`).Scan(&events, &cases, &imports)
	if events != 16 || cases != 4 || imports != 2 {
		t.Errorf("stored %d events, %d cases, %d imports", events, cases, imports)
	}
	s.Recompute(ctx, nil)
	r, _ := s.Process(ctx, first.ProcessID)
	if r.Events != 16 || r.Cases != 4 || r.Variants != 3 {
		t.Errorf("card after the newer export: %d events, %d cases, %d variants", r.Events, r.Cases, r.Variants)
	}
}

func TestBadBatchStoresNothing(t *testing.T) {
	ctx := context.Background()
	s, _, pool := newService(t)
	boom := errors.New("строка 12: не дата")
	events := func(yield func(domain.MiningEvent, error) bool) {
		for _, e := range workedExample()[:5] {
			if !yield(e, nil) {
				return
			}
		}
		yield(domain.MiningEvent{}, boom)
	}
	if _, err := s.Import(ctx, "Заявки", iter.Seq2[domain.MiningEvent, error](events), []byte("bad")); !errors.Is(err, boom) {
		t.Fatalf("got %v, want the reader's error", err)
	}
	if _, err := s.Import(ctx, "Заявки", mining.Events([]domain.MiningEvent{{Case: "1", Activity: "A"}}), []byte("no time")); err == nil {
		t.Error("an event without a time imported")
	}
	if _, err := s.Import(ctx, "  ", mining.Events(workedExample()), []byte("x")); !errors.Is(err, mining.ErrProcessName) {
		t.Errorf("empty process name: %v", err)
	}
	var n int
	pool.QueryRow(ctx, `select (select count(*) from mining_events) + (select count(*) from mining_processes)
		+ (select count(*) from mining_imports) + (select count(*) from mining_cases)`).Scan(&n)
	if n != 0 {
		t.Errorf("%d rows stored by failed imports", n)
	}
	// The hash of a failed file is free: the fixed file imports.
	if imp, err := s.Import(ctx, "Заявки", mining.Events(workedExample()), []byte("bad")); err != nil || imp.Added != 14 {
		t.Errorf("after the fix: %+v %v", imp, err)
	}
}

// A second recompute while one runs, in this process or in another
// connected to the same database, reports the run under way.
func TestRecomputeOneAtATime(t *testing.T) {
	ctx := context.Background()
	s, db, pool := newService(t)
	s.Import(ctx, "Заявки", mining.Events(workedExample()), []byte("f"))
	other, err := pgxpool.New(ctx, pool.Config().ConnString())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	otherService := mining.New(storage.New(other), mining.Config{}, nil, nil)

	var during error
	var inner bool
	_, err = s.Recompute(ctx, func(done, total int) {
		if done == 0 && !inner {
			inner = true
			_, during = otherService.Recompute(ctx, nil)
			if _, err := s.Recompute(ctx, nil); !errors.Is(err, mining.ErrRunning) {
				t.Errorf("same process during a run: %v", err)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(during, mining.ErrRunning) {
		t.Errorf("other process during a run: %v", during)
	}
	if de, ok := domain.AsError(during); !ok || de.Key != domain.ErrKeyMiningRunning {
		t.Errorf("not a user error: %v", during)
	}
	// Released: the next run goes.
	if n, err := otherService.Recompute(ctx, nil); err != nil || n != 1 {
		t.Errorf("after the run: %d %v", n, err)
	}
	_ = db
}

func TestProcessesRankedByPotentialPaged(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	// Process k repeats the example k times over (more cases, same span).
	for k := 1; k <= 3; k++ {
		var evs []domain.MiningEvent
		for rep := range k {
			for _, e := range workedExample() {
				e.Case += string(rune('a' + rep))
				evs = append(evs, e)
			}
		}
		if _, err := s.Import(ctx, "Процесс "+string(rune('0'+k)), mining.Events(evs), []byte{byte(k)}); err != nil {
			t.Fatal(err)
		}
	}
	var steps []int
	if _, err := s.Recompute(ctx, func(done, total int) { steps = append(steps, done*10+total) }); err != nil {
		t.Fatal(err)
	}
	if len(steps) != 4 || steps[0] != 3 || steps[3] != 33 {
		t.Errorf("progress: %v", steps)
	}
	page, total, err := s.Processes(ctx, 0, 2)
	if err != nil || total != 3 || len(page) != 2 || page[0].Name != "Процесс 3" || page[1].Name != "Процесс 2" {
		t.Fatalf("page 1: %+v %d %v", page, total, err)
	}
	page, _, _ = s.Processes(ctx, 1, 2)
	if len(page) != 1 || page[0].Name != "Процесс 1" || page[0].Operations != 70 {
		t.Errorf("page 2: %+v", page)
	}
	if _, err := s.Process(ctx, 999); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown process: %v", err)
	}
}

// Times survive the database to the microsecond, with starts and
// lifecycle transitions.
func TestStartsAndLifecycleRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	at := func(m float64) time.Time { return t0.Add(time.Duration(m*float64(time.Minute)) + 123*time.Microsecond) }
	evs := []domain.MiningEvent{
		{Case: "1", Activity: "A", Start: at(0), Time: at(4)},
		{Case: "1", Activity: "B", Start: at(24), Time: at(30)},
		{Case: "2", Activity: "A", Time: at(100), Lifecycle: domain.LifecycleStart},
		{Case: "2", Activity: "A", Time: at(108), Lifecycle: domain.LifecycleComplete},
		{Case: "2", Activity: "B", Time: at(130), Lifecycle: domain.LifecycleComplete, Resource: "Иван"},
	}
	imp, err := s.Import(ctx, "P", mining.Events(evs), []byte("lc"))
	if err != nil {
		t.Fatal(err)
	}
	s.Recompute(ctx, nil)
	r, _ := s.Process(ctx, imp.ProcessID)
	if a := activity(t, r, "A"); a.ServiceSource != domain.ServiceMeasured || !near(a.MeanSeconds, 360) || a.Executions != 2 {
		t.Errorf("A: %+v", a)
	}
	if a := activity(t, r, "B"); a.ServiceSource != domain.ServiceMeasured || !near(a.MeanSeconds, 360) {
		t.Errorf("B: %+v", a)
	}
	if r.Events != 5 || r.Variants != 1 || !r.First.Equal(at(0)) || !r.Last.Equal(at(130)) {
		t.Errorf("card: %+v", r)
	}
}
