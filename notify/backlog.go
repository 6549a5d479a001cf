package notify

import (
	"context"
	"fmt"
	"time"
)

// BacklogStates are the River job states a queue's backlog counts: every
// job not yet completed, cancelled or discarded.
var BacklogStates = []string{"available", "running", "retryable", "scheduled"}

// QueueBacklog is what waits in one outbox queue.
type QueueBacklog struct {
	Queue string
	Jobs  map[string]int // by River state, one of BacklogStates
	// Oldest is the age of the oldest job that is due (available, running
	// or retryable) since it was enqueued; a snoozed or scheduled job is
	// not due yet and does not count.
	Oldest time.Duration
}

// Backlog reads the outbox queues from River's job table, every queue the
// outbox serves listed even when empty. One grouped query, cheap enough
// for every metrics scrape: River's (state, queue, …) index covers it.
func (o *Outbox) Backlog(ctx context.Context) ([]QueueBacklog, error) {
	rows, err := o.pool.Query(ctx, `select queue, state::text, count(*),
		coalesce(extract(epoch from now() - min(created_at) filter (where state <> 'scheduled')), 0)
		from river_job where state = any($1::river_job_state[]) and queue = any($2)
		group by queue, state`, BacklogStates, []string{queueTelegram, queueEmail})
	if err != nil {
		return nil, fmt.Errorf("outbox backlog: %w", err)
	}
	defer rows.Close()
	byQueue := map[string]*QueueBacklog{}
	var out []QueueBacklog
	for _, q := range []string{queueTelegram, queueEmail} {
		byQueue[q] = &QueueBacklog{Queue: q, Jobs: map[string]int{}}
	}
	for rows.Next() {
		var queue, state string
		var n int
		var age float64
		if err := rows.Scan(&queue, &state, &n, &age); err != nil {
			return nil, fmt.Errorf("outbox backlog: %w", err)
		}
		q := byQueue[queue]
		q.Jobs[state] = n
		if d := time.Duration(age * float64(time.Second)); d > q.Oldest {
			q.Oldest = d
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outbox backlog: %w", err)
	}
	for _, q := range []string{queueTelegram, queueEmail} {
		out = append(out, *byQueue[q])
	}
	return out, nil
}

// noteDelivery tells the configured hook how one send attempt went.
func (o *Outbox) noteDelivery(channel string, v outcome) {
	if o.cfg.OnDelivery == nil {
		return
	}
	o.cfg.OnDelivery(channel, outcomeNames[v])
}

// outcomeNames are the outcomes as OnDelivery reports them.
var outcomeNames = map[outcome]string{
	outcomeDelivered:   "delivered",
	outcomeRetry:       "retry",
	outcomeFlood:       "rate_limited",
	outcomeMigrated:    "retry",
	outcomeStaleFile:   "retry",
	outcomeUnreachable: "unreachable",
	outcomeRejected:    "rejected",
}
