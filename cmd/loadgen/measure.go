package main

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"processet/internal/telegramtest"
)

// recorder matches every update the bot is offered with the request that
// answers it, and keeps the time between the two.
//
// A button press is answered by answerCallbackQuery with its query ID,
// which the bot sends after the screen was edited. A message is answered
// by the bot's next sendMessage or sendPhoto into that chat: the bot
// handles a chat's updates one at a time and in order, so replies come in
// the order of the messages.
type recorder struct {
	mu        sync.Mutex
	users     map[int64]bool // chats of the simulated users
	busy      []string       // the texts of "too many requests"
	sorry     []string       // the texts of the bot's apology
	measuring bool
	seen      map[int]bool              // update IDs offered (a poll may offer one again)
	messages  map[int64][]pendingUpdate // offered messages per chat, oldest first
	callbacks map[string]pendingUpdate  // offered button presses by query ID

	sent, offeredAll                       int // every update, measured or not
	pictures, uploads                      int // measured cards sent, and those uploaded rather than by file_id
	offered, answered, shed, failed, extra int
	samples                                []sample
	firstOffer, lastAnswer                 time.Time
	errorSamples                           []string
}

type pendingUpdate struct {
	at       time.Time
	measured bool
	command  string // a message's command ("/help"), "" for a button press
}

type sample struct {
	d       time.Duration
	card    bool
	command string
}

func newRecorder(busy, sorry []string) *recorder {
	return &recorder{users: map[int64]bool{}, busy: busy, sorry: sorry, seen: map[int]bool{},
		messages: map[int64][]pendingUpdate{}, callbacks: map[string]pendingUpdate{}}
}

// measure starts or stops counting updates offered from now on.
func (r *recorder) measure(on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.measuring = on
}

// Offered implements telegramtest.Observer.
func (r *recorder) Offered(u telegramtest.OfferedUpdate, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[u.ID] {
		return
	}
	r.seen[u.ID] = true
	r.offeredAll++
	p := pendingUpdate{at: at, measured: r.measuring}
	if f := strings.Fields(u.Text); len(f) > 0 {
		p.command = f[0]
	}
	if p.measured {
		r.offered++
		if r.firstOffer.IsZero() {
			r.firstOffer = at
		}
	}
	switch u.Kind {
	case "message":
		r.messages[u.ChatID] = append(r.messages[u.ChatID], p)
	case "callback_query":
		r.callbacks[u.CallbackID] = p
	}
}

// Requested implements telegramtest.Observer.
func (r *recorder) Requested(c telegramtest.Call, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch c.Method {
	case "answerCallbackQuery":
		id := jsonString(c.Params["callback_query_id"])
		p, ok := r.callbacks[id]
		if !ok {
			return
		}
		delete(r.callbacks, id)
		r.answer(p, at, true, c, jsonString(c.Params["text"]))
	case "editMessageMedia":
		r.picture(strings.Contains(c.Params["media"], "attach://"))
	case "sendMessage", "sendPhoto", "sendDocument":
		if c.Method == "sendPhoto" {
			r.picture(strings.HasPrefix(c.Params["photo"], "<file"))
		}
		chat, _ := strconv.ParseInt(jsonString(c.Params["chat_id"]), 10, 64)
		if !r.users[chat] {
			return // the outbox writing to someone of the demo company
		}
		q := r.messages[chat]
		if len(q) == 0 {
			r.extra++
			return
		}
		r.messages[chat] = q[1:]
		r.answer(q[0], at, c.Method == "sendPhoto", c, jsonString(c.Params["text"]))
	default:
		if c.Code != 200 && !strings.Contains(c.Error, "message is not modified") && r.measuring {
			r.fail(c)
		}
	}
}

// picture counts a card sent while measuring.
func (r *recorder) picture(upload bool) {
	if !r.measuring {
		return
	}
	r.pictures++
	if upload {
		r.uploads++
	}
}

// answer records the reply to p.
func (r *recorder) answer(p pendingUpdate, at time.Time, card bool, c telegramtest.Call, text string) {
	if !p.measured {
		return
	}
	r.answered++
	r.lastAnswer = at
	switch {
	case c.Code != 200 || containsAny(text, r.sorry):
		r.fail(c)
	case containsAny(text, r.busy):
		r.shed++
	default:
		r.samples = append(r.samples, sample{at.Sub(p.at), card, p.command})
	}
}

func (r *recorder) fail(c telegramtest.Call) {
	r.failed++
	if len(r.errorSamples) < 5 {
		r.errorSamples = append(r.errorSamples, c.Method+": "+strconv.Itoa(c.Code)+" "+c.Error)
	}
}

// sending notes an update about to be sent, so that one not yet offered
// to the bot counts as waiting.
func (r *recorder) sending() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent++
}

// unanswered counts the measured updates still waiting for a reply, and
// any update the bot has not taken yet.
func (r *recorder) unanswered() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.sent - r.offeredAll
	for _, q := range r.messages {
		for _, p := range q {
			if p.measured {
				n++
			}
		}
	}
	for _, p := range r.callbacks {
		if p.measured {
			n++
		}
	}
	return n
}

// waiting counts every update still waiting for a reply, measured or not.
func (r *recorder) waiting() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.sent - r.offeredAll + len(r.callbacks)
	for _, q := range r.messages {
		n += len(q)
	}
	return n
}

// latencies are the percentiles of one kind of reply.
type latencies struct {
	n                  int
	p50, p95, p99, max time.Duration
}

func percentiles(ss []sample, keep func(sample) bool) latencies {
	var ds []time.Duration
	for _, s := range ss {
		if keep(s) {
			ds = append(ds, s.d)
		}
	}
	if len(ds) == 0 {
		return latencies{}
	}
	slices.Sort(ds)
	at := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return latencies{n: len(ds), p50: at(0.50), p95: at(0.95), p99: at(0.99), max: ds[len(ds)-1]}
}

// jsonString reads a recorded parameter: JSON text for JSON requests, the
// plain value for form fields.
func jsonString(v string) string {
	if strings.HasPrefix(v, `"`) {
		var s string
		if json.Unmarshal([]byte(v), &s) == nil {
			return s
		}
	}
	return v
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if s != "" && strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
