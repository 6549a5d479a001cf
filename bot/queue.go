package bot

import (
	"slices"
	"sync"
	"time"
)

// The update queue: how the bot behaves above capacity.
//
// At most slots handlers run at once. An update that finds them all busy
// waits in its line, one line per person (queueKey; "chat" below), and the
// lines take turns: when a handler finishes, the line that has waited
// longest for its turn runs its oldest update, then goes to the back. A
// person's updates therefore run one at a time, in the order they were
// sent, and someone sending many updates cannot starve the others: each
// line gets one turn per round.
//
// The queue is bounded, so that above capacity the wait stays about
// maxQueued/throughput instead of growing into a backlog of seconds:
//   - a press of a button that is already waiting to be handled (the same
//     button on the same message) is answered "too many requests" at once:
//     the press waiting will show the same screen;
//   - a chat may have perChat updates waiting, all chats together
//     maxQueued, and the update first in line may have waited maxWait;
//     beyond that the chat with the longest queue (the arriving
//     one, when it is at its own limit) gives up one update: its oldest
//     button press, which only asked to see a screen; a chat with only
//     messages waiting gives up the newest message, whose sender is told
//     to wait (commands, tasks and answers are never silently dropped);
//   - a button press that waited longer than maxWait by its turn is
//     answered "too many requests" instead of run: the user has been
//     looking at a spinning button for a second already, and when the bot
//     runs slower than the counts assume (a starved CPU) this keeps the
//     screens it does show recent. Messages always run.
//
// Every update given up this way is answered ("Слишком много запросов,
// подождите немного."), so no user is left without a reply.
type queue struct {
	mu        sync.Mutex
	slots     int           // handlers that may run at once
	perChat   int           // updates one chat may have waiting
	maxQueued int           // updates waiting in all chats
	maxWait   time.Duration // how long a press may wait for its turn
	now       func() time.Time
	running   int
	queued    int
	chats     map[int64]*chatQueue
	ready     []*chatQueue // chats waiting for a turn, longest-waiting first

	shed, coalesced, expired int64 // updates answered "too many requests"
	peakQueued               int
}

// chatQueue is one chat's waiting updates, oldest first.
type chatQueue struct {
	id      int64
	running bool // one of its updates is being handled
	inLine  bool // it is in ready
	waiting []*ticket
}

// ticket is an update in the queue. turn says when it is its turn: true
// to run, false when it was given up.
type ticket struct {
	chat  int64
	seq   int       // the update ID: the order updates were sent in
	press string    // for a button press: message and data, to spot repeats; "" for a message
	at    time.Time // when it entered the queue
	turn  chan bool
}

func newTicket(chat int64, seq int, press string) *ticket {
	return &ticket{chat: chat, seq: seq, press: press, turn: make(chan bool, 1)}
}

func newQueue(slots, perChat, maxQueued int, maxWait time.Duration, now func() time.Time) *queue {
	return &queue{slots: max(slots, 1), perChat: max(perChat, 1), maxQueued: max(maxQueued, 1), maxWait: maxWait, now: now,
		chats: map[int64]*chatQueue{}}
}

// enter queues t; its turn channel tells when to run or that it was given
// up. A ticket that is told to run must call leave when done.
func (q *queue) enter(t *ticket) {
	q.mu.Lock()
	defer q.mu.Unlock()
	t.at = q.now()
	cq := q.chats[t.chat]
	if cq == nil {
		cq = &chatQueue{id: t.chat}
		q.chats[t.chat] = cq
	}
	if t.press != "" && slices.ContainsFunc(cq.waiting, func(w *ticket) bool { return w.press == t.press }) {
		q.coalesced++
		t.turn <- false
		return
	}
	if !cq.running && len(cq.waiting) == 0 && q.running < q.slots {
		q.start(cq, t)
		return
	}
	if len(cq.waiting) >= q.perChat || q.queued >= q.maxQueued || q.behind(t.at) {
		if victim := q.victim(cq, t); victim == t {
			q.shed++
			t.turn <- false
			return
		}
	}
	i, _ := slices.BinarySearchFunc(cq.waiting, t.seq, func(w *ticket, seq int) int { return w.seq - seq })
	cq.waiting = slices.Insert(cq.waiting, i, t)
	q.queued++
	q.peakQueued = max(q.peakQueued, q.queued)
	if !cq.running && !cq.inLine {
		cq.inLine = true
		q.ready = append(q.ready, cq)
	}
	q.dispatch()
}

// behind reports whether the queue runs more than maxWait behind: the
// chat first in line has waited that long. The counts assume the bot
// runs at its usual speed; when it runs slower (a starved CPU), this
// keeps the wait near maxWait instead of maxQueued/throughput.
func (q *queue) behind(now time.Time) bool {
	if q.maxWait <= 0 || len(q.ready) == 0 || len(q.ready[0].waiting) == 0 {
		return false
	}
	return now.Sub(q.ready[0].waiting[0].at) > q.maxWait
}

// victim gives up one update to make room for t arriving in cq: from cq
// when cq is at its own limit, else from the chat with the longest queue.
// It returns the ticket given up, which may be t itself.
func (q *queue) victim(cq *chatQueue, t *ticket) *ticket {
	v := cq
	if len(cq.waiting) < q.perChat {
		for _, other := range q.chats {
			if len(other.waiting) > len(v.waiting)+boolInt(v == cq) {
				v = other
			}
		}
	}
	if i := slices.IndexFunc(v.waiting, func(w *ticket) bool { return w.press != "" }); i >= 0 {
		return q.drop(v, i)
	}
	if v == cq {
		return t // only messages wait here: the newest, t, is told to wait
	}
	return q.drop(v, len(v.waiting)-1)
}

// expiredElsewhere counts an update given up before it reached the queue.
func (q *queue) expiredElsewhere() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.expired++
}

// drop gives up the i-th waiting update of cq.
func (q *queue) drop(cq *chatQueue, i int) *ticket {
	w := cq.waiting[i]
	cq.waiting = slices.Delete(cq.waiting, i, i+1)
	q.queued--
	q.shed++
	w.turn <- false
	return w
}

// leave ends a running update of chat and hands its slot on.
func (q *queue) leave(chat int64) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.running--
	cq := q.chats[chat]
	cq.running = false
	switch {
	case cq.inLine: // already waiting for a turn
	case len(cq.waiting) > 0:
		cq.inLine = true
		q.ready = append(q.ready, cq)
	default:
		delete(q.chats, chat)
	}
	q.dispatch()
}

// dispatch starts waiting updates while slots are free, a chat at a time
// in the order the chats joined the line.
func (q *queue) dispatch() {
	for q.running < q.slots && len(q.ready) > 0 {
		cq := q.ready[0]
		q.ready[0] = nil
		q.ready = q.ready[1:]
		cq.inLine = false
		switch {
		case cq.running: // leave puts it back in line
			continue
		case len(cq.waiting) == 0: // its updates were given up meanwhile
			delete(q.chats, cq.id)
			continue
		}
		if t := q.next(cq); t != nil {
			q.start(cq, t)
		} else {
			delete(q.chats, cq.id)
		}
	}
}

// next takes cq's oldest waiting update that is still worth running,
// answering presses that waited too long; nil when none is left.
func (q *queue) next(cq *chatQueue) *ticket {
	now := q.now()
	for len(cq.waiting) > 0 {
		t := cq.waiting[0]
		cq.waiting = slices.Delete(cq.waiting, 0, 1)
		q.queued--
		if t.press == "" || q.maxWait <= 0 || now.Sub(t.at) <= q.maxWait {
			return t
		}
		q.expired++
		t.turn <- false
	}
	return nil
}

func (q *queue) start(cq *chatQueue, t *ticket) {
	cq.running = true
	q.running++
	t.turn <- true
}

// queueStats is what the queue did, for /status and the load tool.
type queueStats struct {
	Running, Queued, PeakQueued int
	Shed, Coalesced, Expired    int64
}

func (q *queue) stats() queueStats {
	q.mu.Lock()
	defer q.mu.Unlock()
	return queueStats{Running: q.running, Queued: q.queued, PeakQueued: q.peakQueued, Shed: q.shed, Coalesced: q.coalesced, Expired: q.expired}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
