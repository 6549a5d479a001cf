package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/bot"
	"processet/charts"
	"processet/demo"
	"processet/digest"
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

	b, err := tele.NewBot(tele.Settings{
		URL:   cfg.TelegramAPIURL,
		Token: cfg.BotToken,
		Poller: &bot.Poller{URL: cfg.TelegramAPIURL, Token: cfg.BotToken, Timeout: cfg.PollTimeout,
			Logger: log},
		Client: telegramClient(),
		// Handler errors are reported by the bot itself; this sees only
		// telebot's own failures.
		OnError: func(err error, _ tele.Context) { log.Error("telegram", "err", err) },
	})
	if err != nil {
		return fmt.Errorf("connect to Telegram (check BOT_TOKEN and TELEGRAM_API_URL): %s", redactToken(err, cfg.BotToken))
	}
	outbox, err := notify.New(d.db.Pool(), notify.Config{Bot: b, Mail: cfg.Mail, Logger: log, Limits: cfg.SendLimits,
		OnChatMigrated: storage.MoveChat})
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	d.db.SetOutbox(enqueuer(outbox))
	crmConn, err := startCRM(cfg, d.db, outbox, log)
	if err != nil {
		return err
	}
	renderer := charts.NewRenderer(2)
	taskService := tasks.New(d.db, bot.TaskNotices(cfg.Location, cfg.Now), cfg.Location, cfg.Now, log)
	digests := digest.New(d.db, outbox, bot.NewDigestComposer(renderer, cfg.Location, cfg.Now, b.Me.Username),
		cfg.Location, cfg.Now, log)
	schedules, err := digest.NewScheduler(ctx, d.db, digests, log)
	if err != nil {
		return fmt.Errorf("digest schedules: %w", err)
	}
	defer schedules.Stop()
	resync := func() {
		if err := schedules.Sync(ctx); err != nil {
			log.Error("sync digest schedules", "err", err)
		}
	}
	subs := digest.NewSubscriptions(d.db, digests, cfg.Location.String(), resync)
	dealService := crmConn.deals(d.db, outbox, bot.DealMessages(cfg.Location, b.Me.Username), cfg.AmoCRM.BaseURL, log)
	h := bot.New(b, d.db, renderer, taskService, subs, dealService, bot.Config{
		Admins: cfg.AdminIDs, Loc: cfg.Location, Version: Version, Database: d.kind(), Now: cfg.Now, Logger: log,
		CardCacheBytes: cfg.CardCacheBytes,
		CRMRequests:    crmConn.requests, CRM: crmConn, Mail: mailStatus(outbox), Mining: miningArea{miningService(cfg, d.db, log), cfg, log},
	})
	if err := h.SetCommands(); err != nil {
		log.Warn("publish the command menu", "err", redactToken(err, cfg.BotToken))
	}
	if err := outbox.Start(ctx); err != nil {
		return fmt.Errorf("start outbox: %w", err)
	}
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
	jobs := []job{
		{name: "task reminders", every: cfg.ReminderEvery, run: taskService.SendReminders},
		{name: "digest schedules", every: time.Minute, run: schedules.Sync},
	}
	if crmConn != nil {
		jobs = append(jobs, job{name: "amoCRM sync", every: cfg.AmoCRM.SyncEvery, run: crmConn.sync})
		defer crmConn.syncer.Close()
	}
	stopJobs, err := startJobs(ctx, cfg.Location, jobs, log)
	if err != nil {
		return err
	}
	defer stopJobs()

	stopHTTP, err := serveHTTP(cfg.HTTPAddr, d.db, h, func(mux *http.ServeMux) { crmConn.webhook(mux, cfg.AmoCRM.WebhookSecret) }, log)
	if err != nil {
		return err
	}
	defer stopHTTP()

	go b.Start()
	log.Info("bot started", "username", b.Me.Username, "version", Version)
	<-ctx.Done()
	log.Info("shutting down")
	b.Stop()
	waitCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := h.Wait(waitCtx); err != nil {
		log.Warn("handlers still running at shutdown", "err", err)
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

// LoadDemo fills the four areas with the demo company. It refuses to
// overwrite data unless replace is set.
func LoadDemo(ctx context.Context, cfg Config, replace bool, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.close(log)
	err = d.db.LoadSeed(ctx, demo.Build(cfg.Now()), replace)
	if errors.Is(err, storage.ErrAreasNotEmpty) {
		return fmt.Errorf("%w: run `processet demo --replace` to wipe deals, tasks, mining data and ideas and load the demo", err)
	}
	return err
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
