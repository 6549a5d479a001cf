// Package metrics owns the Prometheus collectors of one process and hands
// the components the small hooks they report through, so that bot,
// notify, amocrm and charts never import Prometheus. Every name starts
// with processet_; labels are handler, error kind, queue, channel,
// endpoint, entity and card: small fixed sets, never a user or chat ID.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// ErrorKinds are the values of processet_update_errors_total's kind label,
// created at zero so that a rate over them exists before the first error.
var ErrorKinds = []string{"invalid", "not_found", "conflict", "forbidden", "internal", "panic", "telegram_429", "timeout"}

// DeliveryOutcomes are the values of processet_deliveries_total's outcome.
var DeliveryOutcomes = []string{"delivered", "retry", "rate_limited", "unreachable", "rejected"}

// TelegramRetryReasons are the values of processet_telegram_retries_total's
// reason: a 429 with a short retry_after, a 502/503/504, no connection made.
var TelegramRetryReasons = []string{"rate_limited", "bad_gateway", "unreachable"}

// Metrics is a registry of our own (not Prometheus' global one, so tests
// can run several apps in one process) with the Go and process collectors
// and ours.
type Metrics struct {
	reg *prometheus.Registry

	updateSeconds *prometheus.HistogramVec
	updateErrors  *prometheus.CounterVec
	deliveries    *prometheus.CounterVec
	crmRequests   *prometheus.CounterVec
	crmLimited    prometheus.Counter
	renderSeconds *prometheus.HistogramVec
	tgRetries     *prometheus.CounterVec
}

// New creates the registry and the collectors every process has.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		reg: reg,
		updateSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "processet_update_duration_seconds",
			Help: "Time to handle one Telegram update, from the handler's start to its return, by handler (command or button kind).",
			// From a cached text reply (a few ms) to a card drawn under load.
			Buckets: []float64{.002, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"handler"}),
		updateErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "processet_update_errors_total",
			Help: "Updates whose handling failed, by kind: a domain error's code, internal, panic, telegram_429, timeout.",
		}, []string{"kind"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "processet_deliveries_total",
			Help: "Outbox send attempts by channel (telegram, email) and outcome; rate_limited is Telegram's 429.",
		}, []string{"channel", "outcome"}),
		crmRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "processet_amocrm_requests_total",
			Help: "HTTP requests sent to amoCRM by endpoint (IDs replaced by :id) and status code (0: no answer).",
		}, []string{"endpoint", "status"}),
		crmLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "processet_amocrm_rate_limited_total",
			Help: "amoCRM answers 429 Too Many Requests.",
		}),
		renderSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "processet_card_render_seconds",
			Help:    "Time to draw one dashboard card as PNG, waiting for a drawing slot included, by card (home, area).",
			Buckets: []float64{.005, .01, .015, .02, .03, .05, .075, .1, .25, .5, 1},
		}, []string{"card"}),
		tgRetries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "processet_telegram_retries_total",
			Help: "Bot API requests of the handlers (replies) sent again, by reason: rate_limited (429), bad_gateway (502, 503, 504), unreachable (no connection made).",
		}, []string{"reason"}),
	}
	reg.MustRegister(m.updateSeconds, m.updateErrors, m.deliveries, m.crmRequests, m.crmLimited, m.renderSeconds, m.tgRetries)
	for _, r := range TelegramRetryReasons {
		m.tgRetries.WithLabelValues(r)
	}
	for _, k := range ErrorKinds {
		m.updateErrors.WithLabelValues(k)
	}
	for _, ch := range []string{"telegram", "email"} {
		for _, o := range DeliveryOutcomes {
			m.deliveries.WithLabelValues(ch, o)
		}
	}
	return m
}

// Register adds collectors (the scrape-time readers of this package, or
// CounterFunc and GaugeFunc over a component's own counters).
func (m *Metrics) Register(cs ...prometheus.Collector) { m.reg.MustRegister(cs...) }

// Handler serves the registry in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, Timeout: 10 * time.Second,
		// A reader that fails (the database is down) drops its own series,
		// not the whole scrape.
		ErrorHandling: promhttp.ContinueOnError})
}

// Gatherer is the registry, for tests.
func (m *Metrics) Gatherer() prometheus.Gatherer { return m.reg }

// UpdateHandled records one handled update of handler.
func (m *Metrics) UpdateHandled(handler string, took time.Duration) {
	m.updateSeconds.WithLabelValues(handler).Observe(took.Seconds())
}

// UpdateFailed counts a failed update by kind.
func (m *Metrics) UpdateFailed(kind string) { m.updateErrors.WithLabelValues(kind).Inc() }

// Delivery counts one send attempt of the outbox.
func (m *Metrics) Delivery(channel, outcome string) {
	m.deliveries.WithLabelValues(channel, outcome).Inc()
}

// CRMRequest counts one request to amoCRM; status 0 means no answer.
func (m *Metrics) CRMRequest(method, endpoint string, status int) {
	m.crmRequests.WithLabelValues(method+" "+endpoint, strconv.Itoa(status)).Inc()
	if status == http.StatusTooManyRequests {
		m.crmLimited.Inc()
	}
}

// CardRendered records the time one card took.
func (m *Metrics) CardRendered(card string, took time.Duration) {
	m.renderSeconds.WithLabelValues(card).Observe(took.Seconds())
}

// TelegramRetry counts one reply to Telegram sent again, by reason.
func (m *Metrics) TelegramRetry(reason string) { m.tgRetries.WithLabelValues(reason).Inc() }
