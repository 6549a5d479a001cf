// Package i18n holds every user-visible string in Russian and English and
// formats numbers, money, dates and durations the way each language
// expects. Keys are typed so a misspelt key does not compile.
package i18n

import (
	"fmt"
	"strings"
	"time"

	"processet/domain"
)

// Key names one message in the catalogs.
type Key string

var catalogs = map[domain.Lang]map[Key]string{
	domain.LangRU: ru,
	domain.LangEN: en,
}

// Printer renders messages and values for one language and time zone.
type Printer struct {
	Lang domain.Lang
	Loc  *time.Location
}

// New returns a printer; an unknown language falls back to Russian.
func New(lang domain.Lang, loc *time.Location) Printer {
	if _, ok := catalogs[lang]; !ok {
		lang = domain.LangRU
	}
	if loc == nil {
		loc = time.UTC
	}
	return Printer{Lang: lang, Loc: loc}
}

// T renders a message; args fill its fmt verbs. A key missing from the
// catalog (a bug the catalog test catches) shows as the key itself rather
// than an empty message.
func (p Printer) T(key Key, args ...any) string {
	s, ok := catalogs[p.Lang][key]
	if !ok {
		return string(key)
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// N renders a plural message for n: the catalog entry holds the forms
// separated by "|" (ru: one|few|many, en: one|other), each with its verbs.
// n is passed as the first argument, args follow.
func (p Printer) N(key Key, n int, args ...any) string {
	forms := strings.Split(catalogs[p.Lang][key], "|")
	if len(forms) == 0 || forms[0] == "" {
		return string(key)
	}
	form := forms[min(pluralIndex(p.Lang, n), len(forms)-1)]
	return fmt.Sprintf(form, append([]any{p.Int(n)}, args...)...)
}

// pluralIndex picks the plural form by the language's rule.
func pluralIndex(lang domain.Lang, n int) int {
	if n < 0 {
		n = -n
	}
	if lang == domain.LangEN {
		if n == 1 {
			return 0
		}
		return 1
	}
	switch {
	case n%10 == 1 && n%100 != 11:
		return 0
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return 1
	default:
		return 2
	}
}

// pluralForms is how many forms a plural entry has in each language.
var pluralForms = map[domain.Lang]int{domain.LangRU: 3, domain.LangEN: 2}

// merge adds a feature's messages to a catalog. Features keep their
// strings in their own files (keys and both languages side by side), so
// the catalogs grow without everyone editing one file; a key defined
// twice is a bug and stops the program at start.
func merge(into map[Key]string, add map[Key]string) {
	for k, v := range add {
		if _, dup := into[k]; dup {
			panic("i18n: key " + string(k) + " defined twice")
		}
		into[k] = v
	}
}
