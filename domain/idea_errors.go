package domain

// Keys of the ideas area's errors; i18n words them (i18n/ideas_errors.go).
const (
	ErrKeyIdeaTitleEmpty      ErrorKey = "err.idea_title_empty"
	ErrKeyIdeaTitleLong       ErrorKey = "err.idea_title_long"
	ErrKeyIdeaDescriptionLong ErrorKey = "err.idea_description_long"
	ErrKeyIdeaProcessLong     ErrorKey = "err.idea_process_long"
	ErrKeyIdeaBadHours        ErrorKey = "err.idea_bad_hours"
	ErrKeyIdeaTooMany         ErrorKey = "err.idea_too_many"
	ErrKeyIdeaNoAccess        ErrorKey = "err.idea_no_access"
	ErrKeyIdeaClosed          ErrorKey = "err.idea_closed"
	ErrKeyIdeaBadVote         ErrorKey = "err.idea_bad_vote"
	ErrKeyIdeaBadMove         ErrorKey = "err.idea_bad_move"
	ErrKeyIdeaReasonNeeded    ErrorKey = "err.idea_reason_needed"
	ErrKeyIdeaReasonLong      ErrorKey = "err.idea_reason_long"
	ErrKeyIdeaBadOriginal     ErrorKey = "err.idea_bad_original"
	ErrKeyIdeaDecidersOnly    ErrorKey = "err.idea_deciders_only"
	ErrKeyIdeaHasTask         ErrorKey = "err.idea_has_task"
	ErrKeyIdeaNotAccepted     ErrorKey = "err.idea_not_accepted"
	ErrKeyIdeaNotAGroup       ErrorKey = "err.idea_not_a_group"
	ErrKeyIdeaNoGroup         ErrorKey = "err.idea_no_group"
	ErrKeyIdeaNotAsked        ErrorKey = "err.idea_not_asked"
	ErrKeyIdeaBadAttachment   ErrorKey = "err.idea_bad_attachment"
)

// ideaErrorKeys joins ErrorKeys, so the catalog test checks their texts.
var ideaErrorKeys = []ErrorKey{
	ErrKeyIdeaTitleEmpty, ErrKeyIdeaTitleLong, ErrKeyIdeaDescriptionLong, ErrKeyIdeaProcessLong,
	ErrKeyIdeaBadHours, ErrKeyIdeaTooMany, ErrKeyIdeaNoAccess, ErrKeyIdeaClosed, ErrKeyIdeaBadVote,
	ErrKeyIdeaBadMove, ErrKeyIdeaReasonNeeded, ErrKeyIdeaReasonLong, ErrKeyIdeaBadOriginal,
	ErrKeyIdeaDecidersOnly, ErrKeyIdeaHasTask, ErrKeyIdeaNotAccepted, ErrKeyIdeaNotAGroup,
	ErrKeyIdeaNoGroup, ErrKeyIdeaNotAsked, ErrKeyIdeaBadAttachment,
}

// The ideas area's errors. The bot shows each as its text; for
// ErrIdeaNoAccess it adds how to get access (/start, or an admin trusting
// the ideas group).
var (
	ErrIdeaTitleEmpty      = NewError(Invalid, ErrKeyIdeaTitleEmpty)
	ErrIdeaTitleLong       = NewError(Invalid, ErrKeyIdeaTitleLong)       // > IdeaTitleMax characters
	ErrIdeaDescriptionLong = NewError(Invalid, ErrKeyIdeaDescriptionLong) // > IdeaDescriptionMax characters
	ErrIdeaProcessLong     = NewError(Invalid, ErrKeyIdeaProcessLong)
	ErrIdeaBadHours        = NewError(Invalid, ErrKeyIdeaBadHours)
	ErrIdeaTooMany         = NewError(Conflict, ErrKeyIdeaTooMany) // > IdeasPerHour in a rolling hour
	ErrIdeaNoAccess        = NewError(Forbidden, ErrKeyIdeaNoAccess)
	ErrIdeaClosed          = NewError(Conflict, ErrKeyIdeaClosed) // a vote on an implemented, rejected or duplicate idea
	ErrIdeaBadVote         = NewError(Invalid, ErrKeyIdeaBadVote)
	ErrIdeaBadMove         = NewError(Conflict, ErrKeyIdeaBadMove) // not in the table of moves (CanMoveIdea)
	ErrIdeaReasonNeeded    = NewError(Invalid, ErrKeyIdeaReasonNeeded)
	ErrIdeaReasonLong      = NewError(Invalid, ErrKeyIdeaReasonLong)
	ErrIdeaBadOriginal     = NewError(Invalid, ErrKeyIdeaBadOriginal) // itself, missing, or a duplicate itself
	ErrIdeaDecidersOnly    = NewError(Forbidden, ErrKeyIdeaDecidersOnly)
	ErrIdeaHasTask         = NewError(Conflict, ErrKeyIdeaHasTask)
	ErrIdeaNotAccepted     = NewError(Conflict, ErrKeyIdeaNotAccepted)
	ErrIdeaNotAGroup       = NewError(Invalid, ErrKeyIdeaNotAGroup)
	ErrIdeaNoGroup         = NewError(NotFound, ErrKeyIdeaNoGroup)
	ErrIdeaNotAsked        = NewError(Conflict, ErrKeyIdeaNotAsked) // an answer to a question nobody asked, or asked before
	ErrIdeaBadAttachment   = NewError(Invalid, ErrKeyIdeaBadAttachment)
)
