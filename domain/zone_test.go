package domain_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones under test, independent of the system's zone files

	"processet/domain"
)

func TestParseZone(t *testing.T) {
	for typed, want := range map[string]string{
		"Europe/Berlin":      "Europe/Berlin",
		" asia/novosibirsk ": "Asia/Novosibirsk",
		"america/new_york":   "America/New_York",
		"UTC":                "UTC",
		"utc+5":              "Etc/GMT-5",
		"GMT -3":             "Etc/GMT+3",
		"UTC+14":             "Etc/GMT-14",
		"Etc/GMT-5":          "Etc/GMT-5",
	} {
		got, err := domain.ParseZone(typed)
		if err != nil || got != want {
			t.Errorf("ParseZone(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, bad := range []string{"", "Local", "Марс", "UTC+15", "UTC+5:30", "+03:00", "../../etc/passwd", "Europe/"} {
		if got, err := domain.ParseZone(bad); err == nil {
			t.Errorf("ParseZone(%q) = %q, want an error", bad, got)
		}
	}
}

func TestUserLocation(t *testing.T) {
	moscow, _ := time.LoadLocation("Europe/Moscow")
	if got := (domain.User{}).Location(moscow); got != moscow {
		t.Errorf("no zone: %v", got)
	}
	if got := (domain.User{TimeZone: "Asia/Omsk"}).Location(moscow); got.String() != "Asia/Omsk" {
		t.Errorf("own zone: %v", got)
	}
	if got := (domain.User{TimeZone: "Gone/Zone"}).Location(moscow); got != moscow {
		t.Errorf("a zone the database no longer has: %v", got)
	}
}

// FuzzParseZone: whatever is typed, the answer is a zone that loads or an
// error, never a panic.
func FuzzParseZone(f *testing.F) {
	for _, s := range []string{"Europe/Moscow", "utc+3", "GMT-12", "asia/tokyo", "UTC+", "Local", "../x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, err := domain.ParseZone(s)
		if err != nil {
			return
		}
		if _, err := domain.LoadZone(name); err != nil {
			t.Fatalf("ParseZone(%q) = %q, which does not load: %v", s, name, err)
		}
	})
}
