package domain

import (
	"strconv"
	"strings"
	"time"
)

// scheduleWeekdays maps the day names people type to the days.
var scheduleWeekdays = map[string]time.Weekday{
	"пн": time.Monday, "вт": time.Tuesday, "ср": time.Wednesday, "чт": time.Thursday, "пт": time.Friday,
	"сб": time.Saturday, "вс": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// ParseSchedule reads a digest schedule as typed after /subscribe, split
// into words: "9:00" (daily), "будни 9:00" / "weekdays 9:00", "пн 9:00" /
// "mon 9:00", or "cron <five fields>" (the fields are checked by the
// digest area, which runs them). It returns the cron expression.
func ParseSchedule(args []string) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	first := strings.ToLower(args[0])
	if first == "cron" {
		if len(args) != 6 {
			return "", false
		}
		return strings.Join(args[1:], " "), true
	}
	if len(args) == 1 {
		h, m, ok := parseClock(first)
		return DailyAt(h, m), ok
	}
	if len(args) != 2 {
		return "", false
	}
	h, m, ok := parseClock(args[1])
	if !ok {
		return "", false
	}
	if first == "будни" || first == "weekdays" {
		return WeekdaysAt(h, m), true
	}
	day, ok := scheduleWeekdays[first]
	return WeeklyAt(day, h, m), ok
}

// parseClock reads "9:00", "09:30" or "18".
func parseClock(s string) (hour, min int, ok bool) {
	hs, ms, hasMin := strings.Cut(s, ":")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 23 || len(hs) > 2 {
		return 0, 0, false
	}
	if !hasMin {
		return h, 0, true
	}
	m, err := strconv.Atoi(ms)
	if err != nil || m < 0 || m > 59 || len(ms) != 2 {
		return 0, 0, false
	}
	return h, m, true
}

// ScheduleKind is a schedule the bot can word: the ones ParseSchedule
// makes from words rather than from "cron".
type ScheduleKind int

const (
	ScheduleDaily ScheduleKind = iota + 1
	ScheduleWeekdays
	ScheduleWeekly
)

// Schedule is a cron expression read back as one of ours: every day,
// on weekdays or on one day of the week, at Hour:Minute.
type Schedule struct {
	Kind         ScheduleKind
	Weekday      time.Weekday // ScheduleWeekly only
	Hour, Minute int
}

// ScheduleOf reads a cron expression back as one of ours; ok is false for
// any other expression, which lists show as it is.
func ScheduleOf(expr string) (s Schedule, ok bool) {
	f := strings.Fields(expr)
	if len(f) != 5 || f[2] != "*" || f[3] != "*" {
		return Schedule{}, false
	}
	m, err1 := strconv.Atoi(f[0])
	h, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil {
		return Schedule{}, false
	}
	s = Schedule{Hour: h, Minute: m}
	switch f[4] {
	case "*":
		s.Kind = ScheduleDaily
		return s, true
	case "1-5":
		s.Kind = ScheduleWeekdays
		return s, true
	}
	if d, err := strconv.Atoi(f[4]); err == nil && d >= 0 && d <= 6 {
		s.Kind, s.Weekday = ScheduleWeekly, time.Weekday(d)
		return s, true
	}
	return Schedule{}, false
}
