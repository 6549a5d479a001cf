package app

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-co-op/gocron/v2"

	"processet/internal/testdb"
	"processet/internal/testwait"
	"processet/storage"
)

// TestJobsRunOnTheLeaderOnly: two replicas schedule the same job; only
// the leader's runs, and when it goes the other's do.
func TestJobsRunOnTheLeaderOnly(t *testing.T) {
	db := storage.New(testdb.New(t))
	log := slog.New(slog.DiscardHandler)
	var runs [2]atomic.Int32
	var stops [2]func()
	var leaders [2]context.CancelFunc
	var done [2]<-chan struct{}
	for i := range 2 {
		ctx, cancel := context.WithCancel(context.Background())
		leaders[i] = cancel
		l := db.NewLeader(storage.LeaderKey, 20*time.Millisecond, log)
		done[i] = l.Join(ctx)
		stop, err := startJobs(ctx, time.UTC, []job{{name: "count", every: 10 * time.Millisecond, run: func(context.Context) error {
			runs[i].Add(1)
			return nil
		}}}, log, gocron.WithDistributedElector(l))
		if err != nil {
			t.Fatal(err)
		}
		stops[i] = stop
	}
	defer func() {
		for i := range 2 {
			leaders[i]()
			stops[i]()
			<-done[i]
		}
	}()
	testwait.Eventually(t, "the leader's job running", func() bool { return runs[0].Load() >= 5 })
	if n := runs[1].Load(); n != 0 {
		t.Fatalf("the follower ran the job %d times", n)
	}
	leaders[0]()
	<-done[0]
	stops[0]()
	testwait.Eventually(t, "the job running on the new leader", func() bool { return runs[1].Load() >= 1 })
}
