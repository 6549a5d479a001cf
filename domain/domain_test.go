package domain

import (
	"math"
	"testing"
	"time"
)

func TestRoleAtLeast(t *testing.T) {
	for _, c := range []struct {
		r, min Role
		want   bool
	}{
		{RoleAdmin, RoleEmployee, true}, {RoleManager, RoleManager, true}, {RoleEmployee, RoleManager, false},
		{RolePending, RoleEmployee, false}, {RoleRejected, RoleEmployee, false}, {RolePending, RolePending, false},
		{Role("root"), RoleEmployee, false},
	} {
		if got := c.r.AtLeast(c.min); got != c.want {
			t.Errorf("%s.AtLeast(%s) = %v, want %v", c.r, c.min, got, c.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	for _, c := range []struct {
		u    User
		want Lang
	}{
		{User{LanguageCode: "en-US"}, LangEN}, {User{LanguageCode: "ru"}, LangRU}, {User{LanguageCode: "de"}, LangRU},
		{User{}, LangRU}, {User{LanguageCode: "en", Lang: LangRU}, LangRU}, {User{LanguageCode: "ru", Lang: LangEN}, LangEN},
	} {
		if got := c.u.Language(); got != c.want {
			t.Errorf("%+v: %s, want %s", c.u, got, c.want)
		}
	}
}

func TestDisplayName(t *testing.T) {
	for _, c := range []struct {
		u    User
		want string
	}{
		{User{FirstName: "Анна", LastName: "Смирнова"}, "Анна Смирнова"},
		{User{LastName: "Смирнова"}, "Смирнова"},
		{User{Username: "anna"}, "@anna"},
		{User{ID: 42}, "#42"},
	} {
		if got := c.u.DisplayName(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestWeekStartUsesTheCompanyZone(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	// Sunday 22:30 UTC is already Monday 01:30 in Moscow.
	got := WeekStart(time.Date(2026, 11, 22, 22, 30, 0, 0, time.UTC), msk)
	if want := time.Date(2026, 11, 23, 0, 0, 0, 0, msk); !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	weeks := LastWeeks(time.Date(2026, 11, 24, 12, 0, 0, 0, msk), msk, 3)
	if len(weeks) != 3 || weeks[0].Format(time.DateOnly) != "2026-11-09" || weeks[2].Format(time.DateOnly) != "2026-11-23" {
		t.Errorf("weeks %v", weeks)
	}
}

func TestDealIdle(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	if got := (Deal{UpdatedAt: now.Add(-90 * time.Minute)}).Idle(now); got != 90*time.Minute {
		t.Errorf("idle %v", got)
	}
	if got := (Deal{UpdatedAt: now.Add(time.Hour)}).Idle(now); got != 0 {
		t.Errorf("a deal updated in the future is idle %v", got)
	}
	if !(Deal{StatusID: StatusLost}).Closed() || (Deal{StatusID: 7101}).Closed() {
		t.Error("Closed")
	}
}

func TestTaskOverdue(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	past := now.Add(-time.Minute)
	for _, c := range []struct {
		t    Task
		want bool
	}{
		{Task{Status: TaskInProgress, Deadline: past}, true},
		{Task{Status: TaskDone, Deadline: past}, false},
		{Task{Status: TaskCancelled, Deadline: past}, false},
		{Task{Status: TaskNew}, false},
		{Task{Status: TaskReview, Deadline: now.Add(time.Minute)}, false},
	} {
		if got := c.t.Overdue(now); got != c.want {
			t.Errorf("%+v: %v", c.t, got)
		}
	}
}

func TestMiningPotentialPct(t *testing.T) {
	m := MiningSummary{Hours: 71, PotentialHours: 31, Processes: []ProcessStat{{Name: "A", Hours: 70, PotentialHours: 30}}}
	if math.Abs(m.PotentialPct()-31/71.0*100) > 1e-9 || math.Abs(m.Processes[0].PotentialPct()-30/70.0*100) > 1e-9 {
		t.Fatalf("potential %v, %v", m.PotentialPct(), m.Processes[0].PotentialPct())
	}
	if (MiningSummary{}).PotentialPct() != 0 || (ProcessStat{}).PotentialPct() != 0 {
		t.Error("empty summary has a potential")
	}
}

func TestErrors(t *testing.T) {
	err := error(&Error{Code: Invalid, Key: ErrKeyInvalid, Err: ErrForbidden})
	de, ok := AsError(err)
	if !ok || de.Code != Invalid {
		t.Fatalf("AsError: %v %v", de, ok)
	}
	if _, ok := AsError(nil); ok {
		t.Error("nil is a domain error")
	}
}

func TestWithConfiguredAdmins(t *testing.T) {
	got := WithConfiguredAdmins([]User{{ID: 1, Lang: LangEN, Role: RoleAdmin}}, []int64{1, 2})
	if len(got) != 2 || got[0].Lang != LangEN || got[1].ID != 2 || got[1].Language() != LangRU {
		t.Fatalf("%+v", got)
	}
}

func TestTaskTotals(t *testing.T) {
	all, active := TaskTotals(map[TaskStatus]int{TaskNew: 2, TaskInProgress: 5, TaskReview: 1, TaskDone: 4, TaskCancelled: 1})
	if all != 12 || active != 8 {
		t.Fatalf("all %d, active %d; want 12 (cancelled left out) and 8", all, active)
	}
}
