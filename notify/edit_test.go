package notify_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/notify"
)

// TestTrackedPostIsEditedCoalesced posts a tracked message to a group,
// then changes what it shows 40 times in a burst: the post's ID comes
// back through OnPosted, the burst costs fewer edits than changes, and
// the last edit shows the last state.
func TestTrackedPostIsEditedCoalesced(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	admin := user(tg, 101)
	group := telegramtest.Chat{ID: -100500, Type: "supergroup", Title: "Идеи"}
	tg.AddBotToGroup(group, admin)

	var state atomic.Int64
	type post struct{ chat, msg int64 }
	posted := make(chan post, 1)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast, EditDelay: 200 * time.Millisecond,
		OnPosted: func(_ context.Context, _ pgx.Tx, track string, chatID, messageID int64) error {
			if track != "idea:7" {
				return fmt.Errorf("track %q", track)
			}
			posted <- post{chatID, messageID}
			return nil
		},
		RenderEdit: func(_ context.Context, ref string) (notify.EditContent, error) {
			n := state.Load()
			return notify.EditContent{Text: fmt.Sprintf("<b>Идея</b> 👍 %d", n),
				Buttons: [][]notify.Button{{{Text: fmt.Sprintf("👍 %d", n), Unique: "idea_vote", Data: "7|1"}}}}, nil
		}})
	err := ob.Enqueue(context.Background(), notify.Message{Key: "idea:7:post", Telegram: &notify.Telegram{
		ChatID: group.ID, Text: "<b>Идея</b> 👍 0", Track: "idea:7"}})
	if err != nil {
		t.Fatal(err)
	}
	var p post
	select {
	case p = <-posted:
	case <-time.After(patience):
		t.Fatal("the post's delivery was not reported")
	}
	msgs := botMessages(tg, group.ID)
	if len(msgs) != 1 || int64(msgs[0].ID) != p.msg || p.chat != group.ID {
		t.Fatalf("posted %+v, messages %+v", p, msgs)
	}

	const changes = 40
	var wg sync.WaitGroup
	for range changes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
				state.Add(1)
				return ob.EditTx(context.Background(), tx, notify.Edit{ChatID: p.chat, MessageID: p.msg, Ref: "idea:7"})
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	want := fmt.Sprintf("Идея 👍 %d", changes)
	testwait.Eventually(t, "the post to show the last change", func() bool {
		m := botMessages(tg, group.ID)[0]
		return m.Text == want && m.HasButton(fmt.Sprintf("👍 %d", changes))
	})
	testwait.Eventually(t, "the edit job to finish", func() bool {
		var n int
		err := pool.QueryRow(context.Background(), `select count(*) from river_job where kind = 'notify_edit' and state <> 'completed'`).Scan(&n)
		return err == nil && n == 0
	})
	sent, err := ob.EditsSent(context.Background(), p.chat, p.msg)
	if err != nil {
		t.Fatal(err)
	}
	if got := botMessages(tg, group.ID)[0].Edits; sent < 1 || sent >= changes || got != sent {
		t.Errorf("%d edits recorded, %d seen by Telegram, for %d changes", sent, got, changes)
	}
	t.Logf("%d changes cost %d edits", changes, sent)
}

// TestEditAfterFloodAndRefusal: a 429 delays the edit without losing it;
// an edit Telegram refuses for good (400) marks the message gone, and
// later changes enqueue nothing.
func TestEditAfterFloodAndRefusal(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 102)
	var text atomic.Value
	text.Store("первый")
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast, EditDelay: 50 * time.Millisecond,
		RenderEdit: func(context.Context, string) (notify.EditContent, error) {
			return notify.EditContent{Text: text.Load().(string)}, nil
		}})
	if err := ob.Enqueue(context.Background(), notify.Message{Key: "post", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "исходный"}}); err != nil {
		t.Fatal(err)
	}
	msg := tg.WaitForText(t, alice.ID)
	edit := func(s string) {
		t.Helper()
		err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
			text.Store(s)
			return ob.EditTx(context.Background(), tx, notify.Edit{ChatID: alice.ID, MessageID: int64(msg.ID), Ref: "idea:1"})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tg.FailNext("editMessageText", 429, 1)
	edit("после паузы")
	testwait.Eventually(t, "the edit after the 429", func() bool { return botMessages(tg, alice.ID)[0].Text == "после паузы" })

	tg.FailNext("editMessageText", 400, 0)
	edit("не пройдёт")
	testwait.Eventually(t, "the message to be marked gone", func() bool {
		var gone bool
		err := pool.QueryRow(context.Background(), `select gone from outbox_edits where chat_id = $1 and message_id = $2`,
			alice.ID, msg.ID).Scan(&gone)
		return err == nil && gone
	})
	var before, after int
	count := `select count(*) from river_job where kind = 'notify_edit'`
	if err := pool.QueryRow(context.Background(), count).Scan(&before); err != nil {
		t.Fatal(err)
	}
	edit("и это")
	if err := pool.QueryRow(context.Background(), count).Scan(&after); err != nil || after != before {
		t.Errorf("edit jobs %d → %d, %v: a gone message got another", before, after, err)
	}
}

// TestPhotoPostByFileIDIsEditedAsCaption posts a photo Telegram already
// has by its file_id and edits the post's caption.
func TestPhotoPostByFileIDIsEditedAsCaption(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 103)
	posted := make(chan int64, 1)
	var caption atomic.Value
	caption.Store("<b>Идея</b> 👍 0")
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast, EditDelay: 50 * time.Millisecond,
		OnPosted: func(_ context.Context, _ pgx.Tx, _ string, _, messageID int64) error {
			posted <- messageID
			return nil
		},
		RenderEdit: func(context.Context, string) (notify.EditContent, error) {
			return notify.EditContent{Text: caption.Load().(string), Caption: true}, nil
		}})
	ctx := context.Background()
	// A photo the bot uploaded once: Telegram gave it a file_id.
	if err := ob.Enqueue(ctx, notify.Message{Key: "upload", Telegram: &notify.Telegram{ChatID: alice.ID, Photo: testPNG(t, 2, 32)}}); err != nil {
		t.Fatal(err)
	}
	var fileID string
	testwait.Eventually(t, "the upload's file_id", func() bool {
		return pool.QueryRow(ctx, `select tg_file_id from outbox_blobs where tg_file_id is not null`).Scan(&fileID) == nil
	})
	err := ob.Enqueue(ctx, notify.Message{Key: "post", Telegram: &notify.Telegram{ChatID: alice.ID, PhotoID: fileID,
		Text: caption.Load().(string), Track: "idea:3"}})
	if err != nil {
		t.Fatal(err)
	}
	var msgID int64
	select {
	case msgID = <-posted:
	case <-time.After(patience):
		t.Fatal("the photo post's delivery was not reported")
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		caption.Store("<b>Идея</b> 👍 1")
		return ob.EditTx(ctx, tx, notify.Edit{ChatID: alice.ID, MessageID: msgID, Ref: "idea:3"})
	})
	if err != nil {
		t.Fatal(err)
	}
	testwait.Eventually(t, "the caption to change", func() bool {
		for _, m := range botMessages(tg, alice.ID) {
			if int64(m.ID) == msgID {
				return m.Caption == "Идея 👍 1" && m.PhotoPNG != nil
			}
		}
		return false
	})
}
