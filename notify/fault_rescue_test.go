package notify_test

import (
	"context"
	"testing"

	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/notify"
)

// TestRescueSendsOfDeadProcess plays two other processes that each left
// a send running: one died (its lease is gone), one lives (the test holds
// its lease). A new outbox resends the dead one's message at once, flagged
// uncertain, and leaves the live one's alone until its lease goes too.
func TestRescueSendsOfDeadProcess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice, bob := user(tg, 211), user(tg, 212)
	dead, alive := notify.ClientPrefix+"dead", notify.ClientPrefix+"alive"
	cfg := notify.Config{Bot: newBot(t, tg.URL), Limits: fast, Logger: testLogger(t)}
	ob, err := notify.New(pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = ob.Enqueue(ctx,
		notify.Message{Key: "of-dead", Batch: "dead", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "from the dead"}},
		notify.Message{Key: "of-alive", Batch: "alive", Telegram: &notify.Telegram{ChatID: bob.ID, Text: "from the living"}})
	if err != nil {
		t.Fatal(err)
	}
	// What a process leaves behind mid-send: the row marked sending, the
	// job running under its client.
	for key, client := range map[string]string{"of-dead": dead, "of-alive": alive} {
		if _, err := pool.Exec(ctx, `update outbox_messages set state = 'sending', attempts = 1 where key = $1`, key); err != nil {
			t.Fatal(err)
		}
		if _, err := pool.Exec(ctx, `update river_job set state = 'running', attempt = 1, attempted_at = now(),
			attempted_by = array[$2::text] where args->>'key' = $1`, key, client); err != nil {
			t.Fatal(err)
		}
	}
	holder, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	class, key := notify.LeaseLock(alive)
	if _, err := holder.Exec(ctx, `select pg_advisory_lock($1, $2)`, class, key); err != nil {
		t.Fatal(err)
	}

	ob = start(t, pool, cfg)
	if b := waitBatch(t, ob, "dead", patience); b.Delivered != 1 {
		t.Fatalf("the dead process's message: %+v", b)
	}
	// Both jobs were judged in the same sweeps: the live one is still its
	// owner's.
	var state string
	if err := pool.QueryRow(ctx, `select state from river_job where args->>'key' = 'of-alive'`).Scan(&state); err != nil || state != "running" {
		t.Fatalf("the live process's job is %q (%v), want running", state, err)
	}
	if got := botMessages(tg, bob.ID); len(got) != 0 {
		t.Fatalf("the live process's message was sent again: %+v", got)
	}
	var uncertain bool
	if err := pool.QueryRow(ctx, `select uncertain from outbox_messages where key = 'of-dead'`).Scan(&uncertain); err != nil || !uncertain {
		t.Errorf("rescued message uncertain=%v (%v), want true", uncertain, err)
	}

	holder.Conn().Close(ctx) // the live process dies too
	holder.Release()
	if b := waitBatch(t, ob, "alive", patience); b.Delivered != 1 {
		t.Fatalf("the second process's message after its death: %+v", b)
	}
	testwait.Eventually(t, "one message each", func() bool {
		return len(botMessages(tg, alice.ID)) == 1 && len(botMessages(tg, bob.ID)) == 1
	})
}
