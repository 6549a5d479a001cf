package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"
)

// Poller is a long poller for getUpdates. telebot's own retries in a
// tight loop when Telegram is unreachable and cannot be interrupted while
// a long poll is open; this one backs off exponentially and stops at once,
// so a shutdown never waits for a poll to time out.
type Poller struct {
	URL        string // Bot API base URL
	Token      string
	Timeout    time.Duration // how long Telegram may hold a poll open
	MaxBackoff time.Duration
	Client     *http.Client
	Logger     *slog.Logger
	// AllowedUpdates limits what Telegram sends; nil means the bot's needs.
	AllowedUpdates []string
	// Leader, when set, lets only the replica that leads poll: Telegram
	// allows one getUpdates consumer per bot. Polling stops when the term
	// ends and starts again on the next one.
	Leader interface {
		Await(ctx context.Context) (term <-chan struct{}, err error)
	}
	// BeforePolling runs at the start of every term, before the first
	// poll: it deletes a webhook left from webhook mode, which would make
	// every getUpdates fail. Its error is logged, and polling goes on.
	BeforePolling func(ctx context.Context) error
	// Done, when closed, ends polling as telebot's stop does, but leaves
	// the bot's client alone: handlers under way finish their replies,
	// which telebot's Stop would cancel. Run closes it first at shutdown,
	// waits for the handlers, then stops the bot.
	Done <-chan struct{}
}

// Poll implements tele.Poller.
func (p *Poller) Poll(b *tele.Bot, dest chan tele.Update, stop chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-stop:
		case <-p.Done:
		case <-ctx.Done():
		}
		cancel()
	}()
	offset := 0
	for ctx.Err() == nil {
		term := ctx
		if p.Leader != nil {
			ended, err := p.Leader.Await(ctx)
			if err != nil {
				return
			}
			var cancelTerm context.CancelFunc
			term, cancelTerm = context.WithCancel(ctx)
			go func() {
				select {
				case <-ended:
				case <-term.Done():
				}
				cancelTerm()
			}()
		}
		if p.BeforePolling != nil {
			if err := p.BeforePolling(term); err != nil && term.Err() == nil {
				p.log().Warn("prepare polling", "err", redact(err.Error(), p.Token))
			}
		}
		if !p.pollTerm(term, ctx, dest, &offset) {
			return
		}
	}
}

// pollTerm polls until ctx (the term) ends, and reports false when
// stopped (the bot's stop) ended it.
func (p *Poller) pollTerm(ctx, stopped context.Context, dest chan tele.Update, offset *int) bool {
	backoff := time.Duration(0)
	for ctx.Err() == nil {
		updates, retryAfter, err := p.fetch(ctx, *offset)
		if err != nil {
			if ctx.Err() != nil {
				return stopped.Err() == nil
			}
			backoff = nextBackoff(backoff, p.maxBackoff())
			wait := max(backoff, retryAfter)
			p.log().Warn("getUpdates failed, retrying", "err", err, "in", wait)
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return stopped.Err() == nil
			}
			continue
		}
		backoff = 0
		for _, u := range updates {
			*offset = u.ID + 1
			// Handed over even when the term just ended: it was fetched,
			// and only this poller's next offset would confirm it.
			select {
			case dest <- u:
			case <-stopped.Done():
				return false
			}
		}
	}
	return stopped.Err() == nil
}

func nextBackoff(cur, limit time.Duration) time.Duration {
	if cur == 0 {
		return 500 * time.Millisecond
	}
	return min(cur*2, limit)
}

func (p *Poller) maxBackoff() time.Duration {
	if p.MaxBackoff > 0 {
		return p.MaxBackoff
	}
	return time.Minute
}

func (p *Poller) log() *slog.Logger {
	if p.Logger != nil {
		return p.Logger
	}
	return slog.Default()
}

// defaultAllowedUpdates are the updates the bot handles: Telegram then
// does not bother it with reactions, polls and the like.
var defaultAllowedUpdates = []string{"message", "callback_query", "my_chat_member"}

type updatesResponse struct {
	OK          bool          `json:"ok"`
	Result      []tele.Update `json:"result"`
	ErrorCode   int           `json:"error_code"`
	Description string        `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// fetch makes one getUpdates call. Errors never contain the request URL,
// which holds the token.
func (p *Poller) fetch(ctx context.Context, offset int) ([]tele.Update, time.Duration, error) {
	allowed := p.AllowedUpdates
	if allowed == nil {
		allowed = defaultAllowedUpdates
	}
	body, _ := json.Marshal(map[string]any{
		"offset": offset, "timeout": int(p.Timeout / time.Second), "allowed_updates": allowed,
	})
	url := strings.TrimRight(p.URL, "/") + "/bot" + p.Token + "/getUpdates"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, 0, fmt.Errorf("build getUpdates request")
	}
	req.Header.Set("Content-Type", "application/json")
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: p.Timeout + 15*time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("getUpdates: %s", redact(err.Error(), p.Token))
	}
	defer resp.Body.Close()
	var r updatesResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, 0, fmt.Errorf("getUpdates: HTTP %d, unreadable answer", resp.StatusCode)
	}
	if !r.OK {
		return nil, time.Duration(r.Parameters.RetryAfter) * time.Second,
			fmt.Errorf("getUpdates: %d %s", r.ErrorCode, r.Description)
	}
	return r.Result, 0, nil
}

// redact removes the bot token from a text that may be logged.
func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}
