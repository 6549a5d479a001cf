package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// telegramFresh is how recently Telegram must have answered for the
// replica to be ready: the bot's own traffic, or the getMe that
// keepInTouch makes every minute of silence, keeps it fresh.
const telegramFresh = 2 * time.Minute

// readiness is /readyz: the database answers and carries this binary's
// schema, and Telegram answered lately. A replica that is not ready is
// alive (see /healthz) but should get no traffic.
type readiness struct {
	db interface {
		Ping(ctx context.Context) error
		SchemaVersions(ctx context.Context) (applied, embedded int64, err error)
	}
	telegram func() time.Time // when Telegram last answered; zero: never
	now      func() time.Time
}

// reason says why the replica is not ready; "" when it is.
func (r readiness) reason(ctx context.Context) string {
	if err := r.db.Ping(ctx); err != nil {
		return "database unreachable"
	}
	applied, embedded, err := r.db.SchemaVersions(ctx)
	switch {
	case err != nil:
		return "database schema unknown"
	case applied != embedded:
		return fmt.Sprintf("database schema at version %d, this release needs %d", applied, embedded)
	}
	last := r.telegram()
	switch {
	case last.IsZero():
		return "Telegram not reached yet"
	case r.now().Sub(last) > telegramFresh:
		return fmt.Sprintf("Telegram last reached %s ago", r.now().Sub(last).Round(time.Second))
	}
	return ""
}

// ServeHTTP answers 200 or 503, with the reason as JSON.
func (r readiness) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	ctx, cancel := context.WithTimeout(req.Context(), 2*time.Second)
	defer cancel()
	reason := r.reason(ctx)
	w.Header().Set("Content-Type", "application/json")
	if reason != "" {
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]any{"ready": false, "reason": reason})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ready": true})
}
