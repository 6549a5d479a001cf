package domain

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// zones caches loaded time zones: every update formats dates in the
// sender's zone, and loading one reads and parses the zone database.
var zones sync.Map // name → *time.Location

// LoadZone returns the time zone with an IANA name such as
// "Asia/Novosibirsk". "Local" is refused: it means the server's zone,
// which users know nothing about.
func LoadZone(name string) (*time.Location, error) {
	if l, ok := zones.Load(name); ok {
		return l.(*time.Location), nil
	}
	if name == "" || name == "Local" {
		return nil, ErrBadZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, ErrBadZone
	}
	zones.Store(name, loc)
	return loc, nil
}

// ErrBadZone is a time zone name nobody knows.
var ErrBadZone = NewError(Invalid, ErrKeyBadZone)

// Location is the zone of the user's dates: their own choice, else the
// company's.
func (u User) Location(company *time.Location) *time.Location { return ZoneOr(u.TimeZone, company) }

// ZoneOr is the named zone, or def when the name is empty or no longer
// known (a zone database without it).
func ZoneOr(name string, def *time.Location) *time.Location {
	if name == "" {
		return def
	}
	if loc, err := LoadZone(name); err == nil {
		return loc
	}
	return def
}

// ParseZone reads a time zone as people type it: an IANA name in any
// letter case ("europe/berlin"), or an offset from UTC ("UTC+5", "GMT-3",
// "+05:30" is refused: whole hours only, as the zone database names them).
func ParseZone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if off, ok := utcOffset(s); ok {
		if off == 0 {
			return "UTC", nil
		}
		// The Etc zones count the other way round: Etc/GMT-5 is UTC+5.
		return fmt.Sprintf("Etc/GMT%+d", -off), nil
	}
	for _, name := range []string{s, canonicalZoneCase(s)} {
		if _, err := LoadZone(name); err == nil {
			return name, nil
		}
	}
	return "", ErrBadZone
}

// utcOffset reads "UTC+5", "GMT -3", "utc+12" or a bare "UTC": whole hours
// from -12 to +14, the range the world uses.
func utcOffset(s string) (int, bool) {
	u := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	rest, ok := strings.CutPrefix(u, "UTC")
	if !ok {
		if rest, ok = strings.CutPrefix(u, "GMT"); !ok {
			return 0, false
		}
	}
	if rest == "" {
		return 0, true
	}
	if rest[0] != '+' && rest[0] != '-' {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < -12 || n > 14 {
		return 0, false
	}
	return n, true
}

// canonicalZoneCase writes a typed IANA name the way the database spells
// it: each part capitalised after "/", "_" and "-" ("america/new_york" →
// "America/New_York").
func canonicalZoneCase(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}
