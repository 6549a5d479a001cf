package bot

import (
	"strconv"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// usersPerPage keeps the admin list within one screen of a phone.
const usersPerPage = 8

// handleUsers answers /users with the first page of people.
func (h *Handler) handleUsers(c tele.Context) error { return h.showUsers(c, 0) }

// onUsersPage turns the page of the list.
func (h *Handler) onUsersPage(c tele.Context) error {
	page, ok := parsePage(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	return h.showUsers(c, page)
}

func (h *Handler) showUsers(c tele.Context, page int) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	users, total, page, err := fetchPage(page, usersPerPage, func(offset int) ([]domain.User, int, error) {
		return h.store.Users(ctx, offset, usersPerPage)
	})
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showText(c, usersText(tr, users, total, page), usersKeyboard(tr, users, total, page))
}

// onUser opens one user's card with the role buttons.
func (h *Handler) onUser(c tele.Context) error {
	id, page, ok := idPageArgs(c)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	return h.showText(c, userCardText(tr, u), userCardKeyboard(tr, u, page))
}

// onRole gives a user another role. Admins from the configuration keep
// theirs, and nobody demotes themselves: the bot must always keep an
// admin who can undo a mistake.
func (h *Handler) onRole(c tele.Context) error {
	args, ok := callbackArgs(c, 3)
	if !ok {
		return h.onStaleButton(c)
	}
	id, okID := parseID(args[0])
	role := domain.Role(args[1])
	page, okPage := parsePage(args[2])
	if !okID || !okPage || !role.Valid() || role == domain.RolePending {
		return h.onStaleButton(c)
	}
	tr := h.printer(c)
	if h.isConfigAdmin(id) || id == user(c).ID {
		return h.answer(c, tr.T(i18n.RoleLocked), true)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	before, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	u, err := h.store.SetRole(ctx, id, role)
	if err != nil {
		return err
	}
	if err := h.showText(c, userCardText(tr, u), userCardKeyboard(tr, u, page)); err != nil {
		return err
	}
	if (before.Role == domain.RoleAdmin) != (role == domain.RoleAdmin) {
		h.setAdminMenu(ctx, id, role == domain.RoleAdmin)
	}
	if before.Role == domain.RolePending && role != domain.RolePending {
		return h.tellDecision(ctx, u)
	}
	return nil
}

func userIDData(u domain.User, page int) []string {
	return []string{strconv.FormatInt(u.ID, 10), strconv.Itoa(page)}
}
