package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"processet/domain"
	"processet/internal/testdb"
	"processet/internal/testwait"
	"processet/storage"
)

func saveUpdates(t *testing.T, db *storage.DB, ups ...domain.InboundUpdate) {
	t.Helper()
	for _, u := range ups {
		u.Body = []byte(fmt.Sprintf(`{"update_id":%d}`, u.ID))
		if fresh, err := db.SaveUpdate(context.Background(), u); err != nil || !fresh {
			t.Fatalf("save %d: %v %v", u.ID, fresh, err)
		}
	}
}

func ids(ups []domain.InboundUpdate) string {
	s := ""
	for _, u := range ups {
		s += fmt.Sprintf("%d;", u.ID)
	}
	return s
}

// TestUpdatesAreStoredOnceAndTakenInChatOrder: a redelivered update is
// not stored again; a chat's next update is claimed only once the one
// before is done, while other chats go on; claims of another worker are
// not taken until they run out or are released.
func TestUpdatesAreStoredOnceAndTakenInChatOrder(t *testing.T) {
	ctx := context.Background()
	db := storage.New(testdb.New(t))
	saveUpdates(t, db, domain.InboundUpdate{ID: 1, ChatID: 10}, domain.InboundUpdate{ID: 2, ChatID: 10}, domain.InboundUpdate{ID: 3, ChatID: 20})
	if fresh, err := db.SaveUpdate(ctx, domain.InboundUpdate{ID: 1, ChatID: 10, Body: []byte(`{"update_id":1}`)}); err != nil || fresh {
		t.Errorf("redelivery stored: %v %v", fresh, err)
	}
	a, err := db.ClaimUpdates(ctx, "a", time.Minute, 10)
	if err != nil || ids(a) != "1;3;" || string(a[0].Body) != `{"update_id": 1}` || a[0].Attempts != 1 {
		t.Fatalf("first claim %s %+v %v", ids(a), a, err)
	}
	if b, err := db.ClaimUpdates(ctx, "b", time.Minute, 10); err != nil || len(b) != 0 {
		t.Fatalf("second worker took %s %v while chat 10's first is not done", ids(b), err)
	}
	if err := db.FinishUpdate(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if b, err := db.ClaimUpdates(ctx, "b", time.Minute, 10); err != nil || ids(b) != "2;" {
		t.Fatalf("after 1 was done, b took %s %v", ids(b), err)
	}
	// a crashed with 3 claimed and restarts under its name.
	if n, err := db.ReleaseUpdates(ctx, "a"); err != nil || n != 1 {
		t.Fatalf("release: %d %v", n, err)
	}
	if again, err := db.ClaimUpdates(ctx, "a", time.Minute, 10); err != nil || ids(again) != "3;" || again[0].Attempts != 2 {
		t.Fatalf("after release: %s %v", ids(again), err)
	}
	if n, _ := db.WaitingUpdates(ctx); n != 2 {
		t.Errorf("waiting %d, want 2", n)
	}
	// A claim that ran out is taken by anyone.
	saveUpdates(t, db, domain.InboundUpdate{ID: 4, ChatID: 30})
	if got, _ := db.ClaimUpdates(ctx, "a", time.Millisecond, 10); ids(got) != "4;" {
		t.Fatalf("claim 4: %s", ids(got))
	}
	testwait.Eventually(t, "the lapsed claim taken over", func() bool {
		got, _ := db.ClaimUpdates(ctx, "b", time.Minute, 10)
		return ids(got) == "4;"
	})
	for _, id := range []int64{2, 3, 4} {
		_ = db.FinishUpdate(ctx, id)
	}
	if err := db.PruneUpdates(ctx, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if fresh, _ := db.SaveUpdate(ctx, domain.InboundUpdate{ID: 1, Body: []byte(`{}`)}); !fresh {
		t.Errorf("a pruned update is still known")
	}
}

// TestOneLeaderAndTakeover: of two replicas one leads; when it leaves,
// the other leads.
func TestOneLeaderAndTakeover(t *testing.T) {
	db := storage.New(testdb.New(t))
	ctxA, stopA := context.WithCancel(context.Background())
	a := db.NewLeader(storage.LeaderKey, 20*time.Millisecond, nil)
	doneA := a.Join(ctxA)
	if !a.Leading() {
		t.Fatal("the first replica does not lead at once")
	}
	ctxB, stopB := context.WithCancel(context.Background())
	defer func() { stopB() }()
	b := db.NewLeader(storage.LeaderKey, 20*time.Millisecond, nil)
	doneB := b.Join(ctxB)
	if b.Leading() || b.IsLeader(ctxB) == nil {
		t.Fatal("two leaders")
	}
	termB := make(chan (<-chan struct{}), 1)
	go func() {
		term, _ := b.Await(ctxB)
		termB <- term
	}()
	stopA()
	<-doneA
	select {
	case term := <-termB:
		if term == nil || !b.Leading() || b.IsLeader(ctxB) != nil {
			t.Fatal("b got no term")
		}
		stopB()
		<-term // the term ends with the replica
	case <-time.After(30 * time.Second):
		t.Fatal("no takeover within 30 s")
	}
	<-doneB
}

// TestTurnsAreSharedAcrossProcesses: two callers (two replicas' pools) of
// one limit get turns an interval apart, however they interleave.
func TestTurnsAreSharedAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	pool := testdb.New(t)
	a, b := storage.New(pool), storage.New(pool)
	const interval = 40 * time.Millisecond
	start := time.Now()
	for i := range 6 {
		db := a
		if i%2 == 1 {
			db = b
		}
		if err := db.TakeTurn(ctx, "amocrm:test", interval); err != nil {
			t.Fatal(err)
		}
	}
	// Six turns: the first at once, the sixth five intervals later.
	if got := time.Since(start); got < 5*interval {
		t.Errorf("six turns took %v, less than five intervals", got)
	}
}
