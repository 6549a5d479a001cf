package quickadd

import (
	"regexp"
	"strconv"
)

var (
	isoRe    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	dmyRe    = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$`)
	dotRe    = regexp.MustCompile(`^(\d{1,2})\.(\d{2})$`)
	clockRe  = regexp.MustCompile(`^(\d{1,2}):(\d{2})(am|pm|a\.m|p\.m)?$`)
	ampmRe   = regexp.MustCompile(`^(\d{1,2})(am|pm|a\.m|p\.m)$`)
	hourRe   = regexp.MustCompile(`^\d{1,2}$`)
	suffixRe = regexp.MustCompile(`^(am|pm|a\.m|p\.m)$`)
)

// numeric reads the forms made of digits: 2026-11-25, 25.11.2026,
// 25.11.26, 25.11, 18:00, 18.00, 6pm, 6:30 pm, 6 pm. clockFirst is set
// after "в"/"at" and right after a day, where a dotted pair is a time
// ("в 10.11", "завтра 10.11") although it could be a date.
func (s *scanner) numeric(j int, clockFirst bool) (int, part, bool) {
	w := s.word(j)
	if m := isoRe.FindStringSubmatch(w); m != nil {
		return 1, s.date(atoi(m[1]), atoi(m[2]), atoi(m[3]), true), true
	}
	if m := dmyRe.FindStringSubmatch(w); m != nil {
		y := atoi(m[3])
		if len(m[3]) == 2 {
			y += 2000
		}
		return 1, s.date(y, atoi(m[2]), atoi(m[1]), true), true
	}
	if m := dotRe.FindStringSubmatch(w); m != nil {
		return 1, s.dotted(atoi(m[1]), atoi(m[2]), clockFirst), true
	}
	suffix := ""
	if s.has(j+1) && suffixRe.MatchString(s.word(j+1)) {
		suffix = s.word(j + 1)
	}
	if m := clockRe.FindStringSubmatch(w); m != nil {
		if m[3] == "" && suffix != "" {
			return 2, clock(atoi(m[1]), atoi(m[2]), suffix), true
		}
		return 1, clock(atoi(m[1]), atoi(m[2]), m[3]), true
	}
	if m := ampmRe.FindStringSubmatch(w); m != nil {
		return 1, clock(atoi(m[1]), 0, m[2]), true
	}
	if hourRe.MatchString(w) && suffix != "" {
		return 2, clock(atoi(w), 0, suffix), true
	}
	return 0, part{}, false
}

// atoi reads a string the regular expressions have already checked to be
// one to four digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dotted decides what a dotted pair a.bb is. People write both dates
// (25.11) and times (18.00) this way. A pair is a date whenever bb can be
// a month, and a time of day otherwise (18.00, 9.30); in clock context it
// is a time whenever it can be one. Decimal fractions are written with a
// comma in Russian, so 2.40 is rarely a number meant for the title.
func (s *scanner) dotted(a, bb int, clockFirst bool) part {
	canBeClock := a <= 23 && bb <= 59
	switch {
	case clockFirst && canBeClock:
		return clock(a, bb, "")
	case bb >= 1 && bb <= 12:
		return s.date(0, bb, a, false)
	case canBeClock:
		return clock(a, bb, "")
	}
	return part{kind: dayPart, bad: BadDate}
}

// clock is the time h:m, with an optional am/pm suffix, or a BadTime part.
func clock(h, m int, suffix string) part {
	bad := part{kind: clockPart, bad: BadTime}
	if m > 59 {
		return bad
	}
	switch suffix {
	case "":
		if h > 23 {
			return bad
		}
	case "am", "a.m":
		if h < 1 || h > 12 {
			return bad
		}
		h %= 12
	default:
		if h < 1 || h > 12 {
			return bad
		}
		h = h%12 + 12
	}
	return part{kind: clockPart, hour: h, min: m}
}
