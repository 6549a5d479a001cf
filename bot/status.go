package bot

import (
	"strings"
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
		db, tr.Decimal(float64(ping.Microseconds())/1000, 1),
		roles[domain.RoleAdmin], roles[domain.RoleManager], roles[domain.RoleEmployee], roles[domain.RolePending]) +
		"\n" + statusDataLine(tr, counts)
	states, err := h.store.SyncStatus(ctx)
	if err != nil {
		return err
	}
	text += intakeText(ctx, tr, h.cfg.Intake)
	text += mailStatusText(tr, h.cfg.Mail)
	text += graphvizStatusText(tr, h.maps.draw)
	text += crmSyncText(tr, now, states, h.started, h.cfg.CRMRequests)
	return h.showText(c, text, inline(row(button(btnArea, tr.T(i18n.Home), string(areaHome)))))
}

// statusDataLine is /status's line of data counts; tasks and companies
// are counted as the dashboards count them (domain.Counts).
func statusDataLine(tr i18n.Printer, c domain.Counts) string {
	return tr.T(i18n.StatusData, c.Deals, c.Companies, c.CRMTasks, c.Tasks, c.TasksCancelled, c.MiningProcesses, c.MiningEvents, c.Ideas, c.Votes, c.Chats)
}

// mailStatusText is the e-mail line of /status: empty without e-mail, and
// what is wrong with the SMTP server when a check or a delivery found it.
func mailStatusText(tr i18n.Printer, status func() (bool, string, string)) string {
	if status == nil {
		return ""
	}
	configured, code, detail := status()
	switch {
	case !configured:
		return ""
	case code == "":
		return "\n" + tr.T(i18n.StatusMailOK)
	}
	return "\n" + tr.T(i18n.StatusMailProblem, deliveryReason(tr, code), esc(detail, 300))
}

// crmSyncText is the amoCRM part of /status: each entity's last sync, its
// rows and error, and how busy the connection is. Empty until a sync ran.
func crmSyncText(tr i18n.Printer, now time.Time, states []domain.SyncState, since time.Time, requests func() int64) string {
	var lines []string
	for _, s := range states {
		if s.StartedAt.IsZero() {
			continue
		}
		line := "• " + syncListText(tr, s.Entity) + ": "
		switch {
		case s.Running():
			line += tr.T(i18n.SyncRunning)
		case s.SucceededAt.IsZero():
			line += tr.T(i18n.SyncNever)
		default:
			line += tr.T(i18n.SyncAgo, tr.Duration(now.Sub(s.SucceededAt)), tr.Int(s.Rows))
		}
		if s.Error != "" {
			line += "\n    ⚠️ " + esc(s.Error, 120)
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return ""
	}
	text := "\n\n<b>" + tr.T(i18n.SyncTitle) + "</b>\n" + strings.Join(lines, "\n")
	if requests != nil {
		n := requests()
		perMin := float64(n) / max(now.Sub(since).Minutes(), 1)
		text += "\n" + tr.T(i18n.SyncRequests, tr.Int(int(n)), tr.Decimal(perMin, 1))
	}
	return text
}

// syncListText words one amoCRM list of the mirror.
func syncListText(tr i18n.Printer, e domain.SyncEntity) string {
	if k := i18n.SyncListName(e); k != "" {
		return tr.T(k)
	}
	return esc(string(e), 40)
}
