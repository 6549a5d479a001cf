// Package syncbuf is a buffer that some goroutines write while others
// read, such as a child process's output (written by exec's copying
// goroutines) or a logger's lines, watched by a test as they come.
package syncbuf

import (
	"bytes"
	"strings"
	"sync"
)

// Buffer collects what is written to it; the zero value is ready to use.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String is everything written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// Lines is everything written so far, split at newlines.
func (b *Buffer) Lines() []string { return strings.Split(b.String(), "\n") }
