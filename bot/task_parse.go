package bot

import (
	"html"
	"time"

	"processet/i18n"
	"processet/quickadd"
)

// parseTaskLine reads a quick-add line and words its problems in the
// user's language, quoting what the user typed. titleOptional is set when
// the title comes from elsewhere (a replied message).
func parseTaskLine(tr i18n.Printer, line string, now time.Time, loc *time.Location, titleOptional bool) (quickadd.Draft, []string) {
	d, problems := quickadd.Parse(line, now, loc)
	var texts []string
	for _, p := range problems {
		if titleOptional && p.Code == quickadd.EmptyTitle {
			continue
		}
		if p.Fragment == "" {
			texts = append(texts, tr.T(i18n.ProblemName(p.Code)))
		} else {
			texts = append(texts, tr.T(i18n.ProblemName(p.Code), html.EscapeString(p.Fragment)))
		}
	}
	return d, texts
}
