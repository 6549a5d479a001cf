package bot

import (
	"strconv"
	"strings"
)

// procRef is a page of a process's variants or activities, with the page
// of the process list its card goes back to.
type procRef struct {
	process int64
	page    int // of the variants or activities
	list    int // of the process list
}

func (r procRef) data() []string {
	return []string{strconv.FormatInt(r.process, 10), strconv.Itoa(r.page), strconv.Itoa(r.list)}
}

func parseProcRef(args []string) (procRef, bool) {
	if len(args) != 3 {
		return procRef{}, false
	}
	id, okID := parseID(args[0])
	page, okPage := parsePage(args[1])
	list, okList := parsePage(args[2])
	return procRef{process: id, page: page, list: list}, okID && okPage && okList
}

// actRef is an activity of a process, with the pages its card goes back
// to: of the process's activities and of the process list.
type actRef struct {
	process  int64
	activity int32 // the activity's index in its process
	page     int   // of the activities
	list     int   // of the process list
}

func (r actRef) data() []string {
	return []string{strconv.FormatInt(r.process, 10), strconv.FormatInt(int64(r.activity), 10),
		strconv.Itoa(r.page), strconv.Itoa(r.list)}
}

// acts is the activities page the card goes back to.
func (r actRef) acts() procRef { return procRef{process: r.process, page: r.page, list: r.list} }

func parseActRef(args []string) (actRef, bool) {
	if len(args) != 4 {
		return actRef{}, false
	}
	id, okID := parseID(args[0])
	act, err := strconv.ParseInt(args[1], 10, 32)
	page, okPage := parsePage(args[2])
	list, okList := parsePage(args[3])
	return actRef{process: id, activity: int32(act), page: page, list: list},
		okID && err == nil && act >= 0 && okPage && okList
}

// Overrides a manager sets from an activity card: the code in the
// buttons' data and in the pending question's kind.
const (
	overrideTime  = "t"
	overrideShare = "s"
)

// parseOverride reads "t|actRef" or "s|actRef".
func parseOverride(args []string) (field string, ref actRef, ok bool) {
	if len(args) != 5 || (args[0] != overrideTime && args[0] != overrideShare) {
		return "", actRef{}, false
	}
	ref, ok = parseActRef(args[1:])
	return args[0], ref, ok
}

// miningQuestionPrefix starts the kind of a pending question for an
// override: the kind carries "t|actRef" (the pending row has one ref, and
// the answer needs the activity and the pages to show its card again).
const miningQuestionPrefix = "mine_ovr|"

func miningQuestionKind(field string, ref actRef) string {
	return miningQuestionPrefix + strings.Join(append([]string{field}, ref.data()...), "|")
}

func parseMiningQuestion(kind string) (field string, ref actRef, ok bool) {
	rest, found := strings.CutPrefix(kind, miningQuestionPrefix)
	if !found {
		return "", actRef{}, false
	}
	return parseOverride(strings.Split(rest, "|"))
}
