package riverlease_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"processet/internal/riverlease"
	"processet/internal/testdb"
	"processet/internal/testwait"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// TestGuardHoldsItsLease: a started guard's lock is in pg_locks, under the
// key others look for; Stop frees it, so its jobs may be rescued.
func TestGuardHoldsItsLease(t *testing.T) {
	ctx := context.Background()
	pool := testdb.New(t)
	id := riverlease.NewClientID("mining-")
	if !strings.HasPrefix(id, "mining-") || id == riverlease.NewClientID("mining-") {
		t.Fatalf("client ID %q", id)
	}
	g := riverlease.New(pool, id, "mining-", []string{"mining"}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if g.ID() != id {
		t.Fatalf("guard of %q", g.ID())
	}
	class, key := riverlease.Lock(id)
	held := func() bool {
		var n int
		err := pool.QueryRow(ctx, `select count(*) from pg_locks where locktype = 'advisory' and granted
			and classid = $1::bigint::oid and objid = $2::bigint::oid and objsubid = 2`, int64(class), int64(key)).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	if err := g.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if !held() {
		t.Fatal("no lease while the guard runs")
	}
	g.Stop()
	// The server ends the closed session a moment after the client.
	testwait.Eventually(t, "the lease freed after Stop", func() bool { return !held() })
}
