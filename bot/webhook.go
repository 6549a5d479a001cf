package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// SecretHeader is where Telegram puts the webhook's secret_token.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook body. Telegram's updates are a few
// kilobytes; a text of 4096 characters with its entities stays far below.
const maxUpdateBytes = 1 << 20

// updateSaver keeps received updates until they are handled.
type updateSaver interface {
	SaveUpdate(ctx context.Context, u domain.InboundUpdate) (fresh bool, err error)
}

// WebhookReceiver takes Telegram's webhook calls. It only checks the
// secret and stores the update, then answers 200: Telegram waits for the
// answer before sending the chat's next update, so it must be quick, and
// an update stored before the 200 is never lost. An update seen before
// (Telegram redelivers what was not answered in time; behind a load
// balancer another replica may have it) is answered 200 and dropped.
type WebhookReceiver struct {
	Secret string
	Store  updateSaver
	Wake   func() // tells the local worker there is work; may be nil
	Logger *slog.Logger
}

// ServeHTTP implements http.Handler.
func (rc *WebhookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log := rc.Logger
	if log == nil {
		log = slog.Default()
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(SecretHeader)
	if subtle.ConstantTimeCompare([]byte(got), []byte(rc.Secret)) != 1 {
		log.Warn("webhook call without the right secret token: refused", "remote", r.RemoteAddr, "has_token", got != "")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
	if err != nil {
		http.Error(w, "body too large or unreadable", http.StatusRequestEntityTooLarge)
		return
	}
	u, err := ParseUpdate(body)
	if err != nil {
		log.Warn("webhook body is not an update: refused", "err", err)
		http.Error(w, "not an update", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	fresh, err := rc.Store.SaveUpdate(ctx, u)
	if err != nil {
		// Not answered 200: Telegram delivers it again later.
		log.Error("store webhook update", "update_id", u.ID, "err", err)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	if !fresh {
		log.Debug("webhook update seen before: dropped", "update_id", u.ID)
	} else if rc.Wake != nil {
		log.Debug("webhook update stored", "update_id", u.ID)
		rc.Wake()
	}
	w.WriteHeader(http.StatusOK)
}

var errNoUpdateID = errors.New("no update_id")

// ParseUpdate reads a webhook body: the update's ID, the chat its order
// is kept in, and the body itself, compacted.
func ParseUpdate(body []byte) (domain.InboundUpdate, error) {
	var u tele.Update
	if err := json.Unmarshal(body, &u); err != nil {
		return domain.InboundUpdate{}, err
	}
	if u.ID <= 0 {
		return domain.InboundUpdate{}, errNoUpdateID
	}
	return domain.InboundUpdate{ID: int64(u.ID), ChatID: orderChat(u), Body: body}, nil
}

// orderChat is the chat whose updates must be handled in order: where the
// update happens, or for a button under an inline message, its presser.
func orderChat(u tele.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil && u.EditedMessage.Chat != nil:
		return u.EditedMessage.Chat.ID
	case u.Callback != nil && u.Callback.Message != nil && u.Callback.Message.Chat != nil:
		return u.Callback.Message.Chat.ID
	case u.Callback != nil && u.Callback.Sender != nil:
		return u.Callback.Sender.ID
	case u.MyChatMember != nil && u.MyChatMember.Chat != nil:
		return u.MyChatMember.Chat.ID
	case u.ChatMember != nil && u.ChatMember.Chat != nil:
		return u.ChatMember.Chat.ID
	}
	return 0
}
