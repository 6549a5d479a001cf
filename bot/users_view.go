package bot

import (
	"fmt"
	"html"
	"strconv"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

func usersText(tr i18n.Printer, users []domain.User, total, page int) string {
	text := fmt.Sprintf("<b>%s</b>\n%s", html.EscapeString(tr.T(i18n.UsersTitle)), tr.N(i18n.UsersTotal, total))
	if pages := (total + usersPerPage - 1) / usersPerPage; pages > 1 {
		text += " · " + tr.T(i18n.PageOf, page+1, pages)
	}
	text += "\n\n" + tr.T(i18n.UsersHint)
	return text
}

func usersKeyboard(tr i18n.Printer, users []domain.User, total, page int) *tele.ReplyMarkup {
	var rows [][]tele.Btn
	for _, u := range users {
		label := truncate(u.DisplayName(), 28) + " · " + tr.T(roleKey(u.Role))
		rows = append(rows, row(button(btnUser, label, userIDData(u, page)...)))
	}
	var nav []tele.Btn
	if page > 0 {
		nav = append(nav, button(btnUsers, "◀ "+tr.T(i18n.Prev), strconv.Itoa(page-1)))
	}
	if (page+1)*usersPerPage < total {
		nav = append(nav, button(btnUsers, tr.T(i18n.Next)+" ▶", strconv.Itoa(page+1)))
	}
	rows = append(rows, nav, row(button(btnArea, tr.T(i18n.Home), string(areaHome))))
	return inline(rows...)
}

func userCardText(tr i18n.Printer, u domain.User) string {
	handle := "—"
	if u.Username != "" {
		handle = "@" + html.EscapeString(u.Username)
	}
	return tr.T(i18n.UserCard, html.EscapeString(u.DisplayName()), handle, u.ID,
		tr.T(roleKey(u.Role)), tr.T(langKey(u.Language())), tr.Date(u.CreatedAt))
}

func userCardKeyboard(tr i18n.Printer, u domain.User, page int) *tele.ReplyMarkup {
	id := strconv.FormatInt(u.ID, 10)
	p := strconv.Itoa(page)
	var roles []tele.Btn
	for _, r := range domain.AssignableRoles {
		label := tr.T(roleKey(r))
		if r == u.Role {
			label = "✓ " + label
		}
		roles = append(roles, button(btnRole, label, id, string(r), p))
	}
	block := tr.T(i18n.BlockUser)
	if u.Role == domain.RoleRejected {
		block = "✓ " + tr.T(roleKey(domain.RoleRejected))
	}
	link := tr.T(i18n.LinkCRM)
	if u.CRMUserID != 0 {
		link = "✓ " + link
	}
	return inline(
		roles,
		row(button(btnRole, block, id, string(domain.RoleRejected), p), button(btnLinkCRM, "🔗 "+link, id, "?", p)),
		row(button(btnUsers, "◀ "+tr.T(i18n.BackToList), p), button(btnArea, tr.T(i18n.Home), string(areaHome))),
	)
}

func langKey(l domain.Lang) i18n.Key { return i18n.LangName(l) }
