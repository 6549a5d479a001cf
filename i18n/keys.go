package i18n

// Keys of the catalogs. A key's value is its wire name in the catalog
// maps; plural keys (marked) hold "|"-separated forms and are rendered
// with Printer.N.
const (
	// Units and durations used by the formatters.
	UnitThousand Key = "unit.thousand"
	UnitMillion  Key = "unit.million"
	UnitBillion  Key = "unit.billion"
	DurDays      Key = "dur.days"
	DurHours     Key = "dur.hours"
	DurMinutes   Key = "dur.minutes"

	// Errors shown to users; errors.go maps the domain error keys to theirs.
	ErrGeneric  Key = "err.generic"
	ErrNotFound Key = "err.not_found"
	ErrConflict Key = "err.conflict"
	ErrInvalid  Key = "err.invalid"
	ErrDenied   Key = "err.forbidden"
	Sorry       Key = "sorry"
	TooBusy     Key = "too_busy"
	NoAccess    Key = "no_access"
	StaleButton Key = "stale_button"

	// Task mining.
	ErrMiningRunning Key = "err.mining_running"

	// Access and approval.
	PendingWait         Key = "access.pending_wait"
	AccessRequested     Key = "access.requested"
	AccessRejected      Key = "access.rejected"
	AccessGranted       Key = "access.granted"
	AccessRequestAdmin  Key = "access.request_admin"
	AccessApprovedAdmin Key = "access.approved_admin"
	AccessRejectedAdmin Key = "access.rejected_admin"
	Approve             Key = "access.approve"
	Reject              Key = "access.reject"
	NotUnderstood       Key = "not_understood"
	UnknownCommand      Key = "unknown_command"

	// Navigation.
	Home       Key = "nav.home"
	Refresh    Key = "nav.refresh"
	AskCancel  Key = "nav.ask_cancel"
	Prev       Key = "nav.prev"
	Next       Key = "nav.next"
	PrevPage   Key = "nav.prev_page" // in pickers, where "Back" leaves the picker
	NextPage   Key = "nav.next_page"
	BackToList Key = "nav.back_to_list"
	PageOf     Key = "nav.page_of"
	MoreLines  Key = "list.more" // plural

	// Areas and the home card.
	AreaCRM        Key = "area.crm"
	AreaTasks      Key = "area.tasks"
	AreaMining     Key = "area.mining"
	AreaIdeas      Key = "area.ideas"
	HomeTitle      Key = "home.title"
	AsOf           Key = "home.as_of"
	XOfY           Key = "home.x_of_y"
	HomeCRMNote    Key = "home.crm_note"
	HomeTasksNote  Key = "home.tasks_note"
	HomeMiningNote Key = "home.mining_note"
	HomeIdeasNote  Key = "home.ideas_note"
	HomeCRMLine    Key = "home.crm_line"
	HomeTasksLine  Key = "home.tasks_line"
	HomeMiningLine Key = "home.mining_line"
	HomeIdeasLine  Key = "home.ideas_line"
	Operations     Key = "word.operations" // plural
	Ideas          Key = "word.ideas"      // plural
	Votes          Key = "word.votes"      // plural
	Nobody         Key = "word.nobody"

	// CRM deals.
	CRMDeals       Key = "crm.deals"
	CRMActiveNote  Key = "crm.active_note"
	CRMRevenue     Key = "crm.revenue"
	CRMWon         Key = "crm.won"
	CRMWeekNote    Key = "crm.week_note"
	CRMCompanies   Key = "crm.companies"
	CRMWithDeals   Key = "crm.companies_note"
	CRMDynamics    Key = "crm.dynamics"
	CRMCreated     Key = "crm.created"
	CRMWonSeries   Key = "crm.won_series"
	CRMTasks       Key = "crm.tasks"
	CRMTaskOpen    Key = "crm.task_open"
	CRMTaskOverdue Key = "crm.task_overdue"
	CRMTaskDone    Key = "crm.task_done"
	CRMSummaryLine Key = "crm.summary_line"
	CRMActiveTitle Key = "crm.active_title"
	CRMNoActive    Key = "crm.no_active"
	TasksWord      Key = "word.tasks"

	// Internal tasks.
	TasksTotal       Key = "tasks.total"
	TasksActive      Key = "tasks.active"
	TasksOverdue     Key = "tasks.overdue"
	TasksDoneWeek    Key = "tasks.done_week"
	TasksByStatus    Key = "tasks.by_status"
	TasksByPriority  Key = "tasks.by_priority"
	TasksSummaryLine Key = "tasks.summary_line"
	TasksUrgentTitle Key = "tasks.urgent_title"
	TasksMine        Key = "tasks.mine"
	TasksNone        Key = "tasks.none"
	TasksCancelled   Key = "tasks.cancelled_note"
	NoDeadline       Key = "tasks.no_deadline"
	OverdueBy        Key = "tasks.overdue_by"
	DueIn            Key = "tasks.due_in"

	// Users, languages, help, status.
	UsersTitle       Key = "users.title"
	UsersTotal       Key = "users.total" // plural
	UsersHint        Key = "users.hint"
	UserCard         Key = "users.card"
	BlockUser        Key = "users.block"
	RoleLocked       Key = "users.role_locked"
	LangChoose       Key = "lang.choose"
	LangSet          Key = "lang.set"
	HelpTitle        Key = "help.title"
	HelpIntro        Key = "help.intro"
	HelpPending      Key = "help.pending"
	StatusText       Key = "sys.status"
	StatusData       Key = "sys.status_data"
	StatusDBEmbedded Key = "sys.db_embedded"
	StatusDBExternal Key = "sys.db_external"

	// Command menu.
	CmdStart     Key = "cmd.start"
	CmdHome      Key = "cmd.home"
	CmdCRM       Key = "cmd.crm"
	CmdTasks     Key = "cmd.tasks"
	CmdMining    Key = "cmd.mining"
	CmdIdeas     Key = "cmd.ideas"
	CmdTask      Key = "cmd.task"
	CmdIdea      Key = "cmd.idea"
	CmdSubscribe Key = "cmd.subscribe"
	CmdLang      Key = "cmd.lang"
	CmdHelp      Key = "cmd.help"
	CmdUsers     Key = "cmd.users"
	CmdStatus    Key = "cmd.status"
)

// plurals are the keys rendered with Printer.N; the catalog test checks
// each has the right number of forms in every language.
var plurals = []Key{MoreLines, Operations, Ideas, Votes, UsersTotal}
