//go:build !unix

package processmap

import "time"

func childCPU() time.Duration { return 0 }
