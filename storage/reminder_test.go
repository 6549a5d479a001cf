package storage_test

import (
	"context"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/testdb"
	"processet/storage"
)

// TestReplanningKeepsSnoozesAndSentAlarms: editing a task plans its
// reminders again, but a snooze stays, and an overdue alert that went out
// does not go out again.
func TestReplanningKeepsSnoozesAndSentAlarms(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	if _, _, err := db.TouchUser(ctx, domain.User{ID: 5, FirstName: "Ада"}, domain.RoleManager, false); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	plan := func(tk domain.Task) []domain.Reminder { return domain.PlanReminders(tk, now, time.UTC) }
	task, err := db.CreateTask(ctx, domain.Task{Title: "Отчёт", Priority: domain.PriorityMedium, Status: domain.TaskNew,
		AuthorID: 5, Deadline: now.Add(-time.Hour), CreatedAt: now.Add(-48 * time.Hour)}, 5, plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	var alarms int
	sent, err := db.SendDueReminders(ctx, now, 10, func(context.Context, storage.TxReads, domain.Reminder, domain.Task) ([]domain.OutMessage, error) {
		alarms++
		return nil, nil
	})
	if err != nil || sent != 1 || alarms != 1 {
		t.Fatalf("first run: %d sent, %d alarms (%v)", sent, alarms, err)
	}
	if err := db.AddReminder(ctx, domain.Reminder{TaskID: task.ID, Kind: domain.RemindSnoozed, At: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Отчёт за ноябрь", "Отчёт за ноябрь и декабрь"} {
		if _, _, err := db.UpdateTask(ctx, task.ID, 5, now, func(tk *domain.Task) error { tk.Title = title; return nil }, plan, nil); err != nil {
			t.Fatal(err)
		}
	}
	sent, err = db.SendDueReminders(ctx, now.Add(2*time.Hour), 10, func(_ context.Context, _ storage.TxReads, r domain.Reminder, _ domain.Task) ([]domain.OutMessage, error) {
		if r.Kind != domain.RemindSnoozed {
			t.Errorf("sent again: %s at %v", r.Kind, r.At)
		}
		return nil, nil
	})
	if err != nil || sent != 1 {
		t.Fatalf("after two edits: %d sent (%v), want only the snooze", sent, err)
	}
}
