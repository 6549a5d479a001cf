package app

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

type fakeSchema struct {
	ping              error
	applied, embedded int64
}

func (f fakeSchema) Ping(context.Context) error { return f.ping }
func (f fakeSchema) SchemaVersions(context.Context) (int64, int64, error) {
	return f.applied, f.embedded, nil
}

// TestReadinessReasons: each way of not being ready answers 503 with its
// reason; all well answers 200.
func TestReadinessReasons(t *testing.T) {
	now := time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)
	fresh, stale := now.Add(-time.Minute), now.Add(-3*time.Minute)
	for _, c := range []struct {
		name     string
		db       fakeSchema
		telegram time.Time
		code     int
		reason   string
	}{
		{"ready", fakeSchema{applied: 16, embedded: 16}, fresh, 200, ""},
		{"database down", fakeSchema{ping: errors.New("refused")}, fresh, 503, "database unreachable"},
		{"not migrated", fakeSchema{applied: 15, embedded: 16}, fresh, 503, "version 15, this release needs 16"},
		{"Telegram never", fakeSchema{applied: 16, embedded: 16}, time.Time{}, 503, "Telegram not reached yet"},
		{"Telegram stale", fakeSchema{applied: 16, embedded: 16}, stale, 503, "Telegram last reached 3m0s ago"},
	} {
		r := readiness{db: c.db, telegram: func() time.Time { return c.telegram }, now: func() time.Time { return now }}
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var body struct {
			Ready  bool   `json:"ready"`
			Reason string `json:"reason"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if w.Code != c.code || body.Ready != (c.code == 200) || !strings.Contains(body.Reason, c.reason) {
			t.Errorf("%s: %d %+v", c.name, w.Code, body)
		}
	}
}
