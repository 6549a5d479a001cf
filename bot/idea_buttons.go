package bot

import (
	"strconv"
	"strings"
	"time"

	"processet/domain"
)

// Idea list codes keep callback data short: the newest of every status,
// the best supported, or one status.
const (
	listNewest  = "l"
	listByVotes = "v"
)

// ideaStatusCodes are the statuses' one-letter codes in callback data.
var ideaStatusCodes = map[domain.IdeaStatus]string{
	domain.IdeaNew: "n", domain.IdeaUnderReview: "r", domain.IdeaAccepted: "a", domain.IdeaInProgress: "p",
	domain.IdeaImplemented: "i", domain.IdeaRejected: "x", domain.IdeaDuplicate: "d",
}

func ideaStatusCode(s domain.IdeaStatus) string { return ideaStatusCodes[s] }

func parseIdeaStatusCode(code string) (domain.IdeaStatus, bool) {
	for s, c := range ideaStatusCodes {
		if c == code {
			return s, true
		}
	}
	return "", false
}

// ideaList is a list of ideas and its page: where a card returns to.
type ideaList struct {
	code string // listNewest, listByVotes or a status code; empty: listNewest
	page int
}

func (l ideaList) data() []string {
	code := l.code
	if code == "" {
		code = listNewest
	}
	return []string{code, strconv.Itoa(l.page)}
}

// query is what the list asks the service for.
func (l ideaList) query(per int) domain.IdeaQuery {
	q := domain.IdeaQuery{Order: domain.IdeasNewest, Offset: l.page * per, Limit: per}
	switch l.code {
	case listByVotes:
		q.Order = domain.IdeasByVotes
	case listNewest, "":
	default:
		q.Status, _ = parseIdeaStatusCode(l.code)
	}
	return q
}

func parseIdeaList(code, page string) (ideaList, bool) {
	p, ok := parsePage(page)
	if !ok {
		return ideaList{}, false
	}
	if _, isStatus := parseIdeaStatusCode(code); !isStatus && code != listNewest && code != listByVotes {
		return ideaList{}, false
	}
	return ideaList{code: code, page: p}, true
}

func ideaData(id int64, back ideaList) []string {
	return append([]string{strconv.FormatInt(id, 10)}, back.data()...)
}

// Where a vote button is: its data says, because a press re-renders that
// place (a group post is re-rendered by the service's coalesced edits).
const (
	voteInGroup     = ""
	voteOnDashboard = "d"
	voteOnCard      = "c"
)

// vote is a vote button's data, read back.
type vote struct {
	ideaID int64
	value  domain.VoteValue
	where  string   // voteInGroup, voteOnDashboard or voteOnCard
	back   ideaList // for a card: the list it returns to
}

func voteData(id int64, v domain.VoteValue, where string, back ideaList) []string {
	d := []string{strconv.FormatInt(id, 10), map[domain.VoteValue]string{domain.VoteUp: "u", domain.VoteDown: "d"}[v]}
	switch where {
	case voteOnDashboard:
		d = append(d, voteOnDashboard)
	case voteOnCard:
		d = append(d, back.data()...)
	}
	return d
}

// parseVote reads a vote button's data; anything else is refused.
func parseVote(data string) (vote, bool) {
	args := strings.Split(data, "|")
	if len(args) < 2 || len(args) > 4 {
		return vote{}, false
	}
	id, ok := parseID(args[0])
	if !ok {
		return vote{}, false
	}
	v := vote{ideaID: id}
	switch args[1] {
	case "u":
		v.value = domain.VoteUp
	case "d":
		v.value = domain.VoteDown
	default:
		return vote{}, false
	}
	switch len(args) {
	case 2:
		v.where = voteInGroup
	case 3:
		if args[2] != voteOnDashboard {
			return vote{}, false
		}
		v.where = voteOnDashboard
	case 4:
		if v.back, ok = parseIdeaList(args[2], args[3]); !ok {
			return vote{}, false
		}
		v.where = voteOnCard
	}
	return v, true
}

// ideaTaskStep is the state of «Create task» carried in its buttons: no
// draft is stored, each press adds one choice.
type ideaTaskStep struct {
	ideaID   int64
	page     int    // the assignee picker's page, before an assignee is chosen
	assignee int64  // -1: not chosen yet; 0: nobody
	deadline string // a deadline preset code; empty: not chosen yet
	priority string // a priority code; empty: not chosen yet
}

func (s ideaTaskStep) data() []string {
	id := strconv.FormatInt(s.ideaID, 10)
	if s.assignee < 0 {
		return []string{id, "p" + strconv.Itoa(s.page)}
	}
	d := []string{id, strconv.FormatInt(s.assignee, 10)}
	if s.deadline != "" {
		d = append(d, s.deadline)
		if s.priority != "" {
			d = append(d, s.priority)
		}
	}
	return d
}

func parseIdeaTaskStep(data string) (ideaTaskStep, bool) {
	args := strings.Split(data, "|")
	if len(args) < 2 || len(args) > 4 {
		return ideaTaskStep{}, false
	}
	id, ok := parseID(args[0])
	if !ok {
		return ideaTaskStep{}, false
	}
	s := ideaTaskStep{ideaID: id, assignee: -1}
	if p, isPage := strings.CutPrefix(args[1], "p"); isPage {
		page, ok := parsePage(p)
		s.page = page
		return s, ok && len(args) == 2
	}
	a, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || a < 0 {
		return ideaTaskStep{}, false
	}
	s.assignee = a
	if len(args) >= 3 {
		if _, _, ok := domain.DeadlinePreset(args[2]).At(time.Time{}, time.UTC); !ok {
			return ideaTaskStep{}, false
		}
		s.deadline = args[2]
	}
	if len(args) == 4 {
		if _, ok := parsePriorityCode(args[3]); !ok {
			return ideaTaskStep{}, false
		}
		s.priority = args[3]
	}
	return s, true
}
