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
// group limit however many changes come. EditTx, in the change's
// transaction, counts a request in outbox_edits.wanted and inserts the
// message's edit job, scheduled EditDelay later, unless one is waiting or
// running already: River's unique jobs by (chat, message) coalesce the
// burst. When the job runs it notes wanted, asks Config.RenderEdit for
// what the message should show now, edits it, and in one transaction
// records that answer (shown) and, unless more requests came meanwhile,
// completes the job; if they did, it runs again EditDelay later. Both
// transactions lock the outbox_edits row first, so a request either
// comes before the job's last look (which then runs it again) or finds
// the job completed and inserts a new one: the last edit shows the last
// change.

// ErrEditGone is what RenderEdit returns when the thing a message shows
// no longer exists: the message is not edited again.
var ErrEditGone = errors.New("notify: what the message shows is gone")

// Edit asks for a posted message to be edited to show Ref's current state.
type Edit struct {
	ChatID    int64
	MessageID int64
	Ref       string // what Config.RenderEdit is asked to render
}

// RenderEdit renders what the message posted for ref should show now.
type RenderEdit func(ctx context.Context, ref string) (text string, buttons [][]Button, err error)

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
		var gone bool
		err := tx.QueryRow(ctx, `
			insert into outbox_edits (chat_id, message_id, ref, wanted) values ($1, $2, $3, 1)
			on conflict (chat_id, message_id) do update set wanted = outbox_edits.wanted + 1, ref = excluded.ref,
				updated_at = now()
			returning gone`, e.ChatID, e.MessageID, e.Ref).Scan(&gone)
		if err != nil {
			return fmt.Errorf("ask for an edit of message %d in %d: %w", e.MessageID, e.ChatID, err)
		}
		if gone {
			continue
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
// comes back for requests that arrived meanwhile.
func (w *editWorker) Work(ctx context.Context, job *river.Job[editArgs]) error {
	o, a := w.o, job.Args
	if o.isStopping() {
		return river.JobSnooze(0)
	}
	var ref string
	var wanted, shown int64
	var gone bool
	err := o.pool.QueryRow(ctx, `select ref, wanted, shown, gone from outbox_edits where chat_id = $1 and message_id = $2`,
		a.ChatID, a.MessageID).Scan(&ref, &wanted, &shown, &gone)
	if errors.Is(err, pgx.ErrNoRows) || gone || (err == nil && wanted == shown) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read edit of message %d: %w", a.MessageID, err)
	}
	sentEdit, err := w.edit(ctx, a, ref)
	if err != nil {
		return err
	}
	return w.settle(ctx, job, wanted, sentEdit)
}

// edit sends the edit; false says nothing was sent (nothing to show, the
// message gone), which still answers the requests.
func (w *editWorker) edit(ctx context.Context, a editArgs, ref string) (bool, error) {
	o := w.o
	text, buttons, err := o.cfg.RenderEdit(ctx, ref)
	if errors.Is(err, ErrEditGone) {
		return false, w.gone(ctx, a, "nothing to show")
	}
	if err != nil {
		return false, fmt.Errorf("render edit of %q: %w", ref, err)
	}
	snooze, err := o.limits.wait(ctx, o.stopping, a.ChatID)
	if err != nil {
		return false, snoozeOnStop(err)
	}
	if snooze > 0 {
		return false, river.JobSnooze(snooze)
	}
	msg := &tele.StoredMessage{ChatID: a.ChatID, MessageID: strconv.FormatInt(a.MessageID, 10)}
	_, err = o.cfg.Bot.Edit(msg, text, &tele.SendOptions{ParseMode: tele.ModeHTML, ReplyMarkup: markup(buttons)})
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

// settle records that the requests up to wanted are answered and either
// completes the job or, when more came while it ran, runs it again later.
func (w *editWorker) settle(ctx context.Context, job *river.Job[editArgs], wanted int64, sent bool) error {
	o, a := w.o, job.Args
	again := false
	err := o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		var now int64
		var gone bool
		err := tx.QueryRow(ctx, `select wanted, gone from outbox_edits where chat_id = $1 and message_id = $2 for update`,
			a.ChatID, a.MessageID).Scan(&now, &gone)
		if err != nil {
			return err
		}
		sentN := 0
		if sent {
			sentN = 1
		}
		_, err = tx.Exec(ctx, `update outbox_edits set shown = greatest(shown, $3), edits = edits + $4, updated_at = now()
			where chat_id = $1 and message_id = $2`, a.ChatID, a.MessageID, wanted, sentN)
		if err != nil {
			return err
		}
		if again = now > wanted && !gone; again {
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
