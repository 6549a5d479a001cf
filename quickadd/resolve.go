package quickadd

import (
	"time"

	"processet/domain"
)

// civil is a calendar day with no time zone. Day arithmetic is done on
// it, not by adding 24 hours, so that "завтра" is tomorrow on the days
// clocks move too.
type civil struct {
	y int
	m time.Month
	d int
}

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, m, d}
}

// noon is the day at noon UTC, a moment that exists on every day.
func (c civil) noon() time.Time { return time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC) }

func (c civil) addDays(n int) civil { return civilOf(c.noon().AddDate(0, 0, n)) }

// addMonths moves n months on, keeping the day but not past the month's
// end: a month from 31 January is 28 (or 29) February, not 3 March.
func (c civil) addMonths(n int) civil {
	first := time.Date(c.y, c.m+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
	return civil{first.Year(), first.Month(), min(c.d, daysIn(first.Year(), first.Month()))}
}

func (c civil) before(o civil) bool { return c.noon().Before(o.noon()) }

// daysUntil counts the days from c to o.
func (c civil) daysUntil(o civil) int { return int(o.noon().Sub(c.noon()) / (24 * time.Hour)) }

// at is the moment of h:m on that day in loc. A time skipped by a clock
// change moves forward, as time.Date does.
func (c civil) at(h, m int, loc *time.Location) time.Time {
	return time.Date(c.y, c.m, c.d, h, m, 0, 0, loc)
}

// endOfDay is the deadline of a task due on a day, by the rule the
// deadline presets follow too (domain.DueOn).
func (c civil) endOfDay(loc *time.Location) time.Time {
	return domain.DueOn(c.y, c.m, c.d, loc)
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day() }

// recentPast is how far back a date without a year may lie and still be
// read as this date just gone (a mistake to report) rather than as the
// same date next year. Two months: "20.11" on the 24th is a typo or a
// late entry, while "15.01" in November means January next.
const recentPast = 60

// date is the day part for d.m.y, or for d.m when hasYear is false, or a
// BadDate part when there is no such day.
func (s *scanner) date(y, m, d int, hasYear bool) part {
	bad := part{kind: dayPart, bad: BadDate}
	if m < 1 || m > 12 || d < 1 {
		return bad
	}
	month, today := time.Month(m), civilOf(s.now)
	if hasYear {
		if d > daysIn(y, month) {
			return bad
		}
		c := civil{y, month, d}
		return part{kind: dayPart, day: c, past: c.before(today)}
	}
	// Without a year: the nearest past and next occurrence, looking a few
	// years ahead so that 29.02 finds a leap year.
	var prev, next *civil
	for yy := today.y - 1; yy <= today.y+4 && next == nil; yy++ {
		if d > daysIn(yy, month) {
			continue
		}
		c := civil{yy, month, d}
		if c.before(today) {
			prev = &c
		} else {
			next = &c
		}
	}
	switch {
	case prev != nil && prev.daysUntil(today) <= recentPast:
		return part{kind: dayPart, day: *prev, past: true}
	case next == nil:
		return bad
	}
	return part{kind: dayPart, day: *next}
}

// resolve turns the parts into one deadline. A day and a time may stand
// apart ("в 18:00 созвон завтра"); a second day, a second time, or an
// instant next to either is a problem, since guessing which one was meant
// would set a deadline nobody asked for.
func resolve(parts []part, now time.Time, loc *time.Location) (time.Time, bool, []found) {
	var probs []found
	var day, clk, moment *part
	for i := range parts {
		p := &parts[i]
		switch {
		case p.bad != "":
			probs = append(probs, found{p.at, Problem{p.bad, p.frag}})
		case moment != nil,
			p.kind == momentPart && (day != nil || clk != nil),
			p.kind == dayPart && day != nil,
			p.kind == clockPart && clk != nil:
			probs = append(probs, found{p.at, Problem{TwoDates, p.frag}})
		case p.kind == momentPart:
			moment = p
		case p.kind == dayPart:
			day = p
		default:
			clk = p
		}
	}
	switch {
	case moment != nil:
		return moment.when, true, probs
	case day != nil && clk != nil:
		t := day.day.at(clk.hour, clk.min, loc)
		if day.again {
			// Today's weekday with a time still ahead today means today.
			if today := day.day.addDays(-7).at(clk.hour, clk.min, loc); today.After(now) {
				t = today
			}
		}
		if day.past || !t.After(now) {
			first, second := day, clk
			if clk.at < day.at {
				first, second = clk, day
			}
			probs = append(probs, found{first.at, Problem{PastDate, first.frag + " " + second.frag}})
		}
		return t, true, probs
	case day != nil:
		t := day.day.endOfDay(loc)
		if day.past || !t.After(now) {
			probs = append(probs, found{day.at, Problem{PastDate, day.frag}})
		}
		return t, false, probs
	case clk != nil:
		// A time alone is the next such time: today while it is ahead.
		today := civilOf(now)
		t := today.at(clk.hour, clk.min, loc)
		if !t.After(now) {
			t = today.addDays(1).at(clk.hour, clk.min, loc)
		}
		return t, true, probs
	}
	return time.Time{}, false, probs
}
