package bot

import (
	"context"
	"fmt"
	"time"

	tele "gopkg.in/telebot.v3"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// miningCard is the task mining dashboard's picture: the brief's three
// KPIs and the processes ranked by the hours they take.
func miningCard(tr i18n.Printer, now time.Time, m domain.MiningSummary) charts.AreaCard {
	return charts.AreaCard{
		Accent:   charts.AccentTeal,
		Title:    tr.T(i18n.AreaMining),
		Subtitle: tr.T(i18n.AsOf, tr.Date(now)), // the day only: the caption has the time, so the picture holds all day
		Tiles: []charts.Tile{
			{Label: tr.T(i18n.MiningOperations), Value: tr.Int(m.Operations)},
			{Label: tr.T(i18n.MiningHours), Value: tr.Decimal(m.Hours, 0)},
			{Label: tr.T(i18n.MiningPotential), Value: tr.Percent(m.PotentialPct()),
				Note: tr.T(i18n.HoursPerYear, tr.Decimal(m.PotentialHours, 0))},
			{Label: tr.T(i18n.MiningProcesses), Value: tr.Int(len(m.Processes))},
		},
		Panels: []charts.Panel{processRanking(tr, m, 10)},
	}
}

func processRanking(tr i18n.Printer, m domain.MiningSummary, n int) *charts.Ranking {
	r := &charts.Ranking{Title: tr.T(i18n.MiningByProcess)}
	for _, p := range m.Processes[:min(n, len(m.Processes))] {
		r.Rows = append(r.Rows, charts.RankRow{Label: p.Name, Value: p.Hours,
			ValueText: tr.T(i18n.HoursPct, tr.Decimal(p.Hours, 0), tr.Percent(p.PotentialPct()))})
	}
	return r
}

// miningCaption lists the processes with the most hours to win back.
func miningCaption(tr i18n.Printer, now time.Time, m domain.MiningSummary) string {
	header := captionHeader(tr.T(i18n.AreaMining),
		tr.T(i18n.MiningSummaryLine, tr.Int(m.Operations), tr.Decimal(m.Hours, 0), tr.Percent(m.PotentialPct())),
		tr.T(i18n.MiningTopTitle))
	if len(m.Processes) == 0 {
		header += "\n" + tr.T(i18n.MiningNone)
	}
	shown := m.Processes[:min(listLimit, len(m.Processes))]
	var lines []string
	for i, p := range shown {
		lines = append(lines, fmt.Sprintf("%d. <b>%s</b> — %s", i+1, esc(p.Name, 60),
			tr.T(i18n.MiningProcessLine, tr.Decimal(p.Hours, 0), tr.Percent(p.PotentialPct()), tr.Decimal(p.PotentialHours, 0))))
	}
	return fitLines(tr, header, lines, len(m.Processes)-len(shown), asOf(tr, now), maxCaption)
}

// miningButtons are the dashboard's own: «Explore» for everyone, «Get
// data» for managers and admins.
func miningButtons(tr i18n.Printer, u domain.User) []tele.Btn {
	b := row(button(btnMiningList, tr.T(i18n.MiningExplore), "0"))
	if u.Role.AtLeast(domain.RoleManager) {
		b = append(b, button(btnMiningRun, tr.T(i18n.MiningGetData)))
	}
	return b
}

// addIdeaSavings adds the savings in the pipeline to the dashboard: the
// hours a year the accepted ideas are estimated to win back.
func (h *Handler) addIdeaSavings(ctx context.Context, tr i18n.Printer, card *charts.AreaCard) error {
	if h.ideas == nil {
		return nil
	}
	hours, err := h.ideas.PipelineHours(ctx)
	if err != nil {
		return err
	}
	card.Tiles = append(card.Tiles, charts.Tile{Label: tr.T(i18n.IdeaPipeline),
		Value: tr.T(i18n.IdeaHoursShort, tr.Decimal(hours, 0)), Note: tr.T(i18n.IdeaPipelineNote)})
	return nil
}
