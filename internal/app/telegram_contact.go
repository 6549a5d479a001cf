package app

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"processet/bot"
)

// telegramContact remembers when the Bot API last answered: readiness
// wants Telegram reached recently. It watches every request the bot makes
// (telebot's, the poller's, the outbox's) through the HTTP client's
// transport, so it costs nothing while the bot is busy; an idle replica
// (a follower, or any replica in webhook mode) asks getMe now and then.
type telegramContact struct {
	next http.RoundTripper
	last atomic.Int64 // unix nanoseconds of the last answer below 500
}

// RoundTrip implements http.RoundTripper. An answer from Telegram is
// contact even when it is an error such as 400 or 429; a 5xx is a proxy
// or Telegram itself failing.
func (c *telegramContact) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil && resp.StatusCode < 500 {
		c.last.Store(time.Now().UnixNano())
	}
	return resp, err
}

// lastAnswer is when Telegram last answered; zero when never.
func (c *telegramContact) lastAnswer() time.Time {
	n := c.last.Load()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// keepInTouch calls getMe whenever nothing else has reached Telegram for
// idle, until ctx ends, so that readiness reflects Telegram and not how
// busy the bot is.
func (c *telegramContact) keepInTouch(ctx context.Context, api bot.API, idle time.Duration, log *slog.Logger) {
	t := time.NewTicker(idle / 2)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if time.Since(c.lastAnswer()) < idle {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := api.GetMe(cctx); err != nil && ctx.Err() == nil {
			log.Warn("Telegram unreachable", "err", err)
		}
		cancel()
	}
}
