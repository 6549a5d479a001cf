package domain

import (
	"testing"
	"time"
)

func TestParseSchedule(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
		ok   bool
	}{
		{[]string{"18:30"}, "30 18 * * *", true},
		{[]string{"9"}, "0 9 * * *", true},
		{[]string{"Будни", "9:00"}, "0 9 * * 1-5", true},
		{[]string{"weekdays", "09:05"}, "5 9 * * 1-5", true},
		{[]string{"пн", "9:00"}, "0 9 * * 1", true},
		{[]string{"sun", "7:00"}, "0 7 * * 0", true},
		{[]string{"cron", "0", "9", "*", "*", "1-5"}, "0 9 * * 1-5", true},
		{[]string{"cron", "0", "9"}, "", false},
		{[]string{"25:00"}, "", false},
		{[]string{"9:5"}, "", false},
		{[]string{"завтра", "9:00"}, "", false},
		{[]string{"пн", "9:00", "x"}, "", false},
		{nil, "", false},
	} {
		got, ok := ParseSchedule(c.args)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseSchedule(%q) = %q, %v; want %q, %v", c.args, got, ok, c.want, c.ok)
		}
	}
}

func TestScheduleOf(t *testing.T) {
	for _, c := range []struct {
		expr string
		want Schedule
		ok   bool
	}{
		{DailyAt(9, 0), Schedule{Kind: ScheduleDaily, Hour: 9}, true},
		{WeekdaysAt(18, 30), Schedule{Kind: ScheduleWeekdays, Hour: 18, Minute: 30}, true},
		{WeeklyAt(time.Friday, 7, 5), Schedule{Kind: ScheduleWeekly, Weekday: time.Friday, Hour: 7, Minute: 5}, true},
		{"0 9 1 * *", Schedule{}, false},
		{"*/5 * * * *", Schedule{}, false},
		{"0 9 * * 1,3", Schedule{}, false},
	} {
		got, ok := ScheduleOf(c.expr)
		if got != c.want || ok != c.ok {
			t.Errorf("ScheduleOf(%q) = %+v, %v; want %+v, %v", c.expr, got, ok, c.want, c.ok)
		}
	}
}
