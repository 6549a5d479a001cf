package bot

import (
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/i18n"
)

// handleAmoCRM connects amoCRM by OAuth: an admin pastes the
// authorization code amoCRM showed after consent. The message holding
// the code is deleted: the code is a credential, if a short-lived one.
func (h *Handler) handleAmoCRM(c tele.Context) error {
	tr := h.printer(c)
	code := strings.TrimSpace(c.Message().Payload)
	if code == "" || h.cfg.CRM == nil {
		return c.Send(tr.T(i18n.AmoCRMHelp), tele.ModeHTML)
	}
	_ = c.Delete() // best effort: a group may not allow it
	ctx, cancel := h.ctx(c)
	defer cancel()
	if err := h.cfg.CRM.Connect(ctx, code); err != nil {
		return err
	}
	return c.Send(tr.T(i18n.AmoCRMConnected))
}
