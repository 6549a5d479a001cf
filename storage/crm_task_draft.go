package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// SaveCRMTaskDraft stores the user's amoCRM task draft, replacing any.
func (db *DB) SaveCRMTaskDraft(ctx context.Context, d domain.CRMTaskDraft) error {
	_, err := db.pool.Exec(ctx, `
		insert into crm_task_drafts (user_id, deal_id, text, type_id, responsible_id, due, updated_at)
		values ($1, $2, $3, $4, $5, $6, now())
		on conflict (user_id) do update set deal_id = excluded.deal_id, text = excluded.text,
			type_id = excluded.type_id, responsible_id = excluded.responsible_id, due = excluded.due, updated_at = now()`,
		d.UserID, d.DealID, d.Text, d.TypeID, d.ResponsibleID, d.Due)
	if err != nil {
		return fmt.Errorf("save crm task draft of %d: %w", d.UserID, mapError(err))
	}
	return nil
}

// CRMTaskDraft returns the user's amoCRM task draft.
func (db *DB) CRMTaskDraft(ctx context.Context, userID int64) (domain.CRMTaskDraft, error) {
	rows, _ := db.pool.Query(ctx, `select user_id, deal_id, text, type_id, responsible_id, due
		from crm_task_drafts where user_id = $1`, userID)
	d, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.CRMTaskDraft, error) {
		var d domain.CRMTaskDraft
		err := row.Scan(&d.UserID, &d.DealID, &d.Text, &d.TypeID, &d.ResponsibleID, &d.Due)
		return d, err
	})
	if err != nil {
		return d, mapError(err)
	}
	return d, nil
}

// DeleteCRMTaskDraft forgets the user's amoCRM task draft.
func (db *DB) DeleteCRMTaskDraft(ctx context.Context, userID int64) error {
	if _, err := db.pool.Exec(ctx, `delete from crm_task_drafts where user_id = $1`, userID); err != nil {
		return fmt.Errorf("delete crm task draft of %d: %w", userID, err)
	}
	return nil
}
