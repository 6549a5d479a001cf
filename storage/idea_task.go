package storage

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// IdeaTaskDone reports whether the task created for the idea is done:
// the condition for the author's answer that the idea is implemented.
func (db *DB) IdeaTaskDone(ctx context.Context, ideaID int64) (bool, error) {
	rows, _ := db.pool.Query(ctx, `select coalesce(t.status = 'done', false) from ideas i left join tasks t on t.id = i.task_id
		where i.id = $1`, ideaID)
	done, err := pgx.CollectExactlyOneRow(rows, pgx.RowTo[bool])
	if errors.Is(err, pgx.ErrNoRows) {
		return false, domain.ErrNotFound
	}
	return done, err
}

// IdeaOfTask is, in a task write's transaction, the idea the task was
// created for; ok is false for a task of no idea.
func (r txReads) IdeaOfTask(ctx context.Context, taskID int64) (i domain.Idea, ok bool, err error) {
	rows, _ := r.tx.Query(ctx, ideaSelect+` where i.task_id = $1`, taskID)
	list, err := pgx.CollectRows(rows, scanIdea)
	if err != nil || len(list) == 0 {
		return domain.Idea{}, false, err
	}
	return list[0], true, nil
}
