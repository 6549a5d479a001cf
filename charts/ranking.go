package charts

import (
	"image"
	"image/color"

	"golang.org/x/image/font"
)

func (k *Ranking) weight() int { return 3 }

// wideRanking is the panel width from which a ranking puts label, bar and
// value on one line; narrower panels put the bar under its label, so long
// Cyrillic process names keep the panel's full width.
const wideRanking = 760

// rankLayout holds what every row of one ranking shares.
type rankLayout struct {
	label, value font.Face
	barH         int
	accent       color.RGBA
	peak         float64
}

// draw lists the rows that fit, longest bar first as the caller ordered
// them. go-chart has no horizontal bars of absolute length, so they are
// drawn here.
func (k *Ranking) draw(c *canvas, r image.Rectangle, st panelStyle) error {
	var (
		title string
		rows  []RankRow
	)
	if k != nil {
		title, rows = k.Title, k.Rows
	}
	body := c.panelBody(r, title, 0, st)
	wide := body.Dx() >= wideRanking

	size, barH, minRow, maxRow := 16.0, 10, 42, 60
	switch {
	case st.compact:
		size, barH, minRow, maxRow = 14, 8, 38, 52
	case wide:
		size, barH, minRow, maxRow = 16, 12, 34, 52
	}
	n := min(len(rows), body.Dy()/minRow)
	l := rankLayout{label: c.face(size, normal), value: c.face(size, heavy), barH: barH, accent: st.accent.color()}
	for _, row := range rows[:n] {
		l.peak = max(l.peak, clean(row.Value))
	}
	if n == 0 || (l.peak == 0 && !anyText(rows[:n])) {
		c.emptyState(body, st.compact)
		return nil
	}
	rowH := min(maxRow, body.Dy()/n)

	// In one-line rows the label and value columns are as wide as their
	// widest entries, the label column at most two fifths of the panel.
	labelW, valueW := 0, 0
	for _, row := range rows[:n] {
		labelW = max(labelW, textWidth(l.label, row.Label))
		valueW = max(valueW, textWidth(l.value, row.ValueText))
	}
	labelW = min(labelW, body.Dx()*2/5)
	for i, row := range rows[:n] {
		line := image.Rect(body.Min.X, body.Min.Y+i*rowH, body.Max.X, body.Min.Y+(i+1)*rowH)
		if wide {
			c.rankLine(line, row, l, labelW, valueW)
		} else {
			c.rankStacked(line, row, l)
		}
	}
	return nil
}

// rankStacked draws a row as label and value on one line, bar under them.
func (c *canvas) rankStacked(r image.Rectangle, row RankRow, l rankLayout) {
	base := r.Min.Y + capHeight(l.label) + 2
	vw := 0
	if hasText(row.ValueText) {
		c.textRight(r.Max.X, base, row.ValueText, l.value, colInk)
		vw = textWidth(l.value, row.ValueText) + 16
	}
	c.text(r.Min.X, base, ellipsize(l.label, row.Label, r.Dx()-vw), l.label, colText)
	c.rankBar(image.Rect(r.Min.X, base+9, r.Max.X, base+9+l.barH), row.Value, l)
}

// rankLine draws a row as label, bar and value side by side.
func (c *canvas) rankLine(r image.Rectangle, row RankRow, l rankLayout, labelW, valueW int) {
	mid := (r.Min.Y + r.Max.Y) / 2
	base := mid + capHeight(l.label)/2
	c.text(r.Min.X, base, ellipsize(l.label, row.Label, labelW), l.label, colText)
	c.textRight(r.Max.X, base, row.ValueText, l.value, colInk)
	track := image.Rect(r.Min.X+labelW+24, mid-l.barH/2, r.Max.X-valueW-24, mid-l.barH/2+l.barH)
	c.rankBar(track, row.Value, l)
}

// rankBar draws the grey track and the accent bar in proportion to the
// largest row; any value above zero shows at least a dot.
func (c *canvas) rankBar(track image.Rectangle, value float64, l rankLayout) {
	if track.Dx() <= l.barH {
		return
	}
	rad := float64(l.barH) / 2
	c.roundRect(track, rad, colTrack)
	if v := clean(value); v > 0 && l.peak > 0 {
		w := max(l.barH, int(float64(track.Dx())*v/l.peak+0.5))
		c.roundRect(image.Rect(track.Min.X, track.Min.Y, track.Min.X+w, track.Max.Y), rad, l.accent)
	}
}

// anyText reports whether rows say something even when every value is
// zero, such as ideas that all stand at "+0 / −0".
func anyText(rows []RankRow) bool {
	for _, r := range rows {
		if hasText(r.ValueText) || hasText(r.Label) {
			return true
		}
	}
	return false
}
