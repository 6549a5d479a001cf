package main

import (
	"fmt"
	"sync"
	"testing"
)

// runTB lets the fake Bot API, written for tests, run in this command: a
// request the fake finds wrong (what would fail a test) is counted as an
// error of the run, with the first few kept to print.
type runTB struct {
	testing.TB // nil: only the methods below are used by telegramtest

	mu       sync.Mutex
	problems int
	samples  []string
	cleanups []func()
}

func (t *runTB) Helper()      {}
func (t *runTB) Name() string { return "loadgen" }

func (t *runTB) Cleanup(f func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cleanups = append(t.cleanups, f)
}

func (t *runTB) Errorf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.problems++
	if len(t.samples) < 10 {
		t.samples = append(t.samples, fmt.Sprintf(format, args...))
	}
}

func (t *runTB) Error(args ...any) { t.Errorf("%s", fmt.Sprint(args...)) }

// Fatalf happens only on a programming error in this command (pressing a
// message that does not exist): it stops the run.
func (t *runTB) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (t *runTB) Fatal(args ...any)                 { panic(fmt.Sprint(args...)) }

func (t *runTB) Logf(string, ...any) {}
func (t *runTB) Log(...any)          {}

func (t *runTB) Failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.problems > 0
}

// close runs the cleanups, last first, as testing does.
func (t *runTB) close() {
	t.mu.Lock()
	fs := t.cleanups
	t.cleanups = nil
	t.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}

func (t *runTB) report() (int, []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.problems, append([]string(nil), t.samples...)
}
