package notify_test

import (
	"context"
	"testing"

	"processet/internal/telegramtest"
	"processet/notify"
)

// TestRestartAfterStop: the outbox runs only on the replica that leads,
// so it is stopped when leadership goes and started when it comes back;
// what was queued meanwhile goes out after the restart.
func TestRestartAfterStop(t *testing.T) {
	t.Parallel()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 101)
	ob := start(t, pool, notify.Config{Bot: newBot(t, tg.URL), Limits: fast})
	stop(t, ob)
	if err := ob.Enqueue(context.Background(), notify.Message{Key: "k1", Batch: "b1",
		Telegram: &notify.Telegram{ChatID: alice.ID, Text: "while stopped"}}); err != nil {
		t.Fatal(err)
	}
	if err := ob.Start(context.Background()); err != nil {
		t.Fatalf("start again: %v", err)
	}
	if b := waitBatch(t, ob, "b1", patience); b.Delivered != 1 {
		t.Fatalf("batch %+v, want 1 delivered", b)
	}
}
