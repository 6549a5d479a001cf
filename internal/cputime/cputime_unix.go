//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Self is the CPU time, user and system, this process has used.
func Self() time.Duration { return usage(syscall.RUSAGE_SELF) }

// Children is the CPU time, user and system, of this process's finished
// child processes.
func Children() time.Duration { return usage(syscall.RUSAGE_CHILDREN) }

func usage(who int) time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(who, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
