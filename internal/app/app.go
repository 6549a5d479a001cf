package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-co-op/gocron/v2"
	tele "gopkg.in/telebot.v3"

	"processet/bot"
	"processet/charts"
	"processet/demo"
	"processet/digest"
	"processet/internal/metrics"
	"processet/mining/processmap"
	"processet/notify"
	"processet/storage"
	"processet/tasks"
)

// Version is set at build time with -ldflags "-X processet/internal/app.Version=…".
var Version = "dev"

// shutdownGrace bounds how long running handlers may finish after a
// signal: the whole stop stays within the 10 s orchestrators allow.
const shutdownGrace = 8 * time.Second

// Run runs the bot until ctx ends, then shuts down gracefully.
func Run(ctx context.Context, cfg Config, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.close(log)
	m := metrics.New()
	contact, replies, plain := telegramClients(m.TelegramRetry)
	in := newIntake(cfg, d.db, plain, log)
	defer in.wait()
	ctx, cancelRun := context.WithCancel(ctx) // an early return stops what in started
	defer cancelRun()
	in.elect(ctx)

	b, err := tele.NewBot(tele.Settings{
		URL:    cfg.TelegramAPIURL,
		Token:  cfg.BotToken,
		Poller: in.poller(ctx, plain),
		Client: replies,
		// In webhook mode the update worker runs each update's handler
		// itself and must know when it is done.
		Synchronous: in.webhook(),
		// Handler errors are reported by the bot itself; this sees only
		// telebot's own failures.
		OnError: func(err error, _ tele.Context) { log.Error("telegram", "err", err) },
	})
	if err != nil {
		return fmt.Errorf("connect to Telegram (check BOT_TOKEN and TELEGRAM_API_URL): %s", redactToken(err, cfg.BotToken))
	}
	sender, err := outboxBot(cfg, plain)
	if err != nil {
		return fmt.Errorf("outbox bot: %w", err)
	}
	var ideaWiring ideasWiring
	outbox, err := notify.New(d.db.Pool(), notify.Config{Bot: sender, Mail: cfg.Mail, Logger: log, Limits: cfg.SendLimits,
		OnChatMigrated: storage.MoveChat, OnDelivery: m.Delivery, OnPosted: d.db.RecordPost, RenderEdit: ideaWiring.renderEdit})
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	d.db.SetOutbox(enqueuer(outbox))
	crmConn, err := startCRM(cfg, d.db, outbox, m, log)
	if err != nil {
		return err
	}
	renderer := timedRenderer{charts.NewRenderer(2), m}
	taskService := tasks.New(d.db, bot.TaskNotices(cfg.Location, cfg.Now), cfg.Location, cfg.Now, log)
	ideaService := ideaWiring.build(d.db, outbox, taskService, bot.IdeaNotices(cfg.Location, b.Me.Username), cfg, log)
	digests := digest.New(d.db, outbox, bot.NewDigestComposer(renderer, cfg.Location, cfg.Now, b.Me.Username),
		cfg.Location, cfg.Now, log)
	schedules, err := digest.NewScheduler(ctx, d.db, digests, log, gocron.WithDistributedElector(in.leader))
	if err != nil {
		return fmt.Errorf("digest schedules: %w", err)
	}
	defer schedules.Stop()
	resync := func() {
		if err := schedules.Sync(ctx); err != nil {
			log.Error("sync digest schedules", "err", err)
		}
	}
	// A replica that comes to lead brings its digest jobs up to date at
	// once: as a follower it did not run the minute's sync.
	in.duty(ctx, func(ctx context.Context) { resync(); <-ctx.Done() })
	subs := digest.NewSubscriptions(d.db, digests, cfg.Location.String(), resync)
	mineJobs, err := newMiningJobs(d.db.Pool(), log)
	if err != nil {
		return err
	}
	mine := newMiningArea(cfg, d.db, mineJobs, log)
	dealService := crmConn.deals(d.db, outbox, bot.DealMessages(cfg.Location, b.Me.Username), cfg.AmoCRM.BaseURL, log)
	h := bot.New(b, d.db, renderer, taskService, subs, dealService, bot.Config{
		Admins: cfg.AdminIDs, Loc: cfg.Location, Version: Version, Database: d.kind(), Now: cfg.Now, Logger: log,
		CardCacheBytes: cfg.CardCacheBytes, HomeMaxAge: cfg.HomeMaxAge,
		CRMRequests: crmConn.requests, CRM: crmConn, Intake: in.status, Mail: mailStatus(outbox), Mining: mine,
		Maps:     processmap.NewRenderer(cfg.GraphvizDot, 0, 2),
		Observer: m,
		Ideas:    ideaService,
	})
	watch(m, d.db, outbox, h, crmConn, cfg.Now)
	mineJobs.importUpload, mineJobs.recompute = h.RunImport, func(ctx context.Context) (int, error) { return mine.Recompute(ctx, nil) }
	if err := h.SetCommands(); err != nil {
		log.Warn("publish the command menu", "err", redactToken(err, cfg.BotToken))
	}
	// Only the leader sends, so Telegram's limits hold for the deployment.
	in.duty(ctx, func(ctx context.Context) { runOutbox(ctx, outbox, log) })
	// The SMTP check talks to the network, up to its timeout: the bot
	// starts meanwhile, and the check's one log line says what is wrong.
	checkCtx, cancelCheck := context.WithCancel(ctx)
	mailChecked := make(chan struct{})
	go func() {
		defer close(mailChecked)
		_ = outbox.CheckMail(checkCtx)
	}()
	defer func() { cancelCheck(); <-mailChecked }()
	defer stopOutbox(outbox, log)
	if err := mineJobs.start(ctx); err != nil {
		return err
	}
	defer stopMiningJobs(mineJobs)
	jobs := []job{
		{name: "task reminders", every: cfg.ReminderEvery, run: taskService.SendReminders},
		{name: "digest schedules", every: time.Minute, run: schedules.Sync},
		{name: "forget handled updates", every: time.Hour, run: in.pruneUpdates},
	}
	jobs = append(jobs, miningSchedule(cfg, mine, mineJobs, log)...)
	if crmConn != nil {
		jobs = append(jobs, job{name: "amoCRM sync", every: cfg.AmoCRM.SyncEvery, run: crmConn.sync})
		defer crmConn.syncer.Close()
	}
	stopJobs, err := startJobs(ctx, cfg.Location, jobs, log, gocron.WithDistributedElector(in.leader))
	if err != nil {
		return err
	}
	defer stopJobs()

	ready := readiness{db: d.db, telegram: contact.lastAnswer, now: time.Now}
	stopHTTP, err := serveHTTP(cfg.HTTPAddr, d.db, m.Handler(), ready, func(mux *http.ServeMux) {
		crmConn.webhook(mux, cfg.AmoCRM.WebhookSecret)
		in.mount(mux)
	}, log)
	if err != nil {
		return err
	}
	defer stopHTTP()
	in.spawn(func() { contact.keepInTouch(ctx, in.api, time.Minute, log) })
	if err := in.start(ctx, b, h.AnswerLate); err != nil {
		return err
	}
	if !in.webhook() {
		go b.Start()
	}
	log.Info("bot started", "username", b.Me.Username, "version", Version, "webhook", in.webhook(), "replica", cfg.Replica)
	<-ctx.Done()
	log.Info("shutting down")
	// Polling stopped with ctx; the handlers finish their replies before
	// the bot is stopped, which cancels whatever it still sends.
	waitCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := h.Wait(waitCtx); err != nil {
		log.Warn("handlers still running at shutdown", "err", err)
	}
	if !in.webhook() {
		b.Stop()
	}
	return nil
}

// Migrate applies the migrations and reports how many were new.
func Migrate(ctx context.Context, cfg Config, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	d.close(log)
	return nil
}

// LoadDemo fills the four areas with the demo company, its Task Mining
// event logs imported and computed as a customer's are. It refuses to
// overwrite data unless replace is set.
func LoadDemo(ctx context.Context, cfg Config, replace bool, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.close(log)
	err = demo.Load(ctx, d.db, miningService(cfg, d.db, log), cfg.Now(), cfg.Location, replace)
	if errors.Is(err, storage.ErrAreasNotEmpty) {
		return fmt.Errorf("%w: run `processet demo --replace` to wipe deals, tasks, mining data and ideas and load the demo", err)
	}
	return err
}

// runOutbox delivers through the outbox until ctx ends. A start that
// fails (the database away for a moment) is tried again.
func runOutbox(ctx context.Context, o *notify.Outbox, log *slog.Logger) {
	for {
		err := o.Start(ctx)
		if err == nil {
			break
		}
		log.Error("start outbox", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
	<-ctx.Done()
	stopOutbox(o, log)
}

func stopOutbox(o *notify.Outbox, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := o.Stop(ctx); err != nil {
		log.Warn("stop outbox", "err", err)
	}
}

func redactToken(err error, token string) string {
	return redact(err.Error(), token)
}

// mailStatus is the e-mail channel's state as /status shows it.
func mailStatus(o *notify.Outbox) func() (bool, string, string) {
	return func() (bool, string, string) {
		configured, problem := o.MailStatus()
		if problem == nil {
			return configured, "", ""
		}
		return configured, string(problem.Code), problem.Detail
	}
}
