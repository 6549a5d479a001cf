package i18n

import (
	"time"

	"processet/domain"
)

// Keys that word a value of the domain or of another package. They are
// constants like every other key, so the compiler and the catalog tests
// see them; the lookups below map each value to its key.
const (
	RolePending  Key = "role.pending"
	RoleRejected Key = "role.rejected"
	RoleEmployee Key = "role.employee"
	RoleManager  Key = "role.manager"
	RoleAdmin    Key = "role.admin"

	PriorityHigh   Key = "priority.high"
	PriorityMedium Key = "priority.medium"
	PriorityLow    Key = "priority.low"

	TaskStatusNew        Key = "task_status.new"
	TaskStatusInProgress Key = "task_status.in_progress"
	TaskStatusReview     Key = "task_status.review"
	TaskStatusDone       Key = "task_status.done"
	TaskStatusCancelled  Key = "task_status.cancelled"

	LangRussian Key = "lang.ru"
	LangEnglish Key = "lang.en"

	WeekdaySunday    Key = "weekday.0"
	WeekdayMonday    Key = "weekday.1"
	WeekdayTuesday   Key = "weekday.2"
	WeekdayWednesday Key = "weekday.3"
	WeekdayThursday  Key = "weekday.4"
	WeekdayFriday    Key = "weekday.5"
	WeekdaySaturday  Key = "weekday.6"

	SyncListUsers        Key = "sync.users"
	SyncListPipelines    Key = "sync.pipelines"
	SyncListCompanies    Key = "sync.companies"
	SyncListDeals        Key = "sync.leads"
	SyncListTasks        Key = "sync.tasks"
	SyncListDeletedDeals Key = "sync.deleted_leads"

	MetricDealsWon     Key = "metric.deals_won"
	MetricDealsInPlay  Key = "metric.deals_in_play"
	MetricTasksActive  Key = "metric.tasks_active"
	MetricTasksOverdue Key = "metric.tasks_overdue"
	MetricOperations   Key = "metric.operations"
	MetricPotentialPct Key = "metric.potential_pct"
	MetricIdeas        Key = "metric.ideas"
	MetricVotes        Key = "metric.votes"
	MetricAccepted     Key = "metric.accepted"

	TaskTypeFollowUp Key = "crm_task_type.1"
	TaskTypeMeeting  Key = "crm_task_type.2"

	DealSentTelegram Key = "deal.sent_telegram"
	DealSentEmail    Key = "deal.sent_email"

	SubPresetDaily9    Key = "subpreset.d9"
	SubPresetWeekdays9 Key = "subpreset.w9"
	SubPresetMonday9   Key = "subpreset.m9"

	DeliveryStateQueued    Key = "delivery_state.queued"
	DeliveryStateSending   Key = "delivery_state.sending"
	DeliveryStateRetrying  Key = "delivery_state.retrying"
	DeliveryStateDelivered Key = "delivery_state.delivered"

	DeliveryReasonBlocked         Key = "delivery.blocked"
	DeliveryReasonChatNotFound    Key = "delivery.chat_not_found"
	DeliveryReasonDeactivated     Key = "delivery.deactivated"
	DeliveryReasonKicked          Key = "delivery.kicked"
	DeliveryReasonMailRejected    Key = "delivery.mail_rejected"
	DeliveryReasonMailUnavailable Key = "delivery.mail_unavailable"
	DeliveryReasonNoRights        Key = "delivery.no_rights"
	DeliveryReasonNotStarted      Key = "delivery.not_started"
	DeliveryReasonRejected        Key = "delivery.rejected"
	DeliveryReasonUnavailable     Key = "delivery.unavailable"
)

var roles = map[domain.Role]Key{
	domain.RolePending:  RolePending,
	domain.RoleRejected: RoleRejected,
	domain.RoleEmployee: RoleEmployee,
	domain.RoleManager:  RoleManager,
	domain.RoleAdmin:    RoleAdmin,
}

// RoleName words a role.
func RoleName(v domain.Role) Key { return roles[v] }

var priorities = map[domain.Priority]Key{
	domain.PriorityHigh:   PriorityHigh,
	domain.PriorityMedium: PriorityMedium,
	domain.PriorityLow:    PriorityLow,
}

// PriorityName words a task priority.
func PriorityName(v domain.Priority) Key { return priorities[v] }

var taskStatuses = map[domain.TaskStatus]Key{
	domain.TaskNew:        TaskStatusNew,
	domain.TaskInProgress: TaskStatusInProgress,
	domain.TaskReview:     TaskStatusReview,
	domain.TaskDone:       TaskStatusDone,
	domain.TaskCancelled:  TaskStatusCancelled,
}

// TaskStatusName words a task status.
func TaskStatusName(v domain.TaskStatus) Key { return taskStatuses[v] }

var langs = map[domain.Lang]Key{
	domain.LangRU: LangRussian,
	domain.LangEN: LangEnglish,
}

// LangName names a language in itself.
func LangName(v domain.Lang) Key { return langs[v] }

var weekdays = map[time.Weekday]Key{
	time.Sunday:    WeekdaySunday,
	time.Monday:    WeekdayMonday,
	time.Tuesday:   WeekdayTuesday,
	time.Wednesday: WeekdayWednesday,
	time.Thursday:  WeekdayThursday,
	time.Friday:    WeekdayFriday,
	time.Saturday:  WeekdaySaturday,
}

// WeekdayName words a day of the week.
func WeekdayName(v time.Weekday) Key { return weekdays[v] }

var syncLists = map[domain.SyncEntity]Key{
	domain.SyncUsers:        SyncListUsers,
	domain.SyncPipelines:    SyncListPipelines,
	domain.SyncCompanies:    SyncListCompanies,
	domain.SyncLeads:        SyncListDeals,
	domain.SyncTasks:        SyncListTasks,
	domain.SyncDeletedLeads: SyncListDeletedDeals,
}

// SyncListName words one amoCRM list the mirror copies.
func SyncListName(v domain.SyncEntity) Key { return syncLists[v] }

var metrics = map[string]Key{
	"deals_won":     MetricDealsWon,
	"deals_in_play": MetricDealsInPlay,
	"tasks_active":  MetricTasksActive,
	"tasks_overdue": MetricTasksOverdue,
	"operations":    MetricOperations,
	"potential_pct": MetricPotentialPct,
	"ideas":         MetricIdeas,
	"votes":         MetricVotes,
	"accepted":      MetricAccepted,
}

// MetricName words a headline KPI of the digest by its domain.Snapshot JSON name; ok is false for a metric without a text.
func MetricName(v string) (Key, bool) {
	k, ok := metrics[v]
	return k, ok
}

var crmTaskTypes = map[int64]Key{
	domain.CRMTaskTypeFollowUp: TaskTypeFollowUp,
	domain.CRMTaskTypeMeeting:  TaskTypeMeeting,
}

// CRMTaskTypeName words amoCRM's standard task types, which the account leaves unnamed; ok is false for the account's own.
func CRMTaskTypeName(v int64) (Key, bool) {
	k, ok := crmTaskTypes[v]
	return k, ok
}

var dealSentWays = map[string]Key{
	"telegram": DealSentTelegram,
	"email":    DealSentEmail,
}

// DealSentName says which way a message to a deal's responsible went ("telegram", "email").
func DealSentName(v string) (Key, bool) {
	k, ok := dealSentWays[v]
	return k, ok
}

var subPresets = map[string]Key{
	"d9": SubPresetDaily9,
	"w9": SubPresetWeekdays9,
	"m9": SubPresetMonday9,
}

// SubPresetName words a digest schedule preset button by its code.
func SubPresetName(v string) (Key, bool) {
	k, ok := subPresets[v]
	return k, ok
}

var deliveryStates = map[string]Key{
	"queued":    DeliveryStateQueued,
	"sending":   DeliveryStateSending,
	"retrying":  DeliveryStateRetrying,
	"delivered": DeliveryStateDelivered,
}

// DeliveryStateName words the outbox state of a subscription's last digest; ok is false for one without a text.
func DeliveryStateName(v string) (Key, bool) {
	k, ok := deliveryStates[v]
	return k, ok
}

var deliveryReasons = map[string]Key{
	"blocked":          DeliveryReasonBlocked,
	"chat_not_found":   DeliveryReasonChatNotFound,
	"deactivated":      DeliveryReasonDeactivated,
	"kicked":           DeliveryReasonKicked,
	"mail_rejected":    DeliveryReasonMailRejected,
	"mail_unavailable": DeliveryReasonMailUnavailable,
	"no_rights":        DeliveryReasonNoRights,
	"not_started":      DeliveryReasonNotStarted,
	"rejected":         DeliveryReasonRejected,
	"unavailable":      DeliveryReasonUnavailable,
}

// DeliveryReasonName words why a delivery failed, by the outbox's reason code; ok is false for a code without a text.
func DeliveryReasonName(v string) (Key, bool) {
	k, ok := deliveryReasons[v]
	return k, ok
}
