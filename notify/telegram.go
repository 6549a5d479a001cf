package notify

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	tele "gopkg.in/telebot.v3"
)

// telegramWorker delivers Telegram messages.
type telegramWorker struct {
	river.WorkerDefaults[telegramArgs]
	o *Outbox
}

// NextRetry backs off exponentially from Config.RetryDelay.
func (w *telegramWorker) NextRetry(job *river.Job[telegramArgs]) time.Time {
	return time.Now().Add(w.o.backoff(job.Attempt))
}

// Work makes one attempt at a message.
func (w *telegramWorker) Work(ctx context.Context, job *river.Job[telegramArgs]) error {
	return w.o.lastWord(ctx, job.JobRow, job.Args.Key, CodeUnavailable, w.work(ctx, job))
}

// work sends, and sends a second time when the first answer names another
// chat (a migrated group) or forgets a file_id.
func (w *telegramWorker) work(ctx context.Context, job *river.Job[telegramArgs]) error {
	o, a := w.o, job.Args
	if o.isStopping() {
		return river.JobSnooze(0) // fetched just before Stop: leave it for the next start
	}
	at, err := o.begin(ctx, a.Key, a.ChatID)
	if err != nil || at.finished() {
		return err
	}
	chatID := at.chatID
	for range 3 {
		s, err := o.sendTelegram(ctx, a, chatID)
		if err != nil {
			return err
		}
		v := classify(s.err)
		o.noteDelivery("telegram", v.outcome)
		if v.outcome != outcomeMigrated && v.outcome != outcomeStaleFile {
			return w.settle(ctx, job, chatID, s, v)
		}
		// Surely not delivered: send again at once, to the supergroup or
		// with the picture uploaded anew.
		switch {
		case v.outcome == outcomeMigrated:
			err = o.migrateChat(ctx, chatID, v.migratedTo)
			chatID = v.migratedTo
		case a.PhotoID != "":
			// A file_id of someone else's photo that Telegram no longer
			// knows: the text goes without it.
			a.PhotoID = ""
		default:
			err = o.files.forget(ctx, o.pool, a.Photo, s.fileID)
		}
		if err == nil {
			err = o.requeued(ctx, a.Key, stateQueued, s.err.Error())
		}
		if err != nil {
			return err
		}
	}
	return fmt.Errorf("message %q: chat %d keeps moving", a.Key, chatID)
}

// settle records how a send went and tells River what to do next.
func (w *telegramWorker) settle(ctx context.Context, job *river.Job[telegramArgs], chatID int64, s sent, v verdict) error {
	o, key := w.o, job.Args.Key
	if v.outcome == outcomeDelivered {
		return delivered(ctx, o, job, key, strconv.FormatInt(chatID, 10), func(ctx context.Context, tx pgx.Tx) error {
			if err := s.storeFileID(ctx, tx); err != nil {
				return err
			}
			if job.Args.Track == "" || o.cfg.OnPosted == nil || s.messageID == 0 {
				return nil
			}
			return o.cfg.OnPosted(ctx, tx, job.Args.Track, chatID, s.messageID)
		})
	}
	detail := s.err.Error()
	switch v.outcome {
	case outcomeFlood:
		o.limits.pause(chatID, v.retryAfter)
		if err := o.requeued(ctx, key, stateQueued, detail); err != nil {
			return err
		}
		return river.JobSnooze(v.retryAfter)
	case outcomeUnreachable:
		err := o.failed(ctx, key, v.code, detail, func(ctx context.Context, tx pgx.Tx) error {
			return markUnreachable(ctx, tx, chatID)
		})
		return river.JobCancel(errors.Join(s.err, err))
	case outcomeRejected:
		return river.JobCancel(errors.Join(s.err, o.failed(ctx, key, v.code, detail, nil)))
	}
	if job.Attempt >= job.MaxAttempts {
		return errors.Join(s.err, o.failed(ctx, key, CodeUnavailable, detail, nil))
	}
	state := stateRetrying // Telegram answered: it does not have the message
	if apiCode(s.err) == 0 {
		state = stateSending // no answer: it may have; the retry is an uncertain resend
	}
	return errors.Join(s.err, o.requeued(ctx, key, state, detail))
}

// sent is one send's result.
type sent struct {
	err    error  // Telegram's or the network's answer; nil: delivered
	fileID string // the file_id the photo went by, or got on upload
	upload bool   // the photo was uploaded rather than sent by file_id
	blob   string
	// messageID is the ID Telegram gave the delivered message.
	messageID int64
}

// storeFileID keeps a freshly uploaded photo's file_id for later sends, in
// the delivery's transaction.
func (s sent) storeFileID(ctx context.Context, tx pgx.Tx) error {
	if !s.upload || s.fileID == "" {
		return nil
	}
	raw, _ := hex.DecodeString(s.blob)
	_, err := tx.Exec(ctx, `update outbox_blobs set tg_file_id = $2 where sha256 = $1`, raw, s.fileID)
	if err != nil {
		return fmt.Errorf("store file_id of picture %.12s: %w", s.blob, err)
	}
	return nil
}

// sendTelegram sends a to chatID once its turn has come. Its error is for
// an attempt that never reached Telegram: a snooze for a long wait, the
// outbox stopping, the database failing; Telegram's answer is in sent.
func (o *Outbox) sendTelegram(ctx context.Context, a telegramArgs, chatID int64) (sent, error) {
	var ph photo
	if a.Photo != "" {
		var err error
		if ph, err = o.files.get(ctx, o.pool, o.stoppingCh(), a.Photo); err != nil {
			return sent{}, snoozeOnStop(err)
		}
		if ph.release != nil {
			defer ph.release()
		}
	}
	snooze, err := o.limits.wait(ctx, o.stoppingCh(), chatID)
	if err != nil {
		return sent{}, snoozeOnStop(err)
	}
	if snooze > 0 {
		return sent{}, river.JobSnooze(snooze)
	}
	if err := o.markSending(ctx, a.Key); err != nil {
		return sent{}, err
	}
	opts := &tele.SendOptions{ParseMode: tele.ModeHTML, DisableNotification: a.Silent, ReplyMarkup: markup(a.Buttons)}
	if a.PhotoID != "" {
		msg, err := o.cfg.Bot.Send(tele.ChatID(chatID), &tele.Photo{File: tele.File{FileID: a.PhotoID}, Caption: a.Text}, opts)
		s := sent{err: o.scrub(err)}
		if err == nil && msg != nil {
			s.messageID = int64(msg.ID)
		}
		return s, nil
	}
	if a.Photo == "" {
		msg, err := o.cfg.Bot.Send(tele.ChatID(chatID), a.Text, opts)
		s := sent{err: o.scrub(err)}
		if err == nil && msg != nil {
			s.messageID = int64(msg.ID)
		}
		return s, nil
	}
	p := &tele.Photo{Caption: a.Text, File: tele.File{FileID: ph.fileID}}
	s := sent{fileID: ph.fileID, blob: a.Photo, upload: ph.fileID == ""}
	if s.upload {
		p.File = tele.FromReader(bytes.NewReader(ph.data))
	}
	msg, err := o.cfg.Bot.Send(tele.ChatID(chatID), p, opts)
	s.err = o.scrub(err)
	if err == nil && msg != nil {
		s.messageID = int64(msg.ID)
	}
	if err == nil && s.upload && msg.Photo != nil {
		s.fileID = msg.Photo.FileID
		o.files.remember(a.Photo, s.fileID) // before the deferred release: waiters reuse it
	}
	return s, nil
}

// scrub hides the bot token in err's text. telebot's network errors quote
// the request URL, which holds the token, and these texts end up in
// outbox_messages, river_job and the log.
func (o *Outbox) scrub(err error) error {
	if err == nil || o.cfg.Bot.Token == "" || !strings.Contains(err.Error(), o.cfg.Bot.Token) {
		return err
	}
	return scrubbed{err: err, token: o.cfg.Bot.Token}
}

// scrubbed is an error with the bot token replaced in its text; errors.Is
// and errors.As still see the original.
type scrubbed struct {
	err   error
	token string
}

func (e scrubbed) Error() string { return strings.ReplaceAll(e.err.Error(), e.token, "<token>") }
func (e scrubbed) Unwrap() error { return e.err }

// snoozeOnStop puts a job whose wait Stop interrupted back in the queue
// as it was, without using up an attempt.
func snoozeOnStop(err error) error {
	if errors.Is(err, errStopping) {
		return river.JobSnooze(0)
	}
	return err
}

// markup builds a fresh keyboard for every send: telebot rewrites the
// buttons' callback data in place.
func markup(rows [][]Button) *tele.ReplyMarkup {
	if len(rows) == 0 {
		return nil
	}
	kb := make([][]tele.InlineButton, len(rows))
	for i, row := range rows {
		for _, b := range row {
			kb[i] = append(kb[i], tele.InlineButton{Text: b.Text, URL: b.URL, Unique: b.Unique, Data: b.Data})
		}
	}
	return &tele.ReplyMarkup{InlineKeyboard: kb}
}
