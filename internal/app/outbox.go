package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/notify"
)

// enqueuer adapts the outbox to the areas' worded messages, so they
// need not know the outbox's types.
func enqueuer(o *notify.Outbox) func(ctx context.Context, tx pgx.Tx, msgs ...domain.OutMessage) error {
	return func(ctx context.Context, tx pgx.Tx, msgs ...domain.OutMessage) error {
		out := make([]notify.Message, len(msgs))
		for i, m := range msgs {
			tg := &notify.Telegram{ChatID: m.ChatID, Text: m.HTML, Buttons: notifyButtons(m.Buttons), Track: m.Track,
				PhotoID: m.PhotoID}
			out[i] = notify.Message{Key: m.Key, Telegram: tg}
		}
		return o.EnqueueTx(ctx, tx, out...)
	}
}

// notifyButtons converts an area's buttons to the outbox's.
func notifyButtons(rows [][]domain.Button) [][]notify.Button {
	var out [][]notify.Button
	for _, r := range rows {
		var row []notify.Button
		for _, b := range r {
			row = append(row, notify.Button{Text: b.Text, URL: b.URL, Unique: b.Unique, Data: b.Data})
		}
		out = append(out, row)
	}
	return out
}
