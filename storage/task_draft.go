package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// SaveDraft stores the user's task draft, replacing the previous one.
func (db *DB) SaveDraft(ctx context.Context, d domain.TaskDraft) error {
	_, err := db.pool.Exec(ctx, `
		insert into task_drafts (user_id, chat_id, step, title, priority, assignee_id, deadline, updated_at)
		values ($1, $2, $3, $4, $5, $6, $7, now())
		on conflict (user_id) do update set chat_id = excluded.chat_id, step = excluded.step, title = excluded.title, priority = excluded.priority,
			assignee_id = excluded.assignee_id, deadline = excluded.deadline, updated_at = now()`,
		d.UserID, d.ChatID, string(d.Step), d.Title, string(d.Priority), nullID(d.AssigneeID),
		nullTime(d.Deadline))
	if err != nil {
		return fmt.Errorf("save draft of %d: %w", d.UserID, mapError(err))
	}
	return nil
}

// Draft returns the user's task draft; domain.ErrNotFound when there is
// none.
func (db *DB) Draft(ctx context.Context, userID int64) (domain.TaskDraft, error) {
	rows, _ := db.pool.Query(ctx, `select user_id, chat_id, step, title, priority,
		coalesce(assignee_id, 0), deadline from task_drafts where user_id = $1`, userID)
	d, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.TaskDraft, error) {
		var d domain.TaskDraft
		var step, priority string
		var deadline *time.Time
		err := row.Scan(&d.UserID, &d.ChatID, &step, &d.Title, &priority, &d.AssigneeID, &deadline)
		d.Step, d.Priority = domain.DraftStep(step), domain.Priority(priority)
		if deadline != nil {
			d.Deadline = *deadline
		}
		return d, err
	})
	if err != nil {
		return domain.TaskDraft{}, mapError(err)
	}
	return d, nil
}

// DeleteDraft forgets the user's draft.
func (db *DB) DeleteDraft(ctx context.Context, userID int64) error {
	if _, err := db.pool.Exec(ctx, `delete from task_drafts where user_id = $1`, userID); err != nil {
		return fmt.Errorf("delete draft of %d: %w", userID, err)
	}
	return nil
}
