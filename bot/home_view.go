package bot

import (
	"html"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// homeCard is the picture of the dashboard of dashboards: one tile per
// area with its headline KPI and a small preview of its dashboard.
func homeCard(tr i18n.Printer, h domain.Home) charts.HomeCard {
	weeks := h.Deals.Weeks
	if len(weeks) > 8 {
		weeks = weeks[len(weeks)-8:]
	}
	return charts.HomeCard{
		Title:    tr.T(i18n.HomeTitle),
		Subtitle: tr.T(i18n.AsOf, tr.Date(h.AsOf)), // the day only: the caption has the time, so the picture holds all day
		Areas: []charts.AreaPreview{
			{
				Title:    tr.T(i18n.AreaCRM),
				Accent:   charts.AccentBlue,
				Headline: tr.T(i18n.XOfY, tr.Int(h.Deals.WeekWon), tr.Int(h.Deals.WeekInPlay)),
				Note:     tr.T(i18n.HomeCRMNote),
				Panel:    weeklyDealBars(tr, weeks),
			},
			{
				Title:    tr.T(i18n.AreaTasks),
				Accent:   charts.AccentViolet,
				Headline: tr.T(i18n.XOfY, tr.Int(h.Tasks.Active), tr.Int(h.Tasks.Total)),
				Note:     tr.T(i18n.HomeTasksNote, tr.Int(h.Tasks.Overdue)),
				Panel:    taskStatusDonut(tr, h.Tasks),
			},
			{
				Title:    tr.T(i18n.AreaMining),
				Accent:   charts.AccentTeal,
				Headline: tr.Percent(h.Mining.PotentialPct()),
				Note:     tr.T(i18n.HomeMiningNote, tr.Int(h.Mining.Operations), tr.Decimal(h.Mining.Hours, 0)),
				Panel:    processRanking(tr, h.Mining, 4),
			},
			{
				Title:    tr.T(i18n.AreaIdeas),
				Accent:   charts.AccentAmber,
				Headline: tr.T(i18n.XOfY, tr.Int(h.Ideas.Accepted), tr.Int(h.Ideas.Submitted)),
				Note:     tr.T(i18n.HomeIdeasNote, tr.N(i18n.Votes, h.Ideas.Votes)),
				Panel:    ideaStatusDonut(tr, h.Ideas),
			},
		},
	}
}

// homeCaption repeats the headline KPIs as text: searchable, readable by
// screen readers, and there even when the picture does not load.
func homeCaption(tr i18n.Printer, h domain.Home) string {
	lines := []string{
		"<b>" + html.EscapeString(tr.T(i18n.HomeTitle)) + "</b>",
		"",
		tr.T(i18n.HomeCRMLine, tr.Int(h.Deals.WeekWon), tr.Int(h.Deals.WeekInPlay)),
		tr.T(i18n.HomeTasksLine, tr.Int(h.Tasks.Active), tr.Int(h.Tasks.Total), tr.Int(h.Tasks.Overdue)),
		tr.T(i18n.HomeMiningLine, tr.N(i18n.Operations, h.Mining.Operations), tr.Decimal(h.Mining.Hours, 0),
			tr.Percent(h.Mining.PotentialPct())),
		tr.T(i18n.HomeIdeasLine, tr.N(i18n.Ideas, h.Ideas.Submitted), tr.N(i18n.Votes, h.Ideas.Votes),
			tr.Int(h.Ideas.Accepted)),
		"",
		asOf(tr, h.AsOf),
	}
	return fitLines(tr, lines[0], lines[1:], 0, "", maxCaption)
}
