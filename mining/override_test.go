package mining_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"processet/domain"
	"processet/mining"
)

// A set or reset recomputes its process at once; the override outlives
// a recompute and a newer export of the process.
func TestOverrideRecomputesAtOnceAndLasts(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	imp, err := s.Import(ctx, "Заявки", mining.Events(workedExample()), []byte("export-1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recompute(ctx, nil); err != nil {
		t.Fatal(err)
	}
	r, _ := s.Process(ctx, imp.ProcessID)
	sIndex := activity(t, r, "Согласование").Index
	s30 := 30 * time.Minute

	got, err := s.SetStandardTime(ctx, manager, imp.ProcessID, sIndex, &s30)
	if err != nil || got.Queued {
		t.Fatalf("set: %+v %v", got, err)
	}
	if a := activity(t, got.Process, "Согласование"); a.ServiceSource != domain.ServiceStandard || a.MeanSeconds != 1800 {
		t.Errorf("the card after the set: %+v", a)
	}
	if !near(got.Process.HoursPerYear, 22.5) || !near(got.Process.PotentialHours, 12.25) {
		t.Errorf("process after the set: %v h, %v potential", got.Process.HoursPerYear, got.Process.PotentialHours)
	}
	got, err = s.SetShare(ctx, manager, imp.ProcessID, sIndex, ptr(0.9))
	if a := activity(t, got.Process, "Согласование"); err != nil || a.Share != 0.9 || a.ShareSource != domain.ShareManager ||
		!near(a.PotentialHours, 7.5*0.9) {
		t.Errorf("the card after the share: %+v %v", a, err)
	}

	// A newer export and the next «Get data» keep both.
	newer := append(workedExample(), ev("4", "Регистрация", 300), ev("4", "Согласование", 310))
	if _, err := s.Import(ctx, "Заявки", mining.Events(newer), []byte("export-2")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recompute(ctx, nil); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Process(ctx, imp.ProcessID)
	if a := activity(t, r, "Согласование"); a.ServiceSource != domain.ServiceStandard || a.MeanSeconds != 1800 ||
		a.Share != 0.9 || a.ShareSource != domain.ShareManager || a.Executions != 4 {
		t.Errorf("after a newer export and a recompute: %+v", a)
	}

	// Reset: the log's estimate and the rules again, at once.
	if got, err = s.SetStandardTime(ctx, manager, imp.ProcessID, sIndex, nil); err != nil {
		t.Fatal(err)
	}
	if got, err = s.SetShare(ctx, manager, imp.ProcessID, sIndex, nil); err != nil {
		t.Fatal(err)
	}
	if a := activity(t, got.Process, "Согласование"); a.ServiceSource != domain.ServiceEstimated || a.ShareSource != domain.ShareRules {
		t.Errorf("after the reset: %+v", a)
	}
}

func TestOverrideRefusals(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	imp, _ := s.Import(ctx, "Заявки", mining.Events(workedExample()), []byte("f"))
	employee := domain.User{ID: 2, Role: domain.RoleEmployee}
	if _, err := s.SetShare(ctx, employee, imp.ProcessID, 0, ptr(0.5)); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("employee's share: %v", err)
	}
	if _, err := s.SetStandardTime(ctx, employee, imp.ProcessID, 0, nil); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("employee's reset: %v", err)
	}
	if _, err := s.SetStandardTime(ctx, manager, imp.ProcessID, 0, ptr(25*time.Hour)); !errors.Is(err, mining.ErrOverride) {
		t.Errorf("25 h: %v", err)
	}
	if _, err := s.SetStandardTime(ctx, manager, imp.ProcessID, 99, ptr(time.Minute)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown activity: %v", err)
	}
	if _, err := s.SetShare(ctx, manager, 999, 0, ptr(0.5)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown process: %v", err)
	}
}

// An override set while a run holds the lock is stored at once and its
// process queued; the run recomputes it before it lets the lock go, even
// when its pass read the process before the change.
func TestOverrideDuringARun(t *testing.T) {
	ctx := context.Background()
	s, db, _ := newService(t)
	imp, _ := s.Import(ctx, "Заявки", mining.Events(workedExample()), []byte("f"))
	var during mining.Overridden
	var err error
	_, runErr := s.Recompute(ctx, func(done, total int) {
		if done == total && total > 0 { // the process is computed: the pass is over it
			during, err = s.SetStandardTime(ctx, manager, imp.ProcessID, 3, ptr(30*time.Minute))
		}
	})
	if runErr != nil || err != nil || !during.Queued {
		t.Fatalf("run %v, set %+v %v", runErr, during, err)
	}
	r, _ := s.Process(ctx, imp.ProcessID)
	if a := activity(t, r, "Согласование"); a.ServiceSource != domain.ServiceStandard {
		t.Errorf("after the run: %+v", a)
	}

	// A lock another bot process holds: stored, queued, computed by this
	// process's next run.
	release, ok, err := db.TryMiningLock(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	got, err := s.SetShare(ctx, manager, imp.ProcessID, 3, ptr(0.2))
	release()
	if err != nil || !got.Queued || activity(t, got.Process, "Согласование").ShareSource != domain.ShareRules {
		t.Fatalf("set while locked: %+v %v", got, err)
	}
	if r, err = s.RecomputeProcess(ctx, imp.ProcessID); err != nil {
		t.Fatal(err)
	}
	if a := activity(t, r, "Согласование"); a.Share != 0.2 {
		t.Errorf("the queued process after the next run: %+v", a)
	}
}
