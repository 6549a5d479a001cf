package telegramtest

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// waitFor waits until check, called with s.mu held, returns true. On timeout
// it fails the test with everything the chat received, which is usually
// enough to see what the bot did instead.
func (s *Server) waitFor(t testing.TB, what string, chatID int64, check func() bool) {
	t.Helper()
	deadline := time.Now().Add(s.timeout)
	for {
		s.mu.Lock()
		if check() {
			s.mu.Unlock()
			return
		}
		changed := s.changed
		s.mu.Unlock()
		wait := time.Until(deadline)
		if wait <= 0 {
			t.Fatalf("telegramtest: no %s after %v\n%s", what, s.timeout, s.dump(chatID))
		}
		select {
		case <-changed:
		case <-time.After(wait):
		}
	}
}

// nextBotMessage waits for the next bot message in the chat that match
// accepts, skipping the others, and returns it as it is at that moment.
func (s *Server) nextBotMessage(t testing.TB, chatID int64, what string, match func(*message) bool) *Message {
	t.Helper()
	var found *Message
	s.waitFor(t, what+" in chat "+fmt.Sprint(chatID), chatID, func() bool {
		c, ok := s.chats[chatID]
		if !ok {
			return false
		}
		for c.cursor < len(c.messages) {
			m := c.messages[c.cursor]
			c.cursor++
			if m.fromBot && match(m) {
				s.looked[msgKey{chatID, m.id}] = m.edits
				found = m.snapshot()
				return true
			}
		}
		return false
	})
	return found
}

// WaitForMessage waits for the next new message of any kind the bot sends
// to the chat.
func (s *Server) WaitForMessage(t testing.TB, chatID int64) *Message {
	t.Helper()
	return s.nextBotMessage(t, chatID, "new bot message", func(*message) bool { return true })
}

// WaitForPhoto waits for the next photo the bot sends to the chat; bot
// messages before it are passed over.
func (s *Server) WaitForPhoto(t testing.TB, chatID int64) *Message {
	t.Helper()
	return s.nextBotMessage(t, chatID, "new bot photo", func(m *message) bool { return m.photo != nil })
}

// WaitForText waits for the next text message the bot sends to the chat;
// bot messages before it are passed over.
func (s *Server) WaitForText(t testing.TB, chatID int64) *Message {
	t.Helper()
	return s.nextBotMessage(t, chatID, "new bot text message", func(m *message) bool { return m.text.source != "" })
}

// WaitForEdit waits until msg has been edited again since the snapshot, or
// since the last WaitForEdit on it, and returns the message as it is now.
func (s *Server) WaitForEdit(t testing.TB, msg *Message) *Message {
	t.Helper()
	key := msgKey{msg.ChatID, msg.ID}
	var found *Message
	s.waitFor(t, fmt.Sprintf("edit of message %d", msg.ID), msg.ChatID, func() bool {
		m := s.findMessage(msg.ChatID, msg.ID)
		if m == nil {
			return false
		}
		seen := max(msg.Edits, s.looked[key])
		if m.edits <= seen {
			return false
		}
		s.looked[key] = m.edits
		found = m.snapshot()
		return true
	})
	return found
}

// dump describes a chat and the failed requests for it.
func (s *Server) dump(chatID int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	c, ok := s.chats[chatID]
	if !ok {
		fmt.Fprintf(&b, "chat %d does not exist; chats: ", chatID)
		for _, cc := range s.chats {
			fmt.Fprintf(&b, "%d ", cc.info.ID)
		}
		b.WriteString("\n")
	} else {
		fmt.Fprintf(&b, "%s received:\n", c.describe())
		for _, m := range c.messages {
			fmt.Fprintf(&b, "  %s\n", m.describe())
		}
		if len(c.messages) == 0 {
			b.WriteString("  nothing\n")
		}
		if len(c.actions) > 0 {
			fmt.Fprintf(&b, "chat actions: %s\n", strings.Join(c.actions, ", "))
		}
	}
	id := fmt.Sprint(chatID)
	var failed []string
	for _, call := range s.calls {
		if call.Code != 200 && (call.Params["chat_id"] == id || call.Params["chat_id"] == "") {
			failed = append(failed, fmt.Sprintf("  %s → %d %s", call.Method, call.Code, call.Error))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(&b, "failed requests:\n%s\n", strings.Join(failed, "\n"))
	}
	fmt.Fprintf(&b, "requests so far: %d", len(s.calls))
	return b.String()
}
