package bot

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"processet/domain"
	"processet/i18n"
)

// DigestComposer draws and words the KPI digest: the home card as the
// picture, the headline KPIs and what changed as the caption, and the
// same as an e-mail.
type DigestComposer struct {
	render   renderer
	loc      *time.Location
	now      func() time.Time
	username string // the bot's username, for the link back into it
}

// NewDigestComposer returns a composer; username may be empty (no link).
func NewDigestComposer(r renderer, loc *time.Location, now func() time.Time, username string) *DigestComposer {
	return &DigestComposer{render: r, loc: loc, now: now, username: username}
}

// Picture renders the home card in lang.
func (d *DigestComposer) Picture(ctx context.Context, lang domain.Lang, h domain.Home) ([]byte, error) {
	return d.render.Home(ctx, homeCard(i18n.New(lang, d.loc), h))
}

// Words writes the caption and the e-mail for one recipient, with times
// in the subscription's zone.
func (d *DigestComposer) Words(lang domain.Lang, loc *time.Location, h domain.Home, changes []domain.Change, first bool) domain.Digest {
	tr := i18n.New(lang, loc)
	lines := []string{
		tr.T(i18n.HomeCRMLine, tr.Int(h.Deals.WeekWon), tr.Int(h.Deals.WeekInPlay)),
		tr.T(i18n.HomeTasksLine, tr.Int(h.Tasks.Active), tr.Int(h.Tasks.Total), tr.Int(h.Tasks.Overdue)),
		tr.T(i18n.HomeMiningLine, tr.N(i18n.Operations, h.Mining.Operations), tr.Decimal(h.Mining.Hours, 0),
			tr.Percent(h.Mining.PotentialPct())),
		tr.T(i18n.HomeIdeasLine, tr.N(i18n.Ideas, h.Ideas.Submitted), tr.N(i18n.Votes, h.Ideas.Votes), tr.Int(h.Ideas.Accepted)),
	}
	changed := append(changeLines(tr, changes, first), ideaNewsLines(tr, h.IdeaNews)...)
	link := ""
	if d.username != "" {
		link = fmt.Sprintf(`<a href="https://t.me/%s?start=home">%s</a>`, html.EscapeString(d.username), tr.T(i18n.DigestOpen))
	}
	title := "<b>" + tr.T(i18n.DigestTitle) + "</b>"
	footer := asOf(tr, h.AsOf)
	if link != "" {
		footer = link + "\n" + footer
	}
	body := append(append([]string{}, lines...), "", "<b>"+tr.T(i18n.DigestChanges)+"</b>")
	caption := fitLines(tr, title+"\n", append(body, changed...), 0, footer, maxCaption)
	subject := tr.T(i18n.DigestSubject, tr.Date(h.AsOf))
	return domain.Digest{
		Caption:  caption,
		Subject:  subject,
		MailText: stripTags(strings.Join(append(append([]string{subject, ""}, lines...), append([]string{"", tr.T(i18n.DigestChanges)}, changed...)...), "\n")),
		MailHTML: mailHTML(tr, subject, lines, changed, link, h.AsOf),
	}
}

// changeLines words what moved since the previous digest: ▲ up, ▼ down.
func changeLines(tr i18n.Printer, changes []domain.Change, first bool) []string {
	if first {
		return []string{tr.T(i18n.DigestFirst)}
	}
	if len(changes) == 0 {
		return []string{tr.T(i18n.DigestNoChanges)}
	}
	var out []string
	for _, c := range changes {
		arrow, delta := "▲", c.Delta
		if delta < 0 {
			arrow, delta = "▼", -delta
		}
		value := tr.Decimal(delta, 1)
		if c.Metric == "potential_pct" {
			value = tr.Percent(delta)
		}
		out = append(out, fmt.Sprintf("%s %s %s", arrow, metricText(tr, c.Metric), value))
	}
	return out
}

func mailHTML(tr i18n.Printer, subject string, lines, changed []string, link string, at time.Time) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><body style="font-family:Arial,sans-serif;color:#111">`)
	b.WriteString("<h2>" + html.EscapeString(subject) + "</h2>")
	b.WriteString(`<p><img src="cid:kpi.png" alt="KPI" width="640" style="max-width:100%"></p><p>`)
	b.WriteString(strings.Join(lines, "<br>"))
	b.WriteString("</p><p><b>" + tr.T(i18n.DigestChanges) + "</b><br>" + strings.Join(changed, "<br>") + "</p>")
	if link != "" {
		b.WriteString("<p>" + link + "</p>")
	}
	b.WriteString("<p style=\"color:#666\">" + html.EscapeString(tr.T(i18n.AsOf, tr.DateTime(at))) + "</p></body></html>")
	return b.String()
}

// stripTags turns our caption HTML into plain text for the e-mail's text
// part: the tags are ours (b, i, a), the data inside is already escaped.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}

// metricText words a headline KPI; one without a text shows its name.
func metricText(tr i18n.Printer, metric string) string {
	if k, ok := i18n.MetricName(metric); ok {
		return tr.T(k)
	}
	return esc(metric, 40)
}
