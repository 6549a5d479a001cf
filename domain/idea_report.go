package domain

import "time"

// IdeaCard is everything the card of one idea shows to one viewer.
type IdeaCard struct {
	Idea    Idea // AuthorName is empty when the viewer may not see it
	MyVote  VoteValue
	History []IdeaEvent // oldest first
	// Process is the linked mined process with its optimisation
	// potential; nil when the idea names no mined process or it has no
	// results yet.
	Process *ProcessStat
	Task    *Task // the task created for the idea; nil: none
	// Original is the idea a duplicate was merged into; nil otherwise.
	Original *Idea
	// Moves are the statuses the viewer may move the idea to; empty for
	// anyone but managers and admins.
	Moves []IdeaStatus
	// CanVote says the viewer may vote on it (approved, the idea open).
	CanVote bool
	// CanCreateTask says the viewer may create its task now: accepted or
	// in progress, no task yet, a manager or admin.
	CanCreateTask bool
}

// IdeaOrder is how a list of ideas is sorted.
type IdeaOrder string

const (
	IdeasNewest  IdeaOrder = "new"   // newest first
	IdeasByVotes IdeaOrder = "votes" // best score first, then the most votes for, then newest
)

// IdeaQuery selects a page of ideas.
type IdeaQuery struct {
	Status IdeaStatus // empty: every status but duplicate
	Order  IdeaOrder  // empty: IdeasNewest
	Offset int
	Limit  int // 0: 10
}

// IdeaMonth is one month of the ideas dashboard's bars.
type IdeaMonth struct {
	Month     time.Time // the first day of the month, in the company's zone
	Submitted int       // ideas proposed in the month
	Accepted  int       // ideas first accepted in the month
}

// IdeaDashboard is the ideas area's analytics. The figures are defined
// in the README's "Ideas" section.
type IdeaDashboard struct {
	AsOf     time.Time
	Summary  IdeaSummary
	ByStatus map[IdeaStatus]int
	Months   []IdeaMonth // the last 12 months, oldest first, this month last
	// Decided counts ideas accepted-like or rejected (duplicates are no
	// decision on the merits); AcceptanceRate is accepted-like ÷ Decided,
	// 0..1, and 0 when nothing is decided.
	Decided        int
	AcceptanceRate float64
	// MedianDecision is the median time from proposal to the first
	// decision on the merits (the first move to accepted or rejected)
	// over the ideas that had one; 0 when none did.
	MedianDecision time.Duration
	Leaders        []Idea // the most supported open ideas, best score first
	// PipelineHours is Σ HoursSaved of the accepted, in-progress and
	// implemented ideas: the savings in the pipeline, hours per year.
	PipelineHours float64
}

// IdeaNews is what the KPI digest says about ideas since the previous
// digest: the ideas proposed and the decisions taken.
type IdeaNews struct {
	Since        time.Time
	New          []Idea // newest first, at most a few; NewCount counts them all
	NewCount     int
	Decisions    []IdeaEvent      // newest first, at most a few; DecidedCount counts them all
	Titles       map[int64]string // the titles of the ideas the decisions are about
	DecidedCount int
}

// IdeaNoticeKind says which message of the ideas area is to be worded.
type IdeaNoticeKind string

const (
	// IdeaNoticePost is the idea's post in the ideas group: the idea, its
	// status, 👍 N / 👎 N and «Подробнее». Also what an edit of the post
	// shows.
	IdeaNoticePost IdeaNoticeKind = "post"
	// IdeaNoticeDecision tells the author or a voter that management
	// decided (Event: the history entry, with the reason).
	IdeaNoticeDecision IdeaNoticeKind = "decision"
	// IdeaNoticeAskImplemented asks the author, once the idea's task is
	// done, whether the idea is implemented, with yes/no buttons.
	IdeaNoticeAskImplemented IdeaNoticeKind = "ask_implemented"
)

// IdeaNotice is a message of the ideas area before it is worded: the bot
// words it in the recipient's language with the right buttons.
type IdeaNotice struct {
	Kind   IdeaNoticeKind
	ChatID int64 // where it goes: the group for a post, else To.ID
	To     User  // the recipient; zero for a group post (word it in the default language)
	Idea   Idea  // AuthorName empty when anonymous (posts and notices hide an anonymous author)
	Event  IdeaEvent
	Task   Task // for IdeaNoticeAskImplemented: the task that was done
	Key    string
}
