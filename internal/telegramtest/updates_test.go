package telegramtest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"processet/internal/testwait"
)

// wireUpdate is the part of an Update these tests look at.
type wireUpdate struct {
	ID      int `json:"update_id"`
	Message *struct {
		Text     string `json:"text"`
		Entities []struct {
			Type   string `json:"type"`
			Length int    `json:"length"`
		} `json:"entities"`
		From struct {
			ID int64 `json:"id"`
		} `json:"from"`
		Chat struct {
			ID   int64  `json:"id"`
			Type string `json:"type"`
		} `json:"chat"`
	} `json:"message"`
	Callback *struct {
		ID   string `json:"id"`
		Data string `json:"data"`
	} `json:"callback_query"`
}

// poll calls getUpdates and returns the updates and how long it took.
func poll(t *testing.T, srv *Server, params map[string]any) ([]wireUpdate, time.Duration) {
	t.Helper()
	start := time.Now()
	code, desc, result := call(t, srv, "getUpdates", params)
	if code != 200 {
		t.Fatalf("getUpdates: %d %s", code, desc)
	}
	var ups []wireUpdate
	if err := json.Unmarshal(result, &ups); err != nil {
		t.Fatalf("decode updates: %v", err)
	}
	return ups, time.Since(start)
}

func TestLongPolling(t *testing.T) {
	srv := NewServer(t)

	ups, took := poll(t, srv, map[string]any{"offset": "0", "timeout": "1", "allowed_updates": "null"})
	if len(ups) != 0 || took < 900*time.Millisecond {
		t.Errorf("empty poll returned %d updates after %v, want none after ~1s", len(ups), took)
	}

	go func() {
		testwait.Until(testwait.Timeout, func() bool { return srv.PollsOpen() > 0 }) // the poll below is open
		srv.SendText(alice, "/start@processet_test_bot now")
	}()
	// The poll answers because of the update, not because its timeout ran out.
	ups, took = poll(t, srv, map[string]any{"offset": "0", "timeout": "60"})
	if took >= 60*time.Second {
		t.Errorf("poll ran to its timeout (%v) although an update arrived", took)
	}
	if len(ups) != 1 || ups[0].Message == nil {
		t.Fatalf("updates = %+v, want one message", ups)
	}
	m := ups[0].Message
	if m.Text != "/start@processet_test_bot now" || m.From.ID != alice.ID || m.Chat.ID != alice.ID || m.Chat.Type != "private" {
		t.Errorf("message = %+v", m)
	}
	if len(m.Entities) != 1 || m.Entities[0].Type != "bot_command" || m.Entities[0].Length != len("/start@processet_test_bot") {
		t.Errorf("entities = %+v, want one bot_command over the command", m.Entities)
	}

	// Unconfirmed updates come again; an offset past them confirms them.
	if ups, _ := poll(t, srv, map[string]any{"timeout": "0"}); len(ups) != 1 {
		t.Errorf("unconfirmed update not repeated: %+v", ups)
	}
	if ups, _ := poll(t, srv, map[string]any{"offset": ups[0].ID + 1, "timeout": 0}); len(ups) != 0 {
		t.Errorf("confirmed update repeated: %+v", ups)
	}

	// A bot that asks for messages only never sees callback queries.
	poll(t, srv, map[string]any{"timeout": "0", "allowed_updates": `["message"]`})
	msg := srv.Messages(alice.ID)[0]
	id := srv.PressData(alice, msg, "x")
	srv.SendText(alice, "after")
	ups, _ = poll(t, srv, map[string]any{"timeout": "0"})
	if len(ups) != 1 || ups[0].Message == nil || ups[0].Message.Text != "after" {
		t.Errorf("updates = %+v, want only the message", ups)
	}
	post(t, srv, "answerCallbackQuery", map[string]any{"callback_query_id": id})
}

func TestLimitAndNegativeOffset(t *testing.T) {
	srv := NewServer(t)
	for _, text := range []string{"a", "b", "c"} {
		srv.SendText(alice, text)
	}
	ups, _ := poll(t, srv, map[string]any{"timeout": "0", "limit": "2"})
	if len(ups) != 2 || ups[0].Message.Text != "a" {
		t.Errorf("limit 2: %+v", ups)
	}
	ups, _ = poll(t, srv, map[string]any{"timeout": "0", "offset": "-1"})
	if len(ups) != 1 || ups[0].Message.Text != "c" {
		t.Errorf("offset -1: %+v", ups)
	}
}

func TestWebhookBlocksPolling(t *testing.T) {
	rec := newRecorder(t)
	srv := NewServer(rec)
	if code, desc := post(t, srv, "setWebhook", map[string]any{"url": "https://bot.example.com/hook"}); code != 200 {
		t.Fatalf("setWebhook: %d %s", code, desc)
	}
	if got := srv.Webhook(); got != "https://bot.example.com/hook" {
		t.Errorf("webhook = %q", got)
	}
	code, desc := post(t, srv, "getUpdates", map[string]any{"timeout": "0"})
	if code != 409 || !strings.Contains(desc, "webhook is active") || !strings.Contains(rec.reported(), "webhook is set") {
		t.Errorf("getUpdates with a webhook: %d %q, reported %q", code, desc, rec.reported())
	}
	post(t, srv, "deleteWebhook", map[string]any{"drop_pending_updates": false})
	if code, _ := post(t, srv, "getUpdates", map[string]any{"timeout": "0"}); code != 200 {
		t.Errorf("getUpdates after deleteWebhook: %d", code)
	}
}

func TestSecondPollerIsTerminated(t *testing.T) {
	srv := NewServer(t)
	done := make(chan int)
	go func() {
		code, _ := post(t, srv, "getUpdates", map[string]any{"timeout": "5"})
		done <- code
	}()
	testwait.Eventually(t, "the first poll to open", func() bool { return srv.PollsOpen() > 0 })
	poll(t, srv, map[string]any{"timeout": "0"})
	if code := <-done; code != 409 {
		t.Errorf("older getUpdates answered %d, want 409", code)
	}
}
