package bot

import (
	"strings"
	"time"

	"processet/domain"
	"processet/i18n"
)

// processListText is a page of the processes ranked by potential hours,
// each with its operations and hours per year and its potential.
func processListText(tr i18n.Printer, ps []domain.ProcessStat, page, total int) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = tr.T(i18n.MiningListLine, esc(p.Name, 60), tr.Int(p.Operations), tr.Decimal(p.Hours, 0),
			tr.Decimal(p.PotentialHours, 0), tr.Percent(p.PotentialPct()))
	}
	return pagedList(tr, tr.T(i18n.MiningListTitle, tr.Int(total)), page, processesPerPage, total, lines, tr.T(i18n.MiningListEmpty))
}

// Card limits: the top variants and the activities by potential; the
// activities are cut further if the card would pass Telegram's limit.
const (
	cardVariants   = 5
	cardActivities = 15
)

// processCardText is a process card: its size, its year, its top
// variants, its throughput time and rework, and its activities by
// potential.
func processCardText(tr i18n.Printer, r domain.ProcessResult) string {
	var b strings.Builder
	b.WriteString("<b>" + esc(r.Name, 100) + "</b>\n")
	b.WriteString(tr.T(i18n.MiningCardCounts, tr.Int(r.Cases), tr.Int(r.Events), tr.Int(r.Activities), tr.Int(r.Variants)) + "\n")
	if !r.First.IsZero() {
		b.WriteString(tr.T(i18n.MiningCardPeriod, tr.Date(r.First), tr.Date(r.Last)) + "\n")
	}
	b.WriteString(tr.T(i18n.MiningCardYear, tr.Decimal(r.OperationsPerYear, 0), tr.Decimal(r.HoursPerYear, 0),
		tr.Decimal(r.FTE, 1), tr.Decimal(r.PotentialHours, 0), tr.Percent(r.PotentialPct())) + "\n")
	b.WriteString(tr.T(i18n.MiningCardTime, tr.Duration(r.MedianThroughput), tr.Duration(r.MeanThroughput)) + "\n")
	b.WriteString(tr.T(i18n.MiningCardRework, tr.Percent(100*r.ReworkShare)) + "\n")
	if len(r.TopVariants) > 0 {
		b.WriteString("\n" + tr.T(i18n.MiningCardVariants) + "\n")
		for i, v := range r.TopVariants[:min(cardVariants, len(r.TopVariants))] {
			b.WriteString(tr.N(i18n.MiningCardVariant, v.Cases, i+1, tr.Percent(100*v.Share)) + "\n")
			b.WriteString("<i>" + esc(strings.Join(v.Activities, " → "), 120) + "</i>\n")
		}
	}
	header := b.String() + "\n" + tr.T(i18n.MiningCardActs)
	shown := r.ActivityStats[:min(cardActivities, len(r.ActivityStats))]
	lines := make([]string, len(shown))
	for i, a := range shown {
		lines[i] = tr.T(i18n.MiningCardAct, esc(a.Name, 60), tr.Decimal(a.PerYear, 0), serviceTime(tr, a.MeanSeconds),
			tr.Decimal(a.HoursPerYear, 0), tr.Percent(100*a.Share), tr.Decimal(a.PotentialHours, 0))
	}
	footer := ""
	if !r.ComputedAt.IsZero() {
		footer = "<i>" + tr.T(i18n.MiningCardComputed, tr.DateTime(r.ComputedAt)) + "</i>"
	}
	return fitLines(tr, header, lines, len(r.ActivityStats)-len(shown), footer, maxText)
}

// serviceTime is a mean service time: seconds when under a minute (a
// click in a form), else minutes and hours.
func serviceTime(tr i18n.Printer, seconds float64) string {
	if seconds < 60 {
		return tr.T(i18n.MiningSeconds, tr.Decimal(seconds, 0))
	}
	return tr.Duration(time.Duration(seconds * float64(time.Second)))
}
