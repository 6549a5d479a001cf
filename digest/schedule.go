package digest

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/google/uuid"
	"github.com/robfig/cron/v3"

	"processet/domain"
	"processet/storage"
)

// ErrBadSchedule is a cron expression that does not parse.
var ErrBadSchedule = domain.NewError(domain.Invalid, domain.ErrKeyBadSchedule)

// ValidateSchedule checks a five-field cron expression (minute hour day
// month weekday), the form subscriptions store.
func ValidateSchedule(expr string) error {
	if len(strings.Fields(expr)) != 5 {
		return ErrBadSchedule
	}
	if _, err := cron.ParseStandard(expr); err != nil {
		return ErrBadSchedule
	}
	return nil
}

// Next is when a schedule fires next after t, in its zone.
func Next(expr string, tz string, t time.Time) (time.Time, error) {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.Time{}, err
	}
	sched, err := cron.ParseStandard(expr)
	if err != nil {
		return time.Time{}, ErrBadSchedule
	}
	return sched.Next(t.In(loc)), nil
}

// Scheduler keeps one gocron job per subscription, each firing in the
// subscription's own time zone. Sync brings the jobs in line with the
// database; the app calls it at start, every minute and after every
// change made from the bot.
type Scheduler struct {
	cron gocron.Scheduler
	db   *storage.DB
	svc  *Service
	log  *slog.Logger
	ctx  context.Context

	mu   sync.Mutex
	jobs map[int64]scheduled
}

type scheduled struct {
	id   uuid.UUID
	spec string
}

// NewScheduler starts an empty scheduler; ctx bounds the digests it sends.
// opts apply to every digest job (the app's elector: only the leading
// replica sends scheduled digests; the outbox's keys drop a slot sent
// twice all the same).
func NewScheduler(ctx context.Context, db *storage.DB, svc *Service, log *slog.Logger, opts ...gocron.SchedulerOption) (*Scheduler, error) {
	c, err := gocron.NewScheduler(opts...)
	if err != nil {
		return nil, err
	}
	c.Start()
	return &Scheduler{cron: c, db: db, svc: svc, log: log, ctx: ctx, jobs: map[int64]scheduled{}}, nil
}

// Sync adds jobs for new subscriptions, replaces those whose schedule
// changed and removes those cancelled.
func (s *Scheduler) Sync(ctx context.Context) error {
	subs, err := s.db.Subscriptions(ctx, 0)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[int64]bool{}
	for _, sub := range subs {
		seen[sub.ID] = true
		spec := "CRON_TZ=" + sub.TZ + " " + sub.Schedule
		if j, ok := s.jobs[sub.ID]; ok && j.spec == spec {
			continue
		}
		s.remove(sub.ID)
		id := sub.ID
		job, err := s.cron.NewJob(gocron.CronJob(spec, false), gocron.NewTask(func() {
			slot := time.Now().Truncate(time.Minute)
			if err := s.svc.SendScheduled(s.ctx, id, slot); err != nil && s.ctx.Err() == nil {
				s.log.Error("scheduled digest", "subscription", id, "err", err)
			}
		}), gocron.WithName(fmt.Sprintf("digest %d", id)), gocron.WithSingletonMode(gocron.LimitModeReschedule))
		if err != nil {
			s.log.Error("schedule digest", "subscription", id, "spec", spec, "err", err)
			continue
		}
		s.jobs[id] = scheduled{job.ID(), spec}
	}
	for id := range s.jobs {
		if !seen[id] {
			s.remove(id)
		}
	}
	return nil
}

func (s *Scheduler) remove(id int64) {
	if j, ok := s.jobs[id]; ok {
		_ = s.cron.RemoveJob(j.id)
		delete(s.jobs, id)
	}
}

// Jobs is how many subscriptions are scheduled, for /status and tests.
func (s *Scheduler) Jobs() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.jobs)
}

// Stop stops the scheduler, waiting for digests being sent.
func (s *Scheduler) Stop() error { return s.cron.Shutdown() }
