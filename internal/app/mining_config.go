package app

import (
	"fmt"
	"strings"
	"time"
)

// DailyTime is a time of day in the company's zone.
type DailyTime struct{ Hour, Minute int }

func (d DailyTime) String() string { return fmt.Sprintf("%02d:%02d", d.Hour, d.Minute) }

// defaultNightly is when the nightly recompute runs unless MINING_NIGHTLY
// says otherwise: after the working day's exports, before the morning.
var defaultNightly = DailyTime{Hour: 3}

// parseNightly reads MINING_NIGHTLY: "HH:MM" in TIMEZONE, or "off".
func parseNightly(s string) (*DailyTime, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "":
		d := defaultNightly
		return &d, nil
	case "off":
		return nil, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return nil, &ConfigError{"MINING_NIGHTLY", fmt.Sprintf("%q is not a time of day", s),
			"use HH:MM in TIMEZONE, e.g. 03:00, or off for no nightly recompute"}
	}
	return &DailyTime{Hour: t.Hour(), Minute: t.Minute()}, nil
}
