package bot

import (
	"fmt"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// ideasCard is the improvement dashboard's picture: how many ideas, how
// management decides (rate, time), what the accepted ones save, ideas by
// status and per month, and the ideas colleagues support most.
func ideasCard(tr i18n.Printer, d domain.IdeaDashboard) charts.IdeasCard {
	s := d.Summary
	decision := "—"
	if d.MedianDecision > 0 {
		decision = tr.Duration(d.MedianDecision)
	}
	return charts.IdeasCard{
		Accent:   charts.AccentAmber,
		Title:    tr.T(i18n.AreaIdeas),
		Subtitle: tr.T(i18n.AsOf, tr.Date(d.AsOf)), // the day only: the caption has the time, so the picture holds all day
		Tiles: []charts.Tile{
			{Label: tr.T(i18n.IdeasSubmitted), Value: tr.Int(s.Submitted), Note: tr.N(i18n.Votes, s.Votes)},
			{Label: tr.T(i18n.IdeaAcceptRate), Value: tr.Percent(100 * d.AcceptanceRate),
				Note: tr.T(i18n.XOfY, tr.Int(s.Accepted), tr.Int(d.Decided))},
			{Label: tr.T(i18n.IdeaDecisionTime), Value: decision, Note: tr.T(i18n.IdeaMedianNote)},
			{Label: tr.T(i18n.IdeaPipeline), Value: tr.T(i18n.IdeaHoursShort, tr.Decimal(d.PipelineHours, 0)),
				Note: tr.T(i18n.IdeaPipelineNote)},
			{Label: tr.T(i18n.IdeasPending), Value: tr.Int(s.Pending)},
		},
		Upper: []charts.Panel{ideaStatusRing(tr, d.ByStatus, s.Submitted), ideaMonthBars(tr, d.Months)},
		Lower: ideaLeaders(tr, d.Leaders, 6),
	}
}

// ideaStatusRing shares the ideas out by status; duplicates are counted
// with their originals, so they are left out like on the tiles.
func ideaStatusRing(tr i18n.Printer, by map[domain.IdeaStatus]int, total int) *charts.Donut {
	d := &charts.Donut{Title: tr.T(i18n.IdeasByStatus), Center: tr.Int(total), CenterNote: tr.T(i18n.IdeasWord)}
	for _, st := range domain.IdeaStatuses {
		if st == domain.IdeaDuplicate {
			continue
		}
		d.Slices = append(d.Slices, charts.Slice{Label: tr.T(i18n.IdeaStatusName(st)), Value: float64(by[st]), Tone: ideaTone(st)})
	}
	return d
}

func ideaTone(s domain.IdeaStatus) charts.Tone {
	switch s {
	case domain.IdeaImplemented, domain.IdeaAccepted:
		return charts.ToneGood
	case domain.IdeaRejected:
		return charts.ToneBad
	}
	return charts.ToneAuto
}

// ideaMonthBars are the ideas submitted and accepted in each of the last
// months, by their short month names.
func ideaMonthBars(tr i18n.Printer, months []domain.IdeaMonth) *charts.Bars {
	b := &charts.Bars{Title: tr.T(i18n.IdeaPerMonth), Series: []charts.Series{
		{Name: tr.T(i18n.IdeaSubmittedSeries)}, {Name: tr.T(i18n.IdeaAcceptedSeries)}}}
	names := strings.Split(tr.T(i18n.IdeaMonthNames), "|")
	if len(months) > 6 {
		months = months[len(months)-6:] // half a year reads on a phone
	}
	for _, m := range months {
		b.Labels = append(b.Labels, names[(int(m.Month.Month())+11)%12%len(names)])
		b.Series[0].Values = append(b.Series[0].Values, float64(m.Submitted))
		b.Series[1].Values = append(b.Series[1].Values, float64(m.Accepted))
	}
	return b
}

// ideaLeaders ranks the most supported open ideas by score.
func ideaLeaders(tr i18n.Printer, leaders []domain.Idea, n int) *charts.Ranking {
	top := &charts.Ranking{Title: tr.T(i18n.IdeasTop)}
	for _, i := range leaders[:min(n, len(leaders))] {
		top.Rows = append(top.Rows, charts.RankRow{Label: i.Title, Value: float64(max(i.Score(), 0)),
			ValueText: fmt.Sprintf("+%d / −%d", i.Up, i.Down)})
	}
	return top
}

// ideaStatusDonut is the home tile's preview: ideas by decision.
func ideaStatusDonut(tr i18n.Printer, s domain.IdeaSummary) *charts.Donut {
	return &charts.Donut{
		Title: tr.T(i18n.IdeasByStatus), Center: tr.Int(s.Submitted), CenterNote: tr.T(i18n.IdeasWord),
		Slices: []charts.Slice{
			{Label: tr.T(i18n.IdeaStatusSubmitted), Value: float64(s.Pending)},
			{Label: tr.T(i18n.IdeaStatusAccepted), Value: float64(s.Accepted), Tone: charts.ToneGood},
			{Label: tr.T(i18n.IdeaStatusRejected), Value: float64(s.Rejected), Tone: charts.ToneBad},
		},
	}
}

// ideasCaption is the dashboard's text: the KPI line, the leaders with
// their authors, and the savings in the pipeline.
func ideasCaption(tr i18n.Printer, d domain.IdeaDashboard) string {
	s := d.Summary
	header := captionHeader(tr.T(i18n.AreaIdeas),
		tr.T(i18n.IdeasSummaryLine, tr.Int(s.Submitted), tr.Int(s.Votes), tr.Int(s.Accepted), tr.Int(s.Pending))+"\n"+
			tr.T(i18n.IdeaPipelineLine, tr.Decimal(d.PipelineHours, 0), tr.Percent(100*d.AcceptanceRate)),
		tr.T(i18n.IdeasTop))
	if len(d.Leaders) == 0 {
		header += "\n" + tr.T(i18n.IdeasNone)
	}
	var lines []string
	for i, idea := range d.Leaders[:min(listLimit, len(d.Leaders))] {
		lines = append(lines, fmt.Sprintf("%d. 👍 %d 👎 %d — <b>%s</b> · #%d\n    %s", i+1, idea.Up, idea.Down,
			esc(idea.Title, 80), idea.ID, esc(ideaAuthor(tr, idea), 30)))
	}
	return fitLines(tr, header, lines, max(len(d.Leaders)-listLimit, 0), asOf(tr, d.AsOf), maxCaption)
}

// ideaAuthor names the author, or "anonymous" when the viewer may not
// know (the service leaves the name out then).
func ideaAuthor(tr i18n.Printer, i domain.Idea) string {
	if i.AuthorName == "" {
		return tr.T(i18n.IdeaAnonymous)
	}
	return i.AuthorName
}

// dashboardVoteRows are the leaders' vote buttons on the dashboard: the
// same 👍/👎 as on the posts, and the way into each card.
const dashboardVoteRows = 3

// ideasKeyboard offers the leaders' votes, the lists, a new idea, home.
func ideasKeyboard(tr i18n.Printer, d domain.IdeaDashboard) *tele.ReplyMarkup {
	var rows [][]tele.Btn
	for i, idea := range d.Leaders[:min(dashboardVoteRows, len(d.Leaders))] {
		up, down := voteButtons(idea, 0, voteOnDashboard, ideaList{})
		rows = append(rows, row(up, down, button(btnIdea, fmt.Sprintf("%d. #%d ▸", i+1, idea.ID), ideaData(idea.ID, ideaList{code: listByVotes})...)))
	}
	rows = append(rows,
		row(button(btnIdeas, "🏆 "+tr.T(i18n.IdeaListByVotes), ideaList{code: listByVotes}.data()...),
			button(btnIdeas, "🆕 "+tr.T(i18n.IdeaListNewest), ideaList{code: listNewest}.data()...)),
		row(button(btnIdeaNew, "💡 "+tr.T(i18n.IdeaPropose), "go")),
		row(button(btnArea, tr.T(i18n.Home), string(areaHome)), button(btnArea, tr.T(i18n.Refresh), string(areaIdeas))))
	return inline(rows...)
}

// voteButtons are «👍 N» and «👎 N» for an idea; mine marks the viewer's
// own vote where there is one viewer (not on a group post).
func voteButtons(i domain.Idea, mine domain.VoteValue, where string, back ideaList) (up, down tele.Btn) {
	upText, downText := fmt.Sprintf("👍 %d", i.Up), fmt.Sprintf("👎 %d", i.Down)
	switch mine {
	case domain.VoteUp:
		upText = "✓ " + upText
	case domain.VoteDown:
		downText = "✓ " + downText
	}
	return button(btnIdeaVote, upText, voteData(i.ID, domain.VoteUp, where, back)...),
		button(btnIdeaVote, downText, voteData(i.ID, domain.VoteDown, where, back)...)
}
