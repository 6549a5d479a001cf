package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-co-op/gocron/v2"
)

// job is a recurring piece of work. Every job the app runs is listed in
// one table (see Run), so what runs when is visible in one place.
type job struct {
	name  string
	every time.Duration // how often; or
	daily *DailyTime    // once a day at this time
	run   func(ctx context.Context) error
}

// startJobs schedules the jobs in the company's time zone: an every job
// at once and then every so often, a daily one at its time. A run that is
// still going when the next is due is skipped, not queued, so a slow
// database cannot pile runs up. opts apply to every job: Run passes the
// replicas' elector, so each job runs on the leading replica only. A job
// that must run once per slot even across a change of leader queues a
// River job unique to its slot (the nightly recompute). The returned stop
// waits for running jobs.
func startJobs(ctx context.Context, loc *time.Location, jobs []job, log *slog.Logger, opts ...gocron.SchedulerOption) (stop func(), err error) {
	s, err := gocron.NewScheduler(append([]gocron.SchedulerOption{gocron.WithLocation(loc)}, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("scheduler: %w", err)
	}
	for _, j := range jobs {
		def, opts := jobDefinition(j)
		_, err := s.NewJob(def,
			gocron.NewTask(func() {
				if err := j.run(ctx); err != nil && ctx.Err() == nil {
					log.Error("job failed", "job", j.name, "err", err)
				}
			}),
			append(opts, gocron.WithName(j.name), gocron.WithSingletonMode(gocron.LimitModeReschedule))...,
		)
		if err != nil {
			return nil, fmt.Errorf("schedule %s: %w", j.name, err)
		}
	}
	s.Start()
	return func() {
		if err := s.Shutdown(); err != nil {
			log.Warn("stop scheduler", "err", err)
		}
	}, nil
}

func jobDefinition(j job) (gocron.JobDefinition, []gocron.JobOption) {
	if j.daily != nil {
		at := gocron.NewAtTimes(gocron.NewAtTime(uint(j.daily.Hour), uint(j.daily.Minute), 0))
		return gocron.DailyJob(1, at), nil
	}
	return gocron.DurationJob(j.every), []gocron.JobOption{gocron.WithStartAt(gocron.WithStartImmediately())}
}
