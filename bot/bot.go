// Package bot is Processet's Telegram front: commands, buttons and the
// views they show. Handlers read as parse → domain → render; data comes
// through small interfaces, never from SQL directly.
package bot

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/charts"
	"processet/domain"
	"processet/internal/logctx"
)

// store is everything the bot reads and writes.
type store interface {
	userStore
	dashboardStore
	teamStore
	dealStore
	crmDrafts
}

// renderer draws the dashboard cards.
type renderer interface {
	Home(ctx context.Context, c charts.HomeCard) ([]byte, error)
	Area(ctx context.Context, c charts.AreaCard) ([]byte, error)
	Ideas(ctx context.Context, c charts.IdeasCard) ([]byte, error)
}

// Config is what the bot needs to know about its deployment.
type Config struct {
	Admins      []int64 // Telegram IDs that are always admins
	Loc         *time.Location
	Version     string
	Database    string // how the database runs, for /status: "embedded" or "external"
	MaxHandlers int    // updates handled at once; more wait in the queue
	// MaxQueued bounds the updates waiting in all chats (default 16 per
	// handler), QueuedPerChat those of one chat (default 8); queue.go has
	// what happens beyond.
	MaxQueued, QueuedPerChat int
	// MaxPressWait is how long a button press may wait for its turn
	// before it is answered "too many requests" (default 1 s).
	MaxPressWait time.Duration
	// CardCacheBytes bounds the memory of drawn cards kept for views
	// whose data has not changed: 0 takes DefaultCardCacheBytes, a
	// negative value draws every card afresh.
	CardCacheBytes int64
	// HomeMaxAge is how old the home card's figures may be for someone who
	// has changed nothing since they were read (home_snapshot.go): 0 takes
	// DefaultHomeMaxAge, a negative value reads them for every view.
	HomeMaxAge time.Duration
	// CRMRequests counts requests made to amoCRM, for /status; without
	// amoCRM it answers 0 (and /status has no sync to show it under). Nil
	// leaves the count out.
	CRMRequests func() int64
	// Mail is the e-mail channel's state for /status: whether it is
	// configured and, when the last check or delivery found trouble, its
	// reason code (as in delivery reports) and a one-line detail.
	Mail func() (configured bool, code, detail string)
	// CRM connects amoCRM with an OAuth code an admin sends (/amocrm).
	CRM interface {
		Connect(ctx context.Context, code string) error
	}
	// Intake says how updates reach this replica, for /status; nil
	// leaves it out.
	Intake func(ctx context.Context) Intake
	// Mining is the Task Mining area: its dashboard, recompute, processes
	// and imports.
	Mining miningService
	// Ideas is the process improvement area: proposing, voting,
	// deciding, the ideas group and the dashboard.
	Ideas ideaService
	// Maps draws process maps; nil runs Graphviz dot from PATH.
	Maps   mapRenderer
	Now    func() time.Time
	Logger *slog.Logger
	// Observer hears of every update handled, for metrics; nil: nobody.
	Observer Observer
}

// Handler holds the bot's dependencies and implements every handler.
type Handler struct {
	bot     *tele.Bot
	store   store
	render  renderer
	cards   *cardCache
	tasks   taskService
	subs    subscriptions
	deals   dealService
	ideas   ideaService
	cfg     Config
	log     *slog.Logger
	started time.Time

	queue    *queue         // bounds and orders running and waiting handlers
	inflight sync.WaitGroup // handlers and their follow-ups still running, for shutdown
	// dealLists is the deals list each user saw last (user ID → dealList),
	// where a deal card's "back to the list" returns: the card's buttons
	// have no room left to carry it.
	dealLists sync.Map
	// miningRuns is set while this process runs a Task Mining recompute,
	// so that a second «Get data» is told at once.
	miningRuns atomic.Bool
	maps       *processMaps    // process map pictures, recent ones kept
	life       context.Context // cancelled by Wait: follow-ups wrap up
	stop       context.CancelFunc

	updates, errors, running atomic.Int64
	observe                  Observer
	routes                   map[string]bool // every registered command and "btn:"+button kind, for route
	views                    map[string]bool // the routes that only show, and change nothing
	homes                    *homeSnapshots  // the home card's figures, shared for a moment
}

// New wires the handlers into b. b must not have handlers yet.
func New(b *tele.Bot, s store, r renderer, tasks taskService, subs subscriptions, deals dealService, cfg Config) *Handler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Loc == nil {
		cfg.Loc = time.UTC
	}
	if cfg.MaxHandlers <= 0 {
		cfg.MaxHandlers = 16
	}
	if cfg.MaxQueued <= 0 {
		cfg.MaxQueued = 16 * cfg.MaxHandlers
	}
	if cfg.QueuedPerChat <= 0 {
		cfg.QueuedPerChat = 8
	}
	if cfg.MaxPressWait <= 0 {
		cfg.MaxPressWait = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	h := &Handler{bot: b, store: s, render: r, cards: newCardCache(cfg.CardCacheBytes), homes: newHomeSnapshots(cfg.HomeMaxAge, nil), tasks: tasks, subs: subs, deals: deals, ideas: cfg.Ideas, cfg: cfg, log: cfg.Logger, started: cfg.Now(),
		queue: newQueue(cfg.MaxHandlers, cfg.QueuedPerChat, cfg.MaxQueued, cfg.MaxPressWait, cfg.Now), maps: newProcessMaps(cfg.Maps)}
	h.observe = cfg.Observer
	if h.observe == nil {
		h.observe = noObserver{}
	}
	h.life, h.stop = context.WithCancel(context.Background())
	h.register()
	return h
}

// Wait tells follow-ups to wrap up and blocks until they and running
// handlers finish or ctx ends, for a graceful shutdown after the poller
// stopped.
func (h *Handler) Wait(ctx context.Context) error {
	h.stop()
	done := make(chan struct{})
	go func() { h.inflight.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// followUp runs f after the handler returns, so that a long wait (a
// delivery's progress) does not hold one of the handler slots. Shutdown
// cancels its context and waits for it like for a handler. Call it from a
// handler only: the handler's own count keeps Wait from finishing early.
func (h *Handler) followUp(c tele.Context, f func(ctx context.Context)) {
	h.inflight.Add(1)
	ctx := logctx.With(h.life, updateAttrs(c)...) // its lines are still the update's
	go func() {
		defer h.inflight.Done()
		f(ctx)
	}()
}

func (h *Handler) isConfigAdmin(id int64) bool {
	for _, a := range h.cfg.Admins {
		if a == id {
			return true
		}
	}
	return false
}

// ctx is the context for one update's work: bounded, so a stuck database
// cannot pin a handler slot forever, and carrying the update's log
// attributes (updateAttrs) into whatever logs with it.
func (h *Handler) ctx(c tele.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(logctx.With(context.Background(), updateAttrs(c)...), 30*time.Second)
}

// user is the stored user behind the update, put there by the middleware.
func user(c tele.Context) domain.User {
	u, _ := c.Get(ctxUser).(domain.User)
	return u
}
