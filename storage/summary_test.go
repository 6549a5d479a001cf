package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

var (
	msk, _ = time.LoadLocation("Europe/Moscow")
	now    = time.Date(2026, 11, 24, 15, 0, 0, 0, msk) // a Tuesday
)

// smallCompany is a seed whose every number is known by heart.
func smallCompany() storage.Seed {
	day := 24 * time.Hour
	boss := domain.User{ID: 10, FirstName: "Алла", Role: domain.RoleManager}
	emp := domain.User{ID: 11, FirstName: "Борис", Role: domain.RoleEmployee}
	return storage.Seed{
		Users:     []domain.User{boss, emp},
		CRMUsers:  []domain.CRMUser{{ID: 1, Name: "Анна"}},
		Pipelines: []domain.Pipeline{{ID: 5, Name: "Продажи", Statuses: []domain.PipelineStatus{{ID: 50, Name: "Переговоры"}, {ID: domain.StatusWon, Name: "Успешно"}, {ID: domain.StatusLost, Name: "Провал"}}}},
		Companies: []domain.Company{{ID: 100, Name: "ММК"}, {ID: 101, Name: "ЕвроХим"}},
		Deals: []domain.Deal{
			// won on Sunday, two days ago: last week's, neither in play nor won this week
			{ID: 1, Name: "A", Price: 1000, PipelineID: 5, StatusID: domain.StatusWon, CompanyID: 100, CreatedAt: now.Add(-20 * day), UpdatedAt: now.Add(-2 * day), ClosedAt: now.Add(-2 * day)},
			// open, idle 10 days: in play
			{ID: 2, Name: "B", Price: 500, PipelineID: 5, StatusID: 50, ResponsibleID: 1, CompanyID: 101, CreatedAt: now.Add(-30 * day), UpdatedAt: now.Add(-10 * day)},
			// open, idle 1 day
			{ID: 3, Name: "C", Price: 700, PipelineID: 5, StatusID: 50, CompanyID: 100, CreatedAt: now.Add(-3 * day), UpdatedAt: now.Add(-day)},
			// lost a month ago: not in play
			{ID: 4, Name: "D", Price: 900, PipelineID: 5, StatusID: domain.StatusLost, CreatedAt: now.Add(-60 * day), UpdatedAt: now.Add(-30 * day), ClosedAt: now.Add(-30 * day)},
			// won on Monday 00:30 Moscow, Sunday 21:30 UTC: this week in Moscow
			{ID: 5, Name: "E", Price: 100, PipelineID: 5, StatusID: domain.StatusWon, CreatedAt: now.Add(-5 * day), UpdatedAt: time.Date(2026, 11, 23, 0, 30, 0, 0, msk), ClosedAt: time.Date(2026, 11, 23, 0, 30, 0, 0, msk)},
		},
		CRMTasks: []domain.CRMTask{
			{ID: 1, DealID: 2, Text: "Позвонить", CompleteTill: now.Add(day), CreatedAt: now, UpdatedAt: now},
			{ID: 2, DealID: 2, Text: "Встреча", CompleteTill: now.Add(-day), CreatedAt: now, UpdatedAt: now},
			{ID: 3, DealID: 3, Text: "КП", CompleteTill: now.Add(-day), Completed: true, CreatedAt: now, UpdatedAt: now},
		},
		Tasks: []domain.Task{
			{ID: 1, Title: "Низкий без срока", Priority: domain.PriorityLow, Status: domain.TaskNew, AssigneeID: 11, AuthorID: 10, CreatedAt: now, UpdatedAt: now, LastActivity: now},
			{ID: 2, Title: "Высокий просрочен", Priority: domain.PriorityHigh, Status: domain.TaskInProgress, AssigneeID: 11, Deadline: now.Add(-time.Hour), CreatedAt: now, UpdatedAt: now, LastActivity: now},
			{ID: 3, Title: "Высокий завтра", Priority: domain.PriorityHigh, Status: domain.TaskReview, Deadline: now.Add(day), CreatedAt: now, UpdatedAt: now, LastActivity: now},
			{ID: 4, Title: "Сделано вчера", Priority: domain.PriorityMedium, Status: domain.TaskDone, Deadline: now.Add(-2 * day), CreatedAt: now.Add(-5 * day), UpdatedAt: now, LastActivity: now.Add(-day)},
			{ID: 5, Title: "Отменено", Priority: domain.PriorityMedium, Status: domain.TaskCancelled, Deadline: now.Add(-2 * day), CreatedAt: now, UpdatedAt: now, LastActivity: now},
		},
		Ideas: []domain.Idea{
			{ID: 1, Title: "Принятая", Status: domain.IdeaAccepted, AuthorID: 11, CreatedAt: now},
			{ID: 2, Title: "Слабая", Status: domain.IdeaNew, AuthorID: 11, CreatedAt: now},
			{ID: 3, Title: "Сильная", Status: domain.IdeaNew, AuthorID: 10, CreatedAt: now},
		},
		Votes: []domain.Vote{{IdeaID: 1, UserID: 10, Value: 1}, {IdeaID: 2, UserID: 10, Value: -1}, {IdeaID: 3, UserID: 11, Value: 1}},
	}
}

func seeded(t *testing.T) *storage.DB {
	t.Helper()
	db := storage.New(testdb.New(t))
	if err := db.LoadSeed(context.Background(), smallCompany(), false); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestDealSummary(t *testing.T) {
	db := seeded(t)
	s, err := db.DealSummary(context.Background(), domain.DashboardQuery{Now: now, Loc: msk, Weeks: 4, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if s.Deals != 5 || s.Won != 2 || s.WonRevenue != 1100 || s.Companies != 2 || s.CompaniesActive != 2 || s.ActiveAll != 2 {
		t.Errorf("totals %+v", s)
	}
	if s.WeekInPlay != 3 || s.WeekWon != 1 {
		t.Errorf("this week: %d won of %d in play, want 1 of 3", s.WeekWon, s.WeekInPlay)
	}
	if s.Tasks != (domain.CRMTaskStates{Open: 1, Overdue: 1, Completed: 1}) {
		t.Errorf("tasks %+v", s.Tasks)
	}
	if len(s.Active) != 2 || s.Active[0].ID != 2 || s.Active[0].CompanyName != "ЕвроХим" || s.Active[0].ResponsibleName != "Анна" || s.Active[0].StatusName != "Переговоры" {
		t.Errorf("active deals, longest idle first: %+v", s.Active)
	}
	last := s.Weeks[len(s.Weeks)-1]
	if len(s.Weeks) != 4 || !last.Start.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, msk)) || last.Won != 1 || last.Created != 0 {
		t.Errorf("this week (Moscow) %+v", last)
	}
}

func TestTaskSummary(t *testing.T) {
	db := seeded(t)
	s, err := db.TaskSummary(context.Background(), domain.DashboardQuery{Now: now, Loc: msk, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if s.Total != 4 || s.Active != 3 || s.Overdue != 1 || s.DoneWeek != 1 || s.ByStatus[domain.TaskCancelled] != 1 {
		t.Errorf("counts %+v", s)
	}
	if s.ByPriority[domain.PriorityHigh] != 2 || s.ByPriority[domain.PriorityLow] != 1 || s.ByPriority[domain.PriorityMedium] != 0 {
		t.Errorf("by priority %+v", s.ByPriority)
	}
	if len(s.Top) != 2 || s.Top[0].ID != 2 || s.Top[1].ID != 3 || s.Top[0].AssigneeName != "Борис" {
		t.Errorf("top: by priority, then the nearest deadline: %+v", s.Top)
	}
}

func TestIdeaSummary(t *testing.T) {
	db := seeded(t)
	s, err := db.IdeaSummary(context.Background(), domain.DashboardQuery{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if s.Submitted != 3 || s.Votes != 3 || s.Accepted != 1 || s.Pending != 2 {
		t.Errorf("counts %+v", s)
	}
	if len(s.Top) != 2 || s.Top[0].Title != "Сильная" || s.Top[0].Up != 1 || s.Top[1].Down != 1 || s.Top[0].AuthorName != "Алла" {
		t.Errorf("top %+v", s.Top)
	}
}

func TestLoadSeedNeverOverwritesSilently(t *testing.T) {
	db := seeded(t)
	if err := db.LoadSeed(context.Background(), smallCompany(), false); !errors.Is(err, storage.ErrAreasNotEmpty) {
		t.Fatalf("second load: %v", err)
	}
	if err := db.LoadSeed(context.Background(), smallCompany(), true); err != nil {
		t.Fatalf("replace: %v", err)
	}
	c, err := db.Counts(context.Background())
	if err != nil || c.Deals != 5 || c.Tasks != 4 || c.TasksCancelled != 1 || c.Ideas != 3 || c.Votes != 3 {
		t.Fatalf("after replace: %+v %v", c, err)
	}
}
