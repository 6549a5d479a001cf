package eventlog

import (
	"errors"
	"time"
)

// ErrTimestamp is returned by ParseTimestamp for a value it cannot read.
var ErrTimestamp = errors.New("not a timestamp")

// ParseTimestamp reads the date and time forms logs use:
//
//	2024-03-01T09:30:00Z, 2024-03-01T09:30:00.123+03:00, 2024-03-01 09:30:00+0300
//	2024-03-01 09:30:00, 2024-03-01 09:30, 2024-03-01, 2024/03/01 09:30:00.5
//	01.03.2024 09:30:00, 1.3.2024 9:30, 01.03.2024
//
// Seconds may carry a fraction after '.' or ',' (up to nanoseconds; more
// digits are dropped). A value without an offset is in loc; one with an
// offset (Z, ±hh, ±hhmm, ±hh:mm, optionally after a space) is returned in
// UTC. Calendar dates are checked: 31.02.2024 is an error, and so is a
// year before 1900 (0001-01-01 and Excel's 30.12.1899 are how exports
// write "no date"). A nil loc is
// UTC.
func ParseTimestamp(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	t, ok := parseTime(s, loc)
	if !ok {
		return time.Time{}, ErrTimestamp
	}
	return t, nil
}

// parseTime is the parser behind ParseTimestamp. It reads bytes in place
// (no allocation, no regexp) and tells the two date orders apart by the
// fifth character, so there is no list of layouts to try.
func parseTime[T string | []byte](s T, loc *time.Location) (time.Time, bool) {
	i, n := 0, len(s)
	for i < n && s[i] == ' ' {
		i++
	}
	for n > i && (s[n-1] == ' ' || s[n-1] == '\r') {
		n--
	}
	var y, mo, d int
	var ok bool
	if n-i >= 10 && s[i+4] == '-' || n-i >= 10 && s[i+4] == '/' {
		// year first: 2006-01-02, 2006/01/02
		sep := s[i+4]
		if y, ok = digits(s, i, 4); !ok {
			return time.Time{}, false
		}
		i += 5
		if mo, i, ok = digits12(s, i, n); !ok || i >= n || s[i] != sep {
			return time.Time{}, false
		}
		if d, i, ok = digits12(s, i+1, n); !ok {
			return time.Time{}, false
		}
	} else {
		// day first: 02.01.2006, 2.1.2006
		if d, i, ok = digits12(s, i, n); !ok || i >= n || s[i] != '.' {
			return time.Time{}, false
		}
		if mo, i, ok = digits12(s, i+1, n); !ok || i >= n || s[i] != '.' {
			return time.Time{}, false
		}
		if i+5 > n {
			return time.Time{}, false
		}
		if y, ok = digits(s, i+1, 4); !ok {
			return time.Time{}, false
		}
		i += 5
	}
	if y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y) {
		return time.Time{}, false
	}
	var h, mi, sec, ns int
	if i < n {
		if s[i] != 'T' && s[i] != 't' && s[i] != ' ' {
			return time.Time{}, false
		}
		if h, i, ok = digits12(s, i+1, n); !ok || i >= n || s[i] != ':' || i+3 > n {
			return time.Time{}, false
		}
		if mi, ok = digits(s, i+1, 2); !ok {
			return time.Time{}, false
		}
		i += 3
		if i < n && s[i] == ':' {
			if i+3 > n {
				return time.Time{}, false
			}
			if sec, ok = digits(s, i+1, 2); !ok {
				return time.Time{}, false
			}
			i += 3
			if i < n && (s[i] == '.' || s[i] == ',') {
				i++
				start, scale := i, 100000000
				for i < n && s[i] >= '0' && s[i] <= '9' {
					ns += int(s[i]-'0') * scale
					scale /= 10
					i++
				}
				if i == start {
					return time.Time{}, false
				}
			}
		}
		if h > 23 || mi > 59 || sec > 59 {
			return time.Time{}, false
		}
	}
	if i == n {
		return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), true
	}
	if s[i] == ' ' {
		i++
	}
	if i == n {
		return time.Time{}, false
	}
	off := 0
	switch s[i] {
	case 'Z', 'z':
		if i+1 != n {
			return time.Time{}, false
		}
	case '+', '-':
		sign := 1
		if s[i] == '-' {
			sign = -1
		}
		i++
		var oh, om int
		if oh, ok = digits(s, i, 2); !ok || i+2 > n {
			return time.Time{}, false
		}
		i += 2
		if i < n && s[i] == ':' {
			i++
		}
		if i < n {
			if i+2 != n {
				return time.Time{}, false
			}
			if om, ok = digits(s, i, 2); !ok {
				return time.Time{}, false
			}
		}
		if oh > 18 || om > 59 {
			return time.Time{}, false
		}
		off = sign * (oh*3600 + om*60)
	default:
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC)
	return t.Add(-time.Duration(off) * time.Second), true
}

// digits reads exactly k decimal digits at s[i:].
func digits[T string | []byte](s T, i, k int) (int, bool) {
	if i < 0 || i+k > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+k; j++ {
		c := s[j]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// digits12 reads one or two decimal digits at s[i:n] and returns the
// value and the index after them.
func digits12[T string | []byte](s T, i, n int) (int, int, bool) {
	if i >= n || s[i] < '0' || s[i] > '9' {
		return 0, i, false
	}
	v := int(s[i] - '0')
	i++
	if i < n && s[i] >= '0' && s[i] <= '9' {
		v = v*10 + int(s[i]-'0')
		i++
	}
	return v, i, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
