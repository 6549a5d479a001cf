package quickadd

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"processet/domain"
)

func TestParseProblems(t *testing.T) {
	for _, c := range []struct {
		in    string
		title string
		want  []Problem
	}{
		// Dates and times that are none.
		{"Отчёт 32.13", "Отчёт", []Problem{{BadDate, "32.13"}}},
		{"Отчёт 31.02", "Отчёт", []Problem{{BadDate, "31.02"}}},
		{"Отчёт 31.11", "Отчёт", []Problem{{BadDate, "31.11"}}},
		{"Отчёт 00.11", "Отчёт", []Problem{{BadDate, "00.11"}}},
		{"Отчёт 25.61", "Отчёт", []Problem{{BadDate, "25.61"}}},
		{"Отчёт 29.02.2027", "Отчёт", []Problem{{BadDate, "29.02.2027"}}},
		{"Отчёт 31.13.2026", "Отчёт", []Problem{{BadDate, "31.13.2026"}}},
		{"Отчёт 2026-02-30", "Отчёт", []Problem{{BadDate, "2026-02-30"}}},
		{"Отчёт 32 ноября", "Отчёт", []Problem{{BadDate, "32 ноября"}}},
		{"Отчёт к 31 нояб.", "Отчёт", []Problem{{BadDate, "31 нояб"}}},
		{"Report Feb 30", "Report", []Problem{{BadDate, "Feb 30"}}},
		{"Отчёт через 0 дней", "Отчёт", []Problem{{BadDate, "через 0 дней"}}},
		{"Отчёт через 100000 дней", "Отчёт", []Problem{{BadDate, "через 100000 дней"}}},
		{"Отчёт через 0 минут", "Отчёт", []Problem{{BadTime, "через 0 минут"}}},
		{"Отчёт 25:61", "Отчёт", []Problem{{BadTime, "25:61"}}},
		{"Отчёт 24:00", "Отчёт", []Problem{{BadTime, "24:00"}}},
		{"Отчёт в 18:60", "Отчёт", []Problem{{BadTime, "18:60"}}},
		{"Report 13pm", "Report", []Problem{{BadTime, "13pm"}}},
		{"Report 0am", "Report", []Problem{{BadTime, "0am"}}},
		// Passed.
		{"Отчёт 20.11", "Отчёт", []Problem{{PastDate, "20.11"}}},
		{"Отчёт 25.09", "Отчёт", []Problem{{PastDate, "25.09"}}},
		{"Отчёт 20 ноября", "Отчёт", []Problem{{PastDate, "20 ноября"}}},
		{"Отчёт 20.11.2026", "Отчёт", []Problem{{PastDate, "20.11.2026"}}},
		{"Отчёт 25.11.2025", "Отчёт", []Problem{{PastDate, "25.11.2025"}}},
		{"Отчёт 2020-01-01", "Отчёт", []Problem{{PastDate, "2020-01-01"}}},
		{"Отчёт сегодня в 10:00", "Отчёт", []Problem{{PastDate, "сегодня 10:00"}}},
		{"Отчёт в 10:00 сегодня", "Отчёт", []Problem{{PastDate, "10:00 сегодня"}}},
		{"Отчёт 24.11 14:59", "Отчёт", []Problem{{PastDate, "24.11 14:59"}}},
		{"Отчёт сегодня 15:00", "Отчёт", []Problem{{PastDate, "сегодня 15:00"}}},
		// More than one.
		{"Отчёт завтра пт", "Отчёт", []Problem{{TwoDates, "пт"}}},
		{"Отчёт 18:00 19:00", "Отчёт", []Problem{{TwoDates, "19:00"}}},
		{"Отчёт через 2 часа завтра", "Отчёт", []Problem{{TwoDates, "завтра"}}},
		{"Отчёт завтра через 2 часа", "Отчёт", []Problem{{TwoDates, "через 2 часа"}}},
		{"Отчёт за пятницу завтра", "Отчёт за", []Problem{{TwoDates, "завтра"}}},
		{"Отчёт !супер", "Отчёт", []Problem{{BadPriority, "!супер"}}},
		{"Отчёт !Важно!", "Отчёт", []Problem{{BadPriority, "!Важно"}}},
		{"Отчёт !high !low", "Отчёт", []Problem{{TwoPriorities, "!low"}}},
		{"Отчёт @ivan @petr", "Отчёт", []Problem{{TwoAssignees, "@petr"}}},
		{"Отчёт @иван", "Отчёт", []Problem{{BadAssignee, "@иван"}}},
		{"Отчёт @ivan-petrov", "Отчёт", []Problem{{BadAssignee, "@ivan-petrov"}}},
		{"Отчёт @" + strings.Repeat("a", 33), "Отчёт", []Problem{{BadAssignee, "@" + strings.Repeat("a", 33)}}},
		// Title.
		{"", "", []Problem{{EmptyTitle, ""}}},
		{"   ", "", []Problem{{EmptyTitle, ""}}},
		{"!high @ivan завтра 18:00", "", []Problem{{EmptyTitle, ""}}},
		{"— завтра", "", []Problem{{EmptyTitle, ""}}},
		// In typing order, the title's last.
		{"!x 32.13 @a @b", "", []Problem{{BadPriority, "!x"}, {BadDate, "32.13"}, {TwoAssignees, "@b"}, {EmptyTitle, ""}}},
	} {
		d, got := Parse(c.in, now, moscow)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: problems %v, want %v", c.in, got, c.want)
		}
		if d.Title != c.title {
			t.Errorf("%q: title %q, want %q", c.in, d.Title, c.title)
		}
	}
}

func TestParseLongTitle(t *testing.T) {
	exact := strings.Repeat("я", domain.MaxTaskTitle)
	d, probs := Parse(exact+" завтра", now, moscow)
	if len(probs) != 0 || d.Title != exact {
		t.Errorf("200 characters: %v, title of %d", probs, utf8.RuneCountInString(d.Title))
	}
	d, probs = Parse(exact+"я !h", now, moscow)
	if want := []Problem{{Code: TitleTooLong}}; !reflect.DeepEqual(probs, want) {
		t.Errorf("201 characters: %v, want %v", probs, want)
	}
	if n := utf8.RuneCountInString(d.Title); n != domain.MaxTaskTitle {
		t.Errorf("201 characters: title cut to %d", n)
	}
}

func TestParseBadUTF8(t *testing.T) {
	d, probs := Parse("Отчёт \xff\xfe завтра", now, moscow)
	if len(probs) != 0 || !utf8.ValidString(d.Title) || d.Title != "Отчёт \uFFFD" {
		t.Errorf("got %q %v", d.Title, probs)
	}
}

func TestParseNilLocation(t *testing.T) {
	d, _ := Parse("Отчёт завтра 18:00", now, nil)
	if want := "2026-11-25 18:00 MSK"; d.Deadline.Format("2006-01-02 15:04 MST") != want {
		t.Errorf("got %v, want %s", d.Deadline, want)
	}
}

// TestTexts keeps the messages complete and in step: every code has a
// text in each language, with one %s exactly where there is a fragment.
func TestTexts(t *testing.T) {
	noFragment := map[ProblemCode]bool{EmptyTitle: true, TitleTooLong: true}
	for lang, texts := range Texts {
		if len(texts) != len(ProblemCodes) {
			t.Errorf("%s: %d texts for %d codes", lang, len(texts), len(ProblemCodes))
		}
		for _, code := range ProblemCodes {
			text, ok := texts[code]
			if !ok {
				t.Errorf("%s: no text for %s", lang, code)
			}
			want := 1
			if noFragment[code] {
				want = 0
			}
			if got := strings.Count(text, "%"); got != want || (want == 1 && !strings.Contains(text, "%s")) {
				t.Errorf("%s %s: %q has %d verbs, want %d %%s", lang, code, text, got, want)
			}
		}
	}
	for lang, texts := range Texts {
		if !strings.Contains(texts[TitleTooLong], strconv.Itoa(domain.MaxTaskTitle)) {
			t.Errorf("%s: %q does not give the limit, %d", lang, texts[TitleTooLong], domain.MaxTaskTitle)
		}
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for lang, texts := range Texts {
		for code, text := range texts {
			if !strings.Contains(string(doc), lang+": "+text+"\n") {
				t.Errorf("the package doc lacks the %s text of %s: %q", lang, code, text)
			}
		}
	}
	if len(Texts) != 2 {
		t.Errorf("languages: %d, want ru and en", len(Texts))
	}
}
