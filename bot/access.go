package bot

import (
	"context"
	"html"
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// userStore keeps users, their roles and the chats the bot is in.
type userStore interface {
	TouchUser(ctx context.Context, u domain.User, role domain.Role, forceRole bool) (domain.User, bool, error)
	TouchChat(ctx context.Context, id int64, typ, title string) error
	User(ctx context.Context, id int64) (domain.User, error)
	SetRole(ctx context.Context, id int64, role domain.Role) (domain.User, error)
	SetLang(ctx context.Context, id int64, lang domain.Lang) error
	SetTimeZone(ctx context.Context, id int64, zone string) error
	DecidePending(ctx context.Context, id int64, role domain.Role) (domain.User, bool, error)
	TouchUserDroppingInput(ctx context.Context, u domain.User, role domain.Role, forceRole bool, inChat int64) (domain.User, bool, error)
	Users(ctx context.Context, offset, limit int) ([]domain.User, int, error)
	UsersWithRole(ctx context.Context, role domain.Role) ([]domain.User, error)
	RequestAccess(ctx context.Context, id int64) (bool, error)
	RoleCounts(ctx context.Context) (map[domain.Role]int, error)
	Counts(ctx context.Context) (domain.Counts, error)
	SyncStatus(ctx context.Context) ([]domain.SyncState, error)
	Ping(ctx context.Context) error
}

// handleStart greets: approved users get the home dashboard, newcomers are
// put on the waiting list and the admins are asked once.
func (h *Handler) handleStart(c tele.Context) error {
	u := user(c)
	tr := h.printer(c)
	switch {
	case u.Role.Approved() && strings.HasPrefix(c.Message().Payload, "deal_"):
		// A deep link from a message about a deal opens its card.
		id, ok := parseID(strings.TrimPrefix(c.Message().Payload, "deal_"))
		if !ok {
			return h.showArea(c, areaHome)
		}
		return h.showDeal(c, id, "")
	case u.Role.Approved() && strings.HasPrefix(c.Message().Payload, "idea_"):
		// «Подробнее» under an idea's post in the ideas group opens its card.
		if took, err := h.ideaDeepLink(c); took {
			return err
		}
		return h.showArea(c, areaHome)
	case u.Role.Approved():
		return h.showArea(c, areaHome)
	case u.Role == domain.RoleRejected:
		return c.Send(tr.T(i18n.AccessRejected))
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	first, err := h.store.RequestAccess(ctx, u.ID)
	if err != nil {
		return err
	}
	if !first {
		return c.Send(tr.T(i18n.PendingWait))
	}
	if err := h.askAdmins(ctx, u); err != nil {
		return err
	}
	return c.Send(tr.T(i18n.AccessRequested, html.EscapeString(u.DisplayName())), tele.ModeHTML)
}

// askAdmins sends every admin the newcomer with Approve and Reject
// buttons, each admin in their own language.
func (h *Handler) askAdmins(ctx context.Context, newcomer domain.User) error {
	admins, err := h.store.UsersWithRole(ctx, domain.RoleAdmin)
	if err != nil {
		return err
	}
	id := strconv.FormatInt(newcomer.ID, 10)
	for _, a := range domain.WithConfiguredAdmins(admins, h.cfg.Admins) {
		adminID, tr := a.ID, i18n.New(a.Language(), a.Location(h.cfg.Loc))
		markup := inline(row(button(btnApprove, tr.T(i18n.Approve), id), button(btnReject, tr.T(i18n.Reject), id)))
		_, err := h.bot.Send(&tele.User{ID: adminID}, accessRequestText(tr, newcomer), markup, tele.ModeHTML)
		if err != nil {
			// An admin who never opened the bot cannot be written to;
			// the others still get the request.
			h.log.WarnContext(ctx, "ask admin about a newcomer", "admin", adminID, "err", err)
		}
	}
	return nil
}

func accessRequestText(tr i18n.Printer, u domain.User) string {
	handle := ""
	if u.Username != "" {
		handle = " (@" + html.EscapeString(u.Username) + ")"
	}
	return tr.T(i18n.AccessRequestAdmin, html.EscapeString(u.DisplayName()), handle, u.ID)
}

// onApprove makes a pending user an employee.
func (h *Handler) onApprove(c tele.Context) error { return h.decide(c, domain.RoleEmployee) }

// onReject closes the door for a pending user.
func (h *Handler) onReject(c tele.Context) error { return h.decide(c, domain.RoleRejected) }

func (h *Handler) decide(c tele.Context, role domain.Role) error {
	id, ok := parseID(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	tr := h.printer(c)
	target, decided, err := h.store.DecidePending(ctx, id, role)
	if err != nil {
		return err
	}
	if err := h.showText(c, decisionText(tr, target), nil); err != nil {
		return err
	}
	if !decided {
		return nil // another admin was quicker: the card shows what they decided
	}
	return h.tellDecision(ctx, target)
}

func decisionText(tr i18n.Printer, u domain.User) string {
	name := html.EscapeString(u.DisplayName())
	if u.Role.Approved() {
		return tr.T(i18n.AccessApprovedAdmin, name, tr.T(roleKey(u.Role)))
	}
	return tr.T(i18n.AccessRejectedAdmin, name)
}

// tellDecision lets the newcomer know, in their language.
func (h *Handler) tellDecision(ctx context.Context, u domain.User) error {
	tr := i18n.New(u.Language(), u.Location(h.cfg.Loc))
	var err error
	if u.Role.Approved() {
		_, err = h.bot.Send(&tele.User{ID: u.ID}, tr.T(i18n.AccessGranted),
			inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))), tele.ModeHTML)
	} else {
		_, err = h.bot.Send(&tele.User{ID: u.ID}, tr.T(i18n.AccessRejected))
	}
	if err != nil {
		// The decision stands even if the user blocked the bot meanwhile.
		h.log.WarnContext(ctx, "tell user about access decision", "user", u.ID, "err", err)
	}
	return nil
}

// onStaleButton answers buttons whose data no longer parses or that no
// handler knows: old messages from an earlier version, or forged data.
func (h *Handler) onStaleButton(c tele.Context) error {
	return h.answer(c, h.printer(c).T(i18n.StaleButton), false)
}

// handleText takes the answer to a question the bot asked (a task's title,
// a price, an e-mail…); other free text in a private chat gets a hint,
// and in groups the bot keeps quiet unless spoken to with a command.
func (h *Handler) handleText(c tele.Context) error {
	private := c.Chat() != nil && c.Chat().Type == tele.ChatPrivate
	if !user(c).Role.Approved() {
		if private {
			return h.deny(c)
		}
		return nil
	}
	if took, err := h.pendingAnswer(c); took || err != nil {
		return err
	}
	if name, ok := h.unknownCommand(c.Message().Text, private); ok {
		return c.Send(h.printer(c).T(i18n.UnknownCommand, "<code>"+esc(name, 40)+"</code>"), tele.ModeHTML)
	}
	if !private {
		return nil
	}
	return c.Send(h.printer(c).T(i18n.NotUnderstood))
}

// unknownCommand reports the command a text starts with when no handler
// took it (telebot passes those on as text). In a group only a command
// addressed to this bot ("/foo@thisbot") is answered: a bare one may be
// meant for another bot in the group.
func (h *Handler) unknownCommand(text string, private bool) (string, bool) {
	fields := strings.Fields(text)
	if len(fields) == 0 || len(fields[0]) < 2 || fields[0][0] != '/' {
		return "", false
	}
	name, to, addressed := strings.Cut(fields[0], "@")
	if addressed && (h.bot.Me == nil || !strings.EqualFold(to, h.bot.Me.Username)) {
		return "", false
	}
	return name, private || addressed
}

func roleKey(r domain.Role) i18n.Key { return i18n.RoleName(r) }
