package process

import (
	"math/rand/v2"
	"testing"

	"processet/domain"
)

// benchLog is 262,000 events in 13,000 cases over 24 activities, stored
// case by case as a log usually comes.
func benchLog() domain.EventLog {
	rng := rand.New(rand.NewPCG(2012, 1))
	log := domain.EventLog{Cases: 13_000, Activities: make([]domain.LogActivity, 24)}
	for i := range log.Activities {
		log.Activities[i].Name = string(rune('A' + i))
	}
	for c := range log.Cases {
		at := int64(c) * 40 * 60e6
		a := 0
		for range 20 + btoi(c < 2000) {
			at += int64(5+rng.IntN(240)) * 60e6
			log.Events = append(log.Events, domain.LogEvent{Case: int32(c), Activity: int32(a), End: at, Seq: int64(len(log.Events))})
			a = (a + 1 + rng.IntN(2)) % 24
		}
	}
	return log
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkCompute262k is the computation alone, without the database.
func BenchmarkCompute262k(b *testing.B) {
	log := benchLog()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Compute(log, Defaults())
	}
}
