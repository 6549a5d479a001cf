package domain

// VoteValue is one press of a vote button: +1 for, -1 against.
type VoteValue int

const (
	VoteUp   VoteValue = 1
	VoteDown VoteValue = -1
)

// Valid reports whether v is +1 or -1.
func (v VoteValue) Valid() bool { return v == VoteUp || v == VoteDown }

// Vote is one person's standing vote on an idea.
type Vote struct {
	IdeaID int64
	UserID int64
	Value  VoteValue
}

// VoteOutcome is what a press did to the presser's vote.
type VoteOutcome string

const (
	VoteAdded     VoteOutcome = "added"     // there was no vote; now there is
	VoteWithdrawn VoteOutcome = "withdrawn" // the same value again: the vote is gone
	VoteSwitched  VoteOutcome = "switched"  // the other value: the vote changed sides
)

// VoteResult is an idea's counts right after a press, and what the press did.
type VoteResult struct {
	IdeaID  int64
	Up      int
	Down    int
	Mine    VoteValue // the presser's vote now; 0 when withdrawn
	Outcome VoteOutcome
}
