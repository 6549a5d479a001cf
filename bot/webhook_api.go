package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// API makes the Bot API calls about how updates arrive (setWebhook,
// deleteWebhook, getWebhookInfo), which telebot covers only in part: its
// Webhook type has no secret_token. Errors never contain the token.
type API struct {
	URL    string // Bot API base URL
	Token  string
	Client *http.Client
}

// WebhookInfo is what getWebhookInfo says, for /status.
type WebhookInfo struct {
	URL            string
	Pending        int       // updates Telegram holds for the bot
	LastError      string    // Telegram's last failure to deliver, if any
	LastErrorAt    time.Time // zero when none
	MaxConnections int
}

// WebhookMaxConnections is the max_connections the bot asks for. Each
// webhook call is one insert, answered in about a millisecond, so
// Telegram's own default of 40 parallel connections is far from what a
// replica takes and keeps a burst of updates from queueing at Telegram.
const WebhookMaxConnections = 40

// SetWebhook points Telegram at url with the secret it must send back.
func (a API) SetWebhook(ctx context.Context, url, secret string) error {
	return a.call(ctx, "setWebhook", map[string]any{
		"url": url, "secret_token": secret, "max_connections": WebhookMaxConnections,
		"allowed_updates": defaultAllowedUpdates,
	}, nil)
}

// DeleteWebhook switches Telegram back to getUpdates. Pending updates are
// kept: polling picks them up.
func (a API) DeleteWebhook(ctx context.Context) error {
	return a.call(ctx, "deleteWebhook", map[string]any{"drop_pending_updates": false}, nil)
}

// GetWebhookInfo asks Telegram how its deliveries go.
func (a API) GetWebhookInfo(ctx context.Context) (WebhookInfo, error) {
	var r struct {
		URL              string `json:"url"`
		Pending          int    `json:"pending_update_count"`
		LastErrorDate    int64  `json:"last_error_date"`
		LastErrorMessage string `json:"last_error_message"`
		MaxConnections   int    `json:"max_connections"`
	}
	if err := a.call(ctx, "getWebhookInfo", map[string]any{}, &r); err != nil {
		return WebhookInfo{}, err
	}
	info := WebhookInfo{URL: r.URL, Pending: r.Pending, LastError: r.LastErrorMessage, MaxConnections: r.MaxConnections}
	if r.LastErrorDate > 0 {
		info.LastErrorAt = time.Unix(r.LastErrorDate, 0)
	}
	return info, nil
}

// GetMe checks that Telegram answers.
func (a API) GetMe(ctx context.Context) error {
	return a.call(ctx, "getMe", map[string]any{}, nil)
}

func (a API) call(ctx context.Context, method string, params map[string]any, result any) error {
	body, _ := json.Marshal(params)
	url := strings.TrimRight(a.URL, "/") + "/bot" + a.Token + "/" + method
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build %s request", method)
	}
	req.Header.Set("Content-Type", "application/json")
	client := a.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %s", method, redact(err.Error(), a.Token))
	}
	defer resp.Body.Close()
	var r struct {
		OK          bool            `json:"ok"`
		Result      json.RawMessage `json:"result"`
		ErrorCode   int             `json:"error_code"`
		Description string          `json:"description"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("%s: HTTP %d, unreadable answer", method, resp.StatusCode)
	}
	if !r.OK {
		return fmt.Errorf("%s: %d %s", method, r.ErrorCode, r.Description)
	}
	if result != nil {
		if err := json.Unmarshal(r.Result, result); err != nil {
			return fmt.Errorf("%s: unreadable result", method)
		}
	}
	return nil
}
