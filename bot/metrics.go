package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// Metrics are counters for the /metrics endpoint.
type Metrics struct {
	Updates int64 // updates handled
	Errors  int64 // updates whose handling failed
	Running int64 // handlers running now
}

// Metrics reads the counters.
func (h *Handler) Metrics() Metrics {
	return Metrics{Updates: h.updates.Load(), Errors: h.errors.Load(), Running: h.running.Load()}
}

// Observer hears how each update went, for metrics. handler is the
// route's name (Route); kind is ErrorKind's. It must not block.
type Observer interface {
	UpdateHandled(handler string, took time.Duration)
	UpdateFailed(kind string)
}

// noObserver is the Observer of a bot without metrics.
type noObserver struct{}

func (noObserver) UpdateHandled(string, time.Duration) {}
func (noObserver) UpdateFailed(string)                 {}

// errPanic marks the error a recovered panic becomes.
var errPanic = errors.New("panic")

// Route names the handler an update goes to, from a fixed set so that a
// metric labelled by it stays small whatever users send: a registered
// command ("/tasks"), a registered button kind ("btn:task"), or "text",
// "document", "callback" (a button of no known kind) and "other".
func (h *Handler) route(c tele.Context) string {
	if cb := c.Callback(); cb != nil {
		// telebot has put the kind into Unique when one is registered.
		if cb.Unique != "" && h.routes["btn:"+cb.Unique] {
			return "btn:" + cb.Unique
		}
		return "callback"
	}
	m := c.Message()
	switch {
	case m == nil:
		return "other"
	case m.Document != nil:
		return "document"
	case strings.HasPrefix(m.Text, "/"):
		cmd, _, _ := strings.Cut(strings.Fields(m.Text)[0], "@")
		if h.routes[cmd] {
			return cmd
		}
		return "text"
	case m.Text != "":
		return "text"
	}
	return "other"
}

// ErrorKind classifies a handler's error for the error counter: a domain
// error's code, or panic, telegram_429 (Telegram's flood control), timeout
// and internal.
func ErrorKind(err error) string {
	if de, ok := domain.AsError(err); ok {
		switch de.Code {
		case domain.Invalid:
			return "invalid"
		case domain.NotFound:
			return "not_found"
		case domain.Conflict:
			return "conflict"
		case domain.Forbidden:
			return "forbidden"
		}
	}
	var flood tele.FloodError
	switch {
	case errors.Is(err, errPanic):
		return "panic"
	case errors.As(err, &flood):
		return "telegram_429"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "internal"
}

// routeTable is the bot as register sees it: every endpoint handled is
// also written down, for Route.
type routeTable struct {
	b      *tele.Bot
	routes map[string]bool
	views  map[string]bool
}

func (h *Handler) routeTable() *routeTable {
	h.routes, h.views = map[string]bool{}, map[string]bool{}
	return &routeTable{b: h.bot, routes: h.routes, views: h.views}
}

// Use adds middleware, as tele.Bot.Use.
func (t *routeTable) Use(m ...tele.MiddlewareFunc) { t.b.Use(m...) }

// Handle registers a handler, as tele.Bot.Handle, and its route name.
func (t *routeTable) Handle(endpoint any, f tele.HandlerFunc, m ...tele.MiddlewareFunc) {
	t.routes[routeName(endpoint)] = true
	t.b.Handle(endpoint, f, m...)
}

// Views marks registered endpoints as pure views: they read and show,
// and change nothing a dashboard counts.
func (t *routeTable) Views(endpoints ...any) {
	for _, e := range endpoints {
		t.views[routeName(e)] = true
	}
}

// routeName is an endpoint's name in the metrics: the command, or
// "btn:" and the button's kind.
func routeName(endpoint any) string {
	switch e := endpoint.(type) {
	case string:
		return e
	case tele.CallbackEndpoint:
		return "btn:" + strings.TrimPrefix(e.CallbackUnique(), "\f")
	}
	return ""
}
