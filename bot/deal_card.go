package bot

import (
	"fmt"
	"html"
	"strconv"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// crmTaskPresetKeys word the usual amoCRM tasks a card offers as buttons.
var crmTaskPresetKeys = map[domain.CRMTaskPreset]i18n.Key{
	domain.CRMTaskCall: i18n.DealTaskCall, domain.CRMTaskMeeting: i18n.DealTaskMeeting, domain.CRMTaskOffer: i18n.DealTaskOffer}

// dealListText is a page of the active deals with the two fields the
// brief emphasises: price and idle time.
func dealListText(tr i18n.Printer, now time.Time, l dealList, deals []domain.Deal, total int) string {
	order := tr.T(i18n.DealSortIdle)
	if l.byPrice {
		order = tr.T(i18n.DealSortPrice)
	}
	header := "<b>" + html.EscapeString(tr.T(i18n.DealListTitle)) + "</b> · " + tr.T(i18n.DealCount, tr.Int(total)) + " · " + order
	if l.mine {
		header += " · " + tr.T(i18n.DealMine)
	}
	lines := make([]string, len(deals))
	for i, d := range deals {
		lines[i] = dealLine(tr, now, d)
	}
	return pagedList(tr, header, l.page, dealsPerPage, total, lines, tr.T(i18n.CRMNoActive))
}

// dealLine is a deal in a list: name, company, price, idle, status, who.
func dealLine(tr i18n.Printer, now time.Time, d domain.Deal) string {
	who := d.ResponsibleName
	if who == "" {
		who = tr.T(i18n.Nobody)
	}
	return fmt.Sprintf("<b>%s</b>%s\n    💰 <b>%s</b> · ⏳ <b>%s</b> · %s · %s", esc(d.Name, 60), companySuffix(d.CompanyName),
		tr.Money(d.Price), tr.Duration(d.Idle(now)), esc(d.StatusName, 30), esc(who, 30))
}

func dealListKeyboard(tr i18n.Printer, u domain.User, l dealList, deals []domain.Deal, total int, accountURL string) *tele.ReplyMarkup {
	var open []tele.Btn
	for i, d := range deals {
		open = append(open, button(btnDeal, strconv.Itoa(l.page*dealsPerPage+i+1), strconv.FormatInt(d.ID, 10)))
	}
	sort := l
	sort.byPrice, sort.page = !l.byPrice, 0
	sortLabel := tr.T(i18n.DealSortByPrice)
	if l.byPrice {
		sortLabel = tr.T(i18n.DealSortByIdle)
	}
	view := []tele.Btn{button(btnDeals, "⇅ "+sortLabel, sort.data()...)}
	if u.CRMUserID != 0 {
		mine := l
		mine.mine, mine.page = !l.mine, 0
		label := tr.T(i18n.DealMine)
		if l.mine {
			label = tr.T(i18n.DealAll)
		}
		view = append(view, button(btnDeals, label, mine.data()...))
	}
	var nav []tele.Btn
	if l.page > 0 {
		prev := l
		prev.page--
		nav = append(nav, button(btnDeals, "◀ "+tr.T(i18n.Prev), prev.data()...))
	}
	if (l.page+1)*dealsPerPage < total {
		next := l
		next.page++
		nav = append(nav, button(btnDeals, tr.T(i18n.Next)+" ▶", next.data()...))
	}
	last := []tele.Btn{button(btnArea, tr.T(i18n.Home), string(areaHome))}
	if accountURL != "" {
		last = append([]tele.Btn{{Text: tr.T(i18n.DealOpenAmo), URL: accountURL}}, last...)
	}
	return inline(open, view, nav, last)
}

// dealCardText is everything about one deal, with its open tasks.
func dealCardText(tr i18n.Printer, now time.Time, d domain.Deal, tasks []domain.CRMTask) string {
	who := d.ResponsibleName
	if who == "" {
		who = tr.T(i18n.Nobody)
	}
	company := d.CompanyName
	if company == "" {
		company = "—"
	}
	text := "<b>" + esc(d.Name, 120) + "</b>\n\n" + tr.T(i18n.DealCard, esc(company, 60), tr.Money(d.Price),
		esc(d.StatusName, 40), esc(who, 40), tr.Duration(d.Idle(now)), tr.Date(d.CreatedAt), d.ID)
	if len(tasks) == 0 {
		return text + "\n\n" + tr.T(i18n.DealNoTasks)
	}
	var lines []string
	for _, t := range tasks {
		mark := "⏰"
		if t.CompleteTill.Before(now) {
			mark = "⚠️"
		}
		lines = append(lines, fmt.Sprintf("%s %s — %s", mark, esc(t.Text, 60), tr.DateTime(t.CompleteTill)))
	}
	return fitLines(tr, text+"\n\n<b>"+tr.T(i18n.DealTasksTitle)+"</b>", lines, 0, "", maxCaption)
}

// dealCardKeyboard offers a manager the actions; everyone the way out.
func dealCardKeyboard(tr i18n.Printer, u domain.User, d domain.Deal, menu string, ch dealChoices, dealURL string) *tele.ReplyMarkup {
	id := strconv.FormatInt(d.ID, 10)
	back := button(btnDeal, "◀ "+tr.T(i18n.TaskBack), id)
	var rows [][]tele.Btn
	switch {
	case menu == "s":
		for _, s := range ch.statuses {
			if s.ID != d.StatusID {
				rows = append(rows, row(button(btnDealSet, truncate(s.Name, 40), id, "s", strconv.FormatInt(s.ID, 10))))
			}
		}
		return inline(append(rows, row(back))...)
	case menu == "r":
		pick := func(cu domain.CRMUser) tele.Btn {
			return button(btnDealSet, truncate(cu.Name, 24), id, "r", strconv.FormatInt(cu.ID, 10))
		}
		turn := func(label string, page int) tele.Btn { return button(btnDeal, label, id, "r"+strconv.Itoa(page)) }
		rows, nav := pagedButtons(tr, ch.users, ch.page, pickerSize, 2, pick, turn)
		return inline(append(rows, nav, row(back))...)
	case menu == "t":
		for i, p := range domain.CRMTaskPresets {
			rows = append(rows, row(button(btnCRMTask, tr.T(crmTaskPresetKeys[p]), "new", id, strconv.Itoa(i))))
		}
		rows = append(rows, row(button(btnDealAsk, "✏️ "+tr.T(i18n.CRMTaskOwnText), id, "task")))
		return inline(append(rows, row(back))...)
	}
	if domain.CanActOnDeals(u) {
		rows = append(rows,
			row(button(btnDeal, "➕ "+tr.T(i18n.DealNewTask), id, "t"), button(btnDeal, "➡ "+tr.T(i18n.DealMove), id, "s")),
			row(button(btnDeal, "👤 "+tr.T(i18n.DealResponsible), id, "r"), button(btnDealAsk, "💰 "+tr.T(i18n.DealPrice), id, "price")),
			row(button(btnDealAsk, "✉️ "+tr.T(i18n.DealMessage), id, "msg")))
	}
	last := []tele.Btn{button(btnDeals, "◀ "+tr.T(i18n.BackToList), dealListBack), button(btnArea, tr.T(i18n.Home), string(areaHome))}
	if dealURL != "" {
		rows = append(rows, row(tele.Btn{Text: tr.T(i18n.DealOpenAmo), URL: dealURL}))
	}
	return inline(append(rows, last)...)
}

// DealMessages words a manager's message to a deal's responsible: the
// deal's name, the message, a link that opens the deal in the bot and
// one to amoCRM.
func DealMessages(loc *time.Location, botUsername string) func(to domain.User, lang domain.Lang, from domain.User, d domain.Deal, text, dealURL string) (string, string, string) {
	return func(to domain.User, lang domain.Lang, from domain.User, d domain.Deal, text, dealURL string) (string, string, string) {
		tr := i18n.New(lang, to.Location(loc))
		inBot := ""
		if botUsername != "" {
			inBot = fmt.Sprintf("https://t.me/%s?start=deal_%d", botUsername, d.ID)
		}
		msg := tr.T(i18n.DealMessageHTML, esc(from.DisplayName(), 40), esc(d.Name, 120), esc(text, 1500))
		if inBot != "" {
			msg += "\n" + fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(inBot), tr.T(i18n.DealOpenInBot))
		}
		if dealURL != "" {
			msg += "\n" + fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(dealURL), tr.T(i18n.DealOpenAmo))
		}
		subject := tr.T(i18n.DealMessageSubject, d.Name)
		mail := tr.T(i18n.DealMessageMail, from.DisplayName(), d.Name, text, inBot, dealURL)
		return msg, subject, mail
	}
}
