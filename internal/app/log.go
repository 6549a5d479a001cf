package app

import (
	"io"
	"log/slog"
	"strings"

	"processet/internal/logctx"
)

// NewLogger logs text lines to w at level, with the bot token scrubbed
// from every message and value (HTTP errors quote the request URL, and the
// Bot API puts the token in it) and the attributes of the context a line
// is logged with added (an update's ID and sender: see logctx).
func NewLogger(w io.Writer, level slog.Level, token string) *slog.Logger {
	return slog.New(logctx.Handler(slog.NewTextHandler(w, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if token == "" {
				return a
			}
			switch a.Value.Kind() {
			case slog.KindString:
				if strings.Contains(a.Value.String(), token) {
					return slog.String(a.Key, redact(a.Value.String(), token))
				}
			case slog.KindAny:
				if err, ok := a.Value.Any().(error); ok {
					return slog.String(a.Key, redact(err.Error(), token))
				}
			}
			return a
		},
	})))
}

func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}
