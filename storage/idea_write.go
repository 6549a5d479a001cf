package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// IdeaWrite is one stored change of an idea's status: the idea before and
// after, the history entry that names the change, and the people whose
// vote for the idea (+1) stood when it was made, before a merge moved
// them.
type IdeaWrite struct {
	Old, New   domain.Idea
	Event      domain.IdeaEvent
	Supporters []int64
}

// IdeaNotices words the messages a change of an idea's status causes. It
// runs inside the change's transaction, and storage enqueues what it
// returns there.
type IdeaNotices func(ctx context.Context, in TxReads, w IdeaWrite) ([]domain.OutMessage, error)

// IdeaPost words the post of a new idea in the ideas group, inside the
// transaction that stores the idea.
type IdeaPost func(ctx context.Context, i domain.Idea, g domain.IdeasGroup) (domain.OutMessage, error)

// CreateIdea stores an author's idea, unless they proposed perHour ideas
// in the hour before now (domain.ErrIdeaTooMany), and enqueues its post
// to the ideas group when there is one. The author's row is locked first,
// so two proposals at once count each other.
func (db *DB) CreateIdea(ctx context.Context, d domain.IdeaDraft, authorID int64, now time.Time, perHour int, post IdeaPost) (domain.Idea, error) {
	var idea domain.Idea
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := userByID(ctx, tx, authorID); err != nil {
			return err
		}
		var recent int
		err := tx.QueryRow(ctx, `
			with me as (select id from users where id = $1 for no key update)
			select count(*) from ideas, me where author_id = me.id and created_at > $2`,
			authorID, now.Add(-time.Hour)).Scan(&recent)
		if err != nil {
			return fmt.Errorf("count recent ideas: %w", err)
		}
		if recent >= perHour {
			return domain.ErrIdeaTooMany
		}
		process := d.Process
		if d.ProcessID != 0 {
			if err := tx.QueryRow(ctx, `select name from mining_processes where id = $1`, d.ProcessID).Scan(&process); err != nil {
				return mapError(err)
			}
		}
		var id int64
		err = tx.QueryRow(ctx, `
			insert into ideas (title, description, process, process_id, hours_saved, anonymous, author_id,
				attachment_id, attachment_kind, source_chat, status, created_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'new', $11) returning id`,
			d.Title, d.Description, process, nullID(d.ProcessID), d.HoursSaved, d.Anonymous, authorID,
			d.Attachment.FileID, string(d.Attachment.Kind), nullID(d.SourceChat), now).Scan(&id)
		if err != nil {
			return mapError(err)
		}
		if _, err := tx.Exec(ctx, `insert into idea_events (idea_id, actor_id, to_status, at) values ($1, $2, 'new', $3)`,
			id, authorID, now); err != nil {
			return fmt.Errorf("idea history: %w", err)
		}
		if idea, err = ideaByID(ctx, tx, id, ""); err != nil {
			return err
		}
		g, ok, err := ideaGroup(ctx, tx)
		if err != nil || !ok || post == nil {
			return err
		}
		msg, err := post(ctx, idea, g)
		if err != nil {
			return err
		}
		msg.ChatID, msg.Track = g.ChatID, IdeaRef(id)
		return db.send(ctx, tx, []domain.OutMessage{msg})
	})
	if err != nil {
		if _, ok := domain.AsError(err); ok {
			return domain.Idea{}, err
		}
		return domain.Idea{}, fmt.Errorf("create idea: %w", err)
	}
	return idea, nil
}

// VoteIdea applies one press: no vote yet adds it, the same value
// withdraws it, the other switches it. Presses of different people do not
// wait for each other: each changes only its own row of idea_votes, whose
// primary key keeps one vote per person, and the statements are
// idempotent (delete … where value = v; insert … on conflict). The idea's
// row is only share-locked, so a decision waits for the presses under
// way and they for it, and a closed idea (domain.ErrIdeaClosed) takes no
// vote. The idea's posts are marked for an edit in the same transaction.
func (db *DB) VoteIdea(ctx context.Context, ideaID, userID int64, v domain.VoteValue, now time.Time) (domain.VoteResult, error) {
	r := domain.VoteResult{IdeaID: ideaID}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var status string
		err := tx.QueryRow(ctx, `select status from ideas where id = $1 for share`, ideaID).Scan(&status)
		if err != nil {
			return mapError(err)
		}
		if domain.IdeaStatus(status).Closed() {
			return domain.ErrIdeaClosed
		}
		if r.Outcome, r.Mine, err = press(ctx, tx, ideaID, userID, v, now); err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `select count(*) filter (where value > 0), count(*) filter (where value < 0)
			from idea_votes where idea_id = $1`, ideaID).Scan(&r.Up, &r.Down)
		if err != nil {
			return fmt.Errorf("count votes: %w", err)
		}
		return db.editPosts(ctx, tx, ideaID)
	})
	if err != nil {
		if _, ok := domain.AsError(err); ok {
			return domain.VoteResult{}, err
		}
		return domain.VoteResult{}, fmt.Errorf("vote on idea %d: %w", ideaID, err)
	}
	return r, nil
}

// press changes one person's vote. Two presses of the same person at once
// (a double tap) both apply, one after the other: when the insert finds
// the same value committed meanwhile, the press withdraws it.
func press(ctx context.Context, tx pgx.Tx, ideaID, userID int64, v domain.VoteValue, now time.Time) (domain.VoteOutcome, domain.VoteValue, error) {
	for range 3 {
		tag, err := tx.Exec(ctx, `delete from idea_votes where idea_id = $1 and user_id = $2 and value = $3`, ideaID, userID, int16(v))
		if err != nil {
			return "", 0, fmt.Errorf("withdraw vote: %w", err)
		}
		if tag.RowsAffected() == 1 {
			return domain.VoteWithdrawn, 0, nil
		}
		rows, _ := tx.Query(ctx, `
			insert into idea_votes (idea_id, user_id, value, voted_at) values ($1, $2, $3, $4)
			on conflict (idea_id, user_id) do update set value = excluded.value, voted_at = excluded.voted_at
				where idea_votes.value <> excluded.value
			returning xmax = 0`, ideaID, userID, int16(v), now)
		inserted, err := pgx.CollectRows(rows, pgx.RowTo[bool])
		if err != nil {
			return "", 0, mapError(err)
		}
		if len(inserted) == 1 && inserted[0] {
			return domain.VoteAdded, v, nil
		}
		if len(inserted) == 1 {
			return domain.VoteSwitched, v, nil
		}
		// The same value was committed by this person's other press just
		// now: this press withdraws it.
	}
	return "", 0, fmt.Errorf("vote of %d on idea %d keeps changing", userID, ideaID)
}

// IdeaMove is a status change for MoveIdea to make.
type IdeaMove struct {
	ActorID int64 // 0: the system
	At      time.Time
	// Decide sees the idea as it is under lock (and the original of a
	// duplicate, locked too) and returns the decision to write, or a
	// domain error refusing it; a decision to the same status as now
	// changes nothing and returns the idea as it is.
	Decide  func(old domain.Idea, original *domain.Idea) (domain.IdeaDecision, error)
	Notices IdeaNotices
	// TaskID links a task to the idea in the same change; 0: none.
	TaskID int64
}

// MoveIdea changes an idea's status under a row lock, writes the history,
// merges a duplicate's votes into its original (a person who voted on
// both keeps their vote on the original), marks the posts of the ideas
// involved for an edit, and enqueues what m.Notices words, all in one
// transaction. original is the idea a duplicate names, read before the
// lock to know which rows to lock; pass 0 otherwise.
func (db *DB) MoveIdea(ctx context.Context, ideaID, original int64, m IdeaMove) (domain.Idea, error) {
	var idea domain.Idea
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// Rows are locked in ID order, so two merges in opposite
		// directions wait rather than deadlock.
		rows, _ := tx.Query(ctx, `select id from ideas where id = any($1) order by id for no key update`, []int64{ideaID, original})
		locked, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return fmt.Errorf("lock ideas: %w", err)
		}
		if !contains(locked, ideaID) {
			return domain.ErrNotFound
		}
		old, err := ideaByID(ctx, tx, ideaID, "")
		if err != nil {
			return err
		}
		var orig *domain.Idea
		if original != 0 && contains(locked, original) {
			o, err := ideaByID(ctx, tx, original, "")
			if err != nil {
				return err
			}
			orig = &o
		}
		d, err := m.Decide(old, orig)
		if err != nil {
			return err
		}
		if d.To == old.Status && m.TaskID == 0 {
			idea = old
			return nil
		}
		supporters, err := supportersOf(ctx, tx, ideaID)
		if err != nil {
			return err
		}
		var ev domain.IdeaEvent
		if d.To != old.Status {
			if ev, err = writeMove(ctx, tx, old, d, m.ActorID, m.At); err != nil {
				return err
			}
		}
		if m.TaskID != 0 {
			if _, err := tx.Exec(ctx, `update ideas set task_id = $2 where id = $1`, ideaID, m.TaskID); err != nil {
				return mapError(err)
			}
		}
		if d.To == domain.IdeaDuplicate {
			if err := mergeVotes(ctx, tx, ideaID, d.DuplicateOf); err != nil {
				return err
			}
			if err := db.editPosts(ctx, tx, d.DuplicateOf); err != nil {
				return err
			}
		}
		if idea, err = ideaByID(ctx, tx, ideaID, ""); err != nil {
			return err
		}
		if err := db.editPosts(ctx, tx, ideaID); err != nil {
			return err
		}
		if m.Notices == nil || ev.ID == 0 {
			return nil
		}
		msgs, err := m.Notices(ctx, txReads{tx}, IdeaWrite{Old: old, New: idea, Event: ev, Supporters: supporters})
		if err != nil {
			return err
		}
		return db.send(ctx, tx, msgs)
	})
	if err != nil {
		if _, ok := domain.AsError(err); ok {
			return domain.Idea{}, err
		}
		return domain.Idea{}, fmt.Errorf("move idea %d: %w", ideaID, err)
	}
	return idea, nil
}

func contains(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// writeMove stores a status change and its history entry.
func writeMove(ctx context.Context, tx pgx.Tx, old domain.Idea, d domain.IdeaDecision, actorID int64, at time.Time) (domain.IdeaEvent, error) {
	_, err := tx.Exec(ctx, `update ideas set status = $2, duplicate_of = $3, decided_by = $4, decided_at = $5
		where id = $1`, old.ID, string(d.To), nullID(d.DuplicateOf), nullID(actorID), at)
	if err != nil {
		return domain.IdeaEvent{}, mapError(err)
	}
	var id int64
	err = tx.QueryRow(ctx, `insert into idea_events (idea_id, actor_id, from_status, to_status, reason, duplicate_of, at)
		values ($1, $2, $3, $4, $5, $6, $7) returning id`,
		old.ID, nullID(actorID), string(old.Status), string(d.To), d.Reason, nullID(d.DuplicateOf), at).Scan(&id)
	if err != nil {
		return domain.IdeaEvent{}, fmt.Errorf("idea history: %w", mapError(err))
	}
	rows, _ := tx.Query(ctx, ideaEventSelect+` where e.id = $1`, id)
	ev, err := pgx.CollectExactlyOneRow(rows, scanIdeaEvent)
	if err != nil {
		return domain.IdeaEvent{}, fmt.Errorf("read idea history: %w", err)
	}
	return ev, nil
}

// supportersOf lists who votes for the idea (+1).
func supportersOf(ctx context.Context, tx pgx.Tx, ideaID int64) ([]int64, error) {
	rows, _ := tx.Query(ctx, `select user_id from idea_votes where idea_id = $1 and value > 0 order by user_id`, ideaID)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("supporters of idea %d: %w", ideaID, err)
	}
	return ids, nil
}

// mergeVotes moves a duplicate's votes to its original. Whoever voted on
// both keeps the vote they gave the original: nobody counts twice.
func mergeVotes(ctx context.Context, tx pgx.Tx, dup, original int64) error {
	_, err := tx.Exec(ctx, `
		insert into idea_votes (idea_id, user_id, value, voted_at)
		select $2, user_id, value, voted_at from idea_votes where idea_id = $1
		on conflict (idea_id, user_id) do nothing`, dup, original)
	if err == nil {
		_, err = tx.Exec(ctx, `delete from idea_votes where idea_id = $1`, dup)
	}
	if err != nil {
		return fmt.Errorf("merge votes of idea %d into %d: %w", dup, original, err)
	}
	return nil
}
