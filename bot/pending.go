package bot

import (
	"errors"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
)

// pendingAnswer takes a typed answer to the question the bot last asked
// this user in this chat: a new task's title, something about a deal, an
// amoCRM user's e-mail or a time zone. It reports whether the text was
// such an answer.
func (h *Handler) pendingAnswer(c tele.Context) (bool, error) {
	ctx, cancel := h.ctx(c)
	defer cancel()
	p, err := h.store.TakePendingInput(ctx, user(c).ID, c.Chat().ID)
	if errors.Is(err, domain.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	switch p.Kind {
	case linkEmailQuestion:
		return true, h.linkEmailAnswer(ctx, c, p)
	case zoneQuestion:
		return true, h.zoneAnswer(ctx, c, p)
	case taskTitleQuestion:
		return true, h.draftTitle(ctx, c, p)
	case ideaTitleQuestion, ideaBodyQuestion, ideaProcessQuestion, ideaHoursQuestion:
		return true, h.ideaAnswer(ctx, c, p)
	case ideaReasonQuestion, ideaDupQuestion:
		return true, h.decisionAnswer(ctx, c, p)
	}
	if strings.HasPrefix(p.Kind, "deal_") {
		return true, h.dealAnswer(ctx, c, p)
	}
	if strings.HasPrefix(p.Kind, miningQuestionPrefix) {
		return true, h.miningAnswer(ctx, c, p)
	}
	return false, nil
}
