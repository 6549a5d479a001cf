package bot

import (
	"fmt"
	"testing"
	"time"
)

// clock is a hand-moved clock for the queue's waits.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func testQueue(slots, perChat, maxQueued int) *queue {
	c := &clock{t: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	return newQueue(slots, perChat, maxQueued, time.Second, c.now)
}

// turn says what the queue told t so far: "run", "shed" or "wait".
func turn(t *ticket) string {
	select {
	case ok := <-t.turn:
		if ok {
			return "run"
		}
		return "shed"
	default:
		return "wait"
	}
}

type queueTest struct {
	t   *testing.T
	q   *queue
	seq int
}

func (qt *queueTest) enter(chat int64, press string) *ticket {
	qt.seq++
	tk := newTicket(chat, qt.seq, press)
	qt.q.enter(tk)
	return tk
}

func (qt *queueTest) want(tk *ticket, want string) {
	qt.t.Helper()
	if got := turn(tk); got != want {
		qt.t.Errorf("update %d of chat %d: %s, want %s", tk.seq, tk.chat, got, want)
	}
}

func TestQueueRunsUpToSlotsAndOneUpdatePerChat(t *testing.T) {
	qt := &queueTest{t: t, q: testQueue(2, 8, 100)}
	a1, a2, b1, c1 := qt.enter(1, ""), qt.enter(1, ""), qt.enter(2, ""), qt.enter(3, "")
	qt.want(a1, "run")
	qt.want(a2, "wait") // chat 1 already runs one
	qt.want(b1, "run")
	qt.want(c1, "wait") // both slots busy
	qt.q.leave(1)
	// chat 1 finished, but chat 3 joined the line before chat 1 came back
	// to it: chat 3 goes first.
	qt.want(c1, "run")
	qt.want(a2, "wait")
	qt.q.leave(2)
	qt.want(a2, "run")
	qt.q.leave(3)
	qt.q.leave(1)
	if st := qt.q.stats(); st.Running != 0 || st.Queued != 0 || len(qt.q.chats) != 0 || len(qt.q.ready) != 0 {
		t.Errorf("after all finished: %+v, %d chats, %d in line", st, len(qt.q.chats), len(qt.q.ready))
	}
}

// TestQueueRoundRobin: a chat with many waiting updates gets one turn
// per round, so the others are never starved, and its own updates run in
// the order they were sent.
func TestQueueRoundRobin(t *testing.T) {
	qt := &queueTest{t: t, q: testQueue(1, 8, 100)}
	first := qt.enter(9, "")
	qt.want(first, "run")
	var heavy []*ticket
	for range 5 {
		heavy = append(heavy, qt.enter(1, ""))
	}
	light := qt.enter(2, "")
	var order []string
	running := int64(9)
	for range 6 {
		qt.q.leave(running)
		switch {
		case turn(light) == "run":
			order, running = append(order, "light"), 2
			light = &ticket{turn: make(chan bool, 1)} // ran
		default:
			for i, h := range heavy {
				if h != nil && turn(h) == "run" {
					order, running = append(order, fmt.Sprint("heavy", i)), 1
					heavy[i] = nil
					break
				}
			}
		}
	}
	want := "[heavy0 light heavy1 heavy2 heavy3 heavy4]"
	if fmt.Sprint(order) != want {
		t.Errorf("order %v, want %s", order, want)
	}
}

func TestQueueCoalescesRepeatedPresses(t *testing.T) {
	qt := &queueTest{t: t, q: testQueue(1, 8, 100)}
	qt.want(qt.enter(1, ""), "run")
	p1 := qt.enter(1, "42|area|home")
	p2 := qt.enter(1, "42|area|home") // pressed again while the first waits
	p3 := qt.enter(1, "42|area|crm")
	qt.want(p2, "shed")
	qt.want(p1, "wait")
	qt.want(p3, "wait")
	if st := qt.q.stats(); st.Coalesced != 1 || st.Queued != 2 {
		t.Errorf("stats %+v", st)
	}
}

// TestQueuePerChatLimit: a chat over its limit gives up its oldest
// waiting press; with only messages waiting, the newest message.
func TestQueuePerChatLimit(t *testing.T) {
	qt := &queueTest{t: t, q: testQueue(1, 3, 100)}
	qt.want(qt.enter(1, ""), "run")
	m1 := qt.enter(1, "")
	p1 := qt.enter(1, "7|area|crm")
	m2 := qt.enter(1, "")
	m3 := qt.enter(1, "") // the limit: the oldest press goes
	qt.want(p1, "shed")
	m4 := qt.enter(1, "") // only messages wait: the newest is told to wait
	qt.want(m4, "shed")
	for _, m := range []*ticket{m1, m2, m3} {
		qt.want(m, "wait")
	}
	other := qt.enter(2, "") // other chats are not affected
	qt.want(other, "wait")
	if st := qt.q.stats(); st.Shed != 2 || st.Queued != 4 {
		t.Errorf("stats %+v", st)
	}
}

// TestQueueGlobalLimitTakesFromTheLongestQueue: when all chats together
// reach the limit, the chat with most waiting gives up an update, not a
// chat with one.
func TestQueueGlobalLimitTakesFromTheLongestQueue(t *testing.T) {
	qt := &queueTest{t: t, q: testQueue(1, 8, 4)}
	qt.want(qt.enter(9, ""), "run")
	heavy := []*ticket{qt.enter(1, "1|area|crm"), qt.enter(1, "1|area|tasks"), qt.enter(1, "")}
	light := qt.enter(2, "")
	newcomer := qt.enter(3, "") // full: chat 1 gives up its oldest press
	qt.want(heavy[0], "shed")
	qt.want(heavy[1], "wait")
	qt.want(light, "wait")
	qt.want(newcomer, "wait")
	qt.enter(1, "1|area|ideas") // chat 1 is longest even counting this one
	qt.want(heavy[1], "shed")
	again := qt.enter(3, "")
	// chats 1 (2 waiting: a message and a press) and 3 (1 + this one) tie;
	// chat 1 holds the press, chat 3 only messages: chat 3's newest goes.
	qt.want(again, "shed")
	if st := qt.q.stats(); st.Queued != 4 || st.PeakQueued != 4 {
		t.Errorf("stats %+v", st)
	}
}

// TestQueueKeepsSendOrder: updates of one chat that reach the queue out
// of order still run in the order they were sent.
func TestQueueKeepsSendOrder(t *testing.T) {
	q := testQueue(1, 8, 100)
	q.enter(newTicket(5, 1, ""))
	late, early := newTicket(1, 11, ""), newTicket(1, 10, "")
	q.enter(late)
	q.enter(early)
	q.leave(5)
	if turn(early) != "run" || turn(late) != "wait" {
		t.Error("update 11 ran before update 10")
	}
}

// TestQueueAnswersPressesThatWaitedTooLong: a press whose turn comes after
// more than maxWait is answered instead of run; a message still runs.
func TestQueueAnswersPressesThatWaitedTooLong(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	q := newQueue(1, 8, 100, time.Second, c.now)
	q.enter(newTicket(9, 1, ""))
	old := newTicket(1, 2, "5|area|crm")
	msg := newTicket(1, 3, "")
	q.enter(old)
	q.enter(msg)
	c.t = c.t.Add(1500 * time.Millisecond)
	q.leave(9)
	if turn(old) != "shed" || turn(msg) != "run" {
		t.Fatal("the old press ran, or the message behind it did not")
	}
	fresh := newTicket(2, 4, "6|area|home")
	q.enter(fresh)
	q.leave(1)
	if turn(fresh) != "run" {
		t.Error("a press that just came did not run")
	}
	if st := q.stats(); st.Expired != 1 {
		t.Errorf("stats %+v, want one expired", st)
	}
}

// TestQueueFullWhenBehind: when the update first in line has waited over
// maxWait, the queue takes no more than it gives up, whatever the counts.
func TestQueueFullWhenBehind(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	q := newQueue(1, 8, 100, time.Second, c.now)
	q.enter(newTicket(9, 1, ""))
	first := newTicket(1, 2, "")
	q.enter(first)
	c.t = c.t.Add(2 * time.Second)
	late := newTicket(2, 3, "")
	q.enter(late)
	if turn(late) != "shed" || turn(first) != "wait" {
		t.Error("a message came in while the queue ran two seconds behind")
	}
}
