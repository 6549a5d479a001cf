package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// PostEdit asks for a posted message to be edited to show Ref's current
// state.
type PostEdit struct {
	ChatID, MessageID int64
	Ref               string
}

// EditLater schedules coalesced edits of posted messages inside tx, the
// transaction of the change they show (notify.Outbox.EditTx).
type EditLater func(ctx context.Context, tx pgx.Tx, edits ...PostEdit) error

// SetEditor gives the writes that change what posts show (votes,
// decisions) the outbox's edits; call it before the DB is used.
func (db *DB) SetEditor(e EditLater) { db.edit = e }

// IdeaRef is how a post of an idea names what it shows: "idea:<id>".
func IdeaRef(id int64) string { return "idea:" + strconv.FormatInt(id, 10) }

// ParseIdeaRef reads the idea's ID back from a post's reference.
func ParseIdeaRef(ref string) (id int64, ok bool) {
	rest, found := strings.CutPrefix(ref, "idea:")
	if !found {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

// editPosts marks every message that shows the idea for an edit.
func (db *DB) editPosts(ctx context.Context, tx pgx.Tx, ideaID int64) error {
	if db.edit == nil {
		return nil
	}
	rows, _ := tx.Query(ctx, `select chat_id, message_id from idea_posts where idea_id = $1 order by chat_id, message_id`, ideaID)
	edits, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (PostEdit, error) {
		e := PostEdit{Ref: IdeaRef(ideaID)}
		return e, row.Scan(&e.ChatID, &e.MessageID)
	})
	if err != nil {
		return fmt.Errorf("posts of idea %d: %w", ideaID, err)
	}
	if len(edits) == 0 {
		return nil
	}
	return db.edit(ctx, tx, edits...)
}

// RecordPost keeps the chat and ID of a delivered post of an idea, in the
// delivery's transaction (notify.Config.OnPosted), so later changes edit
// it. The post was worded when the idea was new and had no votes: one
// delivered after a vote or a decision is edited at once.
func (db *DB) RecordPost(ctx context.Context, tx pgx.Tx, track string, chatID, messageID int64) error {
	id, ok := ParseIdeaRef(track)
	if !ok {
		return nil // not an idea's: nothing of ours to record
	}
	var behind bool
	err := tx.QueryRow(ctx, `
		with post as (
			insert into idea_posts (chat_id, message_id, idea_id) select $1, $2, id from ideas where id = $3
			on conflict do nothing)
		select coalesce((select status <> 'new' or exists (select 1 from idea_votes where idea_id = $3)
			from ideas where id = $3), false)`, chatID, messageID, id).Scan(&behind)
	if err != nil {
		return fmt.Errorf("record post of idea %d: %w", id, err)
	}
	if !behind || db.edit == nil {
		return nil
	}
	return db.edit(ctx, tx, PostEdit{ChatID: chatID, MessageID: messageID, Ref: IdeaRef(id)})
}

// IdeaPosts lists the messages that show the idea.
func (db *DB) IdeaPosts(ctx context.Context, ideaID int64) ([]PostEdit, error) {
	rows, _ := db.pool.Query(ctx, `select chat_id, message_id from idea_posts where idea_id = $1 order by posted_at, message_id`, ideaID)
	posts, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (PostEdit, error) {
		e := PostEdit{Ref: IdeaRef(ideaID)}
		return e, row.Scan(&e.ChatID, &e.MessageID)
	})
	if err != nil {
		return nil, fmt.Errorf("posts of idea %d: %w", ideaID, err)
	}
	return posts, nil
}

func ideaGroup(ctx context.Context, q querier) (domain.IdeasGroup, bool, error) {
	rows, _ := q.Query(ctx, `select chat_id, title, trusted from idea_group`)
	g, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.IdeasGroup, error) {
		var g domain.IdeasGroup
		return g, row.Scan(&g.ChatID, &g.Title, &g.Trusted)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.IdeasGroup{}, false, nil
	}
	if err != nil {
		return domain.IdeasGroup{}, false, fmt.Errorf("ideas group: %w", err)
	}
	return g, true, nil
}

// IdeaGroup is the ideas group; ok is false when none is set.
func (db *DB) IdeaGroup(ctx context.Context) (domain.IdeasGroup, bool, error) {
	return ideaGroup(ctx, db.pool)
}

// SetIdeaGroup makes the chat the ideas group. Another group than before
// starts untrusted: trust is given to a group, not to the role.
func (db *DB) SetIdeaGroup(ctx context.Context, chatID int64, title string, actorID int64) (domain.IdeasGroup, error) {
	rows, _ := db.pool.Query(ctx, `
		insert into idea_group (chat_id, title, set_by) values ($1, $2, $3)
		on conflict (singleton) do update set chat_id = excluded.chat_id, title = excluded.title,
			set_by = excluded.set_by, set_at = now(),
			trusted = idea_group.trusted and idea_group.chat_id = excluded.chat_id
		returning chat_id, title, trusted`, chatID, title, nullID(actorID))
	g, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.IdeasGroup, error) {
		var g domain.IdeasGroup
		return g, row.Scan(&g.ChatID, &g.Title, &g.Trusted)
	})
	if err != nil {
		return domain.IdeasGroup{}, fmt.Errorf("set ideas group: %w", mapError(err))
	}
	return g, nil
}

// SetIdeaGroupTrusted trusts the ideas group's members or stops to; a
// chat that is not the ideas group is domain.ErrIdeaNoGroup.
func (db *DB) SetIdeaGroupTrusted(ctx context.Context, chatID int64, trusted bool) (domain.IdeasGroup, error) {
	rows, _ := db.pool.Query(ctx, `update idea_group set trusted = $2, set_at = now() where chat_id = $1
		returning chat_id, title, trusted`, chatID, trusted)
	g, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.IdeasGroup, error) {
		var g domain.IdeasGroup
		return g, row.Scan(&g.ChatID, &g.Title, &g.Trusted)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.IdeasGroup{}, domain.ErrIdeaNoGroup
	}
	if err != nil {
		return domain.IdeasGroup{}, fmt.Errorf("trust ideas group: %w", err)
	}
	return g, nil
}

// moveIdeaGroup follows the ideas group when it becomes a supergroup
// (MoveChat).
func moveIdeaGroup(ctx context.Context, tx pgx.Tx, from, to int64) error {
	if _, err := tx.Exec(ctx, `update idea_group set chat_id = $2 where chat_id = $1`, from, to); err != nil {
		return fmt.Errorf("move ideas group %d: %w", from, err)
	}
	return nil
}

// ideaDraftTTL is how long a /idea dialog waits for its next answer.
const ideaDraftTTL = 24 * time.Hour

// SaveIdeaDraft keeps a /idea dialog under way, replacing the previous
// state of the same person and chat.
func (db *DB) SaveIdeaDraft(ctx context.Context, p domain.PendingIdea) error {
	raw, err := json.Marshal(p.Draft)
	if err != nil {
		return fmt.Errorf("idea draft of %d: %w", p.UserID, err)
	}
	_, err = db.pool.Exec(ctx, `insert into idea_drafts (user_id, chat_id, step, draft, updated_at) values ($1, $2, $3, $4, now())
		on conflict (user_id, chat_id) do update set step = excluded.step, draft = excluded.draft, updated_at = now()`,
		p.UserID, p.ChatID, p.Step, raw)
	if err != nil {
		return fmt.Errorf("idea draft of %d: %w", p.UserID, mapError(err))
	}
	return nil
}

// IdeaDraft returns the dialog under way; ok is false when there is none
// or it lapsed.
func (db *DB) IdeaDraft(ctx context.Context, userID, chatID int64) (domain.PendingIdea, bool, error) {
	p := domain.PendingIdea{UserID: userID, ChatID: chatID}
	var raw []byte
	err := db.pool.QueryRow(ctx, `select step, draft, updated_at from idea_drafts
		where user_id = $1 and chat_id = $2 and updated_at > now() - $3::interval`,
		userID, chatID, ideaDraftTTL.String()).Scan(&p.Step, &raw, &p.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.PendingIdea{}, false, nil
	}
	if err == nil {
		err = json.Unmarshal(raw, &p.Draft)
	}
	if err != nil {
		return domain.PendingIdea{}, false, fmt.Errorf("idea draft of %d: %w", userID, err)
	}
	return p, true, nil
}

// DropIdeaDraft forgets the dialog under way, if any.
func (db *DB) DropIdeaDraft(ctx context.Context, userID, chatID int64) error {
	if _, err := db.pool.Exec(ctx, `delete from idea_drafts where user_id = $1 and chat_id = $2`, userID, chatID); err != nil {
		return fmt.Errorf("drop idea draft of %d: %w", userID, err)
	}
	return nil
}
