package quickadd

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"processet/domain"
)

// FuzzParse checks what must hold for any line:
//   - Parse does not panic;
//   - the title is valid UTF-8 of at most domain.MaxTaskTitle characters;
//   - no consumed word is left in the title;
//   - without problems, the deadline is not before now, and parsing the
//     title again finds nothing more in it.
//
// The second argument moves now by up to about a year, so that the edges
// of days, months and years get tried too.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"Подготовить презентацию !high @ivan завтра 18:00",
		"Отчёт к пятнице", "Отчёт в среду в 10.30", "Report next friday 6pm",
		"Отчёт 25.11.26", "Отчёт 2026-11-25", "Отчёт 25 нояб. 2027 г.", "Report Nov 25th, 2027",
		"Отчёт через 3 дня", "Отчёт через полчаса", "Report in a week", "Report in 2 hours",
		"Отчёт 32.13 25:61 !супер @a @b", "«Отчёт за пятницу» завтра", `"x" y "z`,
		"через завтра 3 дня", "— завтра —", "в @ivan 18.00", "6 !h pm", "25 @ivan ноября",
	} {
		f.Add(seed, int64(0))
	}
	for _, line := range randomLines(rand.New(rand.NewPCG(1, 2)), 50) {
		f.Add(line, int64(0))
	}
	vlad := mustZone("Asia/Vladivostok")
	f.Fuzz(func(t *testing.T, in string, shift int64) {
		at := now.Add(time.Duration(shift%(400*24*3600)) * time.Second)
		checkLine(t, in, at, moscow)
		checkLine(t, in, at, vlad)
	})
}

// TestParseRandomLines checks the fuzz properties on lines made of the
// parser's own words, which a byte-level fuzzer seldom puts together.
func TestParseRandomLines(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	berlin := mustZone("Europe/Berlin")
	ats := []time.Time{
		now,
		time.Date(2026, 12, 31, 23, 59, 30, 0, moscow),
		time.Date(2028, 2, 29, 0, 0, 0, 0, moscow),
		time.Date(2026, 3, 29, 1, 59, 0, 0, berlin),
		time.Date(2026, 10, 25, 2, 30, 0, 0, berlin),
	}
	for _, line := range randomLines(r, 20000) {
		at := ats[r.IntN(len(ats))]
		checkLine(t, line, at, at.Location())
	}
}

// checkLine parses in and checks the properties every line must have.
func checkLine(t *testing.T, in string, at time.Time, loc *time.Location) {
	t.Helper()
	d, probs, toks := parse(in, at, loc)
	if !utf8.ValidString(d.Title) || utf8.RuneCountInString(d.Title) > domain.MaxTaskTitle {
		t.Fatalf("%q: title %q", in, d.Title)
	}
	checkNoConsumedWord(t, in, d.Title, toks)
	if len(probs) > 0 {
		return
	}
	if !d.Deadline.IsZero() && d.Deadline.Before(at) {
		t.Fatalf("%q at %v: deadline %v before now", in, at, d.Deadline)
	}
	again, probs2 := Parse(d.Title, at, loc)
	if again.Title != d.Title || !again.Deadline.IsZero() || again.Assignee != "" ||
		again.Priority != domain.PriorityMedium || len(probs2) != 0 {
		t.Fatalf("%q: title %q parses again to %+v %v", in, d.Title, again, probs2)
	}
}

// randomLines makes n lines of 1–10 words drawn from the vocabulary, with
// plain words, numbers, punctuation and quotes among them.
func randomLines(r *rand.Rand, n int) []string {
	var vocab []string
	for _, m := range []map[string]int{dayWords, numberWords} {
		for w := range m {
			vocab = append(vocab, w)
		}
	}
	for w := range weekdays {
		vocab = append(vocab, w)
	}
	for w := range months {
		vocab = append(vocab, w)
	}
	for w := range units {
		vocab = append(vocab, w)
	}
	for w := range prepositions {
		vocab = append(vocab, w)
	}
	for w := range priorityWords {
		vocab = append(vocab, "!"+w)
	}
	sort.Strings(vocab) // maps iterate at random; the lines should not
	vocab = append(vocab, "через", "in", "следующую", "next", "полчаса", "г", "pm", "am", "p.m.",
		"@ivan", "@petr", "@иван", "!", "!супер", "—", ",", "«", "»", `"`, "отчёт", "Report", "среда",
		"0", "1", "5", "9", "12", "13", "18", "24", "25", "29", "31", "32", "99", "2026", "2027", "2025",
		"18:00", "9:30", "25:61", "0:00", "23:59", "6pm", "12am", "18.00", "9.30", "10.11", "25.11",
		"31.02", "29.02", "32.13", "1.5", "25.11.2026", "25.11.26", "29.02.2028", "2026-11-25", "25th")
	lines := make([]string, n)
	for i := range lines {
		words := make([]string, 1+r.IntN(10))
		for k := range words {
			words[k] = vocab[r.IntN(len(vocab))]
			switch r.IntN(12) {
			case 0:
				words[k] = strings.ToUpper(words[k])
			case 1:
				words[k] += ","
			case 2:
				words[k] += "."
			}
		}
		lines[i] = strings.Join(words, " ")
	}
	return lines
}

// checkNoConsumedWord fails when the title holds a consumed word more
// often than words nobody consumed can account for.
func checkNoConsumedWord(t *testing.T, in, title string, toks []token) {
	t.Helper()
	words := strings.Fields(title)
	for _, u := range toks {
		if !u.used {
			continue
		}
		inTitle := 0
		for _, w := range words {
			if w == u.text {
				inTitle++
			}
		}
		left := 0
		for _, k := range toks {
			if !k.used && (k.text == u.text || strings.TrimRight(k.text, ",;:") == u.text) {
				left++
			}
		}
		if inTitle > left {
			t.Fatalf("%q: consumed %q is in the title %q", in, u.text, title)
		}
	}
}
