package domain

import "time"

// InboundUpdate is a Telegram update the bot has received and keeps until
// it is handled: its ID (Telegram's update_id), the chat whose updates are
// handled in order (0 when it names none), the raw JSON Telegram sent,
// and how often a worker has taken it up.
type InboundUpdate struct {
	ID       int64
	ChatID   int64
	Body     []byte
	Attempts int
	// Waited is how long the update was stored before it was taken up,
	// by the database's clock.
	Waited time.Duration
}
