package bot

import (
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
	"processet/mining/processmap"
)

// The text view lists the mapTopEdges most frequent paths and at most
// mapPathSteps activities of the main path, so that it fits a message.
const (
	mapTopEdges  = 10
	mapPathSteps = 20
)

// mapLabels are a map's words and numbers in the reader's language.
func mapLabels(tr i18n.Printer) processmap.Labels {
	return processmap.Labels{
		Start:    tr.T(i18n.MiningMapStart),
		End:      tr.T(i18n.MiningMapEnd),
		Count:    tr.Int,
		Duration: func(s float64) string { return serviceTime(tr, s) },
	}
}

// mapHeader is the first lines of the map, picture or text: the process,
// the view and level, and how much of the process is shown.
func mapHeader(tr i18n.Printer, r domain.ProcessResult, g processmap.Graph, view processmap.View) string {
	name := tr.T(i18n.MiningMapViewFreq)
	if view == processmap.Durations {
		name = tr.T(i18n.MiningMapViewDur)
	}
	shown := 0
	for _, e := range g.Edges {
		if e.From != processmap.Start && e.To != processmap.End {
			shown++
		}
	}
	return "<b>🗺 " + esc(r.Name, 100) + "</b>\n" + tr.T(i18n.MiningMapHeader, name, g.Level, processmap.Levels) + "\n" +
		tr.T(i18n.MiningMapShown, tr.Int(len(g.Nodes)), tr.Int(g.Activities), tr.Int(shown), tr.Int(len(r.Edges)))
}

// mapCaption is the map picture's caption: the header, how to read the
// picture, and when the figures were computed.
func mapCaption(tr i18n.Printer, r domain.ProcessResult, g processmap.Graph, view processmap.View) string {
	legend := tr.T(i18n.MiningMapLegendFreq)
	if view == processmap.Durations {
		legend = tr.T(i18n.MiningMapLegendDur)
	}
	return joinLines(mapHeader(tr, r, g, view)+"\n\n"+legend, computedLine(tr, r))
}

// computedLine says when the figures were computed; empty if never.
func computedLine(tr i18n.Printer, r domain.ProcessResult) string {
	if r.ComputedAt.IsZero() {
		return ""
	}
	return "<i>" + tr.T(i18n.MiningCardComputed, tr.DateTime(r.ComputedAt)) + "</i>"
}

// joinLines joins the non-empty parts, a line each.
func joinLines(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n")
}

// mapText is the map as text, for when there is no picture: why, the
// main path as arrows, the most frequent paths, and a note on what to
// install.
func mapText(tr i18n.Printer, r domain.ProcessResult, g processmap.Graph, view processmap.View, why, note string) string {
	name := func(v int32) string {
		switch v {
		case processmap.Start:
			return tr.T(i18n.MiningMapStart)
		case processmap.End:
			return tr.T(i18n.MiningMapEnd)
		}
		return esc(g.Name(v), 50)
	}
	var b strings.Builder
	b.WriteString(mapHeader(tr, r, g, view) + "\n\n" + why + "\n\n" + tr.T(i18n.MiningMapMainPath) + "\n")
	path, ends := processmap.MainPath(g)
	steps := []string{name(processmap.Start)}
	for _, v := range path[:min(len(path), mapPathSteps)] {
		steps = append(steps, name(v))
	}
	if ends && len(path) <= mapPathSteps {
		steps = append(steps, name(processmap.End))
	} else {
		steps = append(steps, "…")
	}
	b.WriteString(strings.Join(steps, " → "))
	header := b.String() + "\n\n" + tr.T(i18n.MiningMapTopEdges)
	top := processmap.TopEdges(g, mapTopEdges)
	lines := make([]string, len(top))
	for i, e := range top {
		if view == processmap.Durations {
			lines[i] = tr.N(i18n.MiningMapEdgeDur, e.Count, name(e.From), name(e.To), serviceTime(tr, e.MeanSeconds))
		} else {
			lines[i] = tr.N(i18n.MiningMapEdgeFreq, e.Count, name(e.From), name(e.To))
		}
	}
	return fitLines(tr, header, lines, 0, joinLines(note, computedLine(tr, r)), maxText)
}

// mapEmptyText is the map of a process without a single path.
func mapEmptyText(tr i18n.Printer, r domain.ProcessResult) string {
	return "<b>🗺 " + esc(r.Name, 100) + "</b>\n\n" + tr.T(i18n.MiningMapEmpty)
}

// mapKeyboard: less and more detail (each where there is one), the two
// views with the shown one ticked, back to the card, home.
func mapKeyboard(tr i18n.Printer, m mapRef) *tele.ReplyMarkup {
	at := func(level int, view processmap.View) []string {
		n := m
		n.level, n.view = level, view
		return n.data()
	}
	var detail []tele.Btn
	if m.level > 1 {
		detail = append(detail, button(btnMiningMap, tr.T(i18n.MiningMapLess), at(m.level-1, m.view)...))
	}
	if m.level < processmap.Levels {
		detail = append(detail, button(btnMiningMap, tr.T(i18n.MiningMapMore), at(m.level+1, m.view)...))
	}
	tick := func(v processmap.View, key i18n.Key) tele.Btn {
		text := tr.T(key)
		if v == m.view {
			text = "✓ " + text
		}
		return button(btnMiningMap, text, at(m.level, v)...)
	}
	views := row(tick(processmap.Frequency, i18n.MiningMapFrequency), tick(processmap.Durations, i18n.MiningMapDurations))
	back := row(button(btnMiningMapCard, tr.T(i18n.MiningMapBack), strconv.FormatInt(m.id, 10), strconv.Itoa(m.page)), button(btnArea, tr.T(i18n.Home), string(areaHome)))
	return inline(detail, views, back)
}
