package telegramtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a testing.TB that collects Errorf calls instead of failing,
// so a test can check that the fake reported a violation. Fatal and
// everything else still go to the real test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func newRecorder(t testing.TB) *recorder { return &recorder{TB: t} }

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Error(args ...any) { r.Errorf("%s", fmt.Sprint(args...)) }

// Fatalf records and ends the calling goroutine; use it through fatal.
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

// fatal runs f with a recorder in its own goroutine, so a Fatalf inside ends
// only that goroutine, and returns what f reported.
func fatal(t testing.TB, f func(tb testing.TB)) string {
	rec := newRecorder(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(rec)
	}()
	<-done
	return rec.reported()
}

// reported returns the collected errors joined, for substring checks.
func (r *recorder) reported() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

// call sends a JSON Bot API call the way telebot does and returns the HTTP
// status, Telegram's description and the result.
func call(t testing.TB, srv *Server, method string, params map[string]any) (int, string, json.RawMessage) {
	t.Helper()
	body, err := json.Marshal(params)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(srv.URL+"/bot123:TEST/"+method, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("post %s: %v", method, err)
	}
	defer resp.Body.Close()
	var answer struct {
		OK          bool            `json:"ok"`
		Description string          `json:"description"`
		Result      json.RawMessage `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		t.Fatalf("decode %s answer: %v", method, err)
	}
	return resp.StatusCode, answer.Description, answer.Result
}

// post is call for when only the outcome matters.
func post(t testing.TB, srv *Server, method string, params map[string]any) (int, string) {
	t.Helper()
	code, desc, _ := call(t, srv, method, params)
	return code, desc
}

// button builds reply_markup text with one inline button.
func button(fields string) string {
	return `{"inline_keyboard":[[` + fields + `]]}`
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		params   map[string]any
		code     int    // HTTP status the fake answers
		desc     string // part of Telegram's description
		reported string // part of the test failure; "" when none is wanted
	}{
		{"valid telebot-style text", "sendMessage", map[string]any{"chat_id": "1", "text": "<b>ok</b> &lt;3", "parse_mode": "HTML", "disable_notification": "true", "reply_to_message_id": "1"}, 200, "", ""},
		{"valid telebot button", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": button(`{"unique":"crm","text":"CRM","callback_data":"\fcrm","switch_inline_query_current_chat":""}`)}, 200, "", ""},
		{"empty telebot markup", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": "{}"}, 200, "", ""},
		{"native JSON values", "sendMessage", map[string]any{"chat_id": 1, "text": "x", "disable_notification": true}, 200, "", ""},
		{"unknown method", "sendMesage", map[string]any{"chat_id": "1", "text": "x"}, 404, "Not Found", "unknown Bot API method"},
		{"missing chat_id", "sendMessage", map[string]any{"text": "x"}, 400, "chat_id is empty", `"chat_id": required`},
		{"missing text", "sendMessage", map[string]any{"chat_id": "1"}, 400, "message text is empty", `"text": required`},
		{"unknown parameter", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "colour": "red"}, 400, "unknown parameter colour", `"colour": unknown parameter`},
		{"telebot spoiler typo", "sendPhoto", map[string]any{"chat_id": "1", "photo": "x", "spoiler": "true"}, 400, "unknown parameter spoiler", "has_spoiler"},
		{"integer", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "message_thread_id": "seven"}, 400, "message_thread_id", "must be Integer"},
		{"boolean", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "disable_notification": "maybe"}, 400, "disable_notification", "must be Boolean"},
		{"chat_id neither integer nor string", "sendMessage", map[string]any{"chat_id": map[string]any{"id": 1}, "text": "x"}, 400, "chat_id", "must be"},
		{"JSON object", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": "{inline_keyboard"}, 400, "reply_markup", "JSON-serialized"},
		{"nested field type", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": `{"inline_keyboard":[[{"text":1,"callback_data":"a"}]]}`}, 400, "reply_markup", ".text must be String"},
		{"nested required field", "setMyCommands", map[string]any{"commands": `[{"command":"start","description":"Go"}]`, "scope": `{"type":"chat"}`}, 400, "scope", "scope.chat_id is required"},
		{"union kind", "setMyCommands", map[string]any{"commands": `[{"command":"start","description":"Go"}]`, "scope": `{"type":"everyone"}`}, 400, "scope", "not a kind of BotCommandScope"},
		{"command name", "setMyCommands", map[string]any{"commands": `[{"command":"/Start","description":"Go"}]`}, 400, "BOT_COMMAND_INVALID", "without the slash"},
		{"text too long", "sendMessage", map[string]any{"chat_id": "1", "text": strings.Repeat("a", 4097)}, 400, "message is too long", "4097 UTF-16"},
		{"text at limit after HTML", "sendMessage", map[string]any{"chat_id": "1", "text": "<b>" + strings.Repeat("я", 4096) + "</b>", "parse_mode": "HTML"}, 200, "", ""},
		{"entities count as visible text", "sendMessage", map[string]any{"chat_id": "1", "text": strings.Repeat("&amp;", 4096), "parse_mode": "HTML"}, 200, "", ""},
		{"emoji count twice", "sendMessage", map[string]any{"chat_id": "1", "text": strings.Repeat("😀", 2049)}, 400, "message is too long", "4098 UTF-16"},
		{"caption too long", "sendPhoto", map[string]any{"chat_id": "1", "photo": "x", "caption": strings.Repeat("b", 1025)}, 400, "message caption is too long", `"caption"`},
		{"empty text after HTML", "sendMessage", map[string]any{"chat_id": "1", "text": "<b> </b>", "parse_mode": "HTML"}, 400, "message text is empty", "empty"},
		{"callback data too long", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": button(`{"text":"A","callback_data":"` + strings.Repeat("d", 65) + `"}`)}, 400, "BUTTON_DATA_INVALID", "65 bytes"},
		{"button without action", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": button(`{"text":"A","switch_inline_query_current_chat":""}`)}, 400, "text buttons are unallowed", "no action"},
		{"button with two actions", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "reply_markup": button(`{"text":"A","callback_data":"a","url":"https://example.com"}`)}, 400, "inline keyboard button", "more than one action"},
		{"unknown tag", "sendMessage", map[string]any{"chat_id": "1", "text": "<div>x</div>", "parse_mode": "HTML"}, 400, `Unsupported start tag "div"`, "malformed HTML"},
		{"unclosed tag", "sendMessage", map[string]any{"chat_id": "1", "text": "<b>x", "parse_mode": "HTML"}, 400, "Can't find end tag", "malformed HTML"},
		{"unescaped ampersand", "sendMessage", map[string]any{"chat_id": "1", "text": "R&D", "parse_mode": "HTML"}, 400, "can't parse entities", `unescaped "&"`},
		{"caption HTML", "sendPhoto", map[string]any{"chat_id": "1", "photo": "x", "caption": "<i>x</b>", "parse_mode": "HTML"}, 400, "Unmatched end tag", "malformed HTML"},
		{"unsupported parse_mode", "sendMessage", map[string]any{"chat_id": "1", "text": "x", "parse_mode": "HTM"}, 400, "unsupported parse_mode", "HTM"},
		{"unknown chat", "sendMessage", map[string]any{"chat_id": "-5", "text": "x"}, 400, "chat not found", "no chat -5"},
		{"edit missing message", "editMessageText", map[string]any{"chat_id": "1", "message_id": "99", "text": "x"}, 400, "message to edit not found", "has no message 99"},
		{"edit without text", "editMessageText", map[string]any{"chat_id": "1", "message_id": "1"}, 400, "message text is empty", "without text"},
		{"edit user message", "editMessageText", map[string]any{"chat_id": "1", "message_id": "1", "text": "x"}, 400, "message can't be edited", "sent by the user"},
		{"delete missing message", "deleteMessage", map[string]any{"chat_id": "1", "message_id": "99"}, 400, "message to delete not found", "has no message 99"},
		{"unknown callback", "answerCallbackQuery", map[string]any{"callback_query_id": "42"}, 400, "query ID is invalid", `no callback query "42"`},
		{"unknown file", "getFile", map[string]any{"file_id": "nope"}, 400, "invalid file_id", "unknown file"},
		{"photo by unknown file_id", "sendPhoto", map[string]any{"chat_id": "1", "photo": "nope"}, 400, "wrong file identifier", "unknown file_id"},
		{"chat action", "sendChatAction", map[string]any{"chat_id": "1", "action": "dancing"}, 400, "wrong parameter action", "not a chat action"},
		{"method the fake lacks", "sendPoll", map[string]any{"chat_id": "1", "question": "?", "options": `[{"text":"a"},{"text":"b"}]`}, 400, "not supported by the fake", "does not implement"},
		{"true-only method accepted", "setMyDescription", map[string]any{"description": "Dashboards"}, 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t)
			srv := NewServer(rec)
			srv.SendText(alice, "hello")
			code, desc := post(t, srv, tt.method, tt.params)
			if code != tt.code || !strings.Contains(desc, tt.desc) {
				t.Errorf("answer = %d %q, want %d containing %q", code, desc, tt.code, tt.desc)
			}
			got := rec.reported()
			switch {
			case tt.reported == "" && got != "":
				t.Errorf("reported %q, want nothing", got)
			case tt.reported != "" && !strings.Contains(got, tt.reported):
				t.Errorf("reported %q, want it to contain %q", got, tt.reported)
			case tt.reported != "" && !strings.Contains(got, tt.method):
				t.Errorf("report %q does not name the method %s", got, tt.method)
			}
		})
	}
}

// TestNotModifiedIsNoViolation checks that an edit changing nothing gets
// Telegram's 400 but fails no test: coping with it is the bot's job.
func TestNotModifiedIsNoViolation(t *testing.T) {
	rec := newRecorder(t)
	srv := NewServer(rec)
	srv.SendText(alice, "hi")
	markup := button(`{"text":"A","callback_data":"a"}`)
	if code, desc := post(t, srv, "sendMessage", map[string]any{"chat_id": "1", "text": "<b>x</b>", "parse_mode": "HTML", "reply_markup": markup}); code != 200 {
		t.Fatalf("send: %d %s", code, desc)
	}
	msg := srv.WaitForText(t, alice.ID)
	edit := map[string]any{"chat_id": "1", "message_id": fmt.Sprint(msg.ID), "text": "<strong>x</strong>", "parse_mode": "HTML", "reply_markup": markup}
	code, desc := post(t, srv, "editMessageText", edit)
	if code != 400 || !strings.HasPrefix(desc, "Bad Request: message is not modified: ") {
		t.Errorf("identical edit answered %d %q", code, desc)
	}
	delete(edit, "reply_markup") // dropping the keyboard is a change
	if code, desc := post(t, srv, "editMessageText", edit); code != 200 {
		t.Errorf("edit removing the keyboard answered %d %q", code, desc)
	}
	if got := srv.WaitForEdit(t, msg); len(got.Buttons()) != 0 || got.Edits != 1 {
		t.Errorf("after edit: buttons %v, edits %d", got.Buttons(), got.Edits)
	}
	if got := rec.reported(); got != "" {
		t.Errorf("reported %q, want nothing", got)
	}
}

// TestCallbackAnswers checks double answers and the check at cleanup.
func TestCallbackAnswers(t *testing.T) {
	var rec *recorder
	t.Run("unanswered at cleanup", func(t *testing.T) {
		rec = newRecorder(t)
		srv := NewServer(rec, WithTimeout(50*time.Millisecond))
		msg := srv.SendText(alice, "hi")
		id := srv.PressData(alice, msg, "\fstale|1")
		if code, _ := post(t, srv, "answerCallbackQuery", map[string]any{"callback_query_id": id, "text": "ok"}); code != 200 {
			t.Fatalf("first answer failed")
		}
		if code, _ := post(t, srv, "answerCallbackQuery", map[string]any{"callback_query_id": id}); code != 400 {
			t.Errorf("second answer accepted")
		}
		srv.PressData(bob, msg, "\fnever")
	})
	got := rec.reported()
	for _, want := range []string{"answered twice", "never answered", `data "\fnever"`} {
		if !strings.Contains(got, want) {
			t.Errorf("reported %q, want it to contain %q", got, want)
		}
	}
}
