package domain

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// MaxStandardTime is the longest standard time of one execution a
// manager may set: an activity is one sitting, not a project.
const MaxStandardTime = 24 * time.Hour

// durationUnits are the units a manager may type after a number, in
// Russian and English, full and short; a trailing dot ("мин.") is dropped
// before the lookup.
var durationUnits = map[string]time.Duration{
	"ч": time.Hour, "час": time.Hour, "часа": time.Hour, "часов": time.Hour,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"м": time.Minute, "мин": time.Minute, "минута": time.Minute, "минуты": time.Minute, "минут": time.Minute,
	"минуту": time.Minute, "m": time.Minute, "min": time.Minute, "mins": time.Minute,
	"minute": time.Minute, "minutes": time.Minute,
	"с": time.Second, "сек": time.Second, "секунда": time.Second, "секунды": time.Second,
	"секунд": time.Second, "секунду": time.Second, "s": time.Second, "sec": time.Second,
	"secs": time.Second, "second": time.Second, "seconds": time.Second,
}

// ParseStandardTime reads a standard time of one execution as a manager
// types it: a number with a unit ("5 мин", "1,5 ч", "90 с", "5 min",
// "2h"), several of them ("1 ч 30 мин", "1h30m"), a stopwatch reading
// ("1:30" is a minute and a half, "1:02:03" hours, minutes, seconds), or a
// bare number of minutes ("5"). Commas and dots both mark decimals. ok is
// false for anything else and for times over MaxStandardTime; zero is a
// valid time (the work is already done by a machine).
func ParseStandardTime(s string) (d time.Duration, ok bool) {
	s = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")))
	if s == "" || len(s) > 64 {
		return 0, false
	}
	var seconds float64
	if strings.Contains(s, ":") {
		seconds, ok = parseStopwatch(s)
	} else {
		seconds, ok = parseUnits(s)
	}
	if !ok || seconds > MaxStandardTime.Seconds() {
		return 0, false
	}
	return time.Duration(math.Round(seconds*1000)) * time.Millisecond, true
}

// parseStopwatch reads "m:ss" or "h:mm:ss" into seconds.
func parseStopwatch(s string) (float64, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var total float64
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 4 || (i > 0 && len(p) != 2) || strings.TrimFunc(p, isDigit) != "" {
			return 0, false
		}
		v, _ := strconv.Atoi(p)
		if i > 0 && v >= 60 {
			return 0, false
		}
		total = total*60 + float64(v)
	}
	return total, true
}

// parseUnits reads "number unit" pairs ("1 ч 30 мин", "90s"), or one
// bare number of minutes, into seconds.
func parseUnits(s string) (float64, bool) {
	rest := []rune(s)
	var total float64
	parts, bare := 0, false
	for {
		rest = trimLeftSpace(rest)
		if len(rest) == 0 {
			break
		}
		n := 0
		for n < len(rest) && (isDigit(rest[n]) || rest[n] == '.' || rest[n] == ',') {
			n++
		}
		v, ok := parseDecimal(string(rest[:n]))
		if !ok {
			return 0, false
		}
		rest = trimLeftSpace(rest[n:])
		u := 0
		for u < len(rest) && unicode.IsLetter(rest[u]) {
			u++
		}
		unit := string(rest[:u])
		rest = rest[u:]
		if len(rest) > 0 && rest[0] == '.' && unit != "" {
			rest = rest[1:] // "мин."
		}
		parts++
		if unit == "" {
			bare = true
			total += v * 60
			continue
		}
		mult, known := durationUnits[unit]
		if !known {
			return 0, false
		}
		total += v * mult.Seconds()
	}
	// A bare number is minutes only when it stands alone: "1 30" says nothing.
	if parts == 0 || (bare && parts > 1) {
		return 0, false
	}
	return total, true
}

// parseDecimal reads digits with at most one decimal comma or dot; it
// refuses what strconv would also take ("inf", "1e3", "0x1p4").
func parseDecimal(s string) (float64, bool) {
	s = strings.Replace(s, ",", ".", 1)
	if s == "" || s == "." || len(s) > 12 || strings.Count(s, ".") > 1 ||
		strings.TrimFunc(s, func(r rune) bool { return isDigit(r) || r == '.' }) != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func trimLeftSpace(r []rune) []rune {
	for len(r) > 0 && unicode.IsSpace(r[0]) {
		r = r[1:]
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// ParseShare reads an automatable share as a manager types it: a percent
// ("60 %", "60%", "12,5 %"), a fraction up to 1 ("0,6", "0.6", "1"), or a
// number above 1 taken as percent ("60"). ok is false for anything else
// and for shares outside 0..100 %.
func ParseShare(s string) (share float64, ok bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	num, percent := strings.CutSuffix(s, "%")
	v, ok := parseDecimal(strings.TrimSpace(num))
	if !ok {
		return 0, false
	}
	if percent || v > 1 {
		v /= 100
	}
	if v < 0 || v > 1 {
		return 0, false
	}
	return v, true
}
