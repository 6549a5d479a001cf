// Package testwait waits, in tests, for what another goroutine or process
// makes true: a row synced, a message sent, a server gone. A test says
// what it waits for; the helper polls and, when the condition never
// holds, fails the test naming it. Sleeping a fixed time instead either
// flakes on a busy machine or wastes time on an idle one.
package testwait

import (
	"testing"
	"time"
)

// Timeout is how long Eventually waits: far longer than anything takes,
// so that only a condition that will never hold reaches it, even under
// the race detector on a loaded machine.
const Timeout = 30 * time.Second

// tick is how often the condition is asked again.
const tick = 10 * time.Millisecond

// Eventually calls cond until it reports true, and fails the test with
// what when it still does not after Timeout. Call it from the test's own
// goroutine.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	if !Until(Timeout, cond) {
		t.Fatalf("gave up after %v waiting for %s", Timeout, what)
	}
}

// Until calls cond until it reports true or d has passed, and says
// whether it did: for callers that decide themselves what a timeout means.
func Until(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	ticker := time.NewTicker(tick)
	defer ticker.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		<-ticker.C
	}
	return true
}
