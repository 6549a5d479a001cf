package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
)

// States of outbox_messages.state. Sending means a send started and its
// answer was not recorded, so finding it there at the start of an attempt
// means the attempt before died mid-send or got no answer: the message may
// have arrived, and sending it again may duplicate it.
const (
	stateQueued    = "queued"
	stateSending   = "sending"
	stateRetrying  = "retrying"
	stateDelivered = "delivered"
	stateFailed    = "failed"
)

// attempt is what an attempt starts from.
type attempt struct {
	state  string
	chatID int64 // the chat to send to, after group migrations
}

// finished says an earlier run already delivered or gave up on the
// message: River ran the job again after its outcome was recorded (the
// process died between our commit and River's). Nothing is sent again.
func (a attempt) finished() bool { return a.state == stateDelivered || a.state == stateFailed }

// begin reads the message's state and, for Telegram, the chat it goes to
// now: a group that became a supergroup is followed to the supergroup.
func (o *Outbox) begin(ctx context.Context, key string, chatID int64) (attempt, error) {
	a := attempt{chatID: chatID}
	err := o.pool.QueryRow(ctx, `
		select m.state, coalesce((select c.migrated_to from chats c where c.id = $2), $2)
		from outbox_messages m where m.key = $1`, key, chatID).Scan(&a.state, &a.chatID)
	if errors.Is(err, pgx.ErrNoRows) {
		// Only a job inserted around EnqueueTx lacks its row.
		return a, river.JobCancel(fmt.Errorf("notification %q has no outbox row", key))
	}
	if err != nil {
		return a, fmt.Errorf("read notification %q: %w", key, err)
	}
	if a.state == stateSending {
		o.log.Warn("the last attempt at a notification ended without a result; sending it again, "+
			"so the recipient may get it twice", "key", key)
	}
	return a, nil
}

// markSending records that a send is about to start. It commits before
// the send, so that a process dying during the send leaves a trace that
// the next attempt finds (see begin).
func (o *Outbox) markSending(ctx context.Context, key string) error {
	_, err := o.pool.Exec(ctx, `
		update outbox_messages set state = 'sending', attempts = attempts + 1,
			uncertain = uncertain or state = 'sending', updated_at = now()
		where key = $1`, key)
	if err != nil {
		return fmt.Errorf("mark notification %q sending: %w", key, err)
	}
	return nil
}

// delivered records a delivery and completes the job in one transaction,
// which is what makes a recorded delivery final: if the transaction
// commits, the job is done and the row says delivered; if it does not,
// neither changed. then runs in the same transaction first.
func delivered[T river.JobArgs](ctx context.Context, o *Outbox, job *river.Job[T], key, to string, then func(context.Context, pgx.Tx) error) error {
	return o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			update outbox_messages set state = 'delivered', delivered_to = $2, error = '',
				delivered_at = now(), updated_at = now()
			where key = $1`, key, to)
		if err != nil {
			return fmt.Errorf("record delivery of %q: %w", key, err)
		}
		if then != nil {
			if err := then(ctx, tx); err != nil {
				return err
			}
		}
		_, err = river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
		if errors.Is(err, rivertype.ErrNotFound) {
			// The job is no longer running: River rescued it as stuck. The
			// row says delivered, so its next run sends nothing.
			return nil
		}
		if err != nil {
			return fmt.Errorf("complete job of %q: %w", key, err)
		}
		return nil
	})
}

// failed records that the message will not be delivered, and why; more
// runs in the same transaction (marking the recipient unreachable). The
// caller cancels the job; should the process die first, the job's next
// run finds the row failed and stops there.
func (o *Outbox) failed(ctx context.Context, key string, code Code, detail string, more func(context.Context, pgx.Tx) error) error {
	return o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			update outbox_messages set state = 'failed', reason = $2, error = $3, updated_at = now()
			where key = $1 and state not in ('delivered', 'failed')`, key, string(code), clip(detail))
		if err != nil {
			return fmt.Errorf("record failure of %q: %w", key, err)
		}
		if more != nil {
			return more(ctx, tx)
		}
		return nil
	})
}

// lastWord makes sure that a job River will not run again leaves its
// message with an outcome, so its batch can finish: a job cancelled or out
// of attempts before its send got an answer (the database failing, a
// picture gone) is recorded as failed. Outcomes already recorded stand,
// and so does a send in flight: that is the uncertain case, not a failure.
func (o *Outbox) lastWord(ctx context.Context, job *rivertype.JobRow, key string, code Code, err error) error {
	var cancel *river.JobCancelError
	if err == nil || !errors.As(err, &cancel) && job.Attempt < job.MaxAttempts {
		return err
	}
	var snooze *river.JobSnoozeError
	if errors.As(err, &snooze) {
		return err
	}
	rerr := o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			update outbox_messages set state = 'failed', reason = $2, error = $3, updated_at = now()
			where key = $1 and state in ('queued', 'retrying')`, key, string(code), clip(err.Error()))
		return err
	})
	if rerr != nil {
		return errors.Join(err, fmt.Errorf("record failure of %q: %w", key, rerr))
	}
	return err
}

// requeued records why an attempt did not deliver and that another will
// follow: state is queued when the message was surely not sent (429, a
// migrated group), retrying when the server answered with a passing error,
// and stays sending when no answer came, so the next attempt knows it may
// be a resend.
func (o *Outbox) requeued(ctx context.Context, key, state, detail string) error {
	return o.record(ctx, func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `update outbox_messages set state = $2, error = $3, updated_at = now() where key = $1`,
			key, state, clip(detail))
		if err != nil {
			return fmt.Errorf("record retry of %q: %w", key, err)
		}
		return nil
	})
}

// clip bounds error texts kept in the database.
func clip(s string) string {
	if len(s) > 1000 {
		s = s[:1000]
	}
	return strings.ToValidUTF8(s, "")
}
