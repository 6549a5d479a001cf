package metrics

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"processet/domain"
	"processet/notify"
)

// readTimeout bounds the queries a scrape runs: a database in trouble must
// not hold the scrape (and Prometheus' view of everything else) hostage.
const readTimeout = 2 * time.Second

// poolCollector reads pgxpool's statistics on every scrape.
type poolCollector struct {
	stat                              func() *pgxpool.Stat
	conns, max, acquires, wait, empty *prometheus.Desc
}

// PoolCollector exports the database pool's use: connections by state,
// the ceiling, and how often and how long acquiring one had to wait.
func PoolCollector(stat func() *pgxpool.Stat) prometheus.Collector {
	return &poolCollector{
		stat:     stat,
		conns:    prometheus.NewDesc("processet_db_pool_connections", "Database pool connections by state (acquired, idle, constructing).", []string{"state"}, nil),
		max:      prometheus.NewDesc("processet_db_pool_max_connections", "The database pool's ceiling of connections.", nil, nil),
		acquires: prometheus.NewDesc("processet_db_pool_acquires_total", "Connections acquired from the pool.", nil, nil),
		wait:     prometheus.NewDesc("processet_db_pool_acquire_wait_seconds_total", "Time spent acquiring connections from the pool.", nil, nil),
		empty:    prometheus.NewDesc("processet_db_pool_empty_acquires_total", "Acquires that found no idle connection and had to wait for one.", nil, nil),
	}
}

func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.conns
	ch <- c.max
	ch <- c.acquires
	ch <- c.wait
	ch <- c.empty
}

func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.stat()
	ch <- prometheus.MustNewConstMetric(c.conns, prometheus.GaugeValue, float64(s.AcquiredConns()), "acquired")
	ch <- prometheus.MustNewConstMetric(c.conns, prometheus.GaugeValue, float64(s.IdleConns()), "idle")
	ch <- prometheus.MustNewConstMetric(c.conns, prometheus.GaugeValue, float64(s.ConstructingConns()), "constructing")
	ch <- prometheus.MustNewConstMetric(c.max, prometheus.GaugeValue, float64(s.MaxConns()))
	ch <- prometheus.MustNewConstMetric(c.acquires, prometheus.CounterValue, float64(s.AcquireCount()))
	ch <- prometheus.MustNewConstMetric(c.wait, prometheus.CounterValue, s.AcquireDuration().Seconds())
	ch <- prometheus.MustNewConstMetric(c.empty, prometheus.CounterValue, float64(s.EmptyAcquireCount()))
}

// outboxCollector reads the outbox's queues from River's job table on
// every scrape: one grouped query over a handful of states.
type outboxCollector struct {
	read          func(context.Context) ([]notify.QueueBacklog, error)
	depth, oldest *prometheus.Desc
}

// OutboxCollector exports the depth of every outbox queue by job state and
// the age of its oldest job still waiting to go out.
func OutboxCollector(read func(context.Context) ([]notify.QueueBacklog, error)) prometheus.Collector {
	return &outboxCollector{
		read:   read,
		depth:  prometheus.NewDesc("processet_outbox_depth", "Outbox jobs not yet done, by queue and River state (available, running, retryable, scheduled).", []string{"queue", "state"}, nil),
		oldest: prometheus.NewDesc("processet_outbox_oldest_job_age_seconds", "Age of the oldest outbox job that is due (available, running or retryable), since it was enqueued; 0 when none.", []string{"queue"}, nil),
	}
}

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.depth
	ch <- c.oldest
}

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	queues, err := c.read(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.depth, fmt.Errorf("read outbox backlog: %w", err))
		return
	}
	for _, q := range queues {
		for _, st := range notify.BacklogStates {
			ch <- prometheus.MustNewConstMetric(c.depth, prometheus.GaugeValue, float64(q.Jobs[st]), q.Queue, st)
		}
		ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, q.Oldest.Seconds(), q.Queue)
	}
}

// syncCollector reads the amoCRM mirror's state on every scrape.
type syncCollector struct {
	read         func(context.Context) ([]domain.SyncState, error)
	now          func() time.Time
	lag, failing *prometheus.Desc
}

// SyncCollector exports, per synced amoCRM list, how long ago it last
// synced successfully and whether its last run failed.
func SyncCollector(read func(context.Context) ([]domain.SyncState, error), now func() time.Time) prometheus.Collector {
	return &syncCollector{
		read:    read,
		now:     now,
		lag:     prometheus.NewDesc("processet_amocrm_sync_lag_seconds", "Seconds since the entity's last successful amoCRM sync; absent before the first.", []string{"entity"}, nil),
		failing: prometheus.NewDesc("processet_amocrm_sync_failing", "1 when the entity's last amoCRM sync run ended in an error.", []string{"entity"}, nil),
	}
}

func (c *syncCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.lag
	ch <- c.failing
}

func (c *syncCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	states, err := c.read(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.lag, fmt.Errorf("read sync state: %w", err))
		return
	}
	now := c.now()
	for _, s := range states {
		if !s.SucceededAt.IsZero() {
			ch <- prometheus.MustNewConstMetric(c.lag, prometheus.GaugeValue, max(s.Age(now), 0).Seconds(), string(s.Entity))
		}
		failing := 0.0
		if s.Failing() {
			failing = 1
		}
		ch <- prometheus.MustNewConstMetric(c.failing, prometheus.GaugeValue, failing, string(s.Entity))
	}
}
