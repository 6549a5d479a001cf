package bot

import (
	"slices"
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// onLinkCRM links a user to an amoCRM user, so deals' messages reach them
// in Telegram and "my deals" shows theirs. Without the amoCRM user (the
// data has two parts) it offers the list.
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
	ctx, cancel := h.ctx(c)
	defer cancel()
	tr := h.printer(c)
	if args[1] == "?" {
		crmUsers, err := h.store.CRMUsers(ctx)
		if err != nil {
			return err
		}
		u, err := h.store.User(ctx, id)
		if err != nil {
			return err
		}
		// Telegram does not tell a user's e-mail, so the likely match is
		// offered by name: first, and marked.
		var rows [][]tele.Btn
		for _, cu := range likelyFirst(crmUsers, u) {
			label := truncate(cu.Name, 40)
			if sameName(cu.Name, u) {
				label = "✨ " + label
			}
			rows = append(rows, row(button(btnLinkCRM, label, args[0], strconv.FormatInt(cu.ID, 10), args[2])))
		}
		rows = append(rows, row(button(btnLinkCRM, tr.T(i18n.LinkNone), args[0], "0", args[2])),
			row(button(btnUser, "◀ "+tr.T(i18n.TaskBack), args[0], args[2])))
		return h.showText(c, userCardText(tr, u)+"\n\n"+tr.T(i18n.LinkChoose), inline(rows...))
	}
	crmID, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || crmID < 0 {
		return h.onStaleButton(c)
	}
	if err := h.store.LinkCRMUser(ctx, id, crmID); err != nil {
		return err
	}
	u, err := h.store.User(ctx, id)
	if err != nil {
		return err
	}
	return h.showText(c, userCardText(tr, u), userCardKeyboard(tr, u, page))
}

// sameName reports whether an amoCRM user's name is the Telegram user's:
// both words, in either order, ignoring case.
func sameName(crmName string, u domain.User) bool {
	if u.FirstName == "" {
		return false
	}
	f := strings.Fields(strings.ToLower(crmName))
	want := []string{strings.ToLower(u.FirstName)}
	if u.LastName != "" {
		want = append(want, strings.ToLower(u.LastName))
	}
	for _, w := range want {
		if !slices.Contains(f, w) {
			return false
		}
	}
	return true
}

// likelyFirst puts the amoCRM users named like u first.
func likelyFirst(users []domain.CRMUser, u domain.User) []domain.CRMUser {
	out := slices.Clone(users)
	slices.SortStableFunc(out, func(a, b domain.CRMUser) int {
		return boolRank(sameName(b.Name, u)) - boolRank(sameName(a.Name, u))
	})
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
