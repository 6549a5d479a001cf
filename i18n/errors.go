package i18n

import "processet/domain"

// Keys of the domain errors (domain.ErrorKeys) that keys.go does not
// declare already; their texts sit with their area's messages.
const (
	ErrBadZone                Key = "err.bad_zone"
	ErrTaskTitleEmpty         Key = "err.task_title_empty"
	ErrTaskTitleLong          Key = "err.task_title_long"
	ErrTaskBadPriority        Key = "err.task_bad_priority"
	ErrTaskBadStatus          Key = "err.task_bad_status"
	ErrTaskPastDeadline       Key = "err.task_past_deadline"
	ErrNotInTeam              Key = "err.not_in_team"
	ErrNoCRM                  Key = "err.no_crm"
	ErrResponsibleUnreachable Key = "err.responsible_unreachable"
	ErrBadPrice               Key = "err.bad_price"
	ErrCRMRejected            Key = "err.crm_rejected"
	ErrCRMBlocked             Key = "err.crm_blocked"
	ErrNoOAuth                Key = "err.no_oauth"
	ErrBadOAuthCode           Key = "err.bad_oauth_code"
	ErrBadEmail               Key = "err.bad_email"
	ErrManagersOnly           Key = "err.managers_only"
	ErrSubscriptionExists     Key = "err.subscription_exists"
	ErrBadSchedule            Key = "err.bad_schedule"
)

var errorTexts = map[domain.ErrorKey]Key{
	domain.ErrKeyNotFound:  ErrNotFound,
	domain.ErrKeyForbidden: ErrDenied,
	domain.ErrKeyConflict:  ErrConflict,
	domain.ErrKeyInvalid:   ErrInvalid,
	domain.ErrKeyBadZone:   ErrBadZone,

	domain.ErrKeyTaskTitleEmpty:   ErrTaskTitleEmpty,
	domain.ErrKeyTaskTitleLong:    ErrTaskTitleLong,
	domain.ErrKeyTaskBadPriority:  ErrTaskBadPriority,
	domain.ErrKeyTaskBadStatus:    ErrTaskBadStatus,
	domain.ErrKeyTaskPastDeadline: ErrTaskPastDeadline,
	domain.ErrKeyNotInTeam:        ErrNotInTeam,

	domain.ErrKeyNoCRM:                  ErrNoCRM,
	domain.ErrKeyResponsibleUnreachable: ErrResponsibleUnreachable,
	domain.ErrKeyBadPrice:               ErrBadPrice,
	domain.ErrKeyCRMRejected:            ErrCRMRejected,
	domain.ErrKeyCRMBlocked:             ErrCRMBlocked,
	domain.ErrKeyNoOAuth:                ErrNoOAuth,
	domain.ErrKeyBadOAuthCode:           ErrBadOAuthCode,

	domain.ErrKeyBadEmail:           ErrBadEmail,
	domain.ErrKeyManagersOnly:       ErrManagersOnly,
	domain.ErrKeySubscriptionExists: ErrSubscriptionExists,
	domain.ErrKeyBadSchedule:        ErrBadSchedule,

	domain.ErrKeyMiningRunning: ErrMiningRunning,
}

// ErrorName words a domain error by its key; ok is false for a key
// without a text (a bug TestEveryErrorAndProblemHasText catches), which
// the bot shows as ErrGeneric.
func ErrorName(v domain.ErrorKey) (Key, bool) {
	k, ok := errorTexts[v]
	return k, ok
}
