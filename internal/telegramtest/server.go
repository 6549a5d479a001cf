// Package telegramtest is a fake Telegram Bot API for end-to-end tests: the
// real bot talks to it over HTTP through its configurable API URL, and the
// test plays Telegram users against it. Every request is checked against the
// official Bot API description, so a message Telegram would refuse fails the
// test here instead of in production.
//
//	tg := telegramtest.NewServer(t)
//	bot, _ := tele.NewBot(tele.Settings{URL: tg.URL, Token: "123:TEST", Poller: &tele.LongPoller{Timeout: time.Second}})
//	// … register handlers, go bot.Start(), t.Cleanup(bot.Stop)
//	alice := telegramtest.User{ID: 1, FirstName: "Alice", LanguageCode: "ru"}
//	tg.SendText(alice, "/start")
//	msg := tg.WaitForPhoto(t, alice.ID)
//	id := tg.Press(t, alice, msg, "CRM Сделки")
//	msg = tg.WaitForEdit(t, msg)
//	answer := tg.WaitForCallbackAnswer(t, id)
//
// Requests that break the API fail the test with t.Errorf and get the answer
// Telegram would give. Answers a correct bot must cope with ("message is not
// modified", 429, a blocked user) fail nothing.
package telegramtest

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"processet/internal/testwait"
)

// DefaultTimeout is how long the Wait helpers wait unless WithTimeout says
// otherwise: as long as testwait's, so that only what never comes reaches
// it, even under the race detector on a loaded machine.
const DefaultTimeout = testwait.Timeout

// Server is a fake Bot API server. Its methods are safe for concurrent use;
// those taking a testing.TB may stop the test and belong on its goroutine.
type Server struct {
	// URL is the API base URL to put in telebot's Settings.URL.
	URL string

	t       testing.TB
	http    *httptest.Server
	spec    *spec
	timeout time.Duration
	limits  *limiter // nil unless WithRateLimits
	// observer sees every update and request, for the load tool; nil
	// unless WithObserver.
	observer Observer

	mu        sync.Mutex
	changed   chan struct{} // closed and replaced on every change, to wake waiters
	done      chan struct{} // closed at cleanup, to end long polls
	closed    bool
	bot       User
	chats     map[int64]*chat
	files     map[string]*file
	updates   []update
	nextUpd   int
	allowed   map[string]bool // nil: Telegram's default set
	pollKick  chan struct{}
	polling   int // getUpdates calls waiting
	callbacks map[string]*callback
	cbOrder   []string
	looked    map[msgKey]int // edit counts WaitForEdit has already returned
	commands  map[string][]Command
	webhook   string // the URL setWebhook set; "" when none
	hook      webhookState
	failures  map[string][]*apiError
	calls     []Call
	stats     Stats
	seq       int
}

// Option configures a Server.
type Option func(*Server)

// WithBot sets who the bot is (what getMe answers).
func WithBot(u User) Option { return func(s *Server) { s.bot = u } }

// WithTimeout sets how long the Wait helpers wait before failing the test.
func WithTimeout(d time.Duration) Option { return func(s *Server) { s.timeout = d } }

// Call is one recorded Bot API request and how the fake answered it.
type Call struct {
	Method string
	Params map[string]string // JSON values as their JSON text, files as "<file …>"
	Code   int               // HTTP status of the answer
	Error  string            // Telegram's description when Code is not 200
}

// NewServer starts a fake Bot API server that stops when the test ends. Any
// bot token is accepted.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	sp, err := loadSpec()
	if err != nil {
		t.Fatalf("telegramtest: %v", err)
	}
	s := &Server{
		t:         t,
		spec:      sp,
		timeout:   DefaultTimeout,
		changed:   make(chan struct{}),
		done:      make(chan struct{}),
		bot:       User{ID: 7000000001, FirstName: "Processet", Username: "processet_test_bot"},
		chats:     map[int64]*chat{},
		files:     map[string]*file{},
		nextUpd:   1,
		pollKick:  make(chan struct{}),
		callbacks: map[string]*callback{},
		looked:    map[msgKey]int{},
		commands:  map[string][]Command{},
		failures:  map[string][]*apiError{},
		stats:     Stats{Delivered: map[int64]int{}},
	}
	for _, o := range opts {
		o(s)
	}
	s.hook.retry = cmp.Or(s.hook.retry, 20*time.Millisecond)
	s.http = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.http.URL
	t.Cleanup(s.close)
	return s
}

// close checks the callbacks, ends long polls and stops the server.
func (s *Server) close() {
	if !s.t.Failed() {
		s.checkCallbacks(s.t, min(2*time.Second, s.timeout))
	}
	s.mu.Lock()
	close(s.done)
	s.mu.Unlock()
	s.http.Close()
	s.mu.Lock()
	s.closed = true // the test is over: t must not be used from handlers any more
	s.mu.Unlock()
}

// apiError is an unsuccessful answer. reasons say why the test fails; an
// answer without reasons is one a correct bot must expect (429, "message is
// not modified", a blocked user) and fails nothing.
type apiError struct {
	code    int
	desc    string
	params  map[string]any
	reasons []string
	note    string // logged, for answers that are legitimate but may surprise
}

// violation is a 400 answer that also fails the test.
func violation(desc, reason string, args ...any) *apiError {
	return &apiError{code: http.StatusBadRequest, desc: "Bad Request: " + desc, reasons: []string{fmt.Sprintf(reason, args...)}}
}

// handler implements one method; it takes s.mu itself.
type handler func(s *Server, ctx context.Context, req *request) (any, *apiError)

// serve routes Bot API calls and file downloads.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.serveFile(w, r, rest)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, name, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || token == "" {
		writeJSON(w, http.StatusNotFound, map[string]any{"ok": false, "error_code": 404, "description": "Not Found"})
		return
	}
	at := time.Now()
	s.mu.Lock()
	s.stats.Requests++
	s.mu.Unlock()
	result, e, req := s.dispatch(r, name)
	call := s.finish(w, name, req, result, e)
	if s.observer != nil {
		s.observer.Requested(call, at)
	}
}

// dispatch validates a call and runs its handler.
func (s *Server) dispatch(r *http.Request, name string) (any, *apiError, *request) {
	m, ok := s.spec.method(name)
	if !ok {
		return nil, &apiError{code: http.StatusNotFound, desc: "Not Found", reasons: []string{"unknown Bot API method"}}, nil
	}
	req, err := parseRequest(r, m.Name)
	if err != nil {
		return nil, violation("can't parse request", "%v", err), nil
	}
	probs := validate(s.spec, m, req)
	for _, p := range checkContent(req) {
		if !slices.ContainsFunc(probs, func(q problem) bool { return q.param == p.param }) {
			probs = append(probs, p) // one report per parameter is enough
		}
	}
	if len(probs) > 0 {
		e := violation(probs[0].desc, "%s", probs[0])
		for _, p := range probs[1:] {
			e.reasons = append(e.reasons, p.String())
		}
		return nil, e, req
	}
	h, ok := handlers[m.Name]
	if !ok && !m.returnsOnlyTrue() {
		return nil, violation("method not supported by the fake", "valid method, but the fake does not implement it yet"), req
	}
	if e := s.gate(req); e != nil {
		return nil, e, req
	}
	if !ok {
		return true, nil, req
	}
	res, e := h(s, r.Context(), req)
	return res, e, req
}

// finish records the call, reports violations and writes the answer.
func (s *Server) finish(w http.ResponseWriter, name string, req *request, result any, e *apiError) Call {
	call := Call{Method: name, Code: http.StatusOK}
	if req != nil {
		call.Method, call.Params = req.method, req.flat()
	}
	if e != nil {
		call.Code, call.Error = e.code, e.desc
	}
	s.mu.Lock()
	s.calls = append(s.calls, call)
	if e != nil && e.code == http.StatusTooManyRequests {
		s.stats.TooManyRequests++
	}
	closed := s.closed
	s.changeLocked()
	s.mu.Unlock()
	if e == nil {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
		return call
	}
	if !closed {
		if e.note != "" {
			s.t.Logf("telegramtest: %s answered %d %q: %s", call.Method, e.code, e.desc, e.note)
		}
		for _, reason := range e.reasons {
			s.t.Errorf("telegramtest: %s: %s (answered %d %q)", call.Method, reason, e.code, e.desc)
		}
	}
	body := map[string]any{"ok": false, "error_code": e.code, "description": e.desc}
	if e.params != nil {
		body["parameters"] = e.params
	}
	writeJSON(w, e.code, body)
	return call
}

// writeJSON writes a JSON answer.
func writeJSON(w http.ResponseWriter, code int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}

// changeLocked wakes everyone waiting for a change; s.mu must be held.
func (s *Server) changeLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Calls returns the recorded requests to method ("" for all), in order.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			out = append(out, c)
		}
	}
	return out
}

// EditedTexts returns the texts of the accepted editMessageText calls of
// message messageID, in order, as the bot sent them (a form value as it
// is, a JSON body's string decoded).
func (s *Server) EditedTexts(messageID int) []string {
	var out []string
	for _, c := range s.Calls("editMessageText") {
		if c.Params["message_id"] != strconv.Itoa(messageID) || c.Code != 200 {
			continue
		}
		text := c.Params["text"]
		if strings.HasPrefix(text, `"`) {
			if err := json.Unmarshal([]byte(text), &text); err != nil {
				text = c.Params["text"]
			}
		}
		out = append(out, text)
	}
	return out
}

// nextSeq returns a fresh number for IDs; s.mu must be held.
func (s *Server) nextSeq() int {
	s.seq++
	return s.seq
}
