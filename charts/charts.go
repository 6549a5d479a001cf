// Package charts draws the dashboard cards that the bot sends as Telegram
// photos: a home card with one tile per business area, and one card per
// area with its KPIs and charts.
//
// The package knows no language and no currency. Callers pass every string
// already translated and formatted ("4,2 млн ₽", "по состоянию на …"), and
// raw numbers only where a picture needs proportions (bar heights, slice
// angles). Cards never fail on odd data: empty, zero or huge values draw a
// calm empty state or a clipped, shortened label instead of an error.
//
// To look at every test card, including empty and extreme ones, write them
// out with: go test ./charts -run TestWriteSamples -samples DIR
package charts

import "image"

// Tile is one KPI box: a label, a big value and an optional small note
// under it. Tone colours the note, e.g. ToneGood for "▲ 12 % к октябрю".
type Tile struct {
	Label, Value, Note string
	Tone               Tone
}

// Slice is one part of a donut. ValueText is Value as the caller writes
// numbers; when empty the legend prints plain digits.
type Slice struct {
	Label     string
	Value     float64
	ValueText string
	Tone      Tone // ToneAuto takes the next palette colour
}

// Donut is a ring chart with a total in the hole and a legend drawn by the
// card: label, value and share, so no slice label is ever clipped.
type Donut struct {
	Title, Center, CenterNote string
	Slices                    []Slice
}

// Series is one set of bars, one value per label of its Bars.
type Series struct {
	Name   string
	Values []float64
}

// Bars is a grouped vertical bar chart with one to three series; a legend
// is drawn when there is more than one. Missing, negative and non-finite
// values count as zero.
type Bars struct {
	Title  string
	Labels []string
	Series []Series
}

// RankRow is one line of a Ranking. Value sets the bar's length relative
// to the largest row; ValueText is what the reader sees.
type RankRow struct {
	Label, ValueText string
	Value            float64
}

// Ranking is a list of horizontal bars, longest first as given. Rows that
// do not fit the panel are left out, so pass them in order.
type Ranking struct {
	Title string
	Rows  []RankRow
}

// Panel is a chart on a card: *Donut, *Bars or *Ranking. A nil panel, or a
// nil pointer of one of those types, draws an empty state.
type Panel interface {
	// draw paints the panel's content (title and chart) inside r. Only a
	// failure of the chart library is an error; odd data is not.
	draw(c *canvas, r image.Rectangle, st panelStyle) error
	// weight is the panel's share of a row it shares with another panel.
	weight() int
	// fingerprint writes everything the panel's picture depends on (see
	// cache_key.go).
	fingerprint(f *fingerprinter)
}

// AreaPreview is one tile of the home card: the area's name, its headline
// KPI in large type, a note and a small preview of the area's chart.
type AreaPreview struct {
	Title, Headline, Note string
	Accent                Accent
	Panel                 Panel
}

// HomeCard is the dashboard of dashboards: up to four areas in a 2×2 grid.
// Areas beyond the fourth are not drawn.
type HomeCard struct {
	Title, Subtitle string
	Areas           []AreaPreview
}

// AreaCard is one area's dashboard: up to five KPI tiles across the top and
// up to two panels side by side below. Extra tiles and panels are not drawn.
type AreaCard struct {
	Title, Subtitle string
	Accent          Accent
	Tiles           []Tile
	Panels          []Panel
}

// panelStyle is how a panel is drawn: in full on an area card, or as a
// small preview without its own title on a home tile.
type panelStyle struct {
	accent  Accent
	compact bool
}
