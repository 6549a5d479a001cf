package bot

import (
	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// onIdeaVote answers 👍 and 👎 wherever they are: a group post, the
// dashboard or a card. Every press gets a short answer and never a new
// message. The service counts the press (idempotently) and edits the
// group posts itself, coalesced; here a card is redrawn in place (one
// viewer, no coalescing needed) and the dashboard's buttons get the new
// counts. Forged or stale data changes nothing.
func (h *Handler) onIdeaVote(c tele.Context) error {
	v, ok := parseVote(c.Callback().Data)
	if !ok {
		return h.onStaleButton(c)
	}
	ctx, cancel := h.ctx(c)
	defer cancel()
	u := user(c)
	res, err := h.ideas.Vote(ctx, u, c.Chat().ID, v.ideaID, v.value)
	if took, aerr := h.ideaAccess(c, err); took {
		return aerr
	}
	if err != nil {
		return err
	}
	tr := h.printer(c)
	if err := h.answer(c, tr.T(voteAnswerKey(res.Outcome)), false); err != nil {
		return err
	}
	switch v.where {
	case voteOnCard:
		card, err := h.ideas.Card(ctx, u, c.Chat().ID, v.ideaID)
		if err != nil {
			return err
		}
		return h.showScreen(c, ideaCardText(tr, card), ideaCardKeyboard(tr, card, v.back))
	case voteOnDashboard:
		d, err := h.ideas.Dashboard(ctx, u)
		if err != nil {
			return err
		}
		_, err = h.bot.EditReplyMarkup(c.Message(), ideasKeyboard(tr, d))
		return ignoreNotModified(err)
	}
	return nil // a group post: the service's coalesced edit shows the count
}

// voteAnswerKey words what a press did.
func voteAnswerKey(o domain.VoteOutcome) i18n.Key {
	switch o {
	case domain.VoteWithdrawn:
		return i18n.IdeaVoteWithdrawn
	case domain.VoteSwitched:
		return i18n.IdeaVoteSwitched
	}
	return i18n.IdeaVoteCounted
}
