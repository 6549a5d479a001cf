package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	tele "gopkg.in/telebot.v3"
)

// Coalesced edits of posted messages.
//
// A message that shows something changing (an idea's votes) is edited to
// follow it, but at most once every Config.EditDelay, within Telegram's
// group limit however many changes come, and the last edit shows the
// last change. outbox_edits.pending says a change came that no edit job
// has rendered yet. EditTx, in the change's transaction, sets it if it
// is not set, and only then inserts the message's edit job, scheduled
// EditDelay later: a burst writes the row and inserts a job once per
// edit. The job, when it runs, clears pending (it now answers every
// change so far), asks Config.RenderEdit for what the message shows now
// and edits it; then, under the row's lock, either completes itself in
// the same transaction or, when pending was set again meanwhile, runs
// again EditDelay later. Both sides lock the row first, so a change
// either comes before that last look (and the job runs again) or finds
// the job completed and pending clear (and inserts a new one).

// ErrEditGone is what RenderEdit returns when the thing a message shows
// no longer exists: the message is not edited again.
var ErrEditGone = errors.New("notify: what the message shows is gone")

// Edit asks for a posted message to be edited to show Ref's current state.
type Edit struct {
	ChatID    int64
	MessageID int64
	Ref       string // what Config.RenderEdit is asked to render
}

// EditContent is what an edited message shows.
type EditContent struct {
	Text    string // HTML
	Buttons [][]Button
	Caption bool // the message is a photo: Text is its caption
}

// RenderEdit renders what the message posted for ref should show now.
type RenderEdit func(ctx context.Context, ref string) (EditContent, error)

const (
	queueEdit = "notify_edit"
	kindEdit  = "notify_edit"
)

// editArgs is the edit job of one message: unique by its fields.
type editArgs struct {
	ChatID    int64 `json:"chat_id" river:"unique"`
	MessageID int64 `json:"message_id" river:"unique"`
}

func (editArgs) Kind() string { return kindEdit }

// editStates are the states in which an edit job absorbs new requests:
// waiting or running (River requires these) and waiting to retry.
var editStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateScheduled, rivertype.JobStateRetryable,
}

// EditTx asks, in tx, for the messages to be edited to show what tx
// changes; the edits run after EditDelay, coalesced per message.
func (o *Outbox) EditTx(ctx context.Context, tx pgx.Tx, edits ...Edit) error {
	if o.cfg.Bot == nil || o.cfg.RenderEdit == nil || len(edits) == 0 {
		return nil
	}
	var params []river.InsertManyParams
	for _, e := range edits {
		// The update skips, without waiting, a row already pending; only
		// a message never edited before gets its row inserted.
		tag, err := tx.Exec(ctx, `update outbox_edits set pending = true, ref = $3, updated_at = now()
			where chat_id = $1 and message_id = $2 and not pending and not gone`, e.ChatID, e.MessageID, e.Ref)
		if err == nil && tag.RowsAffected() == 0 {
			tag, err = tx.Exec(ctx, `insert into outbox_edits (chat_id, message_id, ref) values ($1, $2, $3)
				on conflict do nothing`, e.ChatID, e.MessageID, e.Ref)
		}
		if err != nil {
			return fmt.Errorf("ask for an edit of message %d in %d: %w", e.MessageID, e.ChatID, err)
		}
		if tag.RowsAffected() == 0 {
			continue // a job will render this change, or the message is gone
		}
		params = append(params, river.InsertManyParams{Args: editArgs{ChatID: e.ChatID, MessageID: e.MessageID},
			InsertOpts: &river.InsertOpts{Queue: queueEdit, MaxAttempts: o.cfg.MaxAttempts,
				ScheduledAt: time.Now().Add(o.cfg.EditDelay),
				UniqueOpts:  river.UniqueOpts{ByArgs: true, ByState: editStates}}})
	}
	if len(params) == 0 {
		return nil
	}
	if _, err := o.client.InsertManyTx(ctx, tx, params); err != nil {
		return fmt.Errorf("enqueue %d edits: %w", len(params), err)
	}
	return nil
}

// EditsSent is how many edits of a message were sent: the figure of the
// coalescing.
func (o *Outbox) EditsSent(ctx context.Context, chatID, messageID int64) (int, error) {
	var n int
	err := o.pool.QueryRow(ctx, `select coalesce((select edits from outbox_edits where chat_id = $1 and message_id = $2), 0)`,
		chatID, messageID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("edits of message %d: %w", messageID, err)
	}
	return n, nil
}

// editWorker runs the edit jobs.
type editWorker struct {
	river.WorkerDefaults[editArgs]
	o *Outbox
}

// NextRetry backs off exponentially from Config.RetryDelay.
func (w *editWorker) NextRetry(job *river.Job[editArgs]) time.Time {
	return time.Now().Add(w.o.backoff(job.Attempt))
}

// Work edits the message to show the current state, then finishes or
// comes back for changes that arrived meanwhile.
func (w *editWorker) Work(ctx context.Context, job *river.Job[editArgs]) error {
	o, a := w.o, job.Args
	if o.isStopping() {
		return river.JobSnooze(0)
	}
	var ref string
	var pending, gone bool
	err := pgx.BeginFunc(ctx, o.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `select ref, pending, gone from outbox_edits where chat_id = $1 and message_id = $2 for update`,
			a.ChatID, a.MessageID).Scan(&ref, &pending, &gone)
		if err != nil || !pending || gone {
			return err
		}
		_, err = tx.Exec(ctx, `update outbox_edits set pending = false where chat_id = $1 and message_id = $2`, a.ChatID, a.MessageID)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && (!pending || gone)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read edit of message %d: %w", a.MessageID, err)
	}
	sentEdit, err := w.edit(ctx, a, ref)
	if err != nil {
		return w.unclaim(ctx, job, err)
	}
	return w.settle(ctx, job, sentEdit)
}

// unclaim sets pending again after an attempt that did not edit, so the
// retry does; when no retry follows, the next change starts afresh.
func (w *editWorker) unclaim(ctx context.Context, job *river.Job[editArgs], err error) error {
	var snooze *river.JobSnoozeError
	retried := errors.As(err, &snooze) || job.Attempt < job.MaxAttempts
	rerr := w.o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `update outbox_edits set pending = $3, updated_at = now() where chat_id = $1 and message_id = $2`,
			job.Args.ChatID, job.Args.MessageID, retried)
		return err
	})
	return errors.Join(err, rerr)
}

// edit sends the edit; false says nothing was sent (nothing to show, the
// message gone), which still answers the requests.
func (w *editWorker) edit(ctx context.Context, a editArgs, ref string) (bool, error) {
	o := w.o
	c, err := o.cfg.RenderEdit(ctx, ref)
	if errors.Is(err, ErrEditGone) {
		return false, w.gone(ctx, a, "nothing to show")
	}
	if err != nil {
		return false, fmt.Errorf("render edit of %q: %w", ref, err)
	}
	snooze, err := o.limits.wait(ctx, o.stoppingCh(), a.ChatID)
	if err != nil {
		return false, snoozeOnStop(err)
	}
	if snooze > 0 {
		return false, river.JobSnooze(snooze)
	}
	msg := &tele.StoredMessage{ChatID: a.ChatID, MessageID: strconv.FormatInt(a.MessageID, 10)}
	opts := &tele.SendOptions{ParseMode: tele.ModeHTML, ReplyMarkup: markup(c.Buttons)}
	if c.Caption {
		_, err = o.cfg.Bot.EditCaption(msg, c.Text, opts)
	} else {
		_, err = o.cfg.Bot.Edit(msg, c.Text, opts)
	}
	err = o.scrub(err)
	switch v := classify(err); {
	case err == nil, errors.Is(err, tele.ErrMessageNotModified):
		return true, nil
	case v.outcome == outcomeFlood:
		o.limits.pause(a.ChatID, v.retryAfter)
		return false, river.JobSnooze(v.retryAfter)
	case v.outcome == outcomeRetry:
		return false, err
	default:
		// Deleted, too old to edit, the bot out of the group: no edit of
		// this message will go through.
		return false, w.gone(ctx, a, err.Error())
	}
}

// gone marks the message as never to be edited again.
func (w *editWorker) gone(ctx context.Context, a editArgs, why string) error {
	w.o.log.Info("posted message no longer editable", "chat", a.ChatID, "message", a.MessageID, "why", clip(why))
	return w.o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `update outbox_edits set gone = true, updated_at = now() where chat_id = $1 and message_id = $2`,
			a.ChatID, a.MessageID)
		return err
	})
}

// settle counts the edit and either completes the job or, when a change
// came while it ran, runs it again later.
func (w *editWorker) settle(ctx context.Context, job *river.Job[editArgs], sent bool) error {
	o, a := w.o, job.Args
	again := false
	err := o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		var gone bool
		err := tx.QueryRow(ctx, `select pending, gone from outbox_edits where chat_id = $1 and message_id = $2 for update`,
			a.ChatID, a.MessageID).Scan(&again, &gone)
		if err != nil {
			return err
		}
		again = again && !gone
		if sent {
			_, err = tx.Exec(ctx, `update outbox_edits set edits = edits + 1, updated_at = now()
				where chat_id = $1 and message_id = $2`, a.ChatID, a.MessageID)
			if err != nil {
				return err
			}
		}
		if again {
			return nil
		}
		_, err = river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		if errors.Is(err, rivertype.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("record edit of message %d in %d: %w", a.MessageID, a.ChatID, err)
	}
	if again {
		return river.JobSnooze(o.cfg.EditDelay)
	}
	return nil
}
