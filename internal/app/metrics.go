package app

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"processet/bot"
	"processet/charts"
	"processet/internal/metrics"
	"processet/notify"
	"processet/storage"
)

// watch registers the collectors read at scrape time: the database pool,
// the outbox queues, the amoCRM mirror (when there is one) and the bot's
// own counters.
func watch(m *metrics.Metrics, db *storage.DB, outbox *notify.Outbox, h *bot.Handler, crmConn *crm, now func() time.Time) {
	m.Register(
		metrics.PoolCollector(db.Pool().Stat),
		metrics.OutboxCollector(outbox.Backlog),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "processet_updates_total", Help: "Telegram updates handled."},
			func() float64 { return float64(h.Metrics().Updates) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "processet_handlers_running", Help: "Update handlers running now."},
			func() float64 { return float64(h.Metrics().Running) }),
	)
	if crmConn != nil {
		m.Register(metrics.SyncCollector(db.SyncStatus, now))
	}
}

// timedRenderer draws cards with charts and records how long each took.
type timedRenderer struct {
	r *charts.Renderer
	m *metrics.Metrics
}

func (t timedRenderer) Home(ctx context.Context, c charts.HomeCard) ([]byte, error) {
	defer t.took("home", time.Now())
	return t.r.Home(ctx, c)
}

func (t timedRenderer) Area(ctx context.Context, c charts.AreaCard) ([]byte, error) {
	defer t.took("area", time.Now())
	return t.r.Area(ctx, c)
}

func (t timedRenderer) Ideas(ctx context.Context, c charts.IdeasCard) ([]byte, error) {
	defer t.took("ideas", time.Now())
	return t.r.Ideas(ctx, c)
}

func (t timedRenderer) took(card string, start time.Time) { t.m.CardRendered(card, time.Since(start)) }
