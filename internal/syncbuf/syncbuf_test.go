package syncbuf_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"processet/internal/syncbuf"
)

// TestWriteWhileReading writes from several goroutines while reading; run
// with -race it shows the buffer needs no other lock.
func TestWriteWhileReading(t *testing.T) {
	var b syncbuf.Buffer
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for j := range 100 {
				fmt.Fprintf(&b, "%d-%d\n", i, j)
				_ = b.String()
			}
		})
	}
	wg.Wait()
	lines := b.Lines()
	if len(lines) != 401 || lines[400] != "" || !slices.Contains(lines, "3-99") {
		t.Fatalf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
