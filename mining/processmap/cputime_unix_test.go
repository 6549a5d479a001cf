//go:build unix

package processmap

import (
	"syscall"
	"time"
)

// childCPU is the CPU time, user and system, of the finished child
// processes (the dot runs): on a shared machine it says what a map costs
// when wall time cannot.
func childCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
