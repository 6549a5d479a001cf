package app

import (
	"testing"
	"time"

	"github.com/go-co-op/gocron/v2"
)

func TestParseNightly(t *testing.T) {
	for in, want := range map[string]string{"": "03:00", " 01:30 ": "01:30", "23:05": "23:05", "OFF": "off"} {
		got, err := parseNightly(in)
		s := "off"
		if got != nil {
			s = got.String()
		}
		if err != nil || s != want {
			t.Errorf("%q: got %s, %v, want %s", in, s, err, want)
		}
	}
	for _, bad := range []string{"3", "25:00", "03:00:00", "nightly"} {
		if _, err := parseNightly(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	cfg, err := LoadConfig(func(k string) string { return map[string]string{"MINING_NIGHTLY": "4:61"}[k] }, false)
	if err == nil || err.Error() == "" || cfg.MiningNightly != nil {
		t.Errorf("a bad MINING_NIGHTLY: %v", err)
	}
}

// TestNightlyIsInTheCompanyZone: the nightly job fires at its time of day
// in TIMEZONE.
func TestNightlyIsInTheCompanyZone(t *testing.T) {
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	s, err := gocron.NewScheduler(gocron.WithLocation(msk))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()
	def, opts := jobDefinition(job{daily: &DailyTime{Hour: 3}})
	j, err := s.NewJob(def, gocron.NewTask(func() {}), opts...)
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	next, err := j.NextRun()
	if err != nil {
		t.Fatal(err)
	}
	if n := next.In(msk); n.Hour() != 3 || n.Minute() != 0 || next.Sub(time.Now()) > 24*time.Hour || !next.After(time.Now()) {
		t.Errorf("next run %v", next)
	}
}
