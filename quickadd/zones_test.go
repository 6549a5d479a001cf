package quickadd

import (
	"reflect"
	"testing"
	"time"
)

func TestParseEndOfMonthAndYear(t *testing.T) {
	// Monday 30 November 2026, 21:00.
	checkDates(t, time.Date(2026, 11, 30, 21, 0, 0, 0, moscow), moscow, []dateCase{
		{"Отчёт завтра", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт послезавтра", "Отчёт", "2026-12-02 23:59", false},
		{"Отчёт в 9:00", "Отчёт", "2026-12-01 09:00", true},
		{"Отчёт через 5 часов", "Отчёт", "2026-12-01 02:00", true},
		{"Отчёт пн", "Отчёт", "2026-12-07 23:59", false},
		{"Отчёт вс", "Отчёт", "2026-12-06 23:59", false},
	})
	// Thursday 31 December 2026, 23:30.
	checkDates(t, time.Date(2026, 12, 31, 23, 30, 0, 0, moscow), moscow, []dateCase{
		{"Отчёт завтра", "Отчёт", "2027-01-01 23:59", false},
		{"Отчёт завтра 10:00", "Отчёт", "2027-01-01 10:00", true},
		{"Отчёт сегодня", "Отчёт", "2026-12-31 23:59", false},
		{"Отчёт 23:45", "Отчёт", "2026-12-31 23:45", true},
		{"Отчёт 23:00", "Отчёт", "2027-01-01 23:00", true},
		{"Отчёт через час", "Отчёт", "2027-01-01 00:30", true},
		{"Отчёт в пятницу", "Отчёт", "2027-01-01 23:59", false},
		{"Отчёт 5.01", "Отчёт", "2027-01-05 23:59", false},
		{"Отчёт 5 января", "Отчёт", "2027-01-05 23:59", false},
		{"Report Jan 5", "Report", "2027-01-05 23:59", false},
		{"Отчёт 31.12", "Отчёт", "2026-12-31 23:59", false},
		{"Отчёт через месяц", "Отчёт", "2027-01-31 23:59", false},
	})
	// A month on from 31 January stops at the end of February.
	checkDates(t, time.Date(2027, 1, 31, 12, 0, 0, 0, moscow), moscow, []dateCase{
		{"Отчёт через месяц", "Отчёт", "2027-02-28 23:59", false},
		{"Report in a month", "Report", "2027-02-28 23:59", false},
	})
	checkDates(t, time.Date(2028, 1, 31, 12, 0, 0, 0, moscow), moscow, []dateCase{
		{"Отчёт через месяц", "Отчёт", "2028-02-29 23:59", false},
		{"Отчёт 29.02", "Отчёт", "2028-02-29 23:59", false},
	})
}

// TestParseYearlessDates checks both ends of the two-month rule across a
// new year.
func TestParseYearlessDates(t *testing.T) {
	jan5 := time.Date(2027, 1, 5, 12, 0, 0, 0, moscow)
	checkDates(t, jan5, moscow, []dateCase{
		{"Отчёт 1.11", "Отчёт", "2027-11-01 23:59", false},
		{"Отчёт 5.01", "Отчёт", "2027-01-05 23:59", false},
		{"Отчёт 10.01", "Отчёт", "2027-01-10 23:59", false},
	})
	for in, want := range map[string][]Problem{
		"Отчёт 25.12":      {{PastDate, "25.12"}},
		"Отчёт 25 декабря": {{PastDate, "25 декабря"}},
		"Report Dec 25":    {{PastDate, "Dec 25"}},
		"Отчёт 4.01":       {{PastDate, "4.01"}},
	} {
		if _, got := Parse(in, jan5, moscow); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", in, got, want)
		}
	}
}

// TestParseVladivostok reads the deadline in the user's zone, whatever
// zone now comes in: 23:00 in Moscow is already the next morning there.
func TestParseVladivostok(t *testing.T) {
	vlad := mustZone("Asia/Vladivostok")
	at := time.Date(2026, 11, 24, 23, 0, 0, 0, moscow) // Wednesday 06:00 in Vladivostok
	checkDates(t, at, vlad, []dateCase{
		{"Отчёт сегодня", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт завтра", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт 9:00", "Отчёт", "2026-11-25 09:00", true},
		{"Отчёт в 5:00", "Отчёт", "2026-11-26 05:00", true},
		{"Отчёт ср", "Отчёт", "2026-12-02 23:59", false},
		{"Отчёт в среду в 18:00", "Отчёт", "2026-11-25 18:00", true},
		{"Отчёт 25.11", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт через 2 часа", "Отчёт", "2026-11-25 08:00", true},
	})
	d, _ := Parse("Отчёт 25.11", at, vlad)
	if want := time.Date(2026, 11, 25, 13, 59, 59, 0, time.UTC); !d.Deadline.Equal(want) {
		t.Errorf("end of 25.11 in Vladivostok: %v, want %v", d.Deadline.UTC(), want)
	}
}

// TestParseSummerTime checks that days are calendar days in a zone whose
// clocks move: Berlin goes to summer time on 29 March 2026 and back on 25
// October.
func TestParseSummerTime(t *testing.T) {
	berlin := mustZone("Europe/Berlin")
	checkDates(t, time.Date(2026, 3, 28, 23, 30, 0, 0, berlin), berlin, []dateCase{
		{"Отчёт завтра", "Отчёт", "2026-03-29 23:59", false},
		{"Отчёт завтра в 18:00", "Отчёт", "2026-03-29 18:00", true},
		{"Отчёт послезавтра 9:00", "Отчёт", "2026-03-30 09:00", true},
		{"Отчёт через 3 дня", "Отчёт", "2026-03-31 23:59", false},
		{"Отчёт 2:30", "Отчёт", "2026-03-29 03:30", true}, // 2:30 does not exist that night
		{"Отчёт через 4 часа", "Отчёт", "2026-03-29 04:30", true},
	})
	checkDates(t, time.Date(2026, 10, 24, 23, 30, 0, 0, berlin), berlin, []dateCase{
		{"Отчёт завтра", "Отчёт", "2026-10-25 23:59", false},
		{"Отчёт завтра в 18:00", "Отчёт", "2026-10-25 18:00", true},
		{"Отчёт через 4 часа", "Отчёт", "2026-10-25 02:30", true},
	})
	d, _ := Parse("Отчёт через 4 часа", time.Date(2026, 10, 24, 23, 30, 0, 0, berlin), berlin)
	if got := d.Deadline.Sub(time.Date(2026, 10, 24, 23, 30, 0, 0, berlin)); got != 4*time.Hour {
		t.Errorf("через 4 часа across the change: %v later, want 4h", got)
	}
}

// TestParseWeekdays walks a whole week: each weekday named on each day.
func TestParseWeekdays(t *testing.T) {
	names := []string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"}
	for day := 0; day < 7; day++ {
		at := time.Date(2026, 11, 22+day, 12, 0, 0, 0, moscow) // Sunday 22nd onwards
		for wd, name := range names {
			d, probs := Parse("Отчёт "+name, at, moscow)
			ahead := (wd - day + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			want := time.Date(2026, 11, 22+day+ahead, 23, 59, 59, 0, moscow)
			if len(probs) != 0 || !d.Deadline.Equal(want) || d.Deadline.Weekday() != time.Weekday(wd) {
				t.Errorf("%s on %s: %v %v, want %v", name, at.Weekday(), d.Deadline, probs, want)
			}
		}
	}
}

func TestParseFractionOfMinute(t *testing.T) {
	at := time.Date(2026, 11, 24, 17, 59, 59, 500, moscow)
	checkDates(t, at, moscow, []dateCase{
		{"Отчёт 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт через минуту", "Отчёт", "2026-11-24 18:00", true},
	})
	at = time.Date(2026, 11, 24, 18, 0, 0, 0, moscow)
	checkDates(t, at, moscow, []dateCase{{"Отчёт 18:00", "Отчёт", "2026-11-25 18:00", true}})
}
