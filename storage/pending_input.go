package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// SetPendingInput remembers that the bot waits for the user's typed
// answer (kind names the question, ref what it is about).
func (db *DB) SetPendingInput(ctx context.Context, p domain.PendingInput) error {
	_, err := db.pool.Exec(ctx, `insert into pending_inputs (user_id, chat_id, kind, ref_id) values ($1, $2, $3, $4)
		on conflict (user_id) do update set chat_id = excluded.chat_id, kind = excluded.kind, ref_id = excluded.ref_id,
			created_at = now()`, p.UserID, p.ChatID, p.Kind, p.RefID)
	if err != nil {
		return fmt.Errorf("pending input of %d: %w", p.UserID, mapError(err))
	}
	return nil
}

// pendingInputMinutes is how long a question waits for its answer. Text
// typed much later is about something else, and taking it as, say, a
// deal's new price would be a nasty surprise.
const pendingInputMinutes = 60

// TakePendingInput returns and forgets the question the user's answer in
// this chat is for; domain.ErrNotFound when the bot asked nothing there,
// or asked so long ago that the question has lapsed.
func (db *DB) TakePendingInput(ctx context.Context, userID, chatID int64) (domain.PendingInput, error) {
	rows, _ := db.pool.Query(ctx, `delete from pending_inputs where user_id = $1 and chat_id = $2
		returning user_id, chat_id, kind, ref_id, created_at > now() - make_interval(mins => $3)`,
		userID, chatID, pendingInputMinutes)
	var fresh bool
	p, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.PendingInput, error) {
		var p domain.PendingInput
		err := row.Scan(&p.UserID, &p.ChatID, &p.Kind, &p.RefID, &fresh)
		return p, err
	})
	if err != nil {
		return p, mapError(err)
	}
	if !fresh {
		return domain.PendingInput{}, domain.ErrNotFound
	}
	return p, nil
}
