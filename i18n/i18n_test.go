package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"processet/domain"
)

var verbRe = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func verbs(s string) []string { return verbRe.FindAllString(s, -1) }

// TestCatalogsComplete fails when a key is missing in either language or
// the two translations take different arguments.
func TestCatalogsComplete(t *testing.T) {
	for key, ruText := range ru {
		enText, ok := en[key]
		if !ok {
			t.Errorf("%s: missing in en", key)
			continue
		}
		if slices.Contains(plurals, key) {
			// every form of either language takes the same arguments
			for _, f := range append(strings.Split(ruText, "|"), strings.Split(enText, "|")...) {
				if !slices.Equal(verbs(f), verbs(strings.Split(ruText, "|")[0])) {
					t.Errorf("%s: form %q takes other arguments", key, f)
				}
			}
			continue
		}
		if !slices.Equal(verbs(ruText), verbs(enText)) {
			t.Errorf("%s: verbs differ: ru %v, en %v", key, verbs(ruText), verbs(enText))
		}
	}
	for key := range en {
		if _, ok := ru[key]; !ok {
			t.Errorf("%s: missing in ru", key)
		}
	}
}

func TestPluralForms(t *testing.T) {
	for _, key := range plurals {
		for lang, cat := range catalogs {
			forms := strings.Split(cat[key], "|")
			if len(forms) != pluralForms[lang] {
				t.Errorf("%s/%s: %d forms, want %d", lang, key, len(forms), pluralForms[lang])
			}
		}
	}
}

func TestPluralRules(t *testing.T) {
	ru := New(domain.LangRU, time.UTC)
	en := New(domain.LangEN, time.UTC)
	for _, c := range []struct {
		p    Printer
		n    int
		want string
	}{
		{ru, 1, "1 голос"}, {ru, 2, "2 голоса"}, {ru, 5, "5 голосов"}, {ru, 11, "11 голосов"},
		{ru, 21, "21 голос"}, {ru, 22, "22 голоса"}, {ru, 112, "112 голосов"}, {ru, 0, "0 голосов"},
		{en, 1, "1 vote"}, {en, 0, "0 votes"}, {en, 2, "2 votes"},
	} {
		if got := c.p.N(Votes, c.n); got != c.want {
			t.Errorf("%s N(%d) = %q, want %q", c.p.Lang, c.n, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	ru := New(domain.LangRU, msk)
	en := New(domain.LangEN, msk)
	at := time.Date(2026, 11, 24, 15, 5, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{ru.Int(1240), "1\u00a0240"},
		{en.Int(1240), "1,240"},
		{ru.Int(-1234567), "-1\u00a0234\u00a0567"},
		{ru.Money(2500000), "2\u00a0500\u00a0000\u00a0₽"},
		{en.Money(2500000), "₽2,500,000"},
		{ru.MoneyShort(4_200_000), "4,2\u00a0млн\u00a0₽"},
		{en.MoneyShort(4_200_000), "₽4.2M"},
		{ru.MoneyShort(9_000), "9\u00a0000\u00a0₽"},
		{ru.Decimal(12.5, 1), "12,5"},
		{en.Decimal(3.0, 1), "3"},
		{ru.Percent(27.04), "27\u00a0%"},
		{en.Percent(27.26), "27.3%"},
		{ru.DateTime(at), "24.11.2026 18:05"},
		{en.DateTime(at), "Nov 24, 2026 18:05"},
		{ru.Duration(3*24*time.Hour + 4*time.Hour + 5*time.Minute), "3\u00a0дн 4\u00a0ч"},
		{en.Duration(2*time.Hour + 15*time.Minute), "2h 15m"},
		{en.Duration(30 * time.Second), "0m"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestUnknownLanguageFallsBackToRussian(t *testing.T) {
	if p := New("de", nil); p.Lang != domain.LangRU || p.T(Home) != ru[Home] {
		t.Errorf("got %s %q", p.Lang, p.T(Home))
	}
}
