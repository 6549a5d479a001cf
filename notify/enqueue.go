package notify

import (
	"context"
	"encoding/hex"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
)

// River queues and job kinds. They are wire format stored in river_job:
// never rename one.
const (
	queueTelegram = "notify_telegram"
	queueEmail    = "notify_email"
	kindTelegram  = "notify_telegram"
	kindEmail     = "notify_email"
)

// telegramArgs is a Telegram job. Pictures travel as blob IDs: the bytes
// are in outbox_blobs once, however many jobs carry them.
type telegramArgs struct {
	Key     string     `json:"key" river:"unique"`
	ChatID  int64      `json:"chat_id"`
	Text    string     `json:"text,omitempty"`
	Photo   string     `json:"photo,omitempty"`
	Buttons [][]Button `json:"buttons,omitempty"`
	Silent  bool       `json:"silent,omitempty"`
	Track   string     `json:"track,omitempty"`
	PhotoID string     `json:"photo_id,omitempty"`
}

func (telegramArgs) Kind() string { return kindTelegram }

// emailArgs is an e-mail job.
type emailArgs struct {
	Key         string    `json:"key" river:"unique"`
	To          string    `json:"to"`
	Subject     string    `json:"subject"`
	Text        string    `json:"text,omitempty"`
	HTML        string    `json:"html,omitempty"`
	Inline      []fileRef `json:"inline,omitempty"`
	Attachments []fileRef `json:"attachments,omitempty"`
}

func (emailArgs) Kind() string { return kindEmail }

// fileRef is a File whose bytes are in outbox_blobs.
type fileRef struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type,omitempty"`
	Blob        string `json:"blob"`
}

// EnqueueTx adds msgs to the outbox in tx, the transaction of the change
// that causes them: they are sent if and only if tx commits. Messages
// whose key was enqueued before are skipped, so a retried request or a
// rerun digest sends nothing twice. Nothing is sent until Start.
func (o *Outbox) EnqueueTx(ctx context.Context, tx pgx.Tx, msgs ...Message) error {
	msgs, err := o.prepare(msgs)
	if err != nil || len(msgs) == 0 {
		return err
	}
	if err := storeBlobs(ctx, tx, msgs); err != nil {
		return err
	}
	fresh, err := insertRows(ctx, tx, msgs)
	if err != nil {
		return err
	}
	var params []river.InsertManyParams
	for _, m := range msgs {
		if fresh[m.Key] {
			params = append(params, o.jobParams(m))
		}
	}
	if len(params) == 0 {
		return nil
	}
	if _, err := o.client.InsertManyTx(ctx, tx, params); err != nil {
		return fmt.Errorf("enqueue %d notifications: %w", len(params), err)
	}
	return nil
}

// Enqueue is EnqueueTx in a transaction of its own, for messages that no
// other change goes with.
func (o *Outbox) Enqueue(ctx context.Context, msgs ...Message) error {
	return pgx.BeginFunc(ctx, o.pool, func(tx pgx.Tx) error {
		return o.EnqueueTx(ctx, tx, msgs...)
	})
}

// prepare validates msgs and drops repeated keys, keeping the first.
func (o *Outbox) prepare(msgs []Message) ([]Message, error) {
	seen := make(map[string]bool, len(msgs))
	out := msgs[:0:0]
	for i := range msgs {
		if err := msgs[i].validate(o.cfg.Bot != nil, o.cfg.Mail != nil); err != nil {
			return nil, fmt.Errorf("enqueue notification %d: %w", i, err)
		}
		if !seen[msgs[i].Key] {
			seen[msgs[i].Key] = true
			out = append(out, msgs[i])
		}
	}
	return out, nil
}

// storeBlobs writes every distinct picture and file once. Those already
// stored are not even sent to the server again: a daily digest repeats
// yesterday's chart more often than one would think.
func storeBlobs(ctx context.Context, tx pgx.Tx, msgs []Message) error {
	blobs := map[string][]byte{}
	for _, m := range msgs {
		switch {
		case m.Telegram != nil && len(m.Telegram.Photo) > 0:
			blobs[blobID(m.Telegram.Photo)] = m.Telegram.Photo
		case m.Email != nil:
			for _, f := range append(append([]File(nil), m.Email.Inline...), m.Email.Attachments...) {
				blobs[blobID(f.Data)] = f.Data
			}
		}
	}
	if len(blobs) == 0 {
		return nil
	}
	ids := make([][]byte, 0, len(blobs))
	for id := range blobs {
		raw, _ := hex.DecodeString(id)
		ids = append(ids, raw)
	}
	rows, _ := tx.Query(ctx, `select sha256 from outbox_blobs where sha256 = any($1)`, ids)
	have, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return fmt.Errorf("look up notification files: %w", err)
	}
	for _, id := range have {
		delete(blobs, hex.EncodeToString(id))
	}
	b := &pgx.Batch{}
	for id, data := range blobs {
		raw, _ := hex.DecodeString(id)
		b.Queue(`insert into outbox_blobs (sha256, data) values ($1, $2) on conflict do nothing`, raw, data)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("store notification files: %w", err)
	}
	return nil
}

// insertRows records the messages and returns the keys that were new.
func insertRows(ctx context.Context, tx pgx.Tx, msgs []Message) (map[string]bool, error) {
	keys := make([]string, len(msgs))
	batches := make([]*string, len(msgs))
	channels := make([]string, len(msgs))
	recipients := make([]string, len(msgs))
	for i, m := range msgs {
		keys[i], channels[i], recipients[i] = m.Key, m.channel(), m.recipient()
		if m.Batch != "" {
			batches[i] = &msgs[i].Batch
		}
	}
	rows, _ := tx.Query(ctx, `
		insert into outbox_messages (key, batch, channel, recipient)
		select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
		on conflict (key) do nothing
		returning key`, keys, batches, channels, recipients)
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("record notifications: %w", err)
	}
	fresh := make(map[string]bool, len(inserted))
	for _, k := range inserted {
		fresh[k] = true
	}
	return fresh, nil
}

// jobParams turns a message into its River job.
func (o *Outbox) jobParams(m Message) river.InsertManyParams {
	opts := &river.InsertOpts{
		MaxAttempts: o.cfg.MaxAttempts,
		UniqueOpts:  river.UniqueOpts{ByArgs: true},
	}
	if t := m.Telegram; t != nil {
		opts.Queue = queueTelegram
		a := telegramArgs{Key: m.Key, ChatID: t.ChatID, Text: t.Text, Buttons: t.Buttons, Silent: t.Silent, Track: t.Track, PhotoID: t.PhotoID}
		if len(t.Photo) > 0 {
			a.Photo = blobID(t.Photo)
		}
		return river.InsertManyParams{Args: a, InsertOpts: opts}
	}
	e := m.Email
	opts.Queue = queueEmail
	refs := func(files []File) []fileRef {
		var out []fileRef
		for _, f := range files {
			out = append(out, fileRef{Name: f.Name, ContentType: f.ContentType, Blob: blobID(f.Data)})
		}
		return out
	}
	return river.InsertManyParams{Args: emailArgs{
		Key: m.Key, To: e.To, Subject: e.Subject, Text: e.Text, HTML: e.HTML,
		Inline: refs(e.Inline), Attachments: refs(e.Attachments),
	}, InsertOpts: opts}
}
