package bot

import (
	"fmt"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// handleStatus shows admins whether the bot and its database are healthy
// and how much data it holds.
func (h *Handler) handleStatus(c tele.Context) error {
	ctx, cancel := h.ctx(c)
	defer cancel()
	start := time.Now()
	if err := h.store.Ping(ctx); err != nil {
		return err
	}
	ping := time.Since(start)
	roles, err := h.store.RoleCounts(ctx)
	if err != nil {
		return err
	}
	counts, err := h.store.Counts(ctx)
	if err != nil {
		return err
	}
	tr := h.printer(c)
	now := h.cfg.Now()
	db := tr.T(i18n.StatusDBExternal)
	if h.cfg.Database == "embedded" {
		db = tr.T(i18n.StatusDBEmbedded)
	}
	text := tr.T(i18n.StatusText,
		h.cfg.Version, tr.Duration(now.Sub(h.started)), tr.DateTime(h.started),
		db, fmt.Sprintf("%.1f", float64(ping.Microseconds())/1000),
		roles[domain.RoleAdmin], roles[domain.RoleManager], roles[domain.RoleEmployee], roles[domain.RolePending],
		counts.Deals, counts.Companies, counts.CRMTasks, counts.Tasks, counts.Operations, counts.Ideas, counts.Votes, counts.Chats)
	return h.showText(c, text, inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
}
