// Package eventlogtest makes synthetic event logs: deterministic for a
// seed, in CSV (in the dialects of pm4py, Disco and a Russian 1C export)
// and XES, for tests, benchmarks and the demo company.
package eventlogtest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"processet/mining/eventlog"
)

// Config describes a log to generate.
type Config struct {
	Seed       uint64
	Processes  int // default 1
	Cases      int // in all processes together
	Activities int // per process, default 24
	Resources  int // default 12
	// StartTimes gives every event a start as well as an end.
	StartTimes bool
	// From is when the first case starts (default 2024-01-01 09:00 UTC);
	// cases start 40 minutes apart, so 13,000 cases span about a year.
	From time.Time
}

// BPIC2012 is a log of the size of the BPI Challenge 2012 log: about
// 262,000 events in 13,000 cases over 24 activities.
var BPIC2012 = Config{Seed: 2012, Processes: 1, Cases: 13000, Activities: 24}

var activityNames = []string{
	"Регистрация заявки", "Ввод данных клиента", "Проверка документов", "Сверка реквизитов",
	"Запрос справки", "Оценка риска", "Согласование руководителем", "Копирование в учётную систему",
	"Расчёт условий", "Подготовка договора", "Проверка договора", "Подписание", "Отправка клиенту",
	"Получение ответа", "Исправление ошибок", "Повторная проверка", "Выставление счёта",
	"Контроль оплаты", "Сверка оплаты", "Закрытие заявки", "Архивирование", "Уведомление клиента",
	"Отчёт в ЦБ", "Аудит",
}

// ActivityName is the name of activity i (0-based) of a generated process.
func ActivityName(i int) string {
	if i < len(activityNames) {
		return activityNames[i]
	}
	return fmt.Sprintf("Операция %d", i+1)
}

// ProcessName is the name of process p (0-based).
func ProcessName(p int) string { return fmt.Sprintf("Процесс %d", p+1) }

// Generate makes the events of cfg, case by case, each case's events in
// time order. Each case walks the activities in order, skipping one with
// probability 1/5 and repeating one (rework) with probability 1/20; waits
// average two hours and service times are 5 to 60 minutes.
func Generate(cfg Config) []eventlog.Event {
	if cfg.Processes <= 0 {
		cfg.Processes = 1
	}
	if cfg.Activities <= 0 {
		cfg.Activities = 24
	}
	if cfg.Resources <= 0 {
		cfg.Resources = 12
	}
	if cfg.From.IsZero() {
		cfg.From = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	resources := make([]string, cfg.Resources)
	for i := range resources {
		resources[i] = fmt.Sprintf("user%02d", i+1)
	}
	acts := make([]string, cfg.Activities)
	for i := range acts {
		acts[i] = ActivityName(i)
	}
	events := make([]eventlog.Event, 0, cfg.Cases*cfg.Activities*85/100)
	for c := 0; c < cfg.Cases; c++ {
		proc := ProcessName(c % cfg.Processes)
		caseID := fmt.Sprintf("C%06d", c+1)
		t := cfg.From.Add(time.Duration(c) * 40 * time.Minute)
		step := func(a int) {
			t = t.Add(time.Duration(rng.ExpFloat64() * float64(2*time.Hour))).Truncate(time.Second)
			start := t
			t = t.Add(time.Duration(5+rng.IntN(56)) * time.Minute)
			e := eventlog.Event{Case: caseID, Activity: acts[a], Time: t,
				Resource: resources[rng.IntN(len(resources))], Process: proc, Lifecycle: "complete"}
			if cfg.StartTimes {
				e.Start = start
			}
			events = append(events, e)
		}
		for a := range acts {
			if a > 0 && rng.IntN(5) == 0 {
				continue
			}
			step(a)
			if rng.IntN(20) == 0 {
				step(a)
			}
		}
	}
	return events
}
