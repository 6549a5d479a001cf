package quickadd

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones under test, independent of the system's zone files

	"processet/domain"
)

// now is the fixed moment of the tests: Tuesday 24 November 2026, 15:00
// in Moscow, which has no summer time.
var (
	moscow = mustZone("Europe/Moscow")
	now    = time.Date(2026, 11, 24, 15, 0, 0, 0, moscow)
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// dateCase is a line that parses without problems. due is the deadline
// in the user's zone as "2006-01-02 15:04", "" for none; a due without
// hasTime means the day's end, 23:59:59.
type dateCase struct {
	in      string
	title   string
	due     string
	hasTime bool
}

// checkDates parses each case at at in loc and compares.
func checkDates(t *testing.T, at time.Time, loc *time.Location, cases []dateCase) {
	t.Helper()
	for _, c := range cases {
		d, probs := Parse(c.in, at, loc)
		if len(probs) != 0 {
			t.Errorf("%q: problems %v", c.in, probs)
			continue
		}
		if d.Title != c.title {
			t.Errorf("%q: title %q, want %q", c.in, d.Title, c.title)
		}
		got := ""
		if !d.Deadline.IsZero() {
			if d.Deadline.Location() != loc {
				t.Errorf("%q: deadline in %v, want %v", c.in, d.Deadline.Location(), loc)
			}
			got = d.Deadline.Format("2006-01-02 15:04")
			if !d.HasTime && d.Deadline.Format("15:04:05.000") != "23:59:59.000" {
				t.Errorf("%q: day deadline %v, want the day's last second", c.in, d.Deadline)
			}
		}
		if got != c.due || d.HasTime != c.hasTime {
			t.Errorf("%q: due %q hasTime %v, want %q %v", c.in, got, d.HasTime, c.due, c.hasTime)
		}
	}
}

func TestParseRussianDays(t *testing.T) {
	checkDates(t, now, moscow, []dateCase{
		{"Подготовить презентацию", "Подготовить презентацию", "", false},
		{"Отчёт сегодня", "Отчёт", "2026-11-24 23:59", false},
		{"Отчёт завтра", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт ЗАВТРА", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт послезавтра", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт на завтра", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт до завтра", "Отчёт", "2026-11-25 23:59", false},
		{"Завтра: созвон с клиентом", "созвон с клиентом", "2026-11-25 23:59", false},
		{"Созвон завтра с клиентом", "Созвон с клиентом", "2026-11-25 23:59", false},
		{"Отчёт — завтра", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт, завтра", "Отчёт", "2026-11-25 23:59", false},
		// Weekdays: the next such day; today's (Tuesday) is next week's.
		{"Отчёт пн", "Отчёт", "2026-11-30 23:59", false},
		{"Отчёт вт", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт ср", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт чт", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт пт", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт пт.", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт сб", "Отчёт", "2026-11-28 23:59", false},
		{"Отчёт вс", "Отчёт", "2026-11-29 23:59", false},
		{"Отчёт понедельник", "Отчёт", "2026-11-30 23:59", false},
		{"Отчёт в понедельник", "Отчёт", "2026-11-30 23:59", false},
		{"Отчёт к понедельнику", "Отчёт", "2026-11-30 23:59", false},
		{"Отчёт до понедельника", "Отчёт", "2026-11-30 23:59", false},
		{"Отчёт во вторник", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт ко вторнику", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт в среду", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт к среде", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт до среды", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт в следующую среду", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт в четверг", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт в пятницу", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт к пятнице", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт до пятницы", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт пятница", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт на пятницу", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт в эту пятницу", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт к следующей пятнице", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт в субботу", "Отчёт", "2026-11-28 23:59", false},
		{"Отчёт к субботе", "Отчёт", "2026-11-28 23:59", false},
		{"Отчёт в воскресенье", "Отчёт", "2026-11-29 23:59", false},
		{"Отчёт к воскресенью", "Отчёт", "2026-11-29 23:59", false},
		{"Отчёт до воскресенья", "Отчёт", "2026-11-29 23:59", false},
		// "среда" is also an environment: without a fitting preposition it stays.
		{"Настроить среду разработки", "Настроить среду разработки", "", false},
		{"Проблема в среде разработки", "Проблема в среде разработки", "", false},
		// Numeric dates.
		{"Отчёт 25.11", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 25.11.", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт до 25.11", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 5.12", "Отчёт", "2026-12-05 23:59", false},
		{"Отчёт 05.12", "Отчёт", "2026-12-05 23:59", false},
		{"Отчёт 25.11.2026", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 25.11.26", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 1.3.2027", "Отчёт", "2027-03-01 23:59", false},
		{"Отчёт 2026-11-25", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 24.11", "Отчёт", "2026-11-24 23:59", false},
		{"Отчёт 15.01", "Отчёт", "2027-01-15 23:59", false},
		{"Отчёт 29.02", "Отчёт", "2028-02-29 23:59", false},
		// Month names.
		{"Отчёт 25 ноября", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт к 25 ноября", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 25 нояб", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 25 нояб.", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт 1 декабря", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт 3 мая", "Отчёт", "2027-05-03 23:59", false},
		{"Отчёт 25 ноября 2027", "Отчёт", "2027-11-25 23:59", false},
		{"Отчёт 25 ноября 2027 г.", "Отчёт", "2027-11-25 23:59", false},
		{"Отчёт 31 дек", "Отчёт", "2026-12-31 23:59", false},
		// Relative days.
		{"Отчёт через день", "Отчёт", "2026-11-25 23:59", false},
		{"Отчёт через 3 дня", "Отчёт", "2026-11-27 23:59", false},
		{"Отчёт через два дня", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт через пару дней", "Отчёт", "2026-11-26 23:59", false},
		{"Отчёт через 10 дней", "Отчёт", "2026-12-04 23:59", false},
		{"Отчёт через неделю", "Отчёт", "2026-12-01 23:59", false},
		{"Отчёт через 2 недели", "Отчёт", "2026-12-08 23:59", false},
		{"Отчёт через месяц", "Отчёт", "2026-12-24 23:59", false},
		{"Отчёт через 3 месяца", "Отчёт", "2027-02-24 23:59", false},
	})
}

func TestParseRussianTimes(t *testing.T) {
	checkDates(t, now, moscow, []dateCase{
		{"Подготовить презентацию завтра 18:00", "Подготовить презентацию", "2026-11-25 18:00", true},
		{"Отчёт завтра в 18:00", "Отчёт", "2026-11-25 18:00", true},
		{"Отчёт завтра к 9:30", "Отчёт", "2026-11-25 09:30", true},
		{"Отчёт сегодня 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт в 18:00 завтра", "Отчёт", "2026-11-25 18:00", true},
		{"в 18:00 созвон завтра", "созвон", "2026-11-25 18:00", true},
		{"Отчёт 25.11 18:00", "Отчёт", "2026-11-25 18:00", true},
		{"Отчёт 25.11.2026 18:00", "Отчёт", "2026-11-25 18:00", true},
		{"Отчёт 25 ноября в 18:00", "Отчёт", "2026-11-25 18:00", true},
		{"Отчёт в пятницу в 10:00", "Отчёт", "2026-11-27 10:00", true},
		{"Отчёт через 3 дня в 12:00", "Отчёт", "2026-11-27 12:00", true},
		// A time alone: today while ahead, else tomorrow.
		{"Отчёт 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт в 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт до 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт 9:00", "Отчёт", "2026-11-25 09:00", true},
		{"Отчёт 15:00", "Отчёт", "2026-11-25 15:00", true},
		{"Отчёт 0:00", "Отчёт", "2026-11-25 00:00", true},
		{"Отчёт 23:59", "Отчёт", "2026-11-24 23:59", true},
		// Dotted times.
		{"Отчёт 18.00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт 9.30", "Отчёт", "2026-11-25 09:30", true},
		{"Отчёт в 18.00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт в 10.11", "Отчёт", "2026-11-25 10:11", true},
		{"Отчёт завтра 10.11", "Отчёт", "2026-11-25 10:11", true},
		{"Отчёт 25.11 10.30", "Отчёт", "2026-11-25 10:30", true},
		// Today's weekday with a time: today while it is ahead.
		{"Отчёт вт 18:00", "Отчёт", "2026-11-24 18:00", true},
		{"Отчёт во вторник в 10:00", "Отчёт", "2026-12-01 10:00", true},
		// Instants.
		{"Отчёт через 2 часа", "Отчёт", "2026-11-24 17:00", true},
		{"Отчёт через час", "Отчёт", "2026-11-24 16:00", true},
		{"Отчёт через полчаса", "Отчёт", "2026-11-24 15:30", true},
		{"Отчёт через 30 минут", "Отчёт", "2026-11-24 15:30", true},
		{"Отчёт через 5 мин", "Отчёт", "2026-11-24 15:05", true},
		{"Отчёт через минуту", "Отчёт", "2026-11-24 15:01", true},
		{"Отчёт через 10 часов", "Отчёт", "2026-11-25 01:00", true},
	})
}

func TestParseMarks(t *testing.T) {
	for _, c := range []struct {
		in    string
		pri   domain.Priority
		who   string
		title string
	}{
		{"Отчёт", domain.PriorityMedium, "", "Отчёт"},
		{"Подготовить презентацию !high @ivan завтра 18:00", domain.PriorityHigh, "ivan", "Подготовить презентацию"},
		{"!HIGH Отчёт", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !h", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !высокий", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !В", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !1", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !срочно", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !Urgent", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт !medium", domain.PriorityMedium, "", "Отчёт"},
		{"Отчёт !m", domain.PriorityMedium, "", "Отчёт"},
		{"Отчёт !средний", domain.PriorityMedium, "", "Отчёт"},
		{"Отчёт !с", domain.PriorityMedium, "", "Отчёт"},
		{"Отчёт !2", domain.PriorityMedium, "", "Отчёт"},
		{"Отчёт !low", domain.PriorityLow, "", "Отчёт"},
		{"Отчёт !l", domain.PriorityLow, "", "Отчёт"},
		{"Отчёт !низкий", domain.PriorityLow, "", "Отчёт"},
		{"Отчёт !н", domain.PriorityLow, "", "Отчёт"},
		{"Отчёт !3", domain.PriorityLow, "", "Отчёт"},
		{"Отчёт !low, @ivan.", domain.PriorityLow, "ivan", "Отчёт"},
		{"Отчёт !h !high", domain.PriorityHigh, "", "Отчёт"},
		{"Отчёт @Ivan_Petrov @ivan_petrov", domain.PriorityMedium, "Ivan_Petrov", "Отчёт"},
		{"Отчёт @a", domain.PriorityMedium, "a", "Отчёт"},
		// Not marks: punctuation, e-mail, quotes.
		{"Отчёт! Срочно!!", domain.PriorityMedium, "", "Отчёт! Срочно!!"},
		{"Написать ivan@example.com", domain.PriorityMedium, "", "Написать ivan@example.com"},
		{"Отчёт @", domain.PriorityMedium, "", "Отчёт @"},
		{"Отчёт «!high @ivan»", domain.PriorityMedium, "", "Отчёт «!high @ivan»"},
		{"  Отчёт \n  по\tпродажам  ", domain.PriorityMedium, "", "Отчёт по продажам"},
	} {
		d, probs := Parse(c.in, now, moscow)
		if len(probs) != 0 {
			t.Errorf("%q: problems %v", c.in, probs)
		}
		if d.Priority != c.pri || d.Assignee != c.who || d.Title != c.title {
			t.Errorf("%q: got %s %q %q, want %s %q %q", c.in, d.Priority, d.Assignee, d.Title, c.pri, c.who, c.title)
		}
	}
}

func TestParseEnglish(t *testing.T) {
	checkDates(t, now, moscow, []dateCase{
		{"Prepare the deck today", "Prepare the deck", "2026-11-24 23:59", false},
		{"Prepare the deck tomorrow", "Prepare the deck", "2026-11-25 23:59", false},
		{"Prepare the deck Tomorrow.", "Prepare the deck", "2026-11-25 23:59", false},
		{"Prepare the deck by tomorrow", "Prepare the deck", "2026-11-25 23:59", false},
		// Weekdays; today's (Tuesday) is next week's.
		{"Report mon", "Report", "2026-11-30 23:59", false},
		{"Report tue", "Report", "2026-12-01 23:59", false},
		{"Report tues", "Report", "2026-12-01 23:59", false},
		{"Report thu", "Report", "2026-11-26 23:59", false},
		{"Report thurs", "Report", "2026-11-26 23:59", false},
		{"Report fri", "Report", "2026-11-27 23:59", false},
		{"Report on sat", "Report", "2026-11-28 23:59", false},
		{"Report by sun", "Report", "2026-11-29 23:59", false},
		{"Report next wed", "Report", "2026-11-25 23:59", false},
		{"Report Monday", "Report", "2026-11-30 23:59", false},
		{"Report on Wednesday", "Report", "2026-11-25 23:59", false},
		{"Report by Friday", "Report", "2026-11-27 23:59", false},
		{"Report next friday", "Report", "2026-11-27 23:59", false},
		{"Report this Friday", "Report", "2026-11-27 23:59", false},
		{"Report until Sunday", "Report", "2026-11-29 23:59", false},
		// Dates.
		{"Report Nov 25", "Report", "2026-11-25 23:59", false},
		{"Report November 25", "Report", "2026-11-25 23:59", false},
		{"Report Nov 25th", "Report", "2026-11-25 23:59", false},
		{"Report 25 Nov", "Report", "2026-11-25 23:59", false},
		{"Report 1st Dec", "Report", "2026-12-01 23:59", false},
		{"Report Nov 25, 2027", "Report", "2027-11-25 23:59", false},
		{"Report on 2026-12-31", "Report", "2026-12-31 23:59", false},
		{"Report Jan 15", "Report", "2027-01-15 23:59", false},
		// Times.
		{"Report 6pm", "Report", "2026-11-24 18:00", true},
		{"Report at 6pm", "Report", "2026-11-24 18:00", true},
		{"Report today at 6pm", "Report", "2026-11-24 18:00", true},
		{"Report 6 pm", "Report", "2026-11-24 18:00", true},
		{"Report 6:30pm", "Report", "2026-11-24 18:30", true},
		{"Report 6:30 p.m.", "Report", "2026-11-24 18:30", true},
		{"Report 9am", "Report", "2026-11-25 09:00", true},
		{"Report 12pm", "Report", "2026-11-25 12:00", true},
		{"Report 12am", "Report", "2026-11-25 00:00", true},
		{"Report tomorrow at 18:00", "Report", "2026-11-25 18:00", true},
		{"Report tomorrow 9am", "Report", "2026-11-25 09:00", true},
		{"Report fri 5pm", "Report", "2026-11-27 17:00", true},
		{"Report tue 5pm", "Report", "2026-11-24 17:00", true},
		{"Report Nov 25 at 10am", "Report", "2026-11-25 10:00", true},
		// Relative.
		{"Report in 3 days", "Report", "2026-11-27 23:59", false},
		{"Report in a day", "Report", "2026-11-25 23:59", false},
		{"Report in a week", "Report", "2026-12-01 23:59", false},
		{"Report in two weeks", "Report", "2026-12-08 23:59", false},
		{"Report in a month", "Report", "2026-12-24 23:59", false},
		{"Report in 3 days at 9am", "Report", "2026-11-27 09:00", true},
		{"Report in 2 hours", "Report", "2026-11-24 17:00", true},
		{"Report in an hour", "Report", "2026-11-24 16:00", true},
		{"Report in 30 minutes", "Report", "2026-11-24 15:30", true},
		{"Report in 45 mins", "Report", "2026-11-24 15:45", true},
		// Words that only look like dates.
		{"Check the sun panels", "Check the sun panels", "", false},
		{"Sat with the client", "Sat with the client", "", false},
		{"Wed the two lists", "Wed the two lists", "", false},
		{"Report 5 apples", "Report 5 apples", "", false},
		{"Report in the office", "Report in the office", "", false},
		{"Report on sales", "Report on sales", "", false},
		{"Version 1.5 release", "Version 1.5 release", "", false},
		{"Call at 5", "Call at 5", "", false},
		{"«Report for Friday» tomorrow", "«Report for Friday»", "2026-11-25 23:59", false},
		{`"Nov 25 review" tomorrow`, `"Nov 25 review"`, "2026-11-25 23:59", false},
	})
}
