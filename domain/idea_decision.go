package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ideaMoves is every status change management may make: forward along
// new → under review → accepted → in progress → implemented (skipping
// steps is fine, going back is not, except reopening a rejected idea for
// review), or out to rejected or duplicate while nothing is implemented.
var ideaMoves = map[IdeaStatus][]IdeaStatus{
	IdeaNew:         {IdeaUnderReview, IdeaAccepted, IdeaRejected, IdeaDuplicate},
	IdeaUnderReview: {IdeaAccepted, IdeaRejected, IdeaDuplicate},
	IdeaAccepted:    {IdeaInProgress, IdeaImplemented, IdeaRejected},
	IdeaInProgress:  {IdeaImplemented, IdeaRejected},
	IdeaRejected:    {IdeaUnderReview},
	IdeaImplemented: nil,
	IdeaDuplicate:   nil,
}

// IdeaMoves lists the statuses an idea in from may be moved to, in the
// natural order: what the card offers a manager.
func IdeaMoves(from IdeaStatus) []IdeaStatus { return append([]IdeaStatus(nil), ideaMoves[from]...) }

// CanMoveIdea reports whether management may move an idea from one
// status to another.
func CanMoveIdea(from, to IdeaStatus) bool {
	for _, s := range ideaMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// CanDecideIdeas reports whether the user may change ideas' statuses and
// create tasks for them: managers and admins.
func CanDecideIdeas(u User) bool { return u.Role.AtLeast(RoleManager) }

// SeesIdeaAuthor reports whether the viewer sees who proposed an
// anonymous idea: its author, managers and admins.
func SeesIdeaAuthor(viewer User, i Idea) bool {
	return !i.Anonymous || viewer.ID == i.AuthorID || CanDecideIdeas(viewer)
}

// IdeaReasonMax bounds a decision's reason, in characters.
const IdeaReasonMax = 1000

// IdeaDecision is a manager's change of an idea's status.
type IdeaDecision struct {
	To          IdeaStatus
	Reason      string // required for rejected; optional otherwise
	DuplicateOf int64  // the original, for duplicate
}

// Check trims the reason and checks the decision's own rules for an idea
// now in from; the original of a duplicate is checked by the service.
func (d *IdeaDecision) Check(ideaID int64, from IdeaStatus) error {
	d.Reason = strings.TrimSpace(d.Reason)
	switch {
	case !d.To.Valid():
		return ErrIdeaBadMove
	case !CanMoveIdea(from, d.To):
		return ErrIdeaBadMove
	case d.To == IdeaRejected && d.Reason == "":
		return ErrIdeaReasonNeeded
	case utf8.RuneCountInString(d.Reason) > IdeaReasonMax:
		return ErrIdeaReasonLong
	case d.To == IdeaDuplicate && (d.DuplicateOf == 0 || d.DuplicateOf == ideaID):
		return ErrIdeaBadOriginal
	case d.To != IdeaDuplicate:
		d.DuplicateOf = 0
	}
	return nil
}

// IdeaEvent is one entry of an idea's status history.
type IdeaEvent struct {
	ID          int64
	IdeaID      int64
	ActorID     int64 // 0 for the system (the task done, an answer of the author)
	ActorName   string
	From        IdeaStatus // empty for the proposal itself
	To          IdeaStatus
	Reason      string
	DuplicateOf int64
	At          time.Time
}

// IdeasGroup is the group chat where new ideas are posted and voted on.
// Trusted means its members count as employees for voting and proposing
// there, approved by the bot or not.
type IdeasGroup struct {
	ChatID  int64
	Title   string
	Trusted bool
}
