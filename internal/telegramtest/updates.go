package telegramtest

import (
	"context"
	"net/http"
	"time"
)

// update is one queued update: its kind ("message", "callback_query", …)
// and the object under that key.
type update struct {
	id   int
	kind string
	body any
}

// defaultExcluded are the kinds Telegram leaves out when allowed_updates
// was never set or set to an empty list.
var defaultExcluded = map[string]bool{"chat_member": true, "message_reaction": true, "message_reaction_count": true}

// allows reports whether the bot asked for updates of this kind; s.mu must be held.
func (s *Server) allows(kind string) bool {
	if len(s.allowed) == 0 {
		return !defaultExcluded[kind]
	}
	return s.allowed[kind]
}

// enqueue queues an update for getUpdates; s.mu must be held. Like
// Telegram, updates of kinds the bot did not ask for are never delivered.
func (s *Server) enqueue(kind string, body any) {
	if !s.allows(kind) {
		if !s.closed {
			s.t.Logf("telegramtest: dropped a %s update: the bot's allowed_updates exclude it", kind)
		}
		return
	}
	s.updates = append(s.updates, update{id: s.nextUpd, kind: kind, body: body})
	s.nextUpd++
	s.changeLocked()
}

// getUpdates long-polls: it answers as soon as an update is queued, or with
// an empty list after timeout seconds. An offset confirms earlier updates.
func (s *Server) getUpdates(ctx context.Context, req *request) (any, *apiError) {
	limit := 100
	if n := int(req.int("limit")); n >= 1 && n <= 100 {
		limit = n
	}
	deadline := time.Now().Add(time.Duration(req.int("timeout")) * time.Second)
	var allowed []string
	_ = req.decode("allowed_updates", &allowed) // validated; "null" and absent leave it nil

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhook != "" {
		return nil, &apiError{code: http.StatusConflict,
			desc:    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
			reasons: []string{"getUpdates while a webhook is set"}}
	}
	if req.has("allowed_updates") && allowed != nil {
		s.allowed = map[string]bool{}
		for _, k := range allowed {
			s.allowed[k] = true
		}
	}
	s.confirm(req)
	close(s.pollKick) // Telegram ends an older getUpdates when a new one arrives
	kick := make(chan struct{})
	s.pollKick = kick
	s.polling++
	defer func() { s.polling-- }() // runs before the deferred Unlock
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	for len(s.updates) == 0 {
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-timer.C:
		case <-ctx.Done():
		case <-s.done:
		case <-kick:
			s.mu.Lock()
			return nil, &apiError{code: http.StatusConflict, desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
		s.mu.Lock()
		if time.Now().After(deadline) || ctx.Err() != nil || s.isDone() {
			break
		}
	}
	out := []map[string]any{}
	now := time.Now()
	for i, u := range s.updates {
		if i == limit {
			break
		}
		out = append(out, map[string]any{"update_id": u.id, u.kind: u.body})
		s.offered(u, now)
	}
	return out, nil
}

// confirm forgets updates the offset confirms; s.mu must be held.
func (s *Server) confirm(req *request) {
	offset := int(req.int("offset"))
	switch {
	case offset > 0:
		i := 0
		for i < len(s.updates) && s.updates[i].id < offset {
			i++
		}
		s.updates = s.updates[i:]
	case offset < 0 && -offset < len(s.updates):
		s.updates = s.updates[len(s.updates)+offset:]
	}
}

// isDone reports whether the server is shutting down.
func (s *Server) isDone() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// PollsOpen is how many getUpdates calls are waiting for updates: a test
// that needs the bot's next long poll open waits for one.
func (s *Server) PollsOpen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polling
}
