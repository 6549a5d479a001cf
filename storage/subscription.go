package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// subColumns read a subscription with the outcome of its last digest,
// which the outbox keeps under the digest's key.
const subColumns = `s.id, s.owner_id, coalesce(s.chat_id, 0), coalesce(s.email, ''), s.title, s.lang, s.schedule,
	s.tz, s.only_changed, s.last_sent_at, coalesce(m.state, ''), coalesce(m.reason, ''), s.last_snapshot`

const subFrom = ` from subscriptions s left join outbox_messages m on m.key = s.last_key `

func scanSub(row pgx.CollectableRow) (domain.Subscription, error) {
	var s domain.Subscription
	var lang string
	var sent *time.Time
	var snap []byte
	err := row.Scan(&s.ID, &s.OwnerID, &s.ChatID, &s.Email, &s.Title, &lang, &s.Schedule, &s.TZ, &s.OnlyChanged,
		&sent, &s.LastState, &s.LastReason, &snap)
	s.Lang = domain.Lang(lang)
	if sent != nil {
		s.LastSentAt = *sent
	}
	if len(snap) > 0 {
		s.HasLast = json.Unmarshal(snap, &s.Last) == nil
	}
	return s, err
}

// AddSubscription stores a subscription; subscribing the same recipient
// on the same schedule again changes nothing and reports created=false.
func (db *DB) AddSubscription(ctx context.Context, s domain.Subscription) (domain.Subscription, bool, error) {
	var chat, email any
	if s.ChatID != 0 {
		chat = s.ChatID
	} else {
		email = s.Email
	}
	var id int64
	err := db.pool.QueryRow(ctx, `insert into subscriptions (owner_id, chat_id, email, title, lang, schedule, tz, only_changed)
		values ($1, $2, $3, $4, $5, $6, $7, $8)
		on conflict (coalesce(chat_id, 0), coalesce(email, ''), schedule) do nothing
		returning id`, s.OwnerID, chat, email, s.Title, string(s.Lang), s.Schedule, s.TZ, s.OnlyChanged).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("add subscription: %w", mapError(err))
	}
	got, err := db.Subscription(ctx, id)
	return got, err == nil, err
}

// Subscriptions lists the subscriptions owned by ownerID, or all with 0.
func (db *DB) Subscriptions(ctx context.Context, ownerID int64) ([]domain.Subscription, error) {
	rows, _ := db.pool.Query(ctx, `select `+subColumns+subFrom+`where $1 = 0 or s.owner_id = $1 order by s.id`, ownerID)
	subs, err := pgx.CollectRows(rows, scanSub)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return subs, nil
}

// Subscription returns one subscription.
func (db *DB) Subscription(ctx context.Context, id int64) (domain.Subscription, error) {
	rows, _ := db.pool.Query(ctx, `select `+subColumns+subFrom+`where s.id = $1`, id)
	s, err := pgx.CollectExactlyOneRow(rows, scanSub)
	if err != nil {
		return s, mapError(err)
	}
	return s, nil
}

// DeleteSubscription cancels a subscription.
func (db *DB) DeleteSubscription(ctx context.Context, id int64) error {
	tag, err := db.pool.Exec(ctx, `delete from subscriptions where id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete subscription %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// DigestHook sends one subscription's digest inside the transaction that
// records it; it returns the snapshot sent and the outbox key it was sent
// under (an empty key: nothing was sent, nothing is recorded).
type DigestHook func(ctx context.Context, tx pgx.Tx, s domain.Subscription) (snap domain.Snapshot, key string, err error)

// DeliverDigest locks the subscription, lets send enqueue its digest and
// records the snapshot it reported, all in one transaction: the next
// digest's "what changed" is always against what was really sent.
func (db *DB) DeliverDigest(ctx context.Context, id int64, send DigestHook) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `select `+subColumns+subFrom+`where s.id = $1 for update of s`, id)
		s, err := pgx.CollectExactlyOneRow(rows, scanSub)
		if err != nil {
			return mapError(err)
		}
		snap, key, err := send(ctx, tx, s)
		if err != nil || key == "" {
			return err
		}
		raw, _ := json.Marshal(snap)
		_, err = tx.Exec(ctx, `update subscriptions set last_snapshot = $2, last_sent_at = now(), last_key = $3
			where id = $1`, id, raw, key)
		return err
	})
}

// MoveChat follows a group that became a supergroup: its subscriptions
// now go to the new chat ID. Runs in the outbox's transaction.
func MoveChat(ctx context.Context, tx pgx.Tx, from, to int64) error {
	if _, err := tx.Exec(ctx, `update subscriptions set chat_id = $2 where chat_id = $1`, from, to); err != nil {
		return fmt.Errorf("move subscriptions of chat %d: %w", from, err)
	}
	return moveIdeaGroup(ctx, tx, from, to)
}

// SetOnlyChanged turns "only if something changed" on or off.
func (db *DB) SetOnlyChanged(ctx context.Context, id int64, on bool) error {
	tag, err := db.pool.Exec(ctx, `update subscriptions set only_changed = $2 where id = $1`, id, on)
	if err != nil {
		return fmt.Errorf("subscription %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}
