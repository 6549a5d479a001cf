package notify

import (
	"cmp"
	"context"
	"errors"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits are the rates at which the outbox sends to Telegram. Telegram
// answers 429 beyond about 30 messages a second overall, one a second to a
// chat and 20 a minute to a group; 429s cost nothing but time, yet a bot
// that keeps hitting them gets longer bans.
type Limits struct {
	// PerSecond is messages a second over all chats (default 28).
	// Telegram counts sends in a sliding second, and a few milliseconds of
	// network jitter can push the 30th of an exact 30/s into the same
	// second as the 1st.
	PerSecond float64
	// PerChat is the least time between two messages to one chat
	// (default 1.05 s, the margin for the same jitter).
	PerChat time.Duration
	// PerGroup is the least time between two messages to one group
	// (default 3.1 s: under 20 in any minute).
	PerGroup time.Duration
	// MaxWait is the longest a send waits for its turn while holding a
	// worker. A longer wait, such as the next turn of a busy group, puts
	// the job back in the queue for that long, so a fan-out to one group
	// cannot occupy every worker.
	MaxWait time.Duration
}

// errStopping ends a wait because the outbox is stopping.
var errStopping = errors.New("outbox stopping")

// limiter decides when each send may go. Token buckets with a burst of one
// keep sends evenly spaced, which is what sliding-window limits need. The
// global slot is booked first and the chat's turn is claimed at the moment
// of sending, so neither limit is ever exceeded: at worst a global slot
// goes unused when two sends to one chat race.
type limiter struct {
	lim    Limits
	global *rate.Limiter

	mu        sync.Mutex
	chats     map[int64]*chatGate
	lastPrune time.Time
}

// chatGate is one chat's turn.
type chatGate struct {
	lim         *rate.Limiter
	pausedUntil time.Time // Telegram said 429 for this chat
	used        time.Time
}

func newLimiter(l Limits) *limiter {
	l.PerSecond = cmp.Or(l.PerSecond, 28)
	l.PerChat = cmp.Or(l.PerChat, 1050*time.Millisecond)
	l.PerGroup = cmp.Or(l.PerGroup, 3100*time.Millisecond)
	l.MaxWait = cmp.Or(l.MaxWait, 2*time.Second)
	return &limiter{lim: l, global: rate.NewLimiter(rate.Limit(l.PerSecond), 1), chats: map[int64]*chatGate{}}
}

// wait blocks until a message may go to chatID. When the wait would be
// longer than MaxWait it returns at once with how long to snooze instead.
// It returns errStopping or ctx's error if either ends the wait.
func (l *limiter) wait(ctx context.Context, stop <-chan struct{}, chatID int64) (snooze time.Duration, err error) {
	for {
		if d := l.chatDelay(chatID, time.Now()); d > 0 {
			if d > l.lim.MaxWait {
				return d, nil
			}
			if err := sleep(ctx, stop, d); err != nil {
				return 0, err
			}
			continue
		}
		r := l.global.Reserve()
		d := r.Delay()
		if d > l.lim.MaxWait {
			r.Cancel()
			return d, nil
		}
		if err := sleep(ctx, stop, d); err != nil {
			r.Cancel()
			return 0, err
		}
		if l.claim(chatID, time.Now()) {
			return 0, nil
		}
	}
}

// pause holds back sends to chatID for d, after Telegram asked for it.
func (l *limiter) pause(chatID int64, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.gate(chatID, time.Now())
	g.pausedUntil = time.Now().Add(d)
}

// chatDelay is how long until chatID's next turn.
func (l *limiter) chatDelay(chatID int64, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.gate(chatID, now)
	d := g.pausedUntil.Sub(now)
	if missing := 1 - g.lim.TokensAt(now); missing > 0 {
		d = max(d, time.Duration(missing/float64(g.lim.Limit())*float64(time.Second)))
	}
	return max(d, 0)
}

// claim takes chatID's turn if it has come.
func (l *limiter) claim(chatID int64, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.gate(chatID, now)
	if now.Before(g.pausedUntil) {
		return false
	}
	return g.lim.AllowN(now, 1)
}

// gate returns chatID's gate, creating it; l.mu must be held. Gates idle
// for a minute are forgotten now and then: their bucket is full again.
func (l *limiter) gate(chatID int64, now time.Time) *chatGate {
	g, ok := l.chats[chatID]
	if !ok {
		if len(l.chats) >= 4096 && now.Sub(l.lastPrune) > 10*time.Second {
			l.lastPrune = now
			for id, old := range l.chats {
				if now.Sub(old.used) > time.Minute && now.After(old.pausedUntil) {
					delete(l.chats, id)
				}
			}
		}
		every := l.lim.PerChat
		if chatID < 0 {
			every = max(every, l.lim.PerGroup)
		}
		g = &chatGate{lim: rate.NewLimiter(rate.Every(every), 1)}
		l.chats[chatID] = g
	}
	g.used = now
	return g
}

// sleep waits d, or until ctx ends or stop closes.
func sleep(ctx context.Context, stop <-chan struct{}, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-stop:
		return errStopping
	case <-ctx.Done():
		return ctx.Err()
	}
}
