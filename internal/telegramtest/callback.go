package telegramtest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// callback is a callback query the fake sent and what the bot answered.
type callback struct {
	id       string
	msg      *message
	user     User
	data     string
	answered bool
	answer   CallbackAnswer
}

// CallbackAnswer is the bot's answerCallbackQuery: the toast or alert the
// user saw after pressing a button.
type CallbackAnswer struct {
	Text      string
	ShowAlert bool
	URL       string
	CacheTime int
}

// Press makes u press the inline button labelled buttonText on msg, looking
// at the message's current keyboard (not the snapshot's), and returns the
// callback query ID. The test fails at once when there is no such button.
func (s *Server) Press(t testing.TB, u User, msg *Message, buttonText string) string {
	t.Helper()
	s.mu.Lock()
	m := s.findMessage(msg.ChatID, msg.ID)
	if m == nil || m.deleted {
		s.mu.Unlock()
		t.Fatalf("telegramtest: Press %q: chat %d has no message %d", buttonText, msg.ChatID, msg.ID)
	}
	btn, ok := m.kb.find(buttonText)
	if !ok {
		buttons := m.kb.String()
		s.mu.Unlock()
		t.Fatalf("telegramtest: Press %q: message %d in chat %d has no such button; it shows %s", buttonText, msg.ID, msg.ChatID, buttons)
	}
	if btn.Data == "" {
		s.mu.Unlock()
		t.Fatalf("telegramtest: Press %q: the button sends no callback (url %q)", buttonText, btn.URL)
	}
	id := s.sendCallback(m, u, btn.Data)
	s.mu.Unlock()
	return id
}

// PressData sends a callback query with arbitrary data for msg, as a forged
// or outdated button would, and returns its ID.
func (s *Server) PressData(u User, msg *Message, data string) string {
	s.mu.Lock()
	m := s.findMessage(msg.ChatID, msg.ID)
	if m == nil {
		s.mu.Unlock()
		s.t.Fatalf("telegramtest: PressData: chat %d has no message %d", msg.ChatID, msg.ID)
	}
	id := s.sendCallback(m, u, data)
	s.mu.Unlock()
	return id
}

// sendCallback queues a callback_query update; s.mu must be held.
func (s *Server) sendCallback(m *message, u User, data string) string {
	id := fmt.Sprintf("%d", 4400000000000000000+int64(s.nextSeq()))
	s.callbacks[id] = &callback{id: id, msg: m, user: u, data: data}
	s.cbOrder = append(s.cbOrder, id)
	s.enqueue("callback_query", map[string]any{
		"id":            id,
		"from":          wireUser(u, false),
		"message":       s.wire(m),
		"chat_instance": fmt.Sprintf("%d", m.chat.info.ID*31+7),
		"data":          data,
	})
	return id
}

// answerCallbackQuery records the answer to a callback the fake sent. Every
// query can be answered once; Telegram refuses unknown or repeated answers.
func (s *Server) answerCallbackQuery(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := req.str("callback_query_id")
	cb, ok := s.callbacks[id]
	switch {
	case !ok:
		return nil, violation("query is too old and response timeout expired or query ID is invalid", "no callback query %q was sent", id)
	case cb.answered:
		return nil, violation("query is too old and response timeout expired or query ID is invalid", "callback query %q (data %q) answered twice", id, cb.data)
	}
	cb.answered = true
	cb.answer = CallbackAnswer{
		Text:      req.str("text"),
		ShowAlert: req.bool("show_alert"),
		URL:       req.str("url"),
		CacheTime: int(req.int("cache_time")),
	}
	return true, nil
}

// WaitForCallbackAnswer waits until the bot answers the callback query.
func (s *Server) WaitForCallbackAnswer(t testing.TB, callbackID string) CallbackAnswer {
	t.Helper()
	s.mu.Lock()
	cb, ok := s.callbacks[callbackID]
	var chatID int64
	if ok {
		chatID = cb.msg.chat.info.ID
	}
	s.mu.Unlock()
	if !ok {
		t.Fatalf("telegramtest: WaitForCallbackAnswer: no callback query %q was sent", callbackID)
	}
	var answer CallbackAnswer
	s.waitFor(t, "the answer to callback query "+callbackID, chatID, func() bool {
		answer = cb.answer
		return cb.answered
	})
	return answer
}

// AssertAllCallbacksAnswered fails the test unless the bot answered every
// callback query sent so far, waiting up to the timeout for stragglers: an
// unanswered query leaves the button spinning in the user's app.
func (s *Server) AssertAllCallbacksAnswered(t testing.TB) {
	t.Helper()
	s.checkCallbacks(t, s.timeout)
}

// checkCallbacks waits up to d for all callbacks to be answered.
func (s *Server) checkCallbacks(t testing.TB, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		s.mu.Lock()
		var pending []string
		for _, id := range s.cbOrder {
			if cb := s.callbacks[id]; !cb.answered {
				pending = append(pending, fmt.Sprintf("%s (data %q on message %d in chat %d)", id, cb.data, cb.msg.id, cb.msg.chat.info.ID))
			}
		}
		changed := s.changed
		s.mu.Unlock()
		if len(pending) == 0 {
			return
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			t.Errorf("telegramtest: the bot never answered callback queries:\n  %s", strings.Join(pending, "\n  "))
			return
		}
		select {
		case <-changed:
		case <-time.After(wait):
		}
	}
}
