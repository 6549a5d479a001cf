package notify_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"processet/internal/telegramtest"
	"processet/internal/testwait"
	"processet/notify"
)

// TestBacklogAndDeliveryHook: queued messages show in the backlog until
// they go, and every send attempt reaches OnDelivery with its outcome.
func TestBacklogAndDeliveryHook(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, tg := newPool(t), telegramtest.NewServer(t)
	alice := user(tg, 101)
	var mu sync.Mutex
	outcomes := map[string]int{}
	cfg := notify.Config{Bot: newBot(t, tg.URL), Limits: fast, Logger: testLogger(t), OnDelivery: func(channel, outcome string) {
		mu.Lock()
		defer mu.Unlock()
		outcomes[channel+" "+outcome]++
	}}
	ob, err := notify.New(pool, cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = ob.Enqueue(ctx,
		notify.Message{Key: "a", Batch: "b", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "one"}},
		notify.Message{Key: "b", Batch: "b", Telegram: &notify.Telegram{ChatID: alice.ID, Text: "two"}})
	if err != nil {
		t.Fatal(err)
	}
	backlog, err := ob.Backlog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(backlog) != 2 || backlog[0].Queue != "notify_telegram" || backlog[0].Jobs["available"] != 2 ||
		backlog[0].Oldest < 0 || backlog[1].Queue != "notify_email" || len(backlog[1].Jobs) != 0 {
		t.Fatalf("backlog before start: %+v", backlog)
	}

	tg.FailNext("sendMessage", http.StatusTooManyRequests, 1)
	if err := ob.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, ob) })
	if b := waitBatch(t, ob, "b", patience); b.Delivered != 2 {
		t.Fatalf("batch %+v", b)
	}
	mu.Lock()
	got := map[string]int{"telegram delivered": outcomes["telegram delivered"], "telegram rate_limited": outcomes["telegram rate_limited"]}
	mu.Unlock()
	if got["telegram delivered"] != 2 || got["telegram rate_limited"] != 1 {
		t.Errorf("outcomes %v", got)
	}
	// River completes a job just after its send is recorded.
	testwait.Eventually(t, "an empty backlog", func() bool {
		backlog, err = ob.Backlog(ctx)
		return err == nil && backlog[0].Jobs["available"]+backlog[0].Jobs["running"]+backlog[0].Jobs["retryable"] == 0 &&
			backlog[0].Oldest == 0
	})
}
