package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"processet/domain"
	"processet/i18n"
	"processet/internal/telegramtest"
)

// extremeProcess is a process card at its limits: names of 200 characters
// full of HTML specials, 30 activities, 1,000 variants (more than the
// service keeps) of up to 400 steps, each override source.
func extremeProcess() domain.ProcessResult {
	name := func(p string) string {
		s := p + ` <b>&amp; "x" 'y' </i>`
		for utf8.RuneCountInString(s) < 200 {
			s += "Я<&>"
		}
		return string([]rune(s)[:200])
	}
	r := domain.ProcessResult{ID: 1, Name: name("Процесс"), Events: 9_999_999, Cases: 1_234_567, Activities: 30,
		Variants: 123_456, ComputedAt: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)}
	var acts []string
	for i := range 30 {
		acts = append(acts, name(fmt.Sprintf("A%02d", i)))
		a := domain.ActivityResult{Index: int32(i), Name: acts[i], Executions: 1e9, Cases: 1e6, ReworkCases: 1e6,
			PerYear: 1e12, MeanSeconds: 86399.9, HoursPerYear: 1e12, Share: 0.999, PotentialHours: 1e12,
			ServiceSource: domain.ServiceEstimated, ShareSource: domain.ShareRules}
		if i%2 == 0 {
			a.ServiceSource, a.ShareSource = domain.ServiceStandard, domain.ShareManager
		}
		r.ActivityStats = append(r.ActivityStats, a)
	}
	for i := range 1000 {
		steps := make([]string, 1+i%400)
		for k := range steps {
			steps[k] = acts[(i+k/(1+i%3))%30]
		}
		r.TopVariants = append(r.TopVariants, domain.ProcessVariant{Activities: steps, Cases: 1_000_000 - i, Share: 0.5})
	}
	return r
}

// TestMiningScreensAtTheirLimits: every page of the variants and the
// activities, every activity card and question, in both languages, is
// HTML Telegram accepts and fits a message.
func TestMiningScreensAtTheirLimits(t *testing.T) {
	r := extremeProcess()
	u := domain.User{ID: 1, Role: domain.RoleManager}
	check := func(what, text string) {
		t.Helper()
		n, err := telegramtest.CheckHTML(text)
		if err != nil {
			t.Fatalf("%s: Telegram would refuse it: %v\n%s", what, err, text)
		}
		if n > maxText || utf8.RuneCountInString(text) > maxText {
			t.Fatalf("%s: %d characters", what, utf8.RuneCountInString(text))
		}
	}
	for _, lang := range domain.Langs {
		tr := i18n.New(lang, time.UTC)
		check("card", processCardText(tr, r))
		for page := range pageCount(len(r.TopVariants), variantsPerPage) {
			text := variantsText(tr, r, page)
			check(fmt.Sprintf("variants page %d", page), text)
			if want := fmt.Sprintf("%d", page*variantsPerPage+1); !strings.Contains(text, want) {
				t.Fatalf("variants page %d lacks its first rank:\n%s", page, text)
			}
		}
		for page := range pageCount(len(r.ActivityStats), activitiesPerPage) {
			text := activitiesText(tr, r, page)
			check(fmt.Sprintf("activities page %d", page), text)
			kb := activitiesKeyboard(tr, procRef{process: r.ID, page: page}, r)
			if n := len(kb.InlineKeyboard); n > 5 {
				t.Errorf("activities page %d: %d rows of buttons", page, n)
			}
		}
		for _, a := range r.ActivityStats {
			check("activity "+a.Name[:3], activityCardText(tr, r, a))
			kb := activityKeyboard(tr, u, actRef{process: r.ID, activity: a.Index}, a)
			if a.ServiceSource == domain.ServiceStandard && len(kb.InlineKeyboard) != 3 {
				t.Errorf("activity %s: %d rows, want set, reset, back", a.Name[:3], len(kb.InlineKeyboard))
			}
			check("question", tr.T(i18n.MiningAskTime, esc(a.Name, 200), preciseTime(tr, a.MeanSeconds), "x"))
			check("bad answer", tr.T(i18n.MiningBadShare, esc(strings.Repeat("<&>", 100), 40)))
		}
	}
}

func TestVariantPath(t *testing.T) {
	tr := i18n.New(domain.LangEN, time.UTC)
	for _, c := range []struct {
		acts []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B", "B", "B", "C"}, "A → B ×3 → C"},
		{[]string{"a", "b", "c", "d", "e", "f", "g", "h"}, "a → b → c → d → e → f → g → h"},
		{[]string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}, "a → b → c → d → … 2 more … → g → h → i"},
		{[]string{"a", "a", "b", "c", "d", "x", "x", "x", "v", "y", "z", "z", "w"}, "a ×2 → b → c → d → … 4 more … → y → z ×2 → w"},
		{[]string{"<b>"}, "&lt;b&gt;"},
	} {
		if got := variantPath(tr, c.acts); got != c.want {
			t.Errorf("variantPath(%q) = %q, want %q", c.acts, got, c.want)
		}
	}
}

func TestPreciseTime(t *testing.T) {
	en := i18n.New(domain.LangEN, time.UTC)
	for _, c := range []struct {
		seconds float64
		want    string
	}{
		{0, "0 s"}, {0.5, "0.5 s"}, {59, "59 s"}, {60, "1m"}, {90, "1m 30s"}, {752.3, "12m 32s"},
		{3600, "1h"}, {5400, "1h 30m"}, {3661, "1h 1m"},
	} {
		if got := preciseTime(en, c.seconds); got != c.want {
			t.Errorf("preciseTime(%v) = %q, want %q", c.seconds, got, c.want)
		}
	}
}
