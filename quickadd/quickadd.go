package quickadd

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"processet/domain"
)

// Draft is what one line of text says about a new task. It is a draft
// because the caller still has to look the assignee up and save it.
type Draft struct {
	Title    string
	Priority domain.Priority // PriorityMedium when the line names none
	Assignee string          // Telegram username without "@"; empty when none
	Deadline time.Time       // zero when none; in the user's time zone
	HasTime  bool            // false: a whole day, Deadline is its last second
}

// ProblemCode names one thing the parser did not accept. The catalog
// maps each code to its key (i18n.ProblemName).
type ProblemCode string

// The problems Parse reports. Texts holds what each one says.
const (
	BadDate       ProblemCode = "quickadd.bad_date"       // looks like a date but is none: 32.13, 31.02
	BadTime       ProblemCode = "quickadd.bad_time"       // looks like a time but is none: 25:61, 13pm
	PastDate      ProblemCode = "quickadd.past_date"      // the deadline has already passed
	TwoDates      ProblemCode = "quickadd.two_dates"      // a second date, time or "через …"
	BadPriority   ProblemCode = "quickadd.bad_priority"   // !word that names no priority
	TwoPriorities ProblemCode = "quickadd.two_priorities" // !high … !low
	BadAssignee   ProblemCode = "quickadd.bad_assignee"   // @ followed by something no username can be
	TwoAssignees  ProblemCode = "quickadd.two_assignees"  // a second, different @handle
	EmptyTitle    ProblemCode = "quickadd.empty_title"    // nothing is left for the title
	TitleTooLong  ProblemCode = "quickadd.title_too_long" // more than domain.MaxTaskTitle characters
)

// ProblemCodes lists every code, so a catalog test can check each one
// has a text in every language.
var ProblemCodes = []ProblemCode{
	BadDate, BadTime, PastDate, TwoDates, BadPriority, TwoPriorities,
	BadAssignee, TwoAssignees, EmptyTitle, TitleTooLong,
}

// Problem is one part of the line that was not understood. Fragment is
// that part as the user typed it, for the message to quote; it is empty
// for EmptyTitle and TitleTooLong, whose texts take no argument.
type Problem struct {
	Code     ProblemCode
	Fragment string
}

// Texts holds each problem's message in Russian and English, with %s
// for the fragment. The bot owns its catalog; these are here so the
// catalog can copy them and a test can keep the two in step.
var Texts = map[string]map[ProblemCode]string{
	"ru": {
		BadDate:       "не понял дату «%s»",
		BadTime:       "не понял время «%s»",
		PastDate:      "дата уже прошла: «%s»",
		TwoDates:      "срок может быть только один, лишнее: «%s»",
		BadPriority:   "не понял приоритет «%s»",
		TwoPriorities: "приоритет может быть только один, лишний: «%s»",
		BadAssignee:   "«%s» — не имя пользователя Telegram",
		TwoAssignees:  "исполнитель может быть только один, лишний: «%s»",
		EmptyTitle:    "нет названия задачи",
		TitleTooLong:  "название длиннее 200 символов",
	},
	"en": {
		BadDate:       "did not understand the date “%s”",
		BadTime:       "did not understand the time “%s”",
		PastDate:      "the date has already passed: “%s”",
		TwoDates:      "a task has one deadline; extra: “%s”",
		BadPriority:   "did not understand the priority “%s”",
		TwoPriorities: "a task has one priority; extra: “%s”",
		BadAssignee:   "“%s” is not a Telegram username",
		TwoAssignees:  "a task has one assignee; extra: “%s”",
		EmptyTitle:    "the task has no title",
		TitleTooLong:  "the title is longer than 200 characters",
	},
}

// Parse reads the text typed after /task. now is the current time and
// loc the user's time zone, in which every date and time is meant; a nil
// loc means now's own location. The draft is filled as far as the text
// allows even when there are problems, but it is only meant to be saved
// when there are none.
func Parse(text string, now time.Time, loc *time.Location) (Draft, []Problem) {
	d, probs, _ := parse(text, now, loc)
	return d, probs
}

// found is a problem with the index of the token it is about, so that
// problems come out in the order the user typed them.
type found struct {
	at int
	Problem
}

// parse is Parse that also returns the tokens, marked as consumed or
// not, for the tests to check the title against.
func parse(text string, now time.Time, loc *time.Location) (Draft, []Problem, []token) {
	if loc == nil {
		loc = now.Location()
	}
	now = now.In(loc)
	toks := tokenize(strings.ToValidUTF8(text, "\uFFFD"))
	d := Draft{Priority: domain.PriorityMedium}
	var probs []found
	probs = append(probs, takeMarks(toks, &d)...)

	s := scanner{toks: toks, now: now, loc: loc}
	parts := s.scan()
	var dateProbs []found
	d.Deadline, d.HasTime, dateProbs = resolve(parts, now, loc)
	probs = append(probs, dateProbs...)
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].at < probs[j].at })

	d.Title = title(toks)
	switch n := utf8.RuneCountInString(d.Title); {
	case n == 0:
		probs = append(probs, found{len(toks), Problem{Code: EmptyTitle}})
	case n > domain.MaxTaskTitle:
		d.Title = strings.TrimSpace(string([]rune(d.Title)[:domain.MaxTaskTitle]))
		probs = append(probs, found{len(toks), Problem{Code: TitleTooLong}})
	}

	var out []Problem
	for _, p := range probs {
		out = append(out, p.Problem)
	}
	return d, out, toks
}

// priorityWords maps what may follow "!" to a priority: English words and
// letters, Russian words and letters, and 1–3 for people who number them.
var priorityWords = map[string]domain.Priority{
	"high": domain.PriorityHigh, "h": domain.PriorityHigh, "высокий": domain.PriorityHigh,
	"в": domain.PriorityHigh, "1": domain.PriorityHigh, "срочно": domain.PriorityHigh,
	"urgent": domain.PriorityHigh,
	"medium": domain.PriorityMedium, "m": domain.PriorityMedium, "средний": domain.PriorityMedium,
	"с": domain.PriorityMedium, "2": domain.PriorityMedium,
	"low": domain.PriorityLow, "l": domain.PriorityLow, "низкий": domain.PriorityLow,
	"н": domain.PriorityLow, "3": domain.PriorityLow,
}

// takeMarks consumes the tokens that mean something on their own, the
// !priority and the @assignee, and sets them on d. It runs before dates
// are read, so "25 @ivan ноября" still reads as a date.
func takeMarks(toks []token, d *Draft) []found {
	var probs []found
	havePriority := false
	for i := range toks {
		t := &toks[i]
		if t.literal {
			continue
		}
		switch {
		case isPriorityMark(t.norm):
			t.used = true
			p, ok := priorityWords[t.norm[1:]]
			switch {
			case !ok:
				probs = append(probs, found{i, Problem{BadPriority, t.bare()}})
			case havePriority && p != d.Priority:
				probs = append(probs, found{i, Problem{TwoPriorities, t.bare()}})
			default:
				d.Priority, havePriority = p, true
			}
		case strings.HasPrefix(t.text, "@") && len(t.bare()) > 1:
			t.used = true
			handle := t.bare()[1:]
			switch {
			case !validHandle(handle):
				probs = append(probs, found{i, Problem{BadAssignee, t.bare()}})
			case d.Assignee == "":
				d.Assignee = handle
			case !strings.EqualFold(d.Assignee, handle): // usernames ignore case
				probs = append(probs, found{i, Problem{TwoAssignees, t.bare()}})
			}
		}
	}
	return probs
}

// isPriorityMark reports whether a normalised token is "!" followed by a
// letter or digit: "!" alone or "!!!" are punctuation and stay in the title.
func isPriorityMark(norm string) bool {
	if len(norm) < 2 || norm[0] != '!' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(norm[1:])
	return isWordRune(r)
}

// validHandle accepts 1–32 of [A-Za-z0-9_]. Telegram wants at least 5,
// but the caller looks the user up anyway and says so when there is none,
// which is a clearer message than a rule about lengths.
func validHandle(h string) bool {
	if len(h) == 0 || len(h) > 32 {
		return false
	}
	for _, c := range []byte(h) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
