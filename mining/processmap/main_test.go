package processmap

import (
	"math/rand/v2"

	"processet/domain"
	"processet/mining/process"
	"processet/mining/process/processtest"
)

var at = processtest.At

// workedExample is the computed worked example of package process (and
// of the README): R V P S, with case 2 going back from P to V once.
func workedExample() domain.ProcessResult {
	r := process.Compute(processtest.WorkedExample(), process.Defaults())
	r.ID, r.Name = 1, "Worked example"
	return r
}

// generated is a process of n activities like a real log's: a main flow
// of a third of them, detours to the others (the rarer the further down
// the list, as a long tail), rework and cases that end early; a BPIC
// 2012-sized one at 24 activities and 13,000 cases.
func generated(seed uint64, activities, cases int) domain.ProcessResult {
	rng := rand.New(rand.NewPCG(seed, 7))
	log := domain.EventLog{Cases: cases, Activities: make([]domain.LogActivity, activities)}
	for i := range log.Activities {
		log.Activities[i].Name = "Операция " + string(rune('A'+i%26)) + string(rune('a'+i/26))
	}
	main := max(2, activities/3)
	when := 0.0
	add := func(c, a int) {
		when += float64(1 + rng.IntN(240))
		log.Events = append(log.Events, domain.LogEvent{Case: int32(c), Activity: int32(a), End: at(when), Seq: int64(len(log.Events))})
	}
	for c := range cases {
		when = float64(c) * 40
		for a := 0; a < main; a++ {
			add(c, a)
			switch p := rng.Float64(); {
			case p < 0.30 && activities > main: // a detour, long-tailed
				side := main + min(activities-main-1, int(rng.ExpFloat64()*float64(activities-main)/4))
				add(c, side)
			case p < 0.38 && a > 0: // rework
				a -= 1 + rng.IntN(min(a, 2))
			case p < 0.41:
				a = main // ends early
			}
		}
	}
	r := process.Compute(log, process.Defaults())
	r.ID, r.Name = 2, "Generated"
	return r
}
