package app

import (
	"net/http"
	"time"

	tele "gopkg.in/telebot.v3"
)

// telegramTransport carries the Bot API requests. Handlers, the outbox
// and the poller all talk to one host at once; with the default
// transport's two idle connections per host, every busy moment opened
// and closed connections (5 % of the bot's CPU at 300 updates/s went to
// dialling), so it keeps as many as can be in use.
func telegramTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 128
	t.MaxIdleConnsPerHost = 64
	return t
}

// telegramClients are the Bot API's HTTP clients, on one transport and
// both watched by contact (readiness). replies, for the handlers' bot,
// sends a request again when a short outage or a 429 met it
// (telegramRetry): nothing else would, and the person waits for the
// answer. plain is for the outbox, the poller and the intake's own calls,
// which have retry policies of their own that a second layer would only
// multiply.
func telegramClients(onRetry func(reason string)) (contact *telegramContact, replies, plain *http.Client) {
	contact = &telegramContact{next: telegramTransport()}
	plain = &http.Client{Timeout: 60 * time.Second, Transport: contact}
	replies = &http.Client{Timeout: plain.Timeout, Transport: &telegramRetry{next: contact, onRetry: onRetry}}
	return contact, replies, plain
}

// outboxBot is the bot the outbox sends with: the handlers' bot's URL and
// token on the plain client, so that the outbox's sends are retried by
// River's schedule only. It never polls, so it asks nothing at start.
func outboxBot(cfg Config, plain *http.Client) (*tele.Bot, error) {
	return tele.NewBot(tele.Settings{URL: cfg.TelegramAPIURL, Token: cfg.BotToken, Client: plain, Offline: true})
}
