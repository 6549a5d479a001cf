package quickadd

import (
	"strings"
	"time"
)

// The vocabulary of dates. Words are in normalised form: lower case, ё
// written as е. Russian nouns appear in the cases the prepositions in
// front of them call for ("в пятницу", "к пятнице", "до пятницы").

// dayWords are the days named relative to today.
var dayWords = map[string]int{
	"сегодня": 0, "завтра": 1, "послезавтра": 2,
	"today": 0, "tomorrow": 1,
}

// weekdays maps every accepted form of a weekday name.
var weekdays = map[string]time.Weekday{
	"понедельник": time.Monday, "понедельника": time.Monday, "понедельнику": time.Monday, "пн": time.Monday,
	"вторник": time.Tuesday, "вторника": time.Tuesday, "вторнику": time.Tuesday, "вт": time.Tuesday,
	"среду": time.Wednesday, "среде": time.Wednesday, "среды": time.Wednesday, "ср": time.Wednesday,
	"четверг": time.Thursday, "четверга": time.Thursday, "четвергу": time.Thursday, "чт": time.Thursday,
	"пятница": time.Friday, "пятницу": time.Friday, "пятницы": time.Friday, "пятнице": time.Friday, "пт": time.Friday,
	"суббота": time.Saturday, "субботу": time.Saturday, "субботы": time.Saturday, "субботе": time.Saturday, "сб": time.Saturday,
	"воскресенье": time.Sunday, "воскресенья": time.Sunday, "воскресенью": time.Sunday, "вс": time.Sunday,

	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
	"sunday": time.Sunday, "sun": time.Sunday,
}

// englishDayPrepositions are the ones that make "sun" a Sunday.
var englishDayPrepositions = []string{"on", "by", "until", "till", "before"}

// ambiguousWeekdays are weekday forms that are also common words: "среда"
// is an environment ("в среде разработки", "тестовую среду"), "sun",
// "sat" and "wed" are English words. Each is a weekday only after one of
// the prepositions listed, the ones that fit its case ("в среду", "к
// среде", "до среды"), or after next/следующий.
var ambiguousWeekdays = map[string][]string{
	"среду": {"в", "во", "на"},
	"среде": {"к", "ко"},
	"среды": {"до"},
	"sun":   englishDayPrepositions,
	"sat":   englishDayPrepositions,
	"wed":   englishDayPrepositions,
}

// isWeekdayModifier reports whether w is "next"/"this" in front of a
// weekday. Both mean the same as the bare weekday, the next such day:
// "next friday" is read the way most people mean it on a Monday.
func isWeekdayModifier(w string) bool {
	if w == "next" || w == "this" {
		return true
	}
	switch w {
	case "этот", "эту", "это", "эта", "этой", "этому", "этого":
		return true
	}
	return strings.HasPrefix(w, "следующ") || strings.HasPrefix(w, "ближайш")
}

// months maps month names and their usual abbreviations, Russian in the
// genitive ("25 ноября") and nominative, English in full and short.
var months = map[string]time.Month{
	"января": 1, "январь": 1, "янв": 1,
	"февраля": 2, "февраль": 2, "фев": 2, "февр": 2,
	"марта": 3, "март": 3, "мар": 3,
	"апреля": 4, "апрель": 4, "апр": 4,
	"мая": 5, "май": 5,
	"июня": 6, "июнь": 6, "июн": 6,
	"июля": 7, "июль": 7, "июл": 7,
	"августа": 8, "август": 8, "авг": 8,
	"сентября": 9, "сентябрь": 9, "сен": 9, "сент": 9,
	"октября": 10, "октябрь": 10, "окт": 10,
	"ноября": 11, "ноябрь": 11, "ноя": 11, "нояб": 11,
	"декабря": 12, "декабрь": 12, "дек": 12,

	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// yearWords may follow a year: "25 ноября 2026 г.", "2026 года".
var yearWords = map[string]bool{"г": true, "года": true, "год": true}

// prepositions may stand before a date or time and go with it, so that
// "Отчёт к пятнице" leaves "Отчёт", not "Отчёт к".
var prepositions = map[string]bool{
	"в": true, "во": true, "к": true, "ко": true, "до": true, "на": true,
	"on": true, "by": true, "at": true, "until": true, "till": true, "before": true,
}

// clockPrepositions are the ones after which a dotted pair is a time of
// day: "в 10.11" is ten past ten, while "до 10.11" is the tenth of November.
var clockPrepositions = map[string]bool{"в": true, "во": true, "at": true}

// unit is a step of a relative deadline ("через 3 дня", "in 2 hours").
type unit struct {
	days, months int
	dur          time.Duration // for units shorter than a day
}

var (
	minuteUnit = unit{dur: time.Minute}
	hourUnit   = unit{dur: time.Hour}
	dayUnit    = unit{days: 1}
	weekUnit   = unit{days: 7}
	monthUnit  = unit{months: 1}
)

// units maps the forms of each unit. The Russian singulars can stand
// without a number: "через час", "через неделю".
var units = map[string]unit{
	"минуту": minuteUnit, "минуты": minuteUnit, "минут": minuteUnit, "мин": minuteUnit,
	"час": hourUnit, "часа": hourUnit, "часов": hourUnit, "ч": hourUnit,
	"день": dayUnit, "дня": dayUnit, "дней": dayUnit,
	"неделю": weekUnit, "недели": weekUnit, "недель": weekUnit, "нед": weekUnit,
	"месяц": monthUnit, "месяца": monthUnit, "месяцев": monthUnit, "мес": monthUnit,

	"minute": minuteUnit, "minutes": minuteUnit, "min": minuteUnit, "mins": minuteUnit,
	"hour": hourUnit, "hours": hourUnit, "hr": hourUnit, "hrs": hourUnit,
	"day": dayUnit, "days": dayUnit,
	"week": weekUnit, "weeks": weekUnit,
	"month": monthUnit, "months": monthUnit,
}

// bareUnits are the Russian units that mean "one" on their own.
var bareUnits = map[string]bool{"минуту": true, "час": true, "день": true, "неделю": true, "месяц": true}

// numberWords are the counts people spell out in a relative deadline.
var numberWords = map[string]int{
	"один": 1, "одну": 1, "одна": 1, "два": 2, "две": 2, "пару": 2, "три": 3, "четыре": 4,
	"пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
