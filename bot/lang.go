package bot

import (
	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// handleLang offers the interface languages and the time zone.
func (h *Handler) handleLang(c tele.Context) error {
	tr := h.printer(c)
	return h.showText(c, h.settingsText(tr, user(c)), settingsKeyboard(tr, user(c)))
}

func langKeyboard(tr i18n.Printer) *tele.ReplyMarkup {
	var btns []tele.Btn
	for _, l := range domain.Langs {
		label := tr.T(langKey(l))
		if l == tr.Lang {
			label = "✓ " + label
		}
		btns = append(btns, button(btnLang, label, string(l)))
	}
	return inline(btns)
}

// onLang stores the choice and answers in the new language at once.
func (h *Handler) onLang(c tele.Context) error {
	lang := domain.Lang(c.Callback().Data)
	if lang != domain.LangRU && lang != domain.LangEN {
		return h.onStaleButton(c)
	}
	u := user(c)
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.store.SetLang(ctx, u.ID, lang); err != nil {
		return err
	}
	u.Lang = lang
	c.Set(ctxUser, u)
	tr := h.printer(c)
	if err := h.answer(c, tr.T(i18n.LangSet), false); err != nil {
		return err
	}
	return h.showText(c, h.settingsText(tr, u), settingsKeyboard(tr, u))
}
