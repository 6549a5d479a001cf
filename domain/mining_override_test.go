package domain

import (
	"math"
	"testing"
	"time"
)

func TestParseStandardTime(t *testing.T) {
	good := []struct {
		in   string
		want time.Duration
	}{
		{"5 мин", 5 * time.Minute},
		{"5мин", 5 * time.Minute},
		{"5 мин.", 5 * time.Minute},
		{"5 минут", 5 * time.Minute},
		{"  5 MIN ", 5 * time.Minute},
		{"5 min", 5 * time.Minute},
		{"5m", 5 * time.Minute},
		{"1,5 ч", 90 * time.Minute},
		{"1.5 h", 90 * time.Minute},
		{"2h", 2 * time.Hour},
		{"2 часа", 2 * time.Hour},
		{"90 с", 90 * time.Second},
		{"90 сек", 90 * time.Second},
		{"90s", 90 * time.Second},
		{"45 seconds", 45 * time.Second},
		{"1:30", 90 * time.Second},
		{"0:05", 5 * time.Second},
		{"1:02:03", time.Hour + 2*time.Minute + 3*time.Second},
		{"1 ч 30 мин", 90 * time.Minute},
		{"1h30m", 90 * time.Minute},
		{"2 мин 30 с", 150 * time.Second},
		{"5", 5 * time.Minute},
		{"2,5", 150 * time.Second},
		{"0", 0},
		{"0,5 с", 500 * time.Millisecond},
		{"24 ч", 24 * time.Hour},
		{"5\u00a0мин", 5 * time.Minute},
	}
	for _, c := range good {
		got, ok := ParseStandardTime(c.in)
		if !ok || got != c.want {
			t.Errorf("ParseStandardTime(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"", "  ", "мин", "abc", "5 лет", "-5 мин", "25 ч", "24:00:01", "1:60", "1:5",
		"1:30:", ":30", "1 30", "5 мин 30", "inf", "NaN", "1e3", "0x10", "5,5,5", "1..5 ч", "5 мин мин",
		"99999999999999 ч", "1:2:3:4", "., ч", "1,5.5"} {
		if got, ok := ParseStandardTime(in); ok {
			t.Errorf("ParseStandardTime(%q) = %v, accepted", in, got)
		}
	}
}

func TestParseShare(t *testing.T) {
	good := []struct {
		in   string
		want float64
	}{
		{"60 %", 0.6},
		{"60%", 0.6},
		{"12,5 %", 0.125},
		{"0,6", 0.6},
		{"0.6", 0.6},
		{"60", 0.6},
		{"100", 1},
		{"1", 1},
		{"0", 0},
		{"0 %", 0},
		{"100 %", 1},
		{" 45\u00a0% ", 0.45},
	}
	for _, c := range good {
		got, ok := ParseShare(c.in)
		if !ok || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("ParseShare(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"", "%", "abc", "-10 %", "101", "150 %", "inf", "NaN", "1e2", "60 %%", "6 0", "0,6,1", "много"} {
		if got, ok := ParseShare(in); ok {
			t.Errorf("ParseShare(%q) = %v, accepted", in, got)
		}
	}
}

func FuzzParseStandardTime(f *testing.F) {
	for _, s := range []string{"5 мин", "1,5 ч", "90 с", "1:30", "5 min", "2h", "1h30m", "5", "1:02:03", "24 ч", "мин."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseStandardTime(s)
		if !ok {
			return
		}
		if d < 0 || d > MaxStandardTime {
			t.Errorf("ParseStandardTime(%q) = %v, outside 0..%v", s, d, MaxStandardTime)
		}
	})
}

func FuzzParseShare(f *testing.F) {
	for _, s := range []string{"60 %", "0,6", "60", "1", "0", "12,5%", "100 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseShare(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Errorf("ParseShare(%q) = %v, outside 0..1", s, v)
		}
	})
}
