package charts

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

func (d *Donut) weight() int { return 2 }

// draw puts the ring beside its legend when the panel is wide and above it
// when the panel is narrow, so the legend always has room for whole labels.
func (d *Donut) draw(c *canvas, r image.Rectangle, st panelStyle) error {
	var (
		title, center, note string
		slices              []Slice
	)
	if d != nil {
		title, center, note, slices = d.Title, d.Center, d.CenterNote, d.Slices
	}
	body := c.panelBody(r, title, 0, st)

	values := make([]float64, len(slices))
	tones := make([]Tone, len(slices))
	total := 0.0
	for i, s := range slices {
		values[i], tones[i] = clean(s.Value), s.Tone
		total += values[i]
	}
	cols := sliceColors(st.accent.color(), tones)

	rowH, legendSize := 32, 16.0
	if st.compact {
		rowH, legendSize = 26, 14
	}
	var ring, legend image.Rectangle
	side := st.compact || body.Dx() >= body.Dy()*13/10
	if side {
		// The legend keeps its numbers near their labels rather than at a
		// far edge: at most legendMax wide, the pair centred in the panel.
		diam := min(body.Dy(), body.Dx()*2/5)
		gapX := max(24, body.Dx()/20)
		lw := max(0, min(body.Dx()-diam-gapX, legendMax))
		x := body.Min.X + max(0, (body.Dx()-diam-gapX-lw)/2)
		if st.compact {
			x = body.Min.X
		}
		ring = image.Rect(x, body.Min.Y, x+diam, body.Max.Y)
		legend = image.Rect(ring.Max.X+gapX, body.Min.Y, ring.Max.X+gapX+lw, body.Max.Y)
	} else {
		rows := min(len(slices), 6)
		legend = image.Rect(body.Min.X, body.Max.Y-rows*rowH, body.Max.X, body.Max.Y)
		ring = image.Rect(body.Min.X, body.Min.Y, body.Max.X, legend.Min.Y-12)
	}
	outer := float64(min(ring.Dx(), ring.Dy())) / 2
	if outer < 20 {
		c.emptyState(body, st.compact)
		return nil
	}
	cx, cy := float64(ring.Min.X+ring.Max.X)/2, float64(ring.Min.Y+ring.Max.Y)/2
	if err := c.ring(cx, cy, outer, values, cols, st.compact); err != nil {
		return fmt.Errorf("donut %q: %w", title, err)
	}
	centerCol := colInk
	if total == 0 && !hasText(center) {
		center, centerCol = "—", colFaint
	}
	c.donutCenter(cx, cy, outer*holeShare, center, centerCol, note, st.compact)
	c.sliceLegend(legend, slices, values, total, cols, rowH, legendSize)
	return nil
}

// legendMax is the widest a donut's legend grows beside its ring.
const legendMax = 330

// holeShare is the hole's radius relative to the ring's: a thin ring reads
// as a modern donut and leaves the hole room for the total.
const holeShare = 0.64

// ring draws the slices with go-chart centred on (cx, cy) with outer
// radius outer, then paints the hole over go-chart's small one.
//
// go-chart cannot draw a ring of only one slice (its single-value path
// paints the whole disc white) and refuses an all-zero ring, so one slice
// is drawn as two halves of one colour, and no data as a grey ring.
func (c *canvas) ring(cx, cy, outer float64, values []float64, cols []color.RGBA, compact bool) error {
	seam := 3.0
	if compact {
		seam = 2
	}
	var vals []chart.Value
	for i, v := range values {
		if v > 0 {
			vals = append(vals, chart.Value{Value: v, Style: chart.Style{
				FillColor: dc(cols[i]), StrokeColor: dc(colTile), StrokeWidth: seam,
			}})
		}
	}
	switch len(vals) {
	case 0:
		half := chart.Value{Value: 1, Style: chart.Style{FillColor: dc(colTrack), StrokeColor: dc(colTrack), StrokeWidth: seam}}
		vals = []chart.Value{half, half}
	case 1:
		half := vals[0]
		half.Style.StrokeColor = half.Style.FillColor
		vals = []chart.Value{half, half}
	}

	// go-chart's ring spans 1/1.375 of half the chart's side.
	side := 2 * int(math.Ceil(outer*1.375))
	var box chart.Box
	dch := chart.DonutChart{
		Width:      side,
		Height:     side,
		DPI:        72,
		Font:       chartFont,
		Background: chart.Style{Padding: chart.Box{IsSet: true}, FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent},
		Canvas:     chart.Style{FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent},
		Values:     vals,
		Elements: []chart.Renderable{func(_ chart.Renderer, b chart.Box, _ chart.Style) {
			box = b
		}},
	}
	img, err := renderChart(dch)
	if err != nil {
		return err
	}
	bx, by := box.Center()
	c.overlay(img, image.Pt(int(math.Round(cx))-bx, int(math.Round(cy))-by))
	c.disc(cx, cy, outer*holeShare, colTile)
	return nil
}

// donutCenter writes the total in the hole, as large as the hole allows,
// with its note under it.
func (c *canvas) donutCenter(cx, cy, hole float64, center string, col color.RGBA, note string, compact bool) {
	room := int(hole * 1.6)
	noteSize := 15.0
	if compact {
		noteSize = 13
	}
	big := math.Round(math.Max(14, math.Min(40, hole*0.62)))
	sizes := []float64{big, big * 0.85, big * 0.7, big * 0.55}
	cf, center := c.fitText(center, room, heavy, sizes...)
	nf := c.face(noteSize, normal)
	note = ellipsize(nf, note, room)
	ch, nh, gap := capHeight(cf), capHeight(nf), int(hole*0.16)
	if !hasText(note) {
		nh, gap = 0, 0
	}
	top := int(cy) - (ch+gap+nh)/2
	c.textCenter(int(cx), top+ch, center, cf, col)
	if nh > 0 {
		c.textCenter(int(cx), top+ch+gap+nh, note, nf, colMuted)
	}
}

// sliceLegend lists the slices as "label … value (share)", one per row,
// centred in r's height. Rows that do not fit collapse into "+n".
func (c *canvas) sliceLegend(r image.Rectangle, slices []Slice, values []float64, total float64, cols []color.RGBA, rowH int, size float64) {
	if len(slices) == 0 {
		return
	}
	lf, vf := c.face(size, normal), c.face(size, heavy)
	fit := max(1, r.Dy()/rowH)
	shown := len(slices)
	if shown > fit {
		shown = fit - 1
	}
	rows := shown
	if shown < len(slices) {
		rows++
	}
	top := r.Min.Y + (r.Dy()-rows*rowH)/2
	ch := capHeight(lf)
	for i := range shown {
		base := top + i*rowH + (rowH+ch)/2
		c.disc(float64(r.Min.X+6), float64(base-ch/2), 6, cols[i])
		value := slices[i].ValueText
		if !hasText(value) {
			value = plainNumber(values[i])
		}
		share := ""
		if total > 0 {
			share = " (" + percent(values[i]/total) + ")"
		}
		vw, sw := textWidth(vf, value), textWidth(lf, share)
		right := r.Max.X
		c.textRight(right, base, share, lf, colMuted)
		c.textRight(right-sw, base, value, vf, colInk)
		label := ellipsize(lf, slices[i].Label, r.Dx()-22-vw-sw-12)
		c.text(r.Min.X+22, base, label, lf, colText)
	}
	if shown < len(slices) {
		base := top + shown*rowH + (rowH+ch)/2
		c.text(r.Min.X+22, base, fmt.Sprintf("+%d", len(slices)-shown), lf, colMuted)
	}
}

// percent writes a share as whole percent; a share too small to round to
// 1 % but above zero shows as "<1%" rather than a misleading "0%".
func percent(f float64) string {
	p := math.Round(f * 100)
	if p == 0 && f > 0 {
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", p)
}
