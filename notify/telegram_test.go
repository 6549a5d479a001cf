package notify_test

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/notify"
)

func TestSendTextAndPhoto(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 101)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	pic := testPNG(t, 1, 64)
	err := ob.Enqueue(context.Background(),
		notify.Message{Key: "task:17:due", Batch: "b1", Telegram: &notify.Telegram{
			ChatID: alice.ID, Text: "Task <b>17</b> is due &amp; overdue", Silent: true,
			Buttons: [][]notify.Button{{
				{Text: "Open", URL: "https://example.com/tasks/17"},
				{Text: "Done", Unique: "task_done", Data: "17"},
			}},
		}},
		notify.Message{Key: "digest:1", Batch: "b1", Telegram: &notify.Telegram{
			ChatID: alice.ID, Text: "<i>KPI</i> digest", Photo: pic,
		}},
	)
	if err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "b1", patience); b.Delivered != 2 {
		t.Fatalf("batch %+v, want 2 delivered", b)
	}
	var text, photo *telegramtest.Message
	for _, m := range botMessages(tg, alice.ID) {
		if m.PhotoPNG != nil {
			photo = m
		} else {
			text = m
		}
	}
	if text == nil || photo == nil {
		t.Fatalf("want a text and a photo, got %+v", botMessages(tg, alice.ID))
	}
	if got, want := text.Text, "Task 17 is due & overdue"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	rows := text.Buttons()
	if len(rows) != 1 || len(rows[0]) != 2 || rows[0][0].URL != "https://example.com/tasks/17" || rows[0][1].Data != "\ftask_done|17" {
		t.Errorf("buttons %+v", rows)
	}
	if got := tg.Calls("sendMessage")[0].Params["disable_notification"]; got != "true" {
		t.Errorf("disable_notification %q, want true", got)
	}
	if !bytes.Equal(photo.PhotoPNG, pic) || photo.Caption != "KPI digest" {
		t.Errorf("photo of %d bytes with caption %q", len(photo.PhotoPNG), photo.Caption)
	}
}

func TestFanOutUploadsPhotoOnce(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	pic := testPNG(t, 2, 128)
	var msgs []notify.Message
	for i := range 50 {
		u := user(tg, int64(1000+i))
		msgs = append(msgs, notify.Message{Key: fmt.Sprint("digest:fan:", u.ID), Batch: "fan",
			Telegram: &notify.Telegram{ChatID: u.ID, Text: "Digest", Photo: pic, Silent: true}})
	}
	if err := ob.Enqueue(context.Background(), msgs...); err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "fan", patience); b.Delivered != 50 {
		t.Fatalf("batch %+v, want 50 delivered", b)
	}
	uploads, byID := 0, map[string]int{}
	for _, c := range tg.Calls("sendPhoto") {
		if strings.HasPrefix(c.Params["photo"], "<file") || c.Params["photo"] == "" {
			uploads++
		} else {
			byID[c.Params["photo"]]++
		}
	}
	if uploads != 1 || len(byID) != 1 {
		t.Errorf("%d uploads and file_ids %v; want 1 upload and one file_id reused", uploads, byID)
	}
	for i := range 50 {
		got := botMessages(tg, int64(1000+i))
		if len(got) != 1 || !bytes.Equal(got[0].PhotoPNG, pic) {
			t.Fatalf("chat %d got %d messages, want the photo once", 1000+i, len(got))
		}
	}
	var blobs, argBytes int
	var fileID *string
	err := pool.QueryRow(context.Background(), `select count(*), max(tg_file_id) from outbox_blobs`).Scan(&blobs, &fileID)
	if err != nil {
		t.Fatal(err)
	}
	if blobs != 1 || fileID == nil {
		t.Errorf("%d blobs, file_id %v; want the picture stored once with its file_id", blobs, fileID)
	}
	if err := pool.QueryRow(context.Background(), `select sum(octet_length(args::text)) from river_job`).Scan(&argBytes); err != nil {
		t.Fatal(err)
	}
	if argBytes > 50*300 {
		t.Errorf("jobs hold %d bytes of arguments: the picture is stored per job", argBytes)
	}
}

func TestFloodWaitsRetryAfter(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 102)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	tg.FailNext("sendMessage", 429, 1)
	began := time.Now()
	if err := ob.Enqueue(context.Background(), notify.Message{Key: "flood", Batch: "flood",
		Telegram: &notify.Telegram{ChatID: alice.ID, Text: "hello"}}); err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "flood", patience); b.Delivered != 1 {
		t.Fatalf("batch %+v", b)
	}
	if d := time.Since(began); d < time.Second {
		t.Errorf("delivered after %v, before retry_after", d)
	}
	if got := len(botMessages(tg, alice.ID)); got != 1 {
		t.Errorf("%d messages, want 1", got)
	}
	if got := tg.Stats().TooManyRequests; got != 1 {
		t.Errorf("%d 429s, want 1", got)
	}
	attempt, state := riverJob(t, pool, "flood")
	if attempt != 1 || state != "completed" {
		t.Errorf("river job attempt %d, state %s; want 1 (a 429 uses no attempt), completed", attempt, state)
	}
}

func TestGroupMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	const oldID, newID = int64(-4001), int64(-1004001)
	alice := user(tg, 103)
	tg.AddBotToGroup(telegramtest.Chat{ID: oldID, Title: "Sales"}, alice)
	if _, err := pool.Exec(ctx, `insert into chats (id, type, title) values ($1, 'group', 'Sales')`, oldID); err != nil {
		t.Fatal(err)
	}
	tg.MigrateNext(oldID, newID)
	var (
		mu    sync.Mutex
		moved [][2]int64
	)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast,
		OnChatMigrated: func(ctx context.Context, tx pgx.Tx, from, to int64) error {
			mu.Lock()
			moved = append(moved, [2]int64{from, to})
			mu.Unlock()
			_, err := tx.Exec(ctx, `insert into settings (key, value) values ('moved', $1)`, fmt.Sprint(to))
			return err
		}})
	for i, batch := range []string{"first", "second"} {
		err := ob.Enqueue(ctx, notify.Message{Key: batch, Batch: batch,
			Telegram: &notify.Telegram{ChatID: oldID, Text: fmt.Sprint("message ", i+1)}})
		if err != nil {
			t.Fatal(err)
		}
		if b := waitBatch(t, ob, batch, patience); b.Delivered != 1 {
			t.Fatalf("batch %+v", b)
		}
	}
	if got := botMessages(tg, newID); len(got) != 2 || got[0].Text != "message 1" || got[1].Text != "message 2" {
		t.Errorf("supergroup got %+v, want both messages", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(moved) != 1 || moved[0] != [2]int64{oldID, newID} {
		t.Errorf("OnChatMigrated calls %v, want one from %d to %d", moved, oldID, newID)
	}
	var active bool
	var migratedTo *int64
	if err := pool.QueryRow(ctx, `select active, migrated_to from chats where id = $1`, oldID).Scan(&active, &migratedTo); err != nil {
		t.Fatal(err)
	}
	if active || migratedTo == nil || *migratedTo != newID {
		t.Errorf("old chat active=%v migrated_to=%v", active, migratedTo)
	}
	var typ, title, deliveredTo, setting string
	err := pool.QueryRow(ctx, `select type, title, (select delivered_to from outbox_messages where key = 'first'),
		(select value from settings where key = 'moved') from chats where id = $1 and active`, newID).
		Scan(&typ, &title, &deliveredTo, &setting)
	if err != nil {
		t.Fatal(err)
	}
	if typ != "supergroup" || title != "Sales" || deliveredTo != strconv.FormatInt(newID, 10) || setting != deliveredTo {
		t.Errorf("new chat %s %q, delivered to %s, hook wrote %q", typ, title, deliveredTo, setting)
	}
}

func TestBlockedUserFailsWithoutRetries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice, bob := user(tg, 104), user(tg, 105)
	tg.BlockBot(alice)
	for _, id := range []int64{alice.ID, bob.ID} {
		if _, err := pool.Exec(ctx, `insert into users (id, role) values ($1, 'manager')`, id); err != nil {
			t.Fatal(err)
		}
		if _, err := pool.Exec(ctx, `insert into chats (id, type) values ($1, 'private')`, id); err != nil {
			t.Fatal(err)
		}
	}
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	var msgs []notify.Message
	for _, u := range []telegramtest.User{alice, bob} {
		msgs = append(msgs, notify.Message{Key: fmt.Sprint("kpi:", u.ID), Batch: "kpi",
			Telegram: &notify.Telegram{ChatID: u.ID, Text: "KPI"}})
	}
	if err := ob.Enqueue(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	b := waitBatch(t, ob, "kpi", patience)
	want := notify.Failure{Recipient: strconv.FormatInt(alice.ID, 10), Code: notify.CodeBlocked, Reason: "bot blocked by user"}
	if b.Total != 2 || b.Delivered != 1 || b.Failed != 1 || len(b.Failures) != 1 ||
		b.Failures[0].Recipient != want.Recipient || b.Failures[0].Code != want.Code || b.Failures[0].Reason != want.Reason {
		t.Fatalf("batch %+v, want one delivered and %+v", b, want)
	}
	var reachable, active bool
	if err := pool.QueryRow(ctx, `select u.reachable, c.active from users u join chats c using (id) where id = $1`, alice.ID).
		Scan(&reachable, &active); err != nil {
		t.Fatal(err)
	}
	if reachable || active {
		t.Errorf("blocked user reachable=%v, chat active=%v; want both false", reachable, active)
	}
	if err := pool.QueryRow(ctx, `select u.reachable, c.active from users u join chats c using (id) where id = $1`, bob.ID).
		Scan(&reachable, &active); err != nil || !reachable || !active {
		t.Errorf("bob reachable=%v, active=%v (%v); want both true", reachable, active, err)
	}
	attempt, state := riverJob(t, pool, fmt.Sprint("kpi:", alice.ID))
	if attempt != 1 || state != "cancelled" {
		t.Errorf("river job attempt %d, state %s; want 1, cancelled", attempt, state)
	}
	sends := 0
	for _, c := range tg.Calls("sendMessage") {
		if c.Params["chat_id"] == want.Recipient {
			sends++
		}
	}
	if sends != 1 {
		t.Errorf("%d sends to the blocked user, want 1", sends)
	}
}

func TestServerErrorsRetry(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 106)
	tg.FailNext("sendMessage", 500, 0)
	tg.FailNext("sendMessage", 502, 0)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast, MaxAttempts: 3, RetryDelay: 20 * time.Millisecond})
	ctx := context.Background()
	if err := ob.Enqueue(ctx, notify.Message{Key: "5xx", Batch: "5xx", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "up"}}); err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "5xx", patience); b.Delivered != 1 {
		t.Fatalf("batch %+v", b)
	}
	if attempt, state := riverJob(t, pool, "5xx"); attempt != 3 || state != "completed" {
		t.Errorf("river job attempt %d, state %s; want 3, completed", attempt, state)
	}
	for range 3 {
		tg.FailNext("sendMessage", 500, 0)
	}
	if err := ob.Enqueue(ctx, notify.Message{Key: "down", Batch: "down", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "down"}}); err != nil {
		t.Fatal(err)
	}
	b := waitBatch(t, ob, "down", patience)
	if b.Failed != 1 || b.Failures[0].Code != notify.CodeUnavailable {
		t.Fatalf("batch %+v, want a failure for an unavailable Telegram", b)
	}
	if attempt, state := riverJob(t, pool, "down"); attempt != 3 || state != "discarded" {
		t.Errorf("river job attempt %d, state %s; want 3, discarded", attempt, state)
	}
}

// riverJob returns the attempt and state of the message's River job once
// River has recorded how its last run ended, which it does a moment after
// our own record.
func riverJob(t testing.TB, pool *pgxpool.Pool, key string) (attempt int, state string) {
	t.Helper()
	// Still running at the timeout: the caller's check reports the state.
	testwait.Until(testwait.Timeout, func() bool {
		err := pool.QueryRow(context.Background(), `select attempt, state from river_job where args->>'key' = $1`, key).
			Scan(&attempt, &state)
		if err != nil {
			t.Fatalf("river job of %s: %v", key, err)
		}
		return state != "running"
	})
	return attempt, state
}
