package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// updateQueue is the table of received updates, shared by the replicas.
type updateQueue interface {
	ClaimUpdates(ctx context.Context, owner string, lease time.Duration, limit int) ([]domain.InboundUpdate, error)
	FinishUpdate(ctx context.Context, id int64) error
	ReleaseUpdates(ctx context.Context, owner string) (int, error)
}

// maxUpdateAttempts is how often an update is taken up before it is given
// up: one that was claimed this often took its process down each time (a
// handler's panic is recovered, so only a crash or a hang gets here).
const maxUpdateAttempts = 5

// UpdateWorker handles the updates the webhook stored, on every replica:
// it claims waiting ones (a chat's next only when its previous is done),
// runs each through the bot and marks it done. A claim lasts Lease; the
// claims of a replica that died run out and another replica takes them,
// and a replica that restarts under its old name releases its own at once.
type UpdateWorker struct {
	Queue   updateQueue
	Process func(tele.Update) // runs the update's handler to its end
	Owner   string            // this replica's name in claims
	Lease   time.Duration     // how long a claim holds (default 1 min: twice a handler's limit)
	Workers int               // updates handled at once (default 16)
	Poll    time.Duration     // how often the table is looked at without a wake-up (default 1 s)
	// MaxWait is how long an update may have been stored when its turn
	// comes and still be handled; an older one goes to Late instead. Above
	// capacity the table is where updates wait, and without this a burst
	// left a backlog of seconds that every later update waited behind.
	MaxWait time.Duration
	// Late answers an update that waited longer than MaxWait, as the
	// bot's queue answers what it gives up; nil handles every update.
	Late   func(tele.Update)
	Logger *slog.Logger

	wakeOnce sync.Once
	wake     chan struct{}
}

func (w *UpdateWorker) init() {
	w.wakeOnce.Do(func() { w.wake = make(chan struct{}, 1) })
}

// Wake tells the worker there is a new update, so it need not wait for
// its next look.
func (w *UpdateWorker) Wake() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run handles updates until ctx ends, then waits for those under way.
func (w *UpdateWorker) Run(ctx context.Context) {
	w.init()
	log := w.Logger
	if log == nil {
		log = slog.Default()
	}
	lease, workers, poll := w.Lease, w.Workers, w.Poll
	if lease <= 0 {
		lease = time.Minute
	}
	if workers <= 0 {
		workers = 16
	}
	if poll <= 0 {
		poll = time.Second
	}
	if n, err := w.Queue.ReleaseUpdates(ctx, w.Owner); err != nil {
		log.Warn("release updates claimed before a restart", "err", err)
	} else if n > 0 {
		log.Info("updates left unfinished by the last run are handled again", "updates", n)
	}
	slots := make(chan struct{}, workers)
	var running sync.WaitGroup
	defer running.Wait()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for ctx.Err() == nil {
		free := workers - len(slots)
		var claimed []domain.InboundUpdate
		if free > 0 {
			var err error
			if claimed, err = w.Queue.ClaimUpdates(ctx, w.Owner, lease, free); err != nil && ctx.Err() == nil {
				log.Error("claim updates", "err", err)
			}
		}
		for _, u := range claimed {
			slots <- struct{}{}
			running.Add(1)
			go func() {
				defer running.Done()
				defer func() { <-slots; w.Wake() }() // a chat's next update may be waiting for this one
				w.handle(u, log)
			}()
		}
		if len(claimed) == free && free > 0 {
			continue // there may be more
		}
		select {
		case <-ctx.Done():
		case <-w.wake:
		case <-tick.C:
		}
	}
}

// handle runs one update and marks it done, even while shutting down: a
// handled update must not be handled again.
func (w *UpdateWorker) handle(u domain.InboundUpdate, log *slog.Logger) {
	var up tele.Update
	switch err := json.Unmarshal(u.Body, &up); {
	case err != nil:
		log.Error("stored update unreadable: dropped", "update_id", u.ID, "err", err)
	case u.Attempts > maxUpdateAttempts:
		log.Error("update taken up too often without finishing: dropped", "update_id", u.ID, "attempts", u.Attempts)
	case w.Late != nil && w.MaxWait > 0 && u.Waited > w.MaxWait && u.Attempts == 1 && (up.Message != nil || up.Callback != nil):
		// A first attempt only: one taken up again after a crash was
		// waited on by the crash, not by the load, and is handled. Only
		// what a person sent is answered so: a change of the bot's
		// membership in a chat is handled however late.
		w.Late(up)
	default:
		w.Process(up)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := w.Queue.FinishUpdate(ctx, u.ID); err != nil {
		log.Error("mark update handled", "update_id", u.ID, "err", err)
	}
}
