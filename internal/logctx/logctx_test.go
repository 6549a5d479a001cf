package logctx_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"processet/internal/logctx"
)

func TestContextAttrsReachEveryLine(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(logctx.Handler(slog.NewTextHandler(&buf, nil))).With("component", "x")
	ctx := logctx.With(context.Background(), "update_id", 42)
	ctx = logctx.With(ctx, slog.Int64("user_id", 7))
	log.InfoContext(ctx, "deep down", "k", "v")
	log.Info("no context")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("lines: %q", lines)
	}
	if !strings.Contains(lines[0], "component=x k=v update_id=42 user_id=7") {
		t.Errorf("with context: %s", lines[0])
	}
	if strings.Contains(lines[1], "update_id") {
		t.Errorf("without context: %s", lines[1])
	}
}
