package notify_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/notify"
)

func TestRolledBackEnqueueSendsNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice, bob := user(tg, 201), user(tg, 202)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `insert into settings (key, value) values ('task', 'assigned')`); err != nil {
		t.Fatal(err)
	}
	if err := ob.EnqueueTx(ctx, tx, notify.Message{Key: "rolled", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "never"}}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	// A committed message after it: once it arrives, the rolled-back one
	// would have arrived too.
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `insert into settings (key, value) values ('task', 'assigned')`); err != nil {
			return err
		}
		return ob.EnqueueTx(ctx, tx, notify.Message{Key: "kept", Batch: "kept", Telegram: &notify.Telegram{ChatID: bob.ID, Text: "kept"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	waitBatch(t, ob, "kept", patience)
	if got := botMessages(tg, alice.ID); len(got) != 0 {
		t.Errorf("a rolled-back message was sent: %+v", got)
	}
	var rows, jobs int
	err = pool.QueryRow(ctx, `select (select count(*) from outbox_messages where key = 'rolled'),
		(select count(*) from river_job where args->>'key' = 'rolled')`).Scan(&rows, &jobs)
	if err != nil || rows != 0 || jobs != 0 {
		t.Errorf("rolled-back message left %d rows and %d jobs (%v)", rows, jobs, err)
	}
}

func TestRepeatedKeySendsOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 203)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	msg := func(text string) notify.Message {
		return notify.Message{Key: "reminder:9:24h", Batch: "once", Telegram: &notify.Telegram{ChatID: alice.ID, Text: text}}
	}
	if err := ob.Enqueue(ctx, msg("first"), msg("second")); err != nil {
		t.Fatal(err)
	}
	waitBatch(t, ob, "once", patience)
	if err := ob.Enqueue(ctx, msg("third")); err != nil { // a rerun after delivery
		t.Fatal(err)
	}
	waitBatch(t, ob, "once", patience)
	// A message queued after the rerun: once it is delivered, the outbox
	// has worked through what was queued before it.
	after := notify.Message{Key: "reminder:9:2h", Batch: "after", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "after"}}
	if err := ob.Enqueue(ctx, after); err != nil {
		t.Fatal(err)
	}
	waitBatch(t, ob, "after", patience)
	if got := botMessages(tg, alice.ID); len(got) != 2 || got[0].Text != "first" || got[1].Text != "after" {
		t.Errorf("got %+v, want only the first and the one after", got)
	}
}

// TestRestartMidFanOut stops an outbox in the middle of a fan-out, with
// sends in flight whose answers Telegram is slow to give, and finishes the
// fan-out with a new outbox on the same database: every message arrives
// exactly once.
func TestRestartMidFanOut(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	target, _ := url.Parse(tg.URL)
	slow := httputil.NewSingleHostReverseProxy(target)
	slow.ModifyResponse = func(*http.Response) error {
		time.Sleep(150 * time.Millisecond) // Telegram has the message; the answer is on its way
		return nil
	}
	proxy := httptest.NewServer(slow)
	t.Cleanup(proxy.Close)

	const n = 30
	var msgs []notify.Message
	for i := range n {
		u := user(tg, int64(3000+i))
		msgs = append(msgs, notify.Message{Key: fmt.Sprint("restart:", u.ID), Batch: "restart",
			Telegram: &notify.Telegram{ChatID: u.ID, Text: fmt.Sprint("digest for ", u.ID)}})
	}
	first, err := notify.New(pool, notify.Config{Bot: newBot(t, proxy.URL), Logger: testLogger(t), Workers: 3,
		Limits: notify.Limits{PerSecond: 15, PerChat: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Enqueue(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	if err := first.Start(ctx); err != nil {
		t.Fatal(err)
	}
	testwait.Eventually(t, "six sends in flight", func() bool { return total(tg) >= 6 })
	stop(t, first)
	sent := total(tg)
	b, err := first.BatchStatus(ctx, "restart")
	if err != nil {
		t.Fatal(err)
	}
	if sent >= n || b.Delivered != sent {
		t.Fatalf("after stop: Telegram has %d messages, the outbox recorded %d of %d; want them equal and short of all",
			sent, b.Delivered, n)
	}
	t.Logf("stopped after %d of %d", sent, n)

	second := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	if b := waitBatch(t, second, "restart", patience); b.Delivered != n {
		t.Fatalf("batch %+v", b)
	}
	for i := range n {
		if got := botMessages(tg, int64(3000+i)); len(got) != 1 {
			t.Errorf("chat %d got %d messages, want 1", 3000+i, len(got))
		}
	}
	var uncertain int
	if err := pool.QueryRow(ctx, `select count(*) from outbox_messages where uncertain`).Scan(&uncertain); err != nil || uncertain != 0 {
		t.Errorf("%d messages marked uncertain (%v), want 0 after a graceful stop", uncertain, err)
	}
}

// total counts the messages Telegram accepted.
func total(tg *telegramtest.Server) int {
	n := 0
	for _, c := range tg.Stats().Delivered {
		n += c
	}
	return n
}

// TestResendAfterDeathMidSend plays the one case the outbox cannot make
// exactly-once: a process died after marking a message sending and before
// recording the answer. The message is sent again and marked uncertain.
func TestResendAfterDeathMidSend(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 204)
	cfg := notify.Config{Bot: newBot(t, tg.URL), Limits: fast, Logger: testLogger(t)}
	ob, err := notify.New(pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := ob.Enqueue(ctx, notify.Message{Key: "crash", Batch: "crash", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "hi"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `update outbox_messages set state = 'sending', attempts = 1 where key = 'crash'`); err != nil {
		t.Fatal(err)
	}
	ob = start(t, pool, cfg)
	waitBatch(t, ob, "crash", patience)
	var uncertain bool
	var attempts int
	if err := pool.QueryRow(ctx, `select uncertain, attempts from outbox_messages where key = 'crash'`).Scan(&uncertain, &attempts); err != nil {
		t.Fatal(err)
	}
	if !uncertain || attempts != 2 {
		t.Errorf("uncertain=%v attempts=%d; want true, 2", uncertain, attempts)
	}
}

// TestLostAnswerIsResentAndFlagged plays the hard case over the network:
// Telegram takes the message but its answer never arrives. The outbox
// cannot know whether the message arrived, so it sends it again, and
// marks it uncertain; the recipient sees it twice. This is the duplicate
// the package documentation owns up to.
func TestLostAnswerIsResentAndFlagged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 205)
	target, _ := url.Parse(tg.URL)
	forward := httputil.NewSingleHostReverseProxy(target)
	var lost atomic.Bool
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/sendMessage") || lost.Swap(true) {
			forward.ServeHTTP(w, r)
			return
		}
		forward.ServeHTTP(httptest.NewRecorder(), r) // Telegram has it…
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close() // …and the answer is lost
		}
	}))
	t.Cleanup(proxy.Close)
	ob := start(t, pool, notify.Config{Bot: newBot(t, proxy.URL), Limits: fast, RetryDelay: 20 * time.Millisecond})
	if err := ob.Enqueue(ctx, notify.Message{Key: "lost", Batch: "lost", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "hi"}}); err != nil {
		t.Fatal(err)
	}
	if b := waitBatch(t, ob, "lost", patience); b.Delivered != 1 {
		t.Fatalf("batch %+v", b)
	}
	var uncertain bool
	if err := pool.QueryRow(ctx, `select uncertain from outbox_messages where key = 'lost'`).Scan(&uncertain); err != nil {
		t.Fatal(err)
	}
	if got := len(botMessages(tg, alice.ID)); got != 2 || !uncertain {
		t.Errorf("%d messages, uncertain=%v; want the resend (2) flagged", got, uncertain)
	}
	var errs string
	if err := pool.QueryRow(ctx, `select errors::text from river_job where args->>'key' = 'lost'`).Scan(&errs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs, "EOF") || strings.Contains(errs, "123:TEST") {
		t.Errorf("recorded errors %s: want the lost answer, without the bot token", errs)
	}
}

func TestEnqueueRejectsBadMessages(t *testing.T) {
	t.Parallel()
	ob, err := notify.New(newPool(t), notify.Config{Bot: newBot(t, "http://127.0.0.1:9"),
		Mail: &notify.MailConfig{Host: "127.0.0.1", Port: 9}})
	if err != nil {
		t.Fatal(err)
	}
	text := &notify.Telegram{ChatID: 1, Text: "hi"}
	for name, m := range map[string]notify.Message{
		"no key":           {Telegram: text},
		"no channel":       {Key: "k"},
		"two channels":     {Key: "k", Telegram: text, Email: &notify.Email{To: "a@b.c", Text: "x"}},
		"no chat":          {Key: "k", Telegram: &notify.Telegram{Text: "hi"}},
		"nothing to say":   {Key: "k", Telegram: &notify.Telegram{ChatID: 1}},
		"button no action": {Key: "k", Telegram: &notify.Telegram{ChatID: 1, Text: "x", Buttons: [][]notify.Button{{{Text: "b"}}}}},
		"long callback": {Key: "k", Telegram: &notify.Telegram{ChatID: 1, Text: "x",
			Buttons: [][]notify.Button{{{Text: "b", Unique: "task", Data: strings.Repeat("9", 60)}}}}},
		"bad address":  {Key: "k", Email: &notify.Email{To: "nobody", Text: "x"}},
		"empty e-mail": {Key: "k", Email: &notify.Email{To: "a@b.c", Subject: "s"}},
		"nameless file": {Key: "k", Email: &notify.Email{To: "a@b.c", Text: "x",
			Attachments: []notify.File{{Data: []byte("x")}}}},
	} {
		if err := ob.Enqueue(context.Background(), m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := ob.BatchStatus(context.Background(), "nobody's"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown batch: %v, want ErrNotFound", err)
	}
}
