package bot

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// zoneQuestion is the pending question of the zone list: a zone may be
// typed instead of picked.
const zoneQuestion = "time_zone"

// zonePresets are the zones offered as buttons: Russia's, west to east,
// and the neighbours teams most often work from. Any other zone can be
// typed.
var zonePresets = []string{
	"Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg",
	"Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk",
	"Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
	"Europe/Minsk", "Asia/Almaty", "Asia/Tashkent", "Asia/Dubai",
}

// Data of btnZone besides a zone name.
const (
	zoneList    = "list"    // show the presets
	zoneCompany = "company" // forget the own zone
	zoneBack    = "back"    // back to the language and zone screen
)

// zoneLabel names a zone with its offset now: "Москва, UTC+3", or the
// IANA name for zones without a preset city.
func zoneLabel(tr i18n.Printer, name string, now time.Time) string {
	loc := domain.ZoneOr(name, tr.Loc)
	offset := utcOffsetLabel(now.In(loc))
	city, named := i18n.ZoneCityName(loc.String())
	switch {
	case named:
		return tr.T(city) + ", " + offset
	case loc.String() == "UTC" || strings.HasPrefix(loc.String(), "Etc/"):
		return offset // a typed offset: its name says no more than the offset
	}
	return loc.String() + ", " + offset
}

// zoneLabelShort names a zone by its city, else by its offset: "Новосибирск",
// "UTC+5", for text where the offset alone would be noise.
func zoneLabelShort(tr i18n.Printer, name string, now time.Time) string {
	label := zoneLabel(tr, name, now)
	if city, _, ok := strings.Cut(label, ", "); ok {
		return city
	}
	return label
}

// utcOffsetLabel writes a moment's offset the way people say it: "UTC+3",
// "UTC+5:30", "UTC".
func utcOffsetLabel(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// settingsText is the /lang screen: the language and, once approved, the
// time zone with the user's clock, so that a wrong zone shows at a glance.
func (h *Handler) settingsText(tr i18n.Printer, u domain.User) string {
	if !u.Role.Approved() {
		return tr.T(i18n.LangChoose)
	}
	now := h.cfg.Now()
	return tr.T(i18n.LangChoose) + "\n\n" +
		tr.T(i18n.ZoneNow, html.EscapeString(zoneLabel(tr, tr.Loc.String(), now)), now.In(tr.Loc).Format("15:04"))
}

func settingsKeyboard(tr i18n.Printer, u domain.User) *tele.ReplyMarkup {
	markup := langKeyboard(tr)
	if !u.Role.Approved() { // the zone is typed as text, which waits for approval
		return markup
	}
	markup.InlineKeyboard = append(markup.InlineKeyboard,
		[]tele.InlineButton{*button(btnZone, tr.T(i18n.ZoneButton), zoneList).Inline()},
		[]tele.InlineButton{*button(btnArea, tr.T(i18n.Home), string(areaHome)).Inline()})
	return markup
}

// onZone shows the zone presets, or stores the one picked.
func (h *Handler) onZone(c tele.Context) error {
	data := c.Callback().Data
	ctx, cancel := h.ctx(c)
	defer cancel()
	switch data {
	case zoneList:
		return h.showZones(ctx, c)
	case zoneBack:
		tr := h.printer(c)
		return h.showText(c, h.settingsText(tr, user(c)), settingsKeyboard(tr, user(c)))
	case zoneCompany:
		data = ""
	default:
		if _, err := domain.LoadZone(data); err != nil {
			return h.onStaleButton(c)
		}
	}
	if err := h.setZone(ctx, c, data); err != nil {
		return err
	}
	tr := h.printer(c)
	if err := h.answer(c, tr.T(i18n.ZoneSet, zoneLabel(tr, tr.Loc.String(), h.cfg.Now()), h.cfg.Now().In(tr.Loc).Format("15:04")), false); err != nil {
		return err
	}
	return h.showText(c, h.settingsText(tr, user(c)), settingsKeyboard(tr, user(c)))
}

func (h *Handler) showZones(ctx context.Context, c tele.Context) error {
	if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID, Kind: zoneQuestion}); err != nil {
		return err
	}
	tr := h.printer(c)
	now := h.cfg.Now()
	own := user(c).TimeZone
	var rows [][]tele.Btn
	var pair []tele.Btn
	for _, name := range zonePresets {
		label := zoneLabel(tr, name, now)
		if name == own {
			label = "✓ " + label
		}
		pair = append(pair, button(btnZone, label, name))
		if len(pair) == 2 {
			rows, pair = append(rows, pair), nil
		}
	}
	company := tr.T(i18n.ZoneCompany, zoneLabel(tr, h.cfg.Loc.String(), now))
	if own == "" {
		company = "✓ " + company
	}
	rows = append(rows, row(button(btnZone, company, zoneCompany)), row(button(btnZone, "◀ "+tr.T(i18n.TaskBack), zoneBack)))
	text := tr.T(i18n.ZoneChoose, html.EscapeString(zoneLabel(tr, tr.Loc.String(), now)))
	return h.showText(c, text, inline(rows...))
}

// zoneAnswer takes a zone typed after the list was shown. An unknown one
// keeps the question open for another try.
func (h *Handler) zoneAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	typed := strings.TrimSpace(c.Text())
	name, err := domain.ParseZone(typed)
	if err != nil {
		if err := h.store.SetPendingInput(ctx, p); err != nil {
			return err
		}
		tr := h.printer(c)
		return c.Send(tr.T(i18n.ZoneUnknown, esc(typed, 60)), cancelKeyboard(tr, btnZone, zoneBack), tele.ModeHTML)
	}
	if err := h.setZone(ctx, c, name); err != nil {
		return err
	}
	tr := h.printer(c)
	text := tr.T(i18n.ZoneSet, html.EscapeString(zoneLabel(tr, name, h.cfg.Now())), h.cfg.Now().In(tr.Loc).Format("15:04"))
	return c.Send(text+"\n\n"+h.settingsText(tr, user(c)), settingsKeyboard(tr, user(c)), tele.ModeHTML)
}

// setZone stores the zone and makes the rest of this update use it.
func (h *Handler) setZone(ctx context.Context, c tele.Context, name string) error {
	u := user(c)
	if err := h.store.SetTimeZone(ctx, u.ID, name); err != nil {
		return err
	}
	u.TimeZone = name
	c.Set(ctxUser, u)
	return nil
}
