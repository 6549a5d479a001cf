package testwait

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestUntil(t *testing.T) {
	var calls atomic.Int32
	if !Until(time.Minute, func() bool { return calls.Add(1) == 3 }) || calls.Load() != 3 {
		t.Errorf("Until stopped after %d calls, want 3", calls.Load())
	}
	if Until(0, func() bool { return false }) {
		t.Error("Until reported a condition that never held")
	}
}

func TestEventuallySeesAnotherGoroutine(t *testing.T) {
	var done atomic.Bool
	go done.Store(true)
	Eventually(t, "the goroutine", done.Load)
}
