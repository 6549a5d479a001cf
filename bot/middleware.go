package bot

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

const (
	ctxUser     = "user"
	ctxAnswered = "answered"
)

// recover turns a panic in a handler into an error (logged with its stack
// by bound, the user gets an apology), so one bad update cannot take the
// bot down. telebot's middleware.Recover is not used: it drops the stack
// and silently swallows panics whose value is neither an error nor a
// string, leaving the user without an answer.
func (h *Handler) recover(next tele.HandlerFunc) tele.HandlerFunc {
	return func(c tele.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%w: %v\n%s", errPanic, r, debug.Stack())
			}
		}()
		return next(c)
	}
}

// bound queues the update (see queue.go for the policy above capacity),
// runs it in its turn and tracks it for a graceful shutdown. An update
// the queue gives up is answered "too many requests". Every callback is
// answered on the way out, so the user's button never keeps spinning.
func (h *Handler) bound(next tele.HandlerFunc) tele.HandlerFunc {
	return func(c tele.Context) error {
		h.inflight.Add(1)
		defer h.inflight.Done()
		t := newTicket(queueKey(c), c.Update().ID, pressKey(c))
		h.queue.enter(t)
		if !<-t.turn {
			h.tooBusy(c)
			return nil
		}
		defer h.queue.leave(t.chat)
		h.running.Add(1)
		defer h.running.Add(-1)
		h.updates.Add(1)
		route := h.route(c)
		defer func(start time.Time) { h.observe.UpdateHandled(route, time.Since(start)) }(time.Now())
		if err := next(c); err != nil {
			h.errors.Add(1)
			h.observe.UpdateFailed(ErrorKind(err))
			h.report(c, err)
		}
		// Before leaving the line: the sender's next update, which waits
		// in it, must see the mark.
		if s := c.Sender(); s != nil && !h.views[route] {
			h.homes.changedBy(s.ID)
		}
		if c.Callback() != nil && c.Get(ctxAnswered) == nil {
			if err := c.Respond(); err != nil {
				h.logger(c).Error("answer callback", "err", err)
			}
		}
		return nil
	}
}

// queueKey is the line an update waits in: its sender, so that a
// person's updates run in order and one at a time, while the members of a
// group pressing at once do not wait for each other; the chat when there
// is no sender. In a private chat the two are the same.
func queueKey(c tele.Context) int64 {
	if s := c.Sender(); s != nil {
		return s.ID
	}
	if chat := c.Chat(); chat != nil {
		return chat.ID
	}
	return 0
}

// pressKey names a button press by its message and data, so that a press
// repeated while the first waits is spotted; "" for anything else.
func pressKey(c tele.Context) string {
	cb := c.Callback()
	if cb == nil {
		return ""
	}
	id := cb.MessageID
	if cb.Message != nil {
		id = strconv.Itoa(cb.Message.ID)
	}
	return id + "|" + cb.Unique + "|" + cb.Data
}

// AnswerLate answers, "too many requests", an update that waited too long
// for its turn before it reached the bot (in webhook mode, in the table of
// received updates), and counts it with the ones the queue gave up.
func (h *Handler) AnswerLate(u tele.Update) {
	h.queue.expiredElsewhere()
	h.tooBusy(h.bot.NewContext(u))
}

// tooBusy answers an update the queue gave up: a toast for a press, a
// short message for anything else, in the sender's language.
func (h *Handler) tooBusy(c tele.Context) {
	text := h.printer(c).T(i18n.TooBusy)
	var err error
	switch {
	case c.Callback() != nil:
		err = h.answer(c, text, false)
	case c.Chat() != nil && c.Message() != nil:
		err = c.Send(text)
	}
	if err != nil {
		h.log.Warn("answer an update given up", "update_id", c.Update().ID, "err", err)
	}
}

// identify records the sender and puts the stored user into the context.
// Admins named in the configuration are admins whatever the database says.
func (h *Handler) identify(next tele.HandlerFunc) tele.HandlerFunc {
	return func(c tele.Context) error {
		s := c.Sender()
		if s == nil || s.IsBot {
			return nil
		}
		ctx, cancel := h.ctx(c)
		defer cancel()
		role, force := domain.RolePending, false
		if h.isConfigAdmin(s.ID) {
			role, force = domain.RoleAdmin, true
		}
		u, _, err := h.store.TouchUserDroppingInput(ctx, domain.User{ID: s.ID, Username: s.Username, FirstName: s.FirstName,
			LastName: s.LastName, LanguageCode: s.LanguageCode}, role, force, movingOn(c))
		if err != nil {
			return err
		}
		c.Set(ctxUser, u)
		if chat := c.Chat(); chat != nil && chat.Type != tele.ChatPrivate {
			if err := h.store.TouchChat(ctx, chat.ID, string(chat.Type), chat.Title); err != nil {
				return err
			}
		}
		return next(c)
	}
}

// movingOn is the chat whose question the bot asked is dropped because
// the user does something else instead (presses a button, sends a
// command), so that their next words are not taken for a late answer; 0
// when the update may be that answer. identify drops it with the user's
// record; a handler that asks (again) sets its question after.
func movingOn(c tele.Context) int64 {
	msg := c.Message()
	command := c.Callback() == nil && msg != nil && strings.HasPrefix(msg.Text, "/")
	if chat := c.Chat(); chat != nil && (c.Callback() != nil || command) {
		return chat.ID
	}
	return 0
}

// need lets the update through only for users with at least role min.
func (h *Handler) need(min domain.Role, next tele.HandlerFunc) tele.HandlerFunc {
	return func(c tele.Context) error {
		if !user(c).Role.AtLeast(min) {
			return h.deny(c)
		}
		return next(c)
	}
}

// deny tells the user they may not do this, in the quietest fitting way.
func (h *Handler) deny(c tele.Context) error {
	tr := h.printer(c)
	u := user(c)
	key := i18n.NoAccess
	if u.Role == domain.RolePending {
		key = i18n.PendingWait
	}
	if c.Callback() != nil {
		return h.answer(c, tr.T(key), true)
	}
	return c.Send(tr.T(key))
}

// answer answers the update's callback query once.
func (h *Handler) answer(c tele.Context, text string, alert bool) error {
	c.Set(ctxAnswered, true)
	return c.Respond(&tele.CallbackResponse{Text: text, ShowAlert: alert})
}

// report deals with a handler's error: domain errors become a message in
// the user's language; anything else is logged with the update ID and the
// user gets a short apology, never the error itself.
func (h *Handler) report(c tele.Context, err error) {
	if de, ok := domain.AsError(err); ok {
		if ferr := h.explain(c, de); ferr != nil {
			h.logger(c).Error("tell user about error", "err", ferr)
		}
		return
	}
	h.logger(c).Error("handle update", "err", err)
	if aerr := h.apologise(c); aerr != nil {
		h.logger(c).Error("apologise", "err", aerr)
	}
}

func (h *Handler) explain(c tele.Context, de *domain.Error) error {
	text := errorText(h.printer(c), de)
	if c.Callback() != nil && c.Get(ctxAnswered) == nil {
		return h.answer(c, text, true)
	}
	return c.Send(text)
}

// errorText is a domain error in the reader's language.
func errorText(tr i18n.Printer, de *domain.Error) string {
	if k, ok := i18n.ErrorName(de.Key); ok {
		return tr.T(k)
	}
	return tr.T(i18n.ErrGeneric)
}

func (h *Handler) apologise(c tele.Context) error {
	text := h.printer(c).T(i18n.Sorry)
	if c.Callback() != nil && c.Get(ctxAnswered) == nil {
		return h.answer(c, text, true)
	}
	if c.Chat() == nil {
		return nil
	}
	return c.Send(text)
}
