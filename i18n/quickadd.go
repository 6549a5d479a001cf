package i18n

import "processet/quickadd"

// Keys of the quick-add parser's problems (quickadd.ProblemCodes). Their
// texts come from quickadd.Texts, copied into the catalogs in tasks.go.
const (
	QuickAddBadDate       Key = "quickadd.bad_date"
	QuickAddBadTime       Key = "quickadd.bad_time"
	QuickAddPastDate      Key = "quickadd.past_date"
	QuickAddTwoDates      Key = "quickadd.two_dates"
	QuickAddBadPriority   Key = "quickadd.bad_priority"
	QuickAddTwoPriorities Key = "quickadd.two_priorities"
	QuickAddBadAssignee   Key = "quickadd.bad_assignee"
	QuickAddTwoAssignees  Key = "quickadd.two_assignees"
	QuickAddEmptyTitle    Key = "quickadd.empty_title"
	QuickAddTitleTooLong  Key = "quickadd.title_too_long"
)

var problems = map[quickadd.ProblemCode]Key{
	quickadd.BadDate:       QuickAddBadDate,
	quickadd.BadTime:       QuickAddBadTime,
	quickadd.PastDate:      QuickAddPastDate,
	quickadd.TwoDates:      QuickAddTwoDates,
	quickadd.BadPriority:   QuickAddBadPriority,
	quickadd.TwoPriorities: QuickAddTwoPriorities,
	quickadd.BadAssignee:   QuickAddBadAssignee,
	quickadd.TwoAssignees:  QuickAddTwoAssignees,
	quickadd.EmptyTitle:    QuickAddEmptyTitle,
	quickadd.TitleTooLong:  QuickAddTitleTooLong,
}

// ProblemName words a problem of a quick-add line; its text takes the
// fragment as %s unless the problem has none (quickadd.Problem).
func ProblemName(v quickadd.ProblemCode) Key { return problems[v] }
