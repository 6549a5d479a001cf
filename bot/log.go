package bot

import (
	"log/slog"

	tele "gopkg.in/telebot.v3"
)

// updateAttrs are what every log line about an update carries: its ID,
// and its sender's Telegram ID when it has one.
func updateAttrs(c tele.Context) []any {
	args := []any{"update_id", c.Update().ID}
	if s := c.Sender(); s != nil {
		args = append(args, "user_id", s.ID)
	}
	return args
}

// logger is the log of one update: every line carries updateAttrs. The
// update's context (h.ctx) carries them too, for the services' lines.
func (h *Handler) logger(c tele.Context) *slog.Logger { return h.log.With(updateAttrs(c)...) }
