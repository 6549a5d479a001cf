package quickadd

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// partKind is what a recognised piece of the deadline pins down.
type partKind int

const (
	dayPart    partKind = iota + 1 // a calendar day: завтра, пт, 25.11, через 3 дня
	clockPart                      // a time of day: 18:00, в 18.30, 6pm
	momentPart                     // an instant: через 2 часа, in 30 minutes
)

// part is one recognised piece of the deadline, or one that looked like
// a date or time and is not (bad is set then).
type part struct {
	kind  partKind
	at    int    // index of its first token, to keep problems in typing order
	frag  string // its words as typed, for messages
	bad   ProblemCode
	day   civil // dayPart
	past  bool  // dayPart: before today
	again bool  // dayPart: today's weekday, a week ahead unless a later time today is given
	hour  int   // clockPart
	min   int
	when  time.Time // momentPart
}

// scanner finds the date and time parts among the tokens not yet used.
type scanner struct {
	toks       []token
	now        time.Time
	loc        *time.Location
	free       []int // indices into toks of the tokens left to read
	lastDayEnd int   // position in free of the token right after the last match, if a day
}

// lookBack is one less than the most tokens a part can take ("к 25
// ноября 2026 г."): how far a new match may start before a gap.
const lookBack = 4

// scan reads the parts left to right. Consuming words can bring two
// others together ("через завтра 3 дня" holds "через 3 дня"), so after a
// match the words are taken out and reading resumes a little before the
// gap. That way no date is left in the title for a second reading to
// find, in one pass over the line.
func (s *scanner) scan() []part {
	var parts []part
	s.free = s.free[:0]
	for i, t := range s.toks {
		if !t.used && !t.literal {
			s.free = append(s.free, i)
		}
	}
	s.lastDayEnd = -1
	for i := 0; i < len(s.free); {
		n, p, ok := s.matchAt(i)
		if !ok {
			i++
			continue
		}
		for _, f := range s.free[i : i+n] {
			s.toks[f].used = true
		}
		parts = append(parts, p)
		s.free = append(s.free[:i], s.free[i+n:]...)
		s.lastDayEnd = -1
		if p.kind == dayPart && p.bad == "" {
			s.lastDayEnd = i
		}
		i = max(0, i-lookBack)
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].at < parts[j].at })
	return parts
}

func (s *scanner) word(i int) string { return s.toks[s.free[i]].norm }

// has reports whether position i exists.
func (s *scanner) has(i int) bool { return i < len(s.free) }

// matchAt tries a part at position i, with a preposition in front of it
// or without, and says how many tokens it takes.
func (s *scanner) matchAt(i int) (int, part, bool) {
	afterDay := s.lastDayEnd == i
	if w := s.word(i); prepositions[w] && s.has(i+1) {
		if n, p, ok := s.component(i+1, w, afterDay); ok {
			return n + 1, p, true
		}
	}
	return s.component(i, "", afterDay)
}

// component tries each kind of part at position j. prep is the
// preposition in front of it, if any.
func (s *scanner) component(j int, prep string, afterDay bool) (int, part, bool) {
	n, p, ok := s.relative(j)
	if !ok {
		n, p, ok = s.named(j, prep)
	}
	if !ok {
		n, p, ok = s.monthDate(j)
	}
	if !ok {
		n, p, ok = s.numeric(j, clockPrepositions[prep] || afterDay)
	}
	if !ok {
		return 0, part{}, false
	}
	p.at = s.free[j]
	words := make([]string, n)
	for k := range words {
		words[k] = s.toks[s.free[j+k]].bare()
	}
	p.frag = strings.Join(words, " ")
	return n, p, true
}

// maxCount bounds "через N …": past it the number is a typo, and the
// arithmetic stays far from overflow.
const maxCount = 9999

// relative reads "через 3 дня", "через неделю", "через полчаса",
// "in 2 hours", "in a week".
func (s *scanner) relative(j int) (int, part, bool) {
	w := s.word(j)
	if (w != "через" && w != "in") || !s.has(j+1) {
		return 0, part{}, false
	}
	next := s.word(j + 1)
	if w == "через" && next == "полчаса" {
		return 2, s.after(1, unit{dur: 30 * time.Minute}), true
	}
	if u, ok := units[next]; ok && w == "через" && bareUnits[next] {
		return 2, s.after(1, u), true
	}
	n, ok := count(next)
	if !ok || !s.has(j+2) {
		return 0, part{}, false
	}
	u, ok := units[s.word(j+2)]
	if !ok {
		return 0, part{}, false
	}
	if n < 1 || n > maxCount {
		if u.dur != 0 {
			return 3, part{kind: momentPart, bad: BadTime}, true
		}
		return 3, part{kind: dayPart, bad: BadDate}, true
	}
	return 3, s.after(n, u), true
}

// after is the part n units from now. Hours and minutes give an instant,
// cut to the whole minute; days, weeks and months give a day, since "in
// three days" means by that day, not at this very hour.
func (s *scanner) after(n int, u unit) part {
	if u.dur != 0 {
		return part{kind: momentPart, when: s.now.Add(time.Duration(n) * u.dur).Truncate(time.Minute)}
	}
	today := civilOf(s.now)
	if u.months != 0 {
		return part{kind: dayPart, day: today.addMonths(n * u.months)}
	}
	return part{kind: dayPart, day: today.addDays(n * u.days)}
}

// count reads a count: digits or a number word. A number of digits too
// large for maxCount is still a count, reported as -1, so that the
// phrase is consumed and reported rather than left in the title.
func count(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if !allDigits(w) {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n > maxCount {
		return -1, true
	}
	return n, true
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range []byte(w) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// named reads сегодня/завтра/послезавтра/today/tomorrow and weekdays,
// with "next"/"следующий" and the like in front.
func (s *scanner) named(j int, prep string) (int, part, bool) {
	w := s.word(j)
	today := civilOf(s.now)
	if off, ok := dayWords[w]; ok {
		return 1, part{kind: dayPart, day: today.addDays(off)}, true
	}
	n := 1
	if isWeekdayModifier(w) && s.has(j+1) {
		n, w = 2, s.word(j+1)
	}
	wd, ok := weekdays[w]
	if !ok {
		return 0, part{}, false
	}
	if preps, ambiguous := ambiguousWeekdays[w]; ambiguous && n == 1 && !contains(preps, prep) {
		return 0, part{}, false
	}
	ahead := (int(wd) - int(s.now.Weekday()) + 7) % 7
	if ahead == 0 {
		return n, part{kind: dayPart, day: today.addDays(7), again: true}, true
	}
	return n, part{kind: dayPart, day: today.addDays(ahead)}, true
}

func contains(list []string, w string) bool {
	for _, v := range list {
		if v == w {
			return true
		}
	}
	return false
}

var (
	dayNumRe = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?$`)
	yearRe   = regexp.MustCompile(`^\d{4}$`)
)

// monthDate reads "25 ноября", "25 нояб", "25 Nov", "Nov 25", "Nov 25th",
// each with an optional year: "25 ноября 2026 г.", "Nov 25, 2026".
func (s *scanner) monthDate(j int) (int, part, bool) {
	if !s.has(j + 1) {
		return 0, part{}, false
	}
	a, b := s.word(j), s.word(j+1)
	dayWord, monthWord := a, b
	if _, ok := months[a]; ok {
		dayWord, monthWord = b, a
	}
	m, ok := months[monthWord]
	dm := dayNumRe.FindStringSubmatch(dayWord)
	if !ok || dm == nil {
		return 0, part{}, false
	}
	d, _ := strconv.Atoi(dm[1])
	n, year := 2, 0
	if s.has(j+2) && yearRe.MatchString(s.word(j+2)) {
		year, _ = strconv.Atoi(s.word(j + 2))
		n = 3
		if s.has(j+3) && yearWords[s.word(j+3)] {
			n = 4
		}
	}
	return n, s.date(year, int(m), d, n > 2), true
}
