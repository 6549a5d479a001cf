package processmap

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRender draws every level of a 24-activity process in both views
// through the installed Graphviz: a PNG within the size cap each time.
func TestRender(t *testing.T) {
	r := NewRenderer("", 0, 0)
	if _, err := r.Check(); err != nil {
		t.Fatalf("Graphviz is needed for the tests (apt-get install graphviz): %v", err)
	}
	p := generated(3, 24, 3000)
	for level := 1; level <= Levels; level++ {
		for _, view := range []View{Frequency, Durations} {
			img, err := r.PNG(context.Background(), DOT(Build(p, level), view, labels))
			if err != nil {
				t.Fatalf("level %d view %d: %v", level, view, err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(img))
			if err != nil {
				t.Fatalf("level %d: not a PNG: %v", level, err)
			}
			if cfg.Width > MaxWidthInches*DPI+1 || cfg.Height > MaxHeightInches*DPI+1 || cfg.Width+cfg.Height > 10000 {
				t.Errorf("level %d: %d×%d px, over the cap", level, cfg.Width, cfg.Height)
			}
			if os.Getenv("PROCESSMAP_SAVE") != "" {
				_ = os.WriteFile(filepath.Join(os.Getenv("PROCESSMAP_SAVE"), "level"+string(rune('0'+level))+[]string{"f", "d"}[view]+".png"), img, 0o644)
			}
		}
	}
	// Names with quotes and backslashes reach dot intact.
	w := workedExample()
	w.ActivityStats[0].Name = `Ввод "срочных" C:\заявок {x}; <b>`
	if _, err := r.PNG(context.Background(), DOT(Build(w, 1), Frequency, labels)); err != nil {
		t.Errorf("escaped names: %v", err)
	}
}

func TestRenderWithoutDot(t *testing.T) {
	r := NewRenderer(filepath.Join(t.TempDir(), "no-such-dot"), 0, 0)
	_, err := r.PNG(context.Background(), DOT(Build(workedExample(), 1), Frequency, labels))
	if !IsMissing(err) {
		t.Fatalf("got %v, want a MissingError", err)
	}
	if _, err := r.Check(); !IsMissing(err) {
		t.Errorf("Check: %v", err)
	}
}

// TestRenderErrors: what dot says on stderr comes back in the error, and
// a dot that hangs is cut off.
func TestRenderErrors(t *testing.T) {
	r := NewRenderer("", 0, 0)
	_, err := r.PNG(context.Background(), []byte("digraph { a -> }"))
	if err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("bad DOT: %v", err)
	}
	hang := filepath.Join(t.TempDir(), "dot")
	if err := os.WriteFile(hang, []byte("#!/bin/sh\nexec sleep 60\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = NewRenderer(hang, 50*time.Millisecond, 1).PNG(context.Background(), []byte("digraph {}"))
	if err == nil || !strings.Contains(err.Error(), "deadline exceeded") {
		t.Errorf("hanging dot: %v", err)
	}
}
