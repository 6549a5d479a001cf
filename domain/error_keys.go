package domain

// ErrorKey names what a user-facing Error says. The bot maps every key to
// a text in each language (i18n.ErrorText); its value doubles as the
// catalog key and as the error's log message.
type ErrorKey string

// Every key a domain Error may carry, the ones of the service packages
// included: they are declared here, next to the type, so the catalog can
// list them all without importing those packages.
const (
	// Common to every area.
	ErrKeyNotFound  ErrorKey = "err.not_found"
	ErrKeyForbidden ErrorKey = "err.forbidden"
	ErrKeyConflict  ErrorKey = "err.conflict"
	ErrKeyInvalid   ErrorKey = "err.invalid"
	ErrKeyBadZone   ErrorKey = "err.bad_zone"

	// Tasks.
	ErrKeyTaskTitleEmpty   ErrorKey = "err.task_title_empty"
	ErrKeyTaskTitleLong    ErrorKey = "err.task_title_long"
	ErrKeyTaskBadPriority  ErrorKey = "err.task_bad_priority"
	ErrKeyTaskBadStatus    ErrorKey = "err.task_bad_status"
	ErrKeyTaskPastDeadline ErrorKey = "err.task_past_deadline"
	ErrKeyNotInTeam        ErrorKey = "err.not_in_team"

	// Deals and amoCRM.
	ErrKeyNoCRM                  ErrorKey = "err.no_crm"
	ErrKeyResponsibleUnreachable ErrorKey = "err.responsible_unreachable"
	ErrKeyBadPrice               ErrorKey = "err.bad_price"
	ErrKeyCRMRejected            ErrorKey = "err.crm_rejected"
	ErrKeyCRMBlocked             ErrorKey = "err.crm_blocked"
	ErrKeyNoOAuth                ErrorKey = "err.no_oauth"
	ErrKeyBadOAuthCode           ErrorKey = "err.bad_oauth_code"

	// Digest subscriptions.
	ErrKeyBadEmail           ErrorKey = "err.bad_email"
	ErrKeyManagersOnly       ErrorKey = "err.managers_only"
	ErrKeySubscriptionExists ErrorKey = "err.subscription_exists"
	ErrKeyBadSchedule        ErrorKey = "err.bad_schedule"

	// Task mining.
	ErrKeyMiningRunning ErrorKey = "err.mining_running"
)

// ErrorKeys lists every key, so a catalog test can check each one has a
// text in every language.
var ErrorKeys = append([]ErrorKey{
	ErrKeyNotFound, ErrKeyForbidden, ErrKeyConflict, ErrKeyInvalid, ErrKeyBadZone,
	ErrKeyTaskTitleEmpty, ErrKeyTaskTitleLong, ErrKeyTaskBadPriority, ErrKeyTaskBadStatus,
	ErrKeyTaskPastDeadline, ErrKeyNotInTeam,
	ErrKeyNoCRM, ErrKeyResponsibleUnreachable, ErrKeyBadPrice, ErrKeyCRMRejected,
	ErrKeyCRMBlocked, ErrKeyNoOAuth, ErrKeyBadOAuthCode,
	ErrKeyBadEmail, ErrKeyManagersOnly, ErrKeySubscriptionExists, ErrKeyBadSchedule,
	ErrKeyMiningRunning,
}, ideaErrorKeys...)
