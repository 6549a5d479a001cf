// Package processtest holds the worked example of package process's doc
// (and of the README) as a log, for the tests of process and of the
// packages that draw what it computes.
package processtest

import (
	"time"

	"processet/domain"
)

// T0 is when the worked example's first event ends.
var T0 = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)

// At is T0 plus minutes, in Unix microseconds.
func At(minutes float64) int64 {
	return T0.Add(time.Duration(minutes * float64(time.Minute))).UnixMicro()
}

// WorkedExample is the log of the worked example: R V P S, with case 2
// going back from P to V once, and a standard time on S.
func WorkedExample() domain.EventLog {
	const T = 73 * 24 * 60
	const R, V, P, S = 0, 1, 2, 3
	standard := 30 * 60.0
	log := domain.EventLog{Cases: 3, Activities: []domain.LogActivity{
		{Name: "Регистрация"}, {Name: "Ввод данных"}, {Name: "Проверка"}, {Name: "Согласование", StandardSeconds: &standard}}}
	cases := [][][2]float64{
		{{R, 0}, {V, 10}, {P, 30}, {S, 50}},
		{{R, 60}, {V, 80}, {P, 90}, {V, 100}, {P, 120}, {S, 200}},
		{{R, T - 60}, {V, T - 50}, {P, T - 30}, {S, T}},
	}
	// Stored out of order, as a file may have them: the trace sorts.
	for c := len(cases) - 1; c >= 0; c-- {
		for _, e := range cases[c] {
			log.Events = append(log.Events, domain.LogEvent{Case: int32(c), Activity: int32(e[0]), End: At(e[1]),
				Seq: int64(len(log.Events))})
		}
	}
	return log
}
