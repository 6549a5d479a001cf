package domain

import (
	"testing"
	"time"
)

func TestDeadlinePresetAt(t *testing.T) {
	loc := time.FixedZone("UTC+3", 3*3600)
	morning := time.Date(2026, 3, 10, 10, 0, 0, 0, loc)
	evening := time.Date(2026, 3, 10, 19, 0, 0, 0, loc)
	for _, c := range []struct {
		p    DeadlinePreset
		now  time.Time
		want time.Time
	}{
		{DeadlineToday, morning, DueOn(2026, 3, 10, loc)},
		{DeadlineToday, evening, DueOn(2026, 3, 10, loc)},
		{DeadlineTomorrow, morning, DueOn(2026, 3, 11, loc)},
		{DeadlineIn3Days, morning, DueOn(2026, 3, 13, loc)},
		{DeadlineInAWeek, morning, DueOn(2026, 3, 17, loc)},
	} {
		if got, none, ok := c.p.At(c.now, loc); !ok || none || !got.Equal(c.want) {
			t.Errorf("%s at %v = %v, %v, %v; want %v", c.p, c.now, got, none, ok, c.want)
		}
	}
	if _, none, ok := DeadlineNone.At(morning, loc); !none || !ok {
		t.Error("DeadlineNone: want no deadline")
	}
	if _, _, ok := DeadlinePreset("xx").At(morning, loc); ok {
		t.Error("an unknown code is no preset")
	}
}
