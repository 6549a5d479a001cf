package domain

import "time"

// DueOn is the deadline of something due on a day without a time: the
// last second of that day in loc. It is the one meaning of "today",
// "tomorrow", "Friday" or "25.11" as a deadline, typed in a task line and
// pressed as a preset alike. Due "by Friday" is not overdue on Friday
// evening, and reminders count down to the real end. A whole second, not
// a nanosecond before midnight, because storage keeps microseconds and
// would round up to the next day. The day may overflow its month
// (d = 32), as in time.Date.
func DueOn(y int, m time.Month, d int, loc *time.Location) time.Time {
	return time.Date(y, m, d, 23, 59, 59, 0, loc)
}

// DueInDays is the deadline days days after now's day in loc (0: today),
// as DueOn. Should the day be over already (a second before midnight),
// it is the next day's.
func DueInDays(days int, now time.Time, loc *time.Location) time.Time {
	n := now.In(loc)
	at := DueOn(n.Year(), n.Month(), n.Day()+days, loc)
	if !at.After(now) {
		at = DueOn(n.Year(), n.Month(), n.Day()+days+1, loc)
	}
	return at
}
