package bot

import (
	tele "gopkg.in/telebot.v3"

	"processet/i18n"
)

// cancelKeyboard is the «Отмена» under a question the bot asks in the
// chat, and under its repetition after an answer that would not do. The
// button is the way back to where the question was asked from (the deal
// card, the task draft, the settings): pressing it, like pressing any
// button, drops the question (see movingOn), and its handler shows that
// place again.
func cancelKeyboard(tr i18n.Printer, back *tele.Btn, data ...string) *tele.ReplyMarkup {
	return inline(row(button(back, tr.T(i18n.AskCancel), data...)))
}
