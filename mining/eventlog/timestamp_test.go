package eventlog_test

import (
	"testing"
	"time"

	"processet/mining/eventlog"
)

func TestParseTimestamp(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	local := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, msk)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2011-10-01T00:38:44.546+02:00", utc(2011, 9, 30, 22, 38, 44, 546e6)},
		{"2010-12-30 14:32:00+01:00", utc(2010, 12, 30, 13, 32, 0, 0)},
		{"2024-03-01T09:30:00Z", utc(2024, 3, 1, 9, 30, 0, 0)},
		{"2024-03-01T09:30:00.123456789123Z", utc(2024, 3, 1, 9, 30, 0, 123456789)},
		{"2024-03-01 09:30:00 +0530", utc(2024, 3, 1, 4, 0, 0, 0)},
		{"2024-03-01 09:30:00-03", utc(2024, 3, 1, 12, 30, 0, 0)},
		{"2024-03-01 09:30:00", local(2024, 3, 1, 9, 30, 0, 0)},
		{" 2024-03-01 09:30 ", local(2024, 3, 1, 9, 30, 0, 0)},
		{"2024-03-01", local(2024, 3, 1, 0, 0, 0, 0)},
		{"2024/03/01 09:30:00.5", local(2024, 3, 1, 9, 30, 0, 5e8)},
		{"01.03.2024 09:30:15", local(2024, 3, 1, 9, 30, 15, 0)},
		{"01.03.2024 09:30:15,25", local(2024, 3, 1, 9, 30, 15, 25e7)},
		{"1.3.2024 9:05", local(2024, 3, 1, 9, 5, 0, 0)},
		{"01.03.2024", local(2024, 3, 1, 0, 0, 0, 0)},
		{"29.02.2024", local(2024, 2, 29, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, err := eventlog.ParseTimestamp(tt.in, msk)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{
		"", "yesterday", "31.02.2024", "29.02.2023", "2024-13-01", "2024-00-10", "2024-01-32",
		"2024-01-01 24:00", "2024-01-01 10:60", "2024-01-01 10:00:61", "2024-01-01T", "2024-01-01 10",
		"2024-01-01 10:00:00.", "2024-01-01 10:00:00+", "2024-01-01 10:00:00+25:00", "2024-01-01 10:00:00Zx",
		"01.03.24", "0001-01-01", "30.12.1899", "0000-1-1 0:00+01", "01/03/2024", "45321.5", "2024-01-01 10:00 MSK", "１.03.2024",
	} {
		if got, err := eventlog.ParseTimestamp(bad, msk); err == nil {
			t.Errorf("%q: got %v, want an error", bad, got)
		}
	}
}
