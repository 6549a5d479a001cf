package bot

import (
	"fmt"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// subPresets are the schedules offered as buttons.
var subPresets = map[string]string{
	"d9": domain.DailyAt(9, 0),
	"w9": domain.WeekdaysAt(9, 0),
	"m9": domain.WeeklyAt(time.Monday, 9, 0),
}

var subPresetOrder = []string{"d9", "w9", "m9"}

// scheduleText words a cron schedule when it is one of ours, and shows
// the expression otherwise.
func scheduleText(tr i18n.Printer, expr string) string {
	s, ok := domain.ScheduleOf(expr)
	if !ok {
		return "<code>" + esc(expr, 60) + "</code>"
	}
	at := fmt.Sprintf("%02d:%02d", s.Hour, s.Minute)
	switch s.Kind {
	case domain.ScheduleWeekdays:
		return tr.T(i18n.SubWeekdays, at)
	case domain.ScheduleWeekly:
		return tr.T(i18n.SubWeekly, tr.T(i18n.WeekdayName(s.Weekday)), at)
	}
	return tr.T(i18n.SubDaily, at)
}

// subsPerPage keeps a page of subscriptions, with two buttons each, well
// inside a message and a keyboard: an admin's "all" view grows with the
// company.
const subsPerPage = 8

// subscriptionPage is the page of subscriptions a screen shows.
type subscriptionPage struct {
	subs        []domain.Subscription // this page's
	first       int                   // index of the first in the whole list, for numbering
	page, pages int
	all         bool // everyone's (admins), not the user's own
}

func subscriptionsText(tr i18n.Printer, now time.Time, p subscriptionPage, next func(domain.Subscription, time.Time) time.Time) string {
	title := tr.T(i18n.SubTitle)
	if p.all {
		title = tr.T(i18n.SubAllTitle)
	}
	if p.pages > 1 {
		title += " · " + tr.T(i18n.PageOf, p.page+1, p.pages)
	}
	header := "<b>" + title + "</b>\n" + tr.T(i18n.SubIntro) + "\n"
	if len(p.subs) == 0 {
		return header + "\n" + tr.T(i18n.SubNone) + "\n\n" + tr.T(i18n.SubHelp)
	}
	var lines []string
	for i, s := range p.subs {
		who := esc(s.Title, 40)
		if s.Email != "" {
			who = "✉️ " + who
		}
		line := fmt.Sprintf("%d. %s — %s", p.first+i+1, who, scheduleText(tr, s.Schedule))
		if s.TZ != "" && s.TZ != tr.Loc.String() { // subscribed in another zone: its 09:00 is not the reader's
			line += " " + tr.T(i18n.ZoneSubOther, esc(zoneLabelShort(tr, s.TZ, now), 40))
		}
		if s.OnlyChanged {
			line += " · " + tr.T(i18n.SubOnlyChangedShort)
		}
		if at := next(s, now); !at.IsZero() {
			line += "\n    " + tr.T(i18n.SubNext, tr.DateTime(at))
		}
		if p.all && !s.LastSentAt.IsZero() {
			line += "\n    " + tr.T(i18n.SubLast, tr.DateTime(s.LastSentAt), deliveryState(tr, s.LastState, s.LastReason))
		}
		lines = append(lines, line)
	}
	return fitLines(tr, header, lines, 0, tr.T(i18n.SubHelp), maxText)
}

func subscriptionsKeyboard(tr i18n.Printer, u domain.User, p subscriptionPage) *tele.ReplyMarkup {
	flag, page := "0", strconv.Itoa(p.page)
	if p.all {
		flag = "1"
	}
	var rows [][]tele.Btn
	for i, s := range p.subs {
		n := strconv.Itoa(p.first + i + 1)
		id := strconv.FormatInt(s.ID, 10)
		// Each button says what it does and to which numbered line of the
		// text it applies; the toggle shows its current state.
		only := tr.T(i18n.SubOnlyChangedOff, n)
		if s.OnlyChanged {
			only = tr.T(i18n.SubOnlyChangedOn, n)
		}
		rows = append(rows, row(button(btnUnsub, tr.T(i18n.SubUnsubscribe, n), id, flag, page), button(btnSubOnly, only, id, flag, page)))
	}
	rows = append(rows, pageNav(tr, p.page, p.pages, func(label string, to int) tele.Btn {
		return button(btnSubPage, label, flag, strconv.Itoa(to))
	}))
	if !p.all {
		var presets []tele.Btn
		for _, code := range subPresetOrder {
			presets = append(presets, button(btnSubPreset, "➕ "+tr.T(subPresetKey(code)), code))
		}
		rows = append(rows, presets)
	}
	var last []tele.Btn
	if u.Role.AtLeast(domain.RoleAdmin) {
		if p.all {
			last = append(last, button(btnSubMine, tr.T(i18n.SubMine)))
		} else {
			last = append(last, button(btnSubAll, tr.T(i18n.SubAll)))
		}
	}
	last = append(last, button(btnArea, tr.T(i18n.Home), string(areaHome)))
	return inline(append(rows, last)...)
}

// deliveryState words the outbox's state of a message, with the reason
// when it failed.
func deliveryState(tr i18n.Printer, state, reason string) string {
	if state == "failed" {
		return tr.T(i18n.DeliveryFailed, deliveryReason(tr, reason))
	}
	if key, ok := i18n.DeliveryStateName(state); ok {
		return tr.T(key)
	}
	return esc(state, 20)
}

func deliveryReason(tr i18n.Printer, code string) string {
	if key, ok := i18n.DeliveryReasonName(code); ok {
		return tr.T(key)
	}
	return esc(code, 40)
}

// deliveryReportText tells the manager how the digest went.
func deliveryReportText(tr i18n.Printer, r domain.DeliveryReport) string {
	text := tr.T(i18n.DigestReport, r.Delivered, r.Failed)
	if r.Total > r.Delivered+r.Failed {
		text += "\n" + tr.T(i18n.DigestStillGoing, r.Total-r.Delivered-r.Failed)
	}
	for i, f := range r.Failures {
		if i == 10 {
			text += "\n" + tr.N(i18n.MoreLines, len(r.Failures)-i)
			break
		}
		text += fmt.Sprintf("\n• %s: %s", esc(f.Recipient, 60), deliveryReason(tr, f.Code))
	}
	return text
}

// subPresetKey words a schedule preset's button.
func subPresetKey(code string) i18n.Key {
	k, _ := i18n.SubPresetName(code)
	return k
}
