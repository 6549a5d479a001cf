package notify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// Code says why a message was not delivered. Codes are stored in
// outbox_messages.reason and are what the bot translates: never rename one.
type Code string

// Why messages fail. The first five mean the recipient is out of reach
// until they act, and mark them inactive.
const (
	CodeBlocked         Code = "blocked"
	CodeKicked          Code = "kicked"
	CodeNotStarted      Code = "not_started"
	CodeDeactivated     Code = "deactivated"
	CodeChatNotFound    Code = "chat_not_found"
	CodeNoRights        Code = "no_rights"
	CodeRejected        Code = "rejected"
	CodeUnavailable     Code = "unavailable"
	CodeMailRejected    Code = "mail_rejected"
	CodeMailUnavailable Code = "mail_unavailable"
)

// Reason is the code in words a manager understands, in English; the bot
// shows its own translation of the code.
func (c Code) Reason() string {
	switch c {
	case CodeBlocked:
		return "bot blocked by user"
	case CodeKicked:
		return "bot removed from the chat"
	case CodeNotStarted:
		return "user never started the bot"
	case CodeDeactivated:
		return "user deleted their account"
	case CodeChatNotFound:
		return "chat not found"
	case CodeNoRights:
		return "bot may not post in this chat"
	case CodeRejected:
		return "Telegram refused the message"
	case CodeUnavailable:
		return "Telegram unreachable, gave up retrying"
	case CodeMailRejected:
		return "mail server refused the message"
	case CodeMailUnavailable:
		return "mail server unreachable, gave up retrying"
	}
	return string(c)
}

// Batch is how a fan-out went. Done says every message has its outcome;
// until then Total - Delivered - Failed are still on their way.
type Batch struct {
	Total     int
	Delivered int
	Failed    int
	Failures  []Failure
	Done      bool
}

// Failure is one message that was not delivered.
type Failure struct {
	Recipient string // chat ID or e-mail address
	Code      Code
	Reason    string // Code.Reason
	Detail    string // what the server said, for the log-minded
}

// BatchStatus reports the batch: how many of its messages were delivered,
// which failed and why. A batch nobody enqueued is domain.ErrNotFound.
func (o *Outbox) BatchStatus(ctx context.Context, batch string) (Batch, error) {
	var b Batch
	err := pgx.BeginTxFunc(ctx, o.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			select count(*), count(*) filter (where state = 'delivered'), count(*) filter (where state = 'failed')
			from outbox_messages where batch = $1`, batch).Scan(&b.Total, &b.Delivered, &b.Failed)
		if err != nil || b.Failed == 0 {
			return err
		}
		rows, _ := tx.Query(ctx, `
			select recipient, reason, error from outbox_messages
			where batch = $1 and state = 'failed' order by recipient, key`, batch)
		b.Failures, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (Failure, error) {
			var f Failure
			err := row.Scan(&f.Recipient, &f.Code, &f.Detail)
			f.Reason = f.Code.Reason()
			return f, err
		})
		return err
	})
	if err != nil {
		return Batch{}, fmt.Errorf("batch %q: %w", batch, err)
	}
	if b.Total == 0 {
		return Batch{}, fmt.Errorf("batch %q: %w", batch, domain.ErrNotFound)
	}
	b.Done = b.Delivered+b.Failed == b.Total
	return b, nil
}
