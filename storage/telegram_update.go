package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// SaveUpdate keeps an update Telegram delivered until it is handled. fresh
// is false when the update was received before (a redelivery, or another
// replica got it first): it is then neither stored nor handled again.
func (db *DB) SaveUpdate(ctx context.Context, u domain.InboundUpdate) (fresh bool, err error) {
	tag, err := db.pool.Exec(ctx, `insert into telegram_updates (update_id, chat_id, body) values ($1, $2, $3)
		on conflict (update_id) do nothing`, u.ID, u.ChatID, u.Body)
	if err != nil {
		return false, fmt.Errorf("save update %d: %w", u.ID, err)
	}
	return tag.RowsAffected() == 1, nil
}

// ClaimUpdates takes up to limit waiting updates for owner for lease,
// oldest first. An update is taken only when every earlier update of its
// chat is done, so one chat's updates are handled in order even across
// replicas; rows another worker is claiming are skipped, not waited for.
func (db *DB) ClaimUpdates(ctx context.Context, owner string, lease time.Duration, limit int) ([]domain.InboundUpdate, error) {
	rows, err := db.pool.Query(ctx, `with next as (
			select u.update_id from telegram_updates u
			where u.done_at is null and (u.claimed_until is null or u.claimed_until < now())
				and not exists (select 1 from telegram_updates p
					where p.chat_id = u.chat_id and p.done_at is null and p.update_id < u.update_id)
			order by u.update_id
			limit $3
			for update skip locked)
		update telegram_updates t set claimed_by = $1, claimed_until = now() + $2::interval, attempts = t.attempts + 1
		from next where t.update_id = next.update_id
		returning t.update_id, t.chat_id, t.body::text, t.attempts,
			greatest(extract(epoch from clock_timestamp() - t.received_at), 0)::float8`, owner, lease, limit)
	if err != nil {
		return nil, fmt.Errorf("claim updates: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (domain.InboundUpdate, error) {
		var u domain.InboundUpdate
		var body string
		var waited float64
		err := r.Scan(&u.ID, &u.ChatID, &body, &u.Attempts, &waited)
		u.Body, u.Waited = []byte(body), time.Duration(waited*float64(time.Second))
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("claim updates: %w", err)
	}
	return out, nil
}

// FinishUpdate marks an update handled, which lets the next one of its
// chat be taken.
func (db *DB) FinishUpdate(ctx context.Context, id int64) error {
	if _, err := db.pool.Exec(ctx, `update telegram_updates set done_at = now(), claimed_until = null
		where update_id = $1`, id); err != nil {
		return fmt.Errorf("finish update %d: %w", id, err)
	}
	return nil
}

// ReleaseUpdates gives up owner's claims on updates not yet done. A
// process calls it at start with its own name: a claim under that name
// belongs to its previous life, which crashed, and need not run out.
func (db *DB) ReleaseUpdates(ctx context.Context, owner string) (int, error) {
	tag, err := db.pool.Exec(ctx, `update telegram_updates set claimed_until = null
		where claimed_by = $1 and done_at is null`, owner)
	if err != nil {
		return 0, fmt.Errorf("release updates of %s: %w", owner, err)
	}
	return int(tag.RowsAffected()), nil
}

// PruneUpdates forgets updates handled before t. Telegram redelivers an
// update for a day at most, so a few days of memory is ample dedupe.
func (db *DB) PruneUpdates(ctx context.Context, before time.Time) error {
	if _, err := db.pool.Exec(ctx, `delete from telegram_updates where done_at < $1`, before); err != nil {
		return fmt.Errorf("prune updates: %w", err)
	}
	return nil
}

// WaitingUpdates is how many received updates are not handled yet.
func (db *DB) WaitingUpdates(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `select count(*) from telegram_updates where done_at is null`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count waiting updates: %w", err)
	}
	return n, nil
}
