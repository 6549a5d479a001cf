package bot

import (
	"fmt"
	"html"
	"strings"
	"time"
	"unicode"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// dealsCard is the CRM dashboard's picture: the brief's header KPIs, the
// weekly deal dynamics and the donut of amoCRM tasks by state.
func dealsCard(tr i18n.Printer, now time.Time, s domain.DealSummary) charts.AreaCard {
	return charts.AreaCard{
		Accent:   charts.AccentBlue,
		Title:    tr.T(i18n.AreaCRM),
		Subtitle: tr.T(i18n.AsOf, tr.Date(now)), // the day only: the caption has the time, so the picture holds all day
		Tiles: []charts.Tile{
			{Label: tr.T(i18n.CRMDeals), Value: tr.Int(s.Deals), Note: tr.T(i18n.CRMActiveNote, tr.Int(s.ActiveAll))},
			{Label: tr.T(i18n.CRMRevenue), Value: tr.MoneyShort(s.WonRevenue)},
			{Label: tr.T(i18n.CRMWon), Value: tr.Int(s.Won), Note: tr.T(i18n.CRMWeekNote, tr.Int(s.WeekWon))},
			{Label: tr.T(i18n.CRMCompanies), Value: tr.Int(s.Companies), Note: tr.T(i18n.CRMWithDeals, tr.Int(s.CompaniesActive))},
		},
		Panels: []charts.Panel{weeklyDealBars(tr, s.Weeks), crmTaskDonut(tr, s.Tasks)},
	}
}

func weeklyDealBars(tr i18n.Printer, weeks []domain.WeekCount) *charts.Bars {
	b := &charts.Bars{Title: tr.T(i18n.CRMDynamics), Series: []charts.Series{{Name: tr.T(i18n.CRMCreated)}, {Name: tr.T(i18n.CRMWonSeries)}}}
	for _, w := range weeks {
		b.Labels = append(b.Labels, tr.ShortDate(w.Start))
		b.Series[0].Values = append(b.Series[0].Values, float64(w.Created))
		b.Series[1].Values = append(b.Series[1].Values, float64(w.Won))
	}
	return b
}

func crmTaskDonut(tr i18n.Printer, t domain.CRMTaskStates) *charts.Donut {
	return &charts.Donut{
		Title:      tr.T(i18n.CRMTasks),
		Center:     tr.Int(t.Total()),
		CenterNote: tr.T(i18n.TasksWord),
		Slices: []charts.Slice{
			{Label: tr.T(i18n.CRMTaskOpen), Value: float64(t.Open)},
			{Label: tr.T(i18n.CRMTaskOverdue), Value: float64(t.Overdue), Tone: charts.ToneBad},
			{Label: tr.T(i18n.CRMTaskDone), Value: float64(t.Completed), Tone: charts.ToneGood},
		},
	}
}

// dealsCaption lists the active deals that have waited longest, with the
// two fields the brief highlights: price and idle time.
func dealsCaption(tr i18n.Printer, now time.Time, s domain.DealSummary) string {
	header := captionHeader(tr.T(i18n.AreaCRM),
		tr.T(i18n.CRMSummaryLine, tr.Int(s.Deals), tr.Int(s.Won), tr.Money(s.WonRevenue), tr.Int(s.Companies), tr.Int(s.CompaniesActive)),
		tr.T(i18n.CRMActiveTitle))
	if len(s.Active) == 0 {
		header += "\n" + tr.T(i18n.CRMNoActive)
	}
	var lines []string
	for i, d := range s.Active {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, dealLine(tr, now, d)))
	}
	return fitLines(tr, header, lines, s.ActiveAll-len(s.Active), asOf(tr, now), maxCaption)
}

func companySuffix(name string) string {
	if name == "" {
		return ""
	}
	return " — " + esc(name, 40)
}

// esc makes user or CRM data safe for a one-line HTML field: valid
// UTF-8, no control characters or line breaks, at most n characters.
func esc(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return html.EscapeString(truncate(s, n))
}
