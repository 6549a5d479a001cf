package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"processet/domain"
	"processet/internal/telegramtest"
	"processet/mining"
)

// longName is a name of exactly 200 characters full of HTML specials,
// unique by its prefix.
func longName(prefix string) string {
	s := prefix + " <b>&amp; \"кавычки\" 'и' <script>"
	for utf8.RuneCountInString(s) < 200 {
		s += " Я<>&"
	}
	return string([]rune(s)[:200])
}

// extremeLog is a process with a 200-character name, 26 activities with
// 200-character names, 1,000 variants (the first followed by 101 cases),
// and five cases of one 300-step trace with runs of repeats.
func extremeLog() (string, []domain.MiningEvent) {
	process := longName("Процесс")
	acts := make([]string, 26)
	for i := range acts {
		acts[i] = longName(fmt.Sprintf("Д%02d", i))
	}
	t0 := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	var evs []domain.MiningEvent
	add := func(c string, start time.Time, trace []int) {
		for k, a := range trace {
			evs = append(evs, domain.MiningEvent{Case: c, Activity: acts[a], Time: start.Add(time.Duration(k) * 10 * time.Minute)})
		}
	}
	for i := range 1100 {
		v := i
		if i >= 1000 {
			v = 0
		}
		add(fmt.Sprintf("c%d", i), t0.Add(time.Duration(i)*time.Hour), []int{0, 1 + v%24, 1 + v/24%24, 1 + v/576, 25})
	}
	var long []int
	for k := range 300 {
		long = append(long, k/3%26)
	}
	for i := range 5 {
		add(fmt.Sprintf("long%d", i), t0.Add(time.Duration(i)*time.Hour), long)
	}
	return process, evs
}

// checkText fails unless a message is under Telegram's limit (the fake
// Bot API has already refused malformed HTML and longer texts).
func checkText(t *testing.T, what string, m *telegramtest.Message) {
	t.Helper()
	if n := utf8.RuneCountInString(m.Source); n >= 4096 {
		t.Errorf("%s: %d characters", what, n)
	}
}

// pageThrough presses «Следующие ▶» from page on to the last page,
// checking every page's text, and returns the last.
func pageThrough(t *testing.T, tg *telegramtest.Server, page *telegramtest.Message, what string) *telegramtest.Message {
	t.Helper()
	for n := 1; page.HasButton("Следующие ▶"); n++ {
		checkText(t, fmt.Sprintf("%s page %d", what, n), page)
		tg.WaitForCallbackAnswer(t, tg.Press(t, admin, page, "Следующие ▶"))
		page = tg.WaitForEdit(t, page)
	}
	checkText(t, "last "+what+" page", page)
	return page
}

// TestMiningExtremeData walks every screen of a process with names of 200
// characters full of HTML specials, 26 activities and 1,000 variants.
func TestMiningExtremeData(t *testing.T) {
	tg, a := start(t)
	name, evs := extremeLog()
	svc := miningService(a)
	if _, err := svc.Import(context.Background(), name, mining.Events(evs), []byte("extreme")); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Recompute(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	tg.SendText(admin, "/mining")
	dash := tg.WaitForPhoto(t, admin.ID)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, dash, "🔍 Исследовать"))
	list := tg.WaitForText(t, admin.ID)
	checkText(t, "list", list)
	card := pressNumbered(t, tg, admin, list, "Процесс <b>&amp;")
	checkText(t, "card", card)
	wantAll(t, "card", card.Text, "Процесс <b>&amp; \"кавычки\" 'и' <script>", "Случаев: 1\u00a0105", "действий: 26", "вариантов: 1\u00a0001", "вариант 1: 101 случай")

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "📊 Варианты"))
	page := tg.WaitForEdit(t, card)
	wantAll(t, "variants", page.Text, "Показаны 50 самых частых из 1\u00a0001", "стр. 1 из 10", "шагов: 300", "… ещё ", " ×3")
	page = pageThrough(t, tg, page, "variants")
	wantAll(t, "last variants page", page.Text, "стр. 10 из 10", "вариант 50: 1 случай")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, page, "◀ К процессу"))
	card = tg.WaitForEdit(t, page)

	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, card, "⚙️ Действия"))
	page = tg.WaitForEdit(t, card)
	wantAll(t, "activities", page.Text, "· действия (26) · стр. 1 из 4", "1. Д00 <b>&amp;")
	page = pageThrough(t, tg, page, "activities")
	wantAll(t, "last activities page", page.Text, "стр. 4 из 4", "26. ")
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, page, "26"))
	act := tg.WaitForEdit(t, page)
	checkText(t, "activity", act)
	tg.WaitForCallbackAnswer(t, tg.Press(t, admin, act, "⏱ Норма времени"))
	checkText(t, "question", tg.WaitForText(t, admin.ID))
	tg.SendText(admin, strings.Repeat("<b>не время</b>", 40))
	checkText(t, "question again", tg.WaitForText(t, admin.ID))
	tg.SendText(admin, "2 ч")
	set := tg.WaitForText(t, admin.ID)
	checkText(t, "after the set", set)
	wantAll(t, "after the set", set.Text, "норма руководителя", "2\u00a0ч")
	tg.AssertAllCallbacksAnswered(t)
}
