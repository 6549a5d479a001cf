package telegramtest

import "time"

// Observer sees the fake's traffic as it happens, for measuring the bot
// from outside (cmd/loadgen): when each update is handed to the bot and
// when each of the bot's requests arrives. Its methods run on the fake's
// request goroutines, Offered with the server's lock held: they must be
// quick and must not call the Server.
type Observer interface {
	// Offered is called when the bot is given an update: as a getUpdates
	// answer is written, or (webhook mode) as the update is posted.
	Offered(u OfferedUpdate, at time.Time)
	// Requested is called for every Bot API call once it is answered; at
	// is when the request arrived.
	Requested(c Call, at time.Time)
}

// OfferedUpdate is an update as the bot got it.
type OfferedUpdate struct {
	ID         int
	Kind       string // "message", "callback_query", …
	ChatID     int64
	MessageID  int    // the user's message, for a message update
	Text       string // the user's message's text, for a message update
	CallbackID string // for a callback query
}

// WithObserver makes the fake report its traffic to o.
func WithObserver(o Observer) Option { return func(s *Server) { s.observer = o } }

// offered reports an update handed to the bot; s.mu must be held. A
// webhook delivery calls it as it posts the update.
func (s *Server) offered(u update, at time.Time) {
	if s.observer == nil {
		return
	}
	o := OfferedUpdate{ID: u.id, Kind: u.kind}
	body, _ := u.body.(map[string]any)
	if id, ok := body["id"].(string); ok && u.kind == "callback_query" {
		o.CallbackID = id
		body, _ = body["message"].(map[string]any)
	}
	if chat, ok := body["chat"].(map[string]any); ok {
		o.ChatID, _ = chat["id"].(int64)
	}
	if u.kind == "message" {
		o.MessageID, _ = body["message_id"].(int)
		o.Text, _ = body["text"].(string)
	}
	s.observer.Offered(o, at)
}
