package bot

import (
	"processet/domain"
	"processet/i18n"
)

// ideaNewsLines is the digest's ideas part: how many ideas were proposed
// and decided since the previous digest, and the latest of each. Nothing
// when nothing happened.
func ideaNewsLines(tr i18n.Printer, n domain.IdeaNews) []string {
	if n.NewCount == 0 && n.DecidedCount == 0 {
		return nil
	}
	lines := []string{tr.T(i18n.IdeaDigestNews, tr.Int(n.NewCount), tr.Int(n.DecidedCount))}
	for _, i := range n.New[:min(3, len(n.New))] {
		lines = append(lines, tr.T(i18n.IdeaDigestNew, "<b>"+esc(i.Title, 80)+"</b>"))
	}
	for _, e := range n.Decisions[:min(3, len(n.Decisions))] {
		title := n.Titles[e.IdeaID]
		lines = append(lines, tr.T(i18n.IdeaDigestDecision, tr.T(i18n.IdeaStatusName(e.To)), "<b>"+esc(title, 80)+"</b>"))
	}
	return lines
}
