package bot

import (
	"cmp"
	"context"
	"strings"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// command is one entry of the bot's menu.
type command struct {
	name string
	desc i18n.Key
	role domain.Role // least role that may use it; "" for everyone
}

// commands is the menu, in the order users see it.
var commands = []command{
	{"home", i18n.CmdHome, domain.RoleEmployee},
	{"crm", i18n.CmdCRM, domain.RoleEmployee},
	{"tasks", i18n.CmdTasks, domain.RoleEmployee},
	{"mining", i18n.CmdMining, domain.RoleEmployee},
	{"ideas", i18n.CmdIdeas, domain.RoleEmployee},
	{"task", i18n.CmdTask, domain.RoleEmployee},
	{"idea", i18n.CmdIdea, domain.RoleEmployee},
	{"subscribe", i18n.CmdSubscribe, domain.RoleEmployee},
	{"lang", i18n.CmdLang, ""},
	{"help", i18n.CmdHelp, ""},
	{"start", i18n.CmdStart, ""},
	{"users", i18n.CmdUsers, domain.RoleAdmin},
	{"status", i18n.CmdStatus, domain.RoleAdmin},
	{"amocrm", i18n.CmdAmoCRM, domain.RoleAdmin},
}

// menu lists the commands for a role; admin commands only for admins.
func menu(tr i18n.Printer, admin bool) []tele.Command {
	var out []tele.Command
	for _, c := range commands {
		if c.role == domain.RoleAdmin && !admin {
			continue
		}
		out = append(out, tele.Command{Text: c.name, Description: tr.T(c.desc)})
	}
	return out
}

// SetCommands publishes the menu in both languages, and the longer admin
// menu in the chat of every admin: the configured ones and those promoted
// in /users.
func (h *Handler) SetCommands() error {
	for _, l := range domain.Langs {
		tr := i18n.New(l, h.cfg.Loc)
		code := string(l)
		if l == domain.LangRU {
			// The default list (no language code) is Russian, the
			// company's first language.
			if err := h.bot.SetCommands(menu(tr, false)); err != nil {
				return err
			}
		}
		if err := h.bot.SetCommands(menu(tr, false), code); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stored, err := h.store.UsersWithRole(ctx, domain.RoleAdmin)
	if err != nil {
		return err
	}
	for _, a := range domain.WithConfiguredAdmins(stored, h.cfg.Admins) {
		h.setAdminMenu(ctx, a.ID, true)
	}
	return nil
}

// setAdminMenu gives an admin's chat the menu with the admin commands, in
// every language and for any other (Russian), or takes it away again.
// Failures are logged: an admin who has not opened the bot has no chat.
func (h *Handler) setAdminMenu(ctx context.Context, id int64, admin bool) {
	scope := tele.CommandScope{Type: tele.CommandScopeChat, ChatID: id}
	for _, l := range append([]domain.Lang{""}, domain.Langs...) {
		opts := []any{scope}
		if l != "" {
			opts = append(opts, string(l))
		}
		var err error
		if admin {
			tr := i18n.New(cmp.Or(l, domain.LangRU), h.cfg.Loc)
			err = h.bot.SetCommands(append([]any{menu(tr, true)}, opts...)...)
		} else {
			err = h.bot.DeleteCommands(opts...)
		}
		if err != nil {
			h.log.WarnContext(ctx, "admin command menu", "user", id, "admin", admin, "err", err)
		}
	}
}

// handleHelp lists what the user may do.
func (h *Handler) handleHelp(c tele.Context) error {
	tr := h.printer(c)
	u := user(c)
	var b strings.Builder
	b.WriteString("<b>" + tr.T(i18n.HelpTitle) + "</b>\n\n")
	if !u.Role.Approved() {
		b.WriteString(tr.T(i18n.HelpPending))
		return c.Send(b.String(), tele.ModeHTML)
	}
	b.WriteString(tr.T(i18n.HelpIntro) + "\n\n")
	for _, cmd := range commands {
		if cmd.role != "" && !u.Role.AtLeast(cmd.role) {
			continue
		}
		b.WriteString("/" + cmd.name + " — " + tr.T(cmd.desc) + "\n")
	}
	return c.Send(b.String(), tele.ModeHTML)
}
