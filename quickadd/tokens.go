package quickadd

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one whitespace-separated word of the line.
type token struct {
	text    string // as typed
	norm    string // lower case, ё as е, trailing punctuation cut: what matching sees
	literal bool   // inside quotes: always part of the title, never read
	used    bool   // consumed as a priority, an assignee or part of the deadline
}

// trailing is the punctuation a word may end with in a sentence
// ("к пятнице, срочно", "до 25.11.") and that matching ignores.
const trailing = ".,;:!?"

// bare is the token as typed without its trailing punctuation: what a
// problem quotes back to the user.
func (t token) bare() string {
	return strings.TrimRight(t.text, trailing)
}

// normalize is the form a word is matched in.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "ё", "е")
	return strings.TrimRight(s, trailing)
}

// tokenize splits the line at whitespace, marking the words that lie
// inside quotes. Quotes are the way to keep a word that looks like a
// date, priority or handle in the title: «Отчёт за пятницу» завтра.
func tokenize(s string) []token {
	spans := quoteSpans(s)
	var toks []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		text := s[start:end]
		toks = append(toks, token{text: text, norm: normalize(text), literal: overlaps(spans, start, end)})
		start = -1
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			flush(i)
		} else if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return toks
}

// closers maps each opening quote to the one that closes it. Russian
// text uses «…» and „…“, English “…”, and everyone the straight ".
var closers = map[rune]rune{'«': '»', '„': '“', '“': '”', '"': '"'}

// span is a byte range [from, to) of the line.
type span struct{ from, to int }

// quoteSpans finds the quoted parts of s. An opening quote with no
// closing one is an ordinary character (2" pipe), so one stray quote does
// not swallow the rest of the line.
func quoteSpans(s string) []span {
	var spans []span
	missing := map[rune]bool{} // closers not found further on: no need to look again
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		closer, ok := closers[r]
		if !ok || missing[closer] {
			i += size
			continue
		}
		j := strings.IndexRune(s[i+size:], closer)
		if j < 0 {
			missing[closer] = true
			i += size
			continue
		}
		end := i + size + j + utf8.RuneLen(closer)
		spans = append(spans, span{i, end})
		i = end
	}
	return spans
}

func overlaps(spans []span, from, to int) bool {
	for _, sp := range spans {
		if from < sp.to && sp.from < to {
			return true
		}
	}
	return false
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// separators are the characters of a token that only joins parts of a
// sentence: "Отчёт — завтра" must not leave "Отчёт —".
const separators = "-–—−,;:|/"

func isSeparator(w string) bool {
	return w != "" && strings.Trim(w, separators) == ""
}

// title joins the words nobody consumed, in the order typed, with single
// spaces. Separators left dangling at either end or doubled by a removed
// word go, and so does a comma or colon ending the last word.
func title(toks []token) string {
	var words []string
	for _, t := range toks {
		if t.used {
			continue
		}
		if isSeparator(t.text) && (len(words) == 0 || isSeparator(words[len(words)-1])) {
			continue
		}
		words = append(words, t.text)
	}
	for len(words) > 0 {
		last := strings.TrimRight(words[len(words)-1], ",;:")
		if last == "" || isSeparator(last) {
			words = words[:len(words)-1]
			continue
		}
		words[len(words)-1] = last
		break
	}
	return strings.Join(words, " ")
}
