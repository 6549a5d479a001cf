package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// webhookState is the webhook as setWebhook set it, and how its
// deliveries went.
type webhookState struct {
	secret    string
	maxConns  int
	running   bool      // a delivery loop runs
	errDate   time.Time // the last failed delivery
	errMsg    string
	delivered int // updates answered 2xx
	refused   int // deliveries answered otherwise, or not at all
	retry     time.Duration
	duplicate bool // deliver every update twice, as Telegram may
}

// WithWebhookRetry sets how long the fake waits before delivering an
// update again after the bot did not answer it 2xx (default 20 ms; the
// real Telegram waits longer, and longer each time).
func WithWebhookRetry(d time.Duration) Option { return func(s *Server) { s.hook.retry = d } }

// WithDuplicateDeliveries makes the fake deliver every update to the
// webhook twice, the second time after the first was answered 200:
// Telegram does so when it missed the answer, and a bot must handle the
// update once all the same.
func WithDuplicateDeliveries() Option { return func(s *Server) { s.hook.duplicate = true } }

// WebhookStats is how the fake's webhook deliveries went.
type WebhookStats struct {
	Delivered int // updates the bot answered 2xx
	Refused   int // deliveries the bot answered otherwise, or not at all (each retried)
}

// WebhookStats returns the delivery counters so far.
func (s *Server) WebhookStats() WebhookStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return WebhookStats{Delivered: s.hook.delivered, Refused: s.hook.refused}
}

// setWebhook records the webhook and starts delivering queued updates to
// it, with the secret_token in the header Telegram uses, until it is
// deleted. Like Telegram, the fake delivers one update at a time, in
// order, and retries one the bot did not answer 2xx.
func (s *Server) setWebhook(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = req.str("url")
	s.hook.secret = req.str("secret_token")
	s.hook.maxConns = int(req.int("max_connections"))
	if s.hook.maxConns == 0 {
		s.hook.maxConns = 40
	}
	var allowed []string
	if req.has("allowed_updates") && req.decode("allowed_updates", &allowed) == nil && allowed != nil {
		s.allowed = map[string]bool{}
		for _, k := range allowed {
			s.allowed[k] = true
		}
	}
	if req.bool("drop_pending_updates") {
		s.updates = nil
	}
	if !s.hook.running && s.webhook != "" {
		s.hook.running = true
		go s.deliverLoop()
	}
	s.changeLocked()
	return true, nil
}

// deleteWebhook removes the webhook so the bot may poll again.
func (s *Server) deleteWebhook(_ context.Context, req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook, s.hook.secret = "", ""
	if req.bool("drop_pending_updates") {
		s.updates = nil
	}
	s.changeLocked()
	return true, nil
}

// getWebhookInfo answers the current webhook and how its deliveries go.
func (s *Server) getWebhookInfo(context.Context, *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := map[string]any{"url": s.webhook, "has_custom_certificate": false, "pending_update_count": len(s.updates)}
	if s.webhook != "" {
		info["max_connections"] = s.hook.maxConns
		if !s.hook.errDate.IsZero() {
			info["last_error_date"] = s.hook.errDate.Unix()
			info["last_error_message"] = s.hook.errMsg
		}
	}
	return info, nil
}

// Webhook returns the URL the bot set with setWebhook, "" when none.
func (s *Server) Webhook() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook
}

// deliverLoop posts queued updates to the webhook while one is set. Like
// Telegram it keeps up to max_connections posts open at once, and posts a
// chat's next update only once its previous one was answered, so a chat's
// updates arrive in order. A failed post holds every delivery back for
// the retry interval; the update is posted again after it.
func (s *Server) deliverLoop() {
	client := &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second}}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.hook.running = false }()
	posting := map[int64]bool{} // chats with an update being posted
	inFlight := 0
	var pauseUntil time.Time
	for {
		if (s.webhook == "" || s.isDone()) && inFlight == 0 {
			return
		}
		u, chat, ok := s.nextDelivery(posting, inFlight, pauseUntil)
		if !ok {
			changed := s.changed
			var wait <-chan time.Time
			if d := time.Until(pauseUntil); d > 0 {
				wait = time.After(d)
			}
			s.mu.Unlock()
			select {
			case <-changed:
			case <-wait:
			case <-s.done:
				if inFlight == 0 {
					s.mu.Lock()
					return
				}
				<-changed // the posts under way end soon: their client times out
			}
			s.mu.Lock()
			continue
		}
		posting[chat], inFlight = true, inFlight+1
		url, secret := s.webhook, s.hook.secret
		s.offered(u, time.Now()) // for the load tool (observe.go); nothing without an observer
		go func() {
			err := deliverOne(client, url, secret, u)
			if err == nil && s.hook.duplicate {
				err = deliverOne(client, url, secret, u)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			delete(posting, chat)
			inFlight--
			if err != nil {
				s.hook.refused++
				s.hook.errDate, s.hook.errMsg = time.Now(), err.Error()
				pauseUntil = time.Now().Add(s.hook.retry)
			} else {
				s.hook.delivered++
				s.dropUpdate(u.id)
			}
			s.changeLocked()
		}()
	}
}

// nextDelivery is the oldest queued update whose chat has no post under
// way, when another post may start now; s.mu must be held.
func (s *Server) nextDelivery(posting map[int64]bool, inFlight int, pauseUntil time.Time) (update, int64, bool) {
	if s.webhook == "" || s.isDone() || inFlight >= max(s.hook.maxConns, 1) || time.Now().Before(pauseUntil) {
		return update{}, 0, false
	}
	for _, u := range s.updates {
		if chat := updateChat(u); !posting[chat] {
			return u, chat, true
		}
	}
	return update{}, 0, false
}

// dropUpdate removes a delivered update from the queue; s.mu must be held.
func (s *Server) dropUpdate(id int) {
	for i, u := range s.updates {
		if u.id == id {
			s.updates = append(s.updates[:i:i], s.updates[i+1:]...)
			return
		}
	}
}

// updateChat is the chat an update belongs to for ordering: where it
// happens, or the presser of a button under an inline message.
func updateChat(u update) int64 {
	body, _ := u.body.(map[string]any)
	if u.kind == "callback_query" {
		if m, ok := body["message"].(map[string]any); ok {
			body = m
		} else if from, ok := body["from"].(map[string]any); ok {
			id, _ := from["id"].(int64)
			return id
		}
	}
	if chat, ok := body["chat"].(map[string]any); ok {
		id, _ := chat["id"].(int64)
		return id
	}
	return 0
}

// deliverOne delivers one update as Telegram does.
func deliverOne(client *http.Client, url, secret string, u update) error {
	body, err := json.Marshal(map[string]any{"update_id": u.id, u.kind: u.body})
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("Connection failed")
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("Wrong response from the webhook: %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return nil
}
