package bot

import (
	"fmt"
	"time"

	"processet/charts"
	"processet/domain"
	"processet/i18n"
)

// ideasCard is the improvement dashboard's picture: how many ideas, how
// engaged the staff is, what management decided, and the leading ideas.
func ideasCard(tr i18n.Printer, now time.Time, s domain.IdeaSummary) charts.AreaCard {
	top := &charts.Ranking{Title: tr.T(i18n.IdeasTop)}
	for _, i := range s.Top {
		top.Rows = append(top.Rows, charts.RankRow{Label: i.Title, Value: float64(max(i.Score(), 0)),
			ValueText: fmt.Sprintf("+%d / −%d", i.Up, i.Down)})
	}
	return charts.AreaCard{
		Accent:   charts.AccentAmber,
		Title:    tr.T(i18n.AreaIdeas),
		Subtitle: tr.T(i18n.AsOf, tr.Date(now)), // the day only: the caption has the time, so the picture holds all day
		Tiles: []charts.Tile{
			{Label: tr.T(i18n.IdeasSubmitted), Value: tr.Int(s.Submitted)},
			{Label: tr.T(i18n.IdeasVotes), Value: tr.Int(s.Votes)},
			{Label: tr.T(i18n.IdeasAccepted), Value: tr.Int(s.Accepted)},
			{Label: tr.T(i18n.IdeasPending), Value: tr.Int(s.Pending)},
		},
		Panels: []charts.Panel{ideaStatusDonut(tr, s), top},
	}
}

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

// ideasCaption lists the pending ideas colleagues support most.
func ideasCaption(tr i18n.Printer, now time.Time, s domain.IdeaSummary) string {
	header := captionHeader(tr.T(i18n.AreaIdeas),
		tr.T(i18n.IdeasSummaryLine, tr.Int(s.Submitted), tr.Int(s.Votes), tr.Int(s.Accepted), tr.Int(s.Pending)),
		tr.T(i18n.IdeasTop))
	if len(s.Top) == 0 {
		header += "\n" + tr.T(i18n.IdeasNone)
	}
	var lines []string
	for _, i := range s.Top {
		author := i.AuthorName
		if author == "" {
			author = tr.T(i18n.Nobody)
		}
		lines = append(lines, fmt.Sprintf("👍 %d 👎 %d — <b>%s</b>\n    %s", i.Up, i.Down, esc(i.Title, 80), esc(author, 30)))
	}
	return fitLines(tr, header, lines, s.Pending-len(s.Top), asOf(tr, now), maxCaption)
}
