package domain

import (
	"testing"
	"time"
)

func TestDueInDays(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	for _, c := range []struct {
		now  time.Time
		days int
		want time.Time
	}{
		{time.Date(2026, 11, 24, 10, 0, 0, 0, msk), 0, time.Date(2026, 11, 24, 23, 59, 59, 0, msk)},
		{time.Date(2026, 11, 24, 19, 0, 0, 0, msk), 0, time.Date(2026, 11, 24, 23, 59, 59, 0, msk)}, // still today after six
		{time.Date(2026, 11, 24, 23, 59, 59, 0, msk), 0, time.Date(2026, 11, 25, 23, 59, 59, 0, msk)},
		{time.Date(2026, 11, 30, 10, 0, 0, 0, msk), 1, time.Date(2026, 12, 1, 23, 59, 59, 0, msk)},
		{time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC), 0, time.Date(2026, 11, 25, 23, 59, 59, 0, msk)}, // already the 25th in Moscow
	} {
		if got := DueInDays(c.days, c.now, msk); !got.Equal(c.want) {
			t.Errorf("DueInDays(%d, %v) = %v, want %v", c.days, c.now, got, c.want)
		}
	}
}
