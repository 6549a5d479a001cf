package cputime_test

import (
	"runtime"
	"testing"

	"processet/internal/cputime"
)

// TestSelfGrows checks that work done shows in the process's CPU time on
// the systems that report it.
func TestSelfGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		return // no rusage: Self is zero by design
	}
	before := cputime.Self()
	x := 0
	for cputime.Self() == before {
		for i := range 1_000_000 {
			x ^= i
		}
	}
	_ = x
	if cputime.Self() < before {
		t.Fatalf("CPU time went back: %v, then %v", before, cputime.Self())
	}
}
