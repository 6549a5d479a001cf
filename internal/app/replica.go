package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/bot"
	"processet/storage"
)

// intake is how updates reach this replica, and the election of the
// replica that holds the deployment's shared duties. In polling mode only
// the leader polls; in webhook mode every replica receives, stores and
// handles updates, each once, through the table of received updates.
type intake struct {
	cfg    Config
	api    bot.API
	db     *storage.DB
	leader *storage.Leader
	worker *bot.UpdateWorker // webhook mode only
	log    *slog.Logger

	running sync.WaitGroup
}

func newIntake(cfg Config, db *storage.DB, client *http.Client, log *slog.Logger) *intake {
	in := &intake{cfg: cfg, db: db, log: log,
		api:    bot.API{URL: cfg.TelegramAPIURL, Token: cfg.BotToken, Client: client},
		leader: db.NewLeader(storage.LeaderKey, cfg.LeaderRetry, log)}
	if in.webhook() {
		in.worker = &bot.UpdateWorker{Queue: db, Owner: cfg.Replica, Lease: cfg.UpdateLease, Logger: log}
	}
	return in
}

func (in *intake) webhook() bool { return in.cfg.WebhookURL != "" }

// poller is telebot's poller in polling mode: it polls while this replica
// leads, and deletes a webhook left from webhook mode first. It stops when
// ctx ends, before the bot is stopped.
func (in *intake) poller(ctx context.Context, client *http.Client) tele.Poller {
	if in.webhook() {
		return nil
	}
	return &bot.Poller{Done: ctx.Done(), URL: in.cfg.TelegramAPIURL, Token: in.cfg.BotToken, Timeout: in.cfg.PollTimeout,
		Client: &http.Client{Timeout: in.cfg.PollTimeout + 15*time.Second, Transport: client.Transport},
		Logger: in.log, Leader: in.leader, BeforePolling: in.api.DeleteWebhook}
}

// elect joins the election; the first try is made before it returns.
func (in *intake) elect(ctx context.Context) {
	done := in.leader.Join(ctx)
	in.running.Add(1)
	go func() { defer in.running.Done(); <-done }()
}

// duty runs f on this replica for as long as it leads, each term anew.
func (in *intake) duty(ctx context.Context, f func(ctx context.Context)) {
	in.running.Add(1)
	go func() { defer in.running.Done(); in.leader.While(ctx, f) }()
}

// lateUpdate is how long a stored update may have waited for a worker and
// still be handled, the in-memory queue's second: beyond it the
// deployment is above capacity, and the update is answered "too many
// requests" instead.
const lateUpdate = time.Second

// start receives updates: in webhook mode it points Telegram at the
// webhook and starts the worker that handles stored updates; in polling
// mode b.Start, run by the caller, polls.
func (in *intake) start(ctx context.Context, b *tele.Bot, late func(tele.Update)) error {
	if !in.webhook() {
		return nil
	}
	if err := in.api.SetWebhook(ctx, in.cfg.WebhookURL, in.cfg.WebhookSecret); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting: a shutdown, not a wrong URL
		}
		return fmt.Errorf("set the webhook (check WEBHOOK_URL): %w", err)
	}
	in.log.Info("webhook set", "url", in.cfg.WebhookURL, "replica", in.cfg.Replica)
	in.worker.Late, in.worker.MaxWait = late, lateUpdate
	in.worker.Process = b.ProcessUpdate // synchronous in webhook mode: it returns when the handler has
	in.running.Add(1)
	go func() { defer in.running.Done(); in.worker.Run(ctx) }()
	return nil
}

// mount adds the webhook's endpoint in webhook mode.
func (in *intake) mount(mux *http.ServeMux) {
	if !in.webhook() {
		return
	}
	path := in.cfg.WebhookPath
	if path == "/" {
		path = "/{$}"
	}
	mux.Handle(path, &bot.WebhookReceiver{Secret: in.cfg.WebhookSecret, Store: in.db, Wake: in.worker.Wake,
		Logger: in.log.With("replica", in.cfg.Replica)})
}

// spawn runs f in the background; wait waits for it.
func (in *intake) spawn(f func()) {
	in.running.Add(1)
	go func() { defer in.running.Done(); f() }()
}

// wait blocks until the worker, the duties and the election have wound
// down after ctx ended.
func (in *intake) wait() { in.running.Wait() }

// status is /status's view of the intake.
func (in *intake) status(ctx context.Context) bot.Intake {
	st := bot.Intake{Webhook: in.webhook(), Replica: in.cfg.Replica, Leading: in.leader.Leading()}
	if !st.Webhook {
		return st
	}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	st.Info, st.InfoErr = in.api.GetWebhookInfo(cctx)
	if st.InfoErr != nil {
		in.log.Warn("getWebhookInfo", "err", st.InfoErr)
	}
	st.Waiting, _ = in.db.WaitingUpdates(cctx)
	return st
}

// pruneUpdates is the job that forgets handled updates after three days:
// Telegram redelivers for a day at most.
func (in *intake) pruneUpdates(ctx context.Context) error {
	return in.db.PruneUpdates(ctx, time.Now().Add(-72*time.Hour))
}
