package bot

import (
	"html"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// ideasGroupSettings answers /ideas in a group: an admin sees whether it
// is the ideas group and may make it one, or trust its members; anyone
// else is told who may.
func (h *Handler) ideasGroupSettings(c tele.Context) error {
	tr := h.printer(c)
	if user(c).Role != domain.RoleAdmin {
		return c.Send(tr.T(i18n.IdeaGroupAdminsOnly))
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	g, ok, err := h.ideas.IdeasGroup(ctx)
	if err != nil {
		return err
	}
	return h.showText(c, ideaGroupText(tr, g, ok, c.Chat().ID), ideaGroupKeyboard(tr, g, ok, c.Chat().ID))
}

// ideaGroupText says what this group is for the ideas, and what trusting
// it means.
func ideaGroupText(tr i18n.Printer, g domain.IdeasGroup, set bool, chatID int64) string {
	switch {
	case set && g.ChatID == chatID && g.Trusted:
		return tr.T(i18n.IdeaGroupIsTrusted)
	case set && g.ChatID == chatID:
		return tr.T(i18n.IdeaGroupIs)
	case set:
		return tr.T(i18n.IdeaGroupElsewhere, html.EscapeString(g.Title))
	}
	return tr.T(i18n.IdeaGroupNone)
}

func ideaGroupKeyboard(tr i18n.Printer, g domain.IdeasGroup, set bool, chatID int64) *tele.ReplyMarkup {
	if !set || g.ChatID != chatID {
		return inline(row(button(btnIdeaGroup, "💡 "+tr.T(i18n.IdeaGroupMake), "set")))
	}
	if g.Trusted {
		return inline(row(button(btnIdeaGroup, "✓ "+tr.T(i18n.IdeaGroupTrust), "distrust")))
	}
	return inline(row(button(btnIdeaGroup, tr.T(i18n.IdeaGroupTrust), "trust")))
}

// onIdeaGroup makes the button's group the ideas group, or toggles trust
// in its members; the settings message shows the new state.
func (h *Handler) onIdeaGroup(c tele.Context) error {
	chat := c.Chat()
	if chat == nil || chat.Type == tele.ChatPrivate {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	var (
		g   domain.IdeasGroup
		err error
	)
	switch c.Callback().Data {
	case "set":
		g, err = h.ideas.SetIdeasGroup(ctx, u, chat.ID, chat.Title)
	case "trust", "distrust":
		g, err = h.ideas.SetTrusted(ctx, u, chat.ID, c.Callback().Data == "trust")
	default:
		return h.onStaleButton(c)
	}
	if err != nil {
		return err
	}
	tr := h.printer(c)
	if err := h.answer(c, tr.T(i18n.IdeaGroupSaved), false); err != nil {
		return err
	}
	return h.showText(c, ideaGroupText(tr, g, true, chat.ID), ideaGroupKeyboard(tr, g, true, chat.ID))
}
