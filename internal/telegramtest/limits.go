package telegramtest

import (
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Stats counts what the fake saw, for delivery tests.
type Stats struct {
	Requests        int           // Bot API calls, valid or not
	TooManyRequests int           // 429 answers, scripted or from WithRateLimits
	Delivered       map[int64]int // messages the bot got into each chat
}

// Stats returns the counters so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Delivered = maps.Clone(s.stats.Delivered)
	return st
}

// FailNext makes the next valid call of method fail with the Telegram error
// for code: 429 "Too Many Requests" with parameters.retry_after, 403 "bot
// was blocked by the user", 500 "Internal Server Error", and so on. Calls
// queue: two FailNext fail the next two calls. The failure fails no test;
// the bot is expected to cope.
func (s *Server) FailNext(method string, code int, retryAfter int) {
	m, ok := s.spec.method(method)
	if !ok {
		s.t.Fatalf("telegramtest: FailNext: %q is not a Bot API method", method)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[m.Name] = append(s.failures[m.Name], scriptedError(code, retryAfter))
}

// scriptedError builds the answer Telegram gives for an error code.
func scriptedError(code, retryAfter int) *apiError {
	e := &apiError{code: code}
	switch code {
	case http.StatusTooManyRequests:
		e.desc = fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
		e.params = map[string]any{"retry_after": retryAfter}
	case http.StatusForbidden:
		e.desc = "Forbidden: bot was blocked by the user"
	case http.StatusBadRequest:
		e.desc = "Bad Request: scripted failure"
	case http.StatusUnauthorized:
		e.desc = "Unauthorized"
	case http.StatusConflict:
		e.desc = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	default:
		e.desc = http.StatusText(code)
	}
	return e
}

// WithRateLimits makes the fake enforce Telegram's broadcast limits on
// methods that send messages: about 30 messages a second overall, one a
// second per chat and 20 a minute per group, answering 429 with
// retry_after like Telegram does.
func WithRateLimits() Option {
	return func(s *Server) { s.limits = &limiter{chats: map[int64][]time.Time{}} }
}

// Telegram's documented limits for bots.
const (
	globalPerSecond = 30
	groupPerMinute  = 20
)

// limiter remembers recent sends.
type limiter struct {
	all   []time.Time           // sends in the last second
	chats map[int64][]time.Time // sends per chat in the last minute
}

// admit records a send to chatID, or says how many seconds to wait.
func (l *limiter) admit(chatID int64, now time.Time) (retryAfter int, ok bool) {
	l.all = since(l.all, now.Add(-time.Second))
	hist := since(l.chats[chatID], now.Add(-time.Minute))
	l.chats[chatID] = hist
	var wait time.Duration
	if len(l.all) >= globalPerSecond {
		wait = max(wait, l.all[len(l.all)-globalPerSecond].Add(time.Second).Sub(now))
	}
	if n := len(hist); n > 0 && now.Sub(hist[n-1]) < time.Second {
		wait = max(wait, hist[n-1].Add(time.Second).Sub(now))
	}
	if chatID < 0 && len(hist) >= groupPerMinute {
		wait = max(wait, hist[len(hist)-groupPerMinute].Add(time.Minute).Sub(now))
	}
	if wait > 0 {
		return int((wait + time.Second - 1) / time.Second), false
	}
	l.all = append(l.all, now)
	l.chats[chatID] = append(hist, now)
	return 0, true
}

// since drops the times before from.
func since(ts []time.Time, from time.Time) []time.Time {
	i := 0
	for i < len(ts) && ts[i].Before(from) {
		i++
	}
	return ts[i:]
}

// sendsMessage reports whether a method puts a new message into a chat.
func sendsMessage(method string) bool {
	switch method {
	case "sendChatAction":
		return false
	case "copyMessage", "copyMessages", "forwardMessage", "forwardMessages":
		return true
	}
	return strings.HasPrefix(method, "send")
}

// gate applies scripted failures and rate limits to a valid call.
func (s *Server) gate(req *request) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.failures[req.method]; len(q) > 0 {
		s.failures[req.method] = q[1:]
		return q[0]
	}
	if s.limits == nil || !sendsMessage(req.method) {
		return nil
	}
	chatID, err := strconv.ParseInt(strings.TrimSpace(req.str("chat_id")), 10, 64)
	if err != nil {
		return nil
	}
	if retry, ok := s.limits.admit(chatID, time.Now()); !ok {
		return scriptedError(http.StatusTooManyRequests, retry)
	}
	return nil
}
