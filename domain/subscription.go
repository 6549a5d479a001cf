package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Subscription is one recipient of the KPI digest on one schedule: a
// user's private chat, a group chat, or an e-mail address.
type Subscription struct {
	ID          int64
	OwnerID     int64  // who subscribed it; they (and admins) may cancel it
	ChatID      int64  // Telegram chat; 0 for e-mail
	Email       string // e-mail address; empty for Telegram
	Title       string // how the recipient is named in lists: a group's title, an address
	Lang        Lang   // the digest's language
	Schedule    string // cron expression, minute hour day month weekday
	TZ          string // IANA zone the schedule runs in
	OnlyChanged bool   // skip a digest when no headline KPI moved
	LastSentAt  time.Time
	LastState   string   // the last digest in the outbox: queued, sending, retrying, delivered, failed
	LastReason  string   // why it failed: the outbox's reason code
	Last        Snapshot // the headline KPIs in the last digest sent
	HasLast     bool
}

// Recipient names where the digest goes, the same for every subscription
// of one chat or one address ("chat:-100777", "mail:boss@example.com"):
// a chat or an address gets one digest per sending however many
// subscriptions lead to it.
func (s Subscription) Recipient() string {
	if s.ChatID != 0 {
		return "chat:" + strconv.FormatInt(s.ChatID, 10)
	}
	return "mail:" + strings.ToLower(s.Email)
}

// Schedule presets, as cron expressions.
func DailyAt(hour, min int) string    { return fmt.Sprintf("%d %d * * *", min, hour) }
func WeekdaysAt(hour, min int) string { return fmt.Sprintf("%d %d * * 1-5", min, hour) }
func WeeklyAt(day time.Weekday, hour, min int) string {
	return fmt.Sprintf("%d %d * * %d", min, hour, int(day))
}

// Snapshot is the headline KPIs of the four areas at one moment: what a
// digest reports and what the next one compares against.
type Snapshot struct {
	DealsWon     int     `json:"deals_won"`
	DealsInPlay  int     `json:"deals_in_play"`
	TasksActive  int     `json:"tasks_active"`
	TasksTotal   int     `json:"tasks_total"`
	TasksOverdue int     `json:"tasks_overdue"`
	Operations   int     `json:"operations"`
	Hours        float64 `json:"hours"`
	PotentialPct float64 `json:"potential_pct"`
	Ideas        int     `json:"ideas"`
	Votes        int     `json:"votes"`
	Accepted     int     `json:"accepted"`
	// IdeaDecisions counts the ideas' status changes so far: the digest's
	// change in it is the decisions taken since the previous digest, as
	// the change in Ideas is the ideas proposed.
	IdeaDecisions int `json:"idea_decisions"`
}

// SnapshotOf takes the headline KPIs from the home dashboard.
func SnapshotOf(h Home) Snapshot {
	return Snapshot{
		DealsWon: h.Deals.WeekWon, DealsInPlay: h.Deals.WeekInPlay,
		TasksActive: h.Tasks.Active, TasksTotal: h.Tasks.Total, TasksOverdue: h.Tasks.Overdue,
		Operations: h.Mining.Operations, Hours: h.Mining.Hours, PotentialPct: h.Mining.PotentialPct(),
		Ideas: h.Ideas.Submitted, Votes: h.Ideas.Votes, Accepted: h.Ideas.Accepted,
		IdeaDecisions: h.Ideas.Decisions,
	}
}

// Change is one headline KPI that moved since the previous digest.
type Change struct {
	Metric string // the Snapshot field's JSON name
	Delta  float64
}

// Changes lists the KPIs that differ from prev, in the digest's order.
// Fractions below a tenth are noise from rounding, not news.
func (s Snapshot) Changes(prev Snapshot) []Change {
	var out []Change
	add := func(metric string, now, before float64) {
		if d := now - before; d >= 0.1 || d <= -0.1 {
			out = append(out, Change{metric, d})
		}
	}
	add("deals_won", float64(s.DealsWon), float64(prev.DealsWon))
	add("deals_in_play", float64(s.DealsInPlay), float64(prev.DealsInPlay))
	add("tasks_active", float64(s.TasksActive), float64(prev.TasksActive))
	add("tasks_overdue", float64(s.TasksOverdue), float64(prev.TasksOverdue))
	add("operations", float64(s.Operations), float64(prev.Operations))
	add("potential_pct", s.PotentialPct, prev.PotentialPct)
	add("ideas", float64(s.Ideas), float64(prev.Ideas))
	add("votes", float64(s.Votes), float64(prev.Votes))
	add("accepted", float64(s.Accepted), float64(prev.Accepted))
	add("idea_decisions", float64(s.IdeaDecisions), float64(prev.IdeaDecisions))
	return out
}

// Digest is the worded KPI digest in one language: a picture with a
// caption for Telegram, and an e-mail with the same picture.
type Digest struct {
	PNG      []byte
	Caption  string // HTML, within Telegram's caption limit
	Subject  string
	MailText string
	MailHTML string // refers to the picture as cid:kpi.png
}

// DeliveryReport is how a batch of messages went, for the manager who
// sent it.
type DeliveryReport struct {
	Total, Delivered, Failed int
	Failures                 []DeliveryFailure
	Done                     bool
}

// DeliveryFailure is one recipient that was not reached, with the
// outbox's reason code ("blocked", "kicked", …) for the bot to word.
type DeliveryFailure struct {
	Recipient string
	Code      string
}
