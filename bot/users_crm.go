package bot

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// linkEmailQuestion is the pending question of the link screen: the
// admin may type the person's amoCRM e-mail instead of picking them.
const linkEmailQuestion = "link_email"

// crmUsersPerPage keeps the link screen short: an account can have
// hundreds of users, and Telegram caps a keyboard at 100 buttons.
const crmUsersPerPage = 8

// onLinkCRM links a user to an amoCRM user, so deals' messages reach them
// in Telegram and "my deals" shows theirs. The data's second part is the
// amoCRM user, or "?" and a page of the list to choose from.
func (h *Handler) onLinkCRM(c tele.Context) error {
	args, ok := callbackArgs(c, 3)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	page, okPage := parsePage(args[2])
	if !okID || !okPage {
		return h.onStaleButton(c)
	}
	if rest, isList := strings.CutPrefix(args[1], "?"); isList {
		listPage, ok := parsePage(cmp.Or(rest, "0"))
		if !ok {
			return h.onStaleButton(c)
		}
		return h.showLinkChoices(c, id, listPage, page)
	}
	crmID, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || crmID < 0 {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.store.LinkCRMUser(ctx, id, crmID); err != nil {
		return err
	}
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showText(c, userCardText(tr, u), userCardKeyboard(tr, u, page))
}

// showLinkChoices lists a page of the active amoCRM users, those named
// like the person first, and waits for an e-mail typed instead: Telegram
// never tells the bot a user's address, but the admin knows it.
func (h *Handler) showLinkChoices(c tele.Context, id int64, listPage, usersPage int) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	crmUsers, err := h.deals.CRMUsers(ctx)
	if err != nil {
		return err
	}
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	if err := h.store.SetPendingInput(ctx, domain.PendingInput{UserID: user(c).ID, ChatID: c.Chat().ID,
		Kind: linkEmailQuestion, RefID: id}); err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showText(c, linkChoicesText(tr, u, crmUsers, listPage), linkChoicesKeyboard(tr, u, crmUsers, listPage, usersPage))
}

func linkChoicesText(tr i18n.Printer, u domain.User, crmUsers []domain.CRMUser, listPage int) string {
	text := userCardText(tr, u) + "\n\n"
	if i := slices.IndexFunc(crmUsers, func(cu domain.CRMUser) bool { return cu.ID == u.CRMUserID }); i >= 0 {
		text += tr.T(i18n.LinkCurrent, esc(crmUserLabel(crmUsers[i]), 80)) + "\n"
	}
	choices := domain.Assignable(crmUsers)
	if len(choices) == 0 {
		return text + tr.T(i18n.LinkNoCRMUsers)
	}
	text += tr.T(i18n.LinkChoose) + "\n" + tr.T(i18n.LinkByEmail)
	if pages := pageCount(len(choices), crmUsersPerPage); pages > 1 {
		text += "\n" + tr.T(i18n.PageOf, min(listPage, pages-1)+1, pages)
	}
	return text
}

func linkChoicesKeyboard(tr i18n.Printer, u domain.User, crmUsers []domain.CRMUser, listPage, usersPage int) *tele.ReplyMarkup {
	id, back := strconv.FormatInt(u.ID, 10), strconv.Itoa(usersPage)
	pick := func(cu domain.CRMUser) tele.Btn {
		label := truncate(crmUserLabel(cu), 48)
		switch {
		case cu.ID == u.CRMUserID:
			label = "✓ " + label
		case domain.NamedLike(cu.Name, u):
			label = "✨ " + label
		}
		return button(btnLinkCRM, label, id, strconv.FormatInt(cu.ID, 10), back)
	}
	turn := func(label string, page int) tele.Btn {
		return button(btnLinkCRM, label, id, "?"+strconv.Itoa(page), back)
	}
	rows, nav := pagedButtons(tr, domain.NamedLikeFirst(domain.Assignable(crmUsers), u), listPage, crmUsersPerPage, 1, pick, turn)
	rows = append(rows, nav)
	if u.CRMUserID != 0 {
		rows = append(rows, row(button(btnLinkCRM, tr.T(i18n.LinkNone), id, "0", back)))
	}
	rows = append(rows, row(button(btnUser, "◀ "+tr.T(i18n.TaskBack), id, back)))
	return inline(rows...)
}

// linkEmailAnswer links the person to the amoCRM user with the typed
// address. A typo keeps the question open for another try.
func (h *Handler) linkEmailAnswer(ctx context.Context, c tele.Context, p domain.PendingInput) error {
	if !user(c).Role.AtLeast(domain.RoleAdmin) { // demoted since the question
		return h.deny(c)
	}
	tr := h.printer(c)
	typed := strings.TrimSpace(c.Text())
	addr, ok := domain.ParseEmail(typed)
	if !ok {
		if err := h.store.SetPendingInput(ctx, p); err != nil {
			return err
		}
		return c.Send(tr.T(i18n.LinkBadEmail, esc(typed, 60)), cancelKeyboard(tr, btnUser, strconv.FormatInt(p.RefID, 10), "0"), tele.ModeHTML)
	}
	crmUsers, err := h.deals.CRMUsers(ctx)
	if err != nil {
		return err
	}
	found, ok := domain.CRMUserByEmail(crmUsers, addr)
	if !ok {
		if err := h.store.SetPendingInput(ctx, p); err != nil {
			return err
		}
		return c.Send(tr.T(i18n.LinkNoSuchMail, esc(addr, 60)), cancelKeyboard(tr, btnUser, strconv.FormatInt(p.RefID, 10), "0"), tele.ModeHTML)
	}
	if err := h.store.LinkCRMUser(ctx, p.RefID, found.ID); err != nil {
		return err
	}
	u, err := h.store.User(ctx, p.RefID)
	if err != nil {
		return err
	}
	text := tr.T(i18n.LinkDone, esc(u.DisplayName(), 60), esc(crmUserLabel(found), 80)) + "\n\n" + userCardText(tr, u)
	return c.Send(text, userCardKeyboard(tr, u, 0), tele.ModeHTML)
}

// crmUserLabel names an amoCRM user with their address, which tells
// namesakes apart.
func crmUserLabel(cu domain.CRMUser) string {
	if cu.Email == "" {
		return cu.Name
	}
	return cu.Name + " · " + cu.Email
}
