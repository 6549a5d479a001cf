package bot

import (
	"context"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// subscriptions is what the bot asks of the digest area.
type subscriptions interface {
	Add(ctx context.Context, actor domain.User, sub domain.Subscription) (domain.Subscription, error)
	List(ctx context.Context, actor domain.User, all bool) ([]domain.Subscription, error)
	Cancel(ctx context.Context, actor domain.User, id int64) error
	ToggleOnlyChanged(ctx context.Context, actor domain.User, id int64) error
	SendNow(ctx context.Context, actor domain.User) (batch string, queued int, err error)
	Report(ctx context.Context, batch string) (domain.DeliveryReport, error)
	NextRun(sub domain.Subscription, now time.Time) time.Time
}

// handleSubscribe answers /subscribe: alone, the subscriptions screen;
// with a schedule ("9:00", "будни 9:00", "пн 9:00", "cron 0 9 * * 1-5"),
// a subscription of this chat; with "email addr [schedule]", of an
// address.
func (h *Handler) handleSubscribe(c tele.Context) error {
	args := strings.Fields(c.Message().Payload)
	if len(args) == 0 {
		return h.showSubscriptions(c, false, 0)
	}
	tr := h.printer(c)
	sub := domain.Subscription{ChatID: c.Chat().ID, Title: chatTitle(c)}
	if strings.EqualFold(args[0], "email") || strings.EqualFold(args[0], "почта") {
		if len(args) < 2 {
			return c.Send(tr.T(i18n.SubHelp), tele.ModeHTML)
		}
		sub = domain.Subscription{Email: args[1]}
		args = args[2:]
	}
	sub.Schedule = domain.DailyAt(9, 0)
	if len(args) > 0 {
		schedule, ok := domain.ParseSchedule(args)
		if !ok {
			return c.Send(tr.T(i18n.SubBadSchedule, esc(strings.Join(args, " "), 60))+"\n\n"+tr.T(i18n.SubHelp), tele.ModeHTML)
		}
		sub.Schedule = schedule
	}
	if c.Chat().Type != tele.ChatPrivate && sub.Email == "" {
		sub.Lang = domain.LangRU // a group reads the company's language
	}
	return h.addSubscription(c, sub)
}

func (h *Handler) addSubscription(c tele.Context, sub domain.Subscription) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	if _, err := h.subs.Add(ctx, user(c), sub); err != nil {
		return err
	}
	if c.Callback() != nil {
		if err := h.answer(c, h.printer(c).T(i18n.SubAdded), false); err != nil {
			return err
		}
	}
	return h.showSubscriptions(c, false, 0)
}

// onSubPreset subscribes this chat on a preset schedule.
func (h *Handler) onSubPreset(c tele.Context) error {
	schedule, ok := subPresets[c.Callback().Data]
	if !ok {
		return h.onStaleButton(c)
	}
	sub := domain.Subscription{ChatID: c.Chat().ID, Title: chatTitle(c), Schedule: schedule}
	if c.Chat().Type != tele.ChatPrivate {
		sub.Lang = domain.LangRU
	}
	return h.addSubscription(c, sub)
}

// onUnsubscribe cancels a subscription; onSubOnly toggles "only if
// something changed".
func (h *Handler) onUnsubscribe(c tele.Context) error { return h.changeSubscription(c, false) }
func (h *Handler) onSubOnly(c tele.Context) error     { return h.changeSubscription(c, true) }

func (h *Handler) changeSubscription(c tele.Context, toggle bool) error {
	args := strings.Split(c.Callback().Data, "|")
	if len(args) == 2 {
		args = append(args, "0") // sent before the list had pages
	}
	if len(args) != 3 {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	page, okPage := parsePage(args[2])
	if !okID || !okPage || (args[1] != "0" && args[1] != "1") {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	var err error
	if toggle {
		err = h.subs.ToggleOnlyChanged(ctx, user(c), id)
	} else {
		err = h.subs.Cancel(ctx, user(c), id)
	}
	if err != nil {
		return err
	}
	return h.showSubscriptions(c, args[1] == "1", page)
}

// onSubAll shows an admin every subscription with its last result.
func (h *Handler) onSubAll(c tele.Context) error { return h.showSubscriptions(c, true, 0) }

// onSubMine goes back from all subscriptions to the admin's own.
func (h *Handler) onSubMine(c tele.Context) error { return h.showSubscriptions(c, false, 0) }

// onSubPage turns a page of the subscriptions; all of them for admins.
func (h *Handler) onSubPage(c tele.Context) error {
	args, ok := callbackArgs(c, 2)
	if !ok {
		return h.onStaleButton(c)
	}
	page, okPage := parsePage(args[1])
	all := args[0] == "1"
	if !okPage || (args[0] != "0" && !all) || (all && !user(c).Role.AtLeast(domain.RoleAdmin)) {
		return h.onStaleButton(c)
	}
	return h.showSubscriptions(c, all, page)
}

func (h *Handler) showSubscriptions(c tele.Context, all bool, page int) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	subs, err := h.subs.List(ctx, u, all)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	now := h.cfg.Now()
	page, from, to := pageOf(page, len(subs), subsPerPage)
	shown := subscriptionPage{subs: subs[from:to], first: from, page: page, pages: pageCount(len(subs), subsPerPage), all: all}
	return h.showText(c, subscriptionsText(tr, now, shown, h.subs.NextRun), subscriptionsKeyboard(tr, u, shown))
}

// onDigestNow sends the digest to every subscriber and reports how it
// went, editing one progress message until every digest has an outcome.
// The progress message is sent, and Telegram has taken it, before a
// single digest is enqueued: so it always comes before the first digest.
func (h *Handler) onDigestNow(c tele.Context) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	tr := h.printer(c)
	if err := h.answer(c, tr.T(i18n.DigestSending), false); err != nil {
		return err
	}
	progress, err := h.bot.Send(c.Chat(), tr.T(i18n.DigestSending), tele.ModeHTML)
	if err != nil {
		return err
	}
	batch, queued, err := h.subs.SendNow(ctx, user(c))
	if err != nil {
		_ = h.bot.Delete(progress) // the apology replaces it; a failed delete leaves a stale line only
		return err
	}
	if queued == 0 {
		_, err = h.bot.Edit(progress, deliveryReportText(tr, domain.DeliveryReport{Done: true}), tele.ModeHTML)
		return err
	}
	if _, err := h.bot.Edit(progress, tr.T(i18n.DigestProgress, 0, queued), tele.ModeHTML); err != nil {
		h.logger(c).Warn("digest progress", "err", err) // courtesy only: the report follows
	}
	h.followUp(c, func(life context.Context) { h.reportDelivery(life, tr, progress, batch, queued) })
	return nil
}

// reportDelivery keeps the progress message up to date until every
// delivery of the batch has an outcome, then turns it into the report. It
// gives up after two minutes or at shutdown, saying how many are still
// on their way: the outbox delivers them all the same.
func (h *Handler) reportDelivery(life context.Context, tr i18n.Printer, progress *tele.Message, batch string, queued int) {
	ctx, cancel := context.WithTimeout(life, 2*time.Minute)
	defer cancel()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var report domain.DeliveryReport
	shown := tr.T(i18n.DigestProgress, 0, queued)
	for ctx.Err() == nil {
		r, err := h.subs.Report(ctx, batch)
		if err != nil {
			break
		}
		if report = r; report.Done {
			break
		}
		// Progress is a courtesy: a failed edit must not stop the report.
		if text := tr.T(i18n.DigestProgress, report.Delivered+report.Failed, report.Total); text != shown {
			_, _ = h.bot.Edit(progress, text, tele.ModeHTML)
			shown = text
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
		}
	}
	if report.Total == 0 {
		report.Total = queued // not a single report read: all still on their way
	}
	if _, err := h.bot.Edit(progress, deliveryReportText(tr, report), tele.ModeHTML); ignoreNotModified(err) != nil {
		h.log.WarnContext(life, "digest delivery report", "err", err)
	}
}

// chatTitle names a chat in subscription lists: a person by name, a group
// by its title.
func chatTitle(c tele.Context) string {
	if c.Chat().Type == tele.ChatPrivate {
		return user(c).DisplayName()
	}
	return c.Chat().Title
}
