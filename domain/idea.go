package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// IdeaStatus is where an improvement idea stands. The decided ones
// (implemented, rejected, duplicate) take no more votes.
type IdeaStatus string

// Status values are stored in ideas.status and sent in callback data:
// never rename one.
const (
	IdeaNew         IdeaStatus = "new"
	IdeaUnderReview IdeaStatus = "under_review"
	IdeaAccepted    IdeaStatus = "accepted"
	IdeaInProgress  IdeaStatus = "in_progress"
	IdeaImplemented IdeaStatus = "implemented"
	IdeaRejected    IdeaStatus = "rejected"
	IdeaDuplicate   IdeaStatus = "duplicate"
)

// IdeaStatuses lists the statuses in their natural order.
var IdeaStatuses = []IdeaStatus{IdeaNew, IdeaUnderReview, IdeaAccepted, IdeaInProgress, IdeaImplemented,
	IdeaRejected, IdeaDuplicate}

// Valid reports whether s is one of the known statuses.
func (s IdeaStatus) Valid() bool {
	for _, v := range IdeaStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Pending reports whether the idea still waits for management: new or
// under review.
func (s IdeaStatus) Pending() bool { return s == IdeaNew || s == IdeaUnderReview }

// AcceptedLike reports whether management said yes: accepted, in
// progress or implemented. The acceptance rate and the savings in the
// pipeline count these.
func (s IdeaStatus) AcceptedLike() bool {
	return s == IdeaAccepted || s == IdeaInProgress || s == IdeaImplemented
}

// Decided reports whether management has decided on the idea: anything
// but new and under review.
func (s IdeaStatus) Decided() bool { return s.Valid() && !s.Pending() }

// Closed reports whether the idea takes no more votes: implemented,
// rejected or merged into another.
func (s IdeaStatus) Closed() bool {
	return s == IdeaImplemented || s == IdeaRejected || s == IdeaDuplicate
}

// AttachmentKind is what a file kept with an idea is, so the card sends
// it back the right way.
type AttachmentKind string

const (
	AttachPhoto    AttachmentKind = "photo"
	AttachDocument AttachmentKind = "document"
)

// Attachment is a photo or document sent with an idea, kept by Telegram's
// file_id.
type Attachment struct {
	FileID string
	Kind   AttachmentKind
}

// Idea is an employee's proposal to improve a business process.
type Idea struct {
	ID          int64
	Title       string
	Description string
	// ProcessID is the mined process the idea improves; 0 when Process is
	// free text (or empty). Process is that process's name, or the text.
	ProcessID   int64
	Process     string
	HoursSaved  float64 // the author's estimate of hours per year saved; 0: none given
	Anonymous   bool    // colleagues see "anonymous"; managers, admins and the author see AuthorName
	AuthorID    int64
	AuthorName  string // empty when the viewer may not see who it is (Anonymous)
	Attachment  Attachment
	SourceChat  int64 // the chat it was proposed in
	Status      IdeaStatus
	DuplicateOf int64 // the original, for a duplicate
	TaskID      int64 // the task created for it; 0: none
	Up          int   // votes for
	Down        int   // votes against
	CreatedAt   time.Time
	DecidedAt   time.Time // the last status change; zero while new
}

// Score ranks ideas: votes for minus votes against.
func (i Idea) Score() int { return i.Up - i.Down }

// IdeaDraft is what an author writes; the service trims it, checks it
// against the limits and stores it.
type IdeaDraft struct {
	Title       string
	Description string
	ProcessID   int64  // a mined process; 0 for none or free text
	Process     string // free text when ProcessID is 0
	HoursSaved  float64
	Anonymous   bool
	Attachment  Attachment
	SourceChat  int64 // the chat the idea was proposed in: a private chat or the ideas group
}

// Limits of an idea.
const (
	IdeaTitleMax       = 200  // characters
	IdeaDescriptionMax = 2000 // characters
	IdeaProcessMax     = 200  // characters of a free-text process
	IdeasPerHour       = 10   // ideas one person may propose in a rolling hour
	IdeaHoursMax       = 1_000_000
)

// Normalize trims the draft's texts and checks its limits.
func (d *IdeaDraft) Normalize() error {
	d.Title = strings.TrimSpace(d.Title)
	d.Description = strings.TrimSpace(d.Description)
	d.Process = strings.TrimSpace(d.Process)
	switch {
	case d.Title == "":
		return ErrIdeaTitleEmpty
	case utf8.RuneCountInString(d.Title) > IdeaTitleMax:
		return ErrIdeaTitleLong
	case utf8.RuneCountInString(d.Description) > IdeaDescriptionMax:
		return ErrIdeaDescriptionLong
	case utf8.RuneCountInString(d.Process) > IdeaProcessMax:
		return ErrIdeaProcessLong
	case d.HoursSaved < 0 || d.HoursSaved > IdeaHoursMax || d.HoursSaved != d.HoursSaved:
		return ErrIdeaBadHours
	case d.Attachment.FileID != "" && d.Attachment.Kind != AttachPhoto && d.Attachment.Kind != AttachDocument:
		return ErrIdeaBadAttachment
	}
	if d.Attachment.FileID == "" {
		d.Attachment = Attachment{}
	}
	return nil
}

// IdeaSummary is what the improvement dashboard and the home tile show.
type IdeaSummary struct {
	Submitted int    // all ideas ever proposed
	Votes     int    // all votes cast
	Accepted  int    // accepted, in progress or implemented
	Rejected  int    // rejected (duplicates are counted with their original)
	Pending   int    // new or under review
	Decisions int    // status changes ever made by management (or the author's "implemented"): the digest counts them
	Top       []Idea // pending ideas with the best score first
}

// PendingIdea is a /idea dialog under way: the draft so far and which
// question the bot asked last, kept per person and chat so that a restart
// or a second chat does not lose it.
type PendingIdea struct {
	UserID    int64
	ChatID    int64
	Step      string // the bot's name of the question asked last
	Draft     IdeaDraft
	UpdatedAt time.Time
}
