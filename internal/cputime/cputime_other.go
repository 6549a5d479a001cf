//go:build !unix

package cputime

import "time"

// Self is zero where the system cannot tell.
func Self() time.Duration { return 0 }

// Children is zero where the system cannot tell.
func Children() time.Duration { return 0 }
