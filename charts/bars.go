package charts

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// maxSeries is how many series one bar group holds before bars get too
// thin to read; later series are not drawn.
const maxSeries = 3

func (b *Bars) weight() int { return 3 }

// draw lays out title, legend, chart and the labels under it. go-chart
// draws the axis, grid and bars; the labels are drawn here because only
// here can they be measured, thinned and shortened to fit their slots.
func (b *Bars) draw(c *canvas, r image.Rectangle, st panelStyle) error {
	var title string
	if b != nil {
		title = b.Title
	}
	groups, values := b.data()
	accent := st.accent.color()
	cols := seriesColors(accent, len(values))

	legendF := c.face(15, normal)
	if st.compact {
		legendF = c.face(13, normal)
	}
	var items []legendItem
	if len(values) > 1 {
		for i := range values {
			items = append(items, legendItem{b.Series[i].Name, cols[i]})
		}
	}
	maxName := r.Dx() / 4
	lw := 0
	if len(items) > 0 {
		lw = legendWidth(legendF, items, maxName)
	}
	body := c.panelBody(r, title, lw, st)
	if len(items) > 0 {
		if st.compact {
			c.legend(body.Max.X, body.Min.Y+capHeight(legendF), legendF, items, maxName)
			body.Min.Y += capHeight(legendF) + 14
		} else {
			c.legend(r.Max.X, r.Min.Y+capHeight(c.face(panelTitleSize, heavy)), legendF, items, maxName)
		}
	}
	if groups == 0 {
		c.emptyState(body, st.compact)
		return nil
	}

	axisSize := 14.0
	ticksWanted := 5
	if st.compact {
		axisSize, ticksWanted = 13, 3
	}
	labelF := c.face(axisSize, normal)
	labelBand := capHeight(labelF) + 12
	plot := image.Rect(body.Min.X, body.Min.Y, body.Max.X, body.Max.Y-labelBand)
	if plot.Dx() < 40 || plot.Dy() < 30 {
		c.emptyState(body, st.compact)
		return nil
	}

	peak := 0.0
	for _, vs := range values {
		for _, v := range vs {
			peak = math.Max(peak, v)
		}
	}
	gb := &groupedBars{values: values, colors: cols}
	img, err := renderChart(barChart(plot.Size(), gb, niceTicks(peak, ticksWanted), axisSize))
	if err != nil {
		return fmt.Errorf("bars %q: %w", title, err)
	}
	c.overlay(img, plot.Min)
	if gb.box.Width() <= 0 {
		return nil // go-chart found no room for bars: nothing to label
	}

	// Labels go under their group, every k-th one when they would touch,
	// counted back from the newest group, which the reader looks at first.
	// A long label is shortened to a few words before thinning, so one
	// verbose label cannot hide all the others.
	slot := float64(gb.box.Width()) / float64(groups)
	limit := max(int(slot)-8, 90)
	widest := 0
	for i := range groups {
		widest = max(widest, min(textWidth(labelF, b.label(i)), limit))
	}
	step := max(1, int(math.Ceil(float64(widest+10)/slot)))
	room := min(int(float64(step)*slot)-8, plot.Dx())
	y := plot.Min.Y + gb.box.Bottom + 8 + capHeight(labelF)
	free := plot.Max.X // labels are drawn right to left, each left of free
	for i := groups - 1; i >= 0; i -= step {
		label := ellipsize(labelF, b.label(i), room)
		w := textWidth(labelF, label)
		x := plot.Min.X + gb.box.Left + int(slot*(float64(i)+0.5)) - w/2
		x = max(plot.Min.X, min(x, plot.Max.X-w)) // the outer labels stay inside the panel
		if x+w > free {
			continue // pushed inside, it would touch its neighbour
		}
		c.text(x, y, label, labelF, colMuted)
		free = x - 8
	}
	return nil
}

// data returns the number of bar groups and the cleaned values, one slice
// per drawn series, each as long as there are groups. Zero groups means
// there is nothing to draw: no labels, no series or no value above zero.
func (b *Bars) data() (int, [][]float64) {
	if b == nil || len(b.Series) == 0 {
		return 0, nil
	}
	series := b.Series[:min(len(b.Series), maxSeries)]
	groups := len(b.Labels)
	for _, s := range series {
		groups = max(groups, len(s.Values))
	}
	values := make([][]float64, len(series))
	drawable := false
	for i, s := range series {
		values[i] = make([]float64, groups)
		for j := range min(len(s.Values), groups) {
			values[i][j] = clean(s.Values[j])
			drawable = drawable || values[i][j] > 0
		}
	}
	if !drawable {
		return 0, values
	}
	return groups, values
}

func (b *Bars) label(i int) string {
	if i < len(b.Labels) {
		return b.Labels[i]
	}
	return ""
}

// barChart configures go-chart for grouped bars. go-chart's own BarChart
// has one series only, so the bars are a custom series on a plain Chart,
// which still supplies the axis, its labels and the grid.
//
// The value axis sits on the left, the side a reader scans first; it is
// go-chart's "secondary" axis, whose range go-chart reads from the
// primary axis's ticks, so both get the same ticks and the primary hides.
func barChart(size image.Point, gb *groupedBars, ticks []float64, axisSize float64) chart.Chart {
	top := ticks[len(ticks)-1]
	yTicks := make([]chart.Tick, len(ticks))
	var grid []chart.GridLine
	for i, v := range ticks {
		yTicks[i] = chart.Tick{Value: v, Label: plainNumber(v)}
		if i > 0 {
			grid = append(grid, chart.GridLine{Value: v})
		}
	}
	none := chart.Style{FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent}
	return chart.Chart{
		Width:      size.X,
		Height:     size.Y,
		DPI:        72, // font sizes in pixels, as on the card
		Font:       chartFont,
		Background: chart.Style{Padding: chart.Box{IsSet: true, Top: 8, Right: 4}, FillColor: none.FillColor, StrokeColor: none.StrokeColor},
		Canvas:     none,
		XAxis:      chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: 0, Max: float64(len(gb.values[0]))}},
		YAxis: chart.YAxis{
			Style: chart.Hidden(),
			Range: &chart.ContinuousRange{Min: 0, Max: top},
			Ticks: yTicks,
		},
		YAxisSecondary: chart.YAxis{
			Style: chart.Style{
				Font:        chartFont,
				FontSize:    axisSize,
				FontColor:   dc(colMuted),
				StrokeColor: drawing.ColorTransparent,
				StrokeWidth: 1,
			},
			Range:          &chart.ContinuousRange{Min: 0, Max: top},
			Ticks:          yTicks,
			GridLines:      grid,
			GridMajorStyle: chart.Style{StrokeColor: dc(colGrid), StrokeWidth: 1},
		},
		Series: []chart.Series{gb},
	}
}

// groupedBars is a go-chart series that draws one group of bars per label.
// It records the plot box go-chart settles on, so the card can put the
// labels under the right bars.
type groupedBars struct {
	values [][]float64 // [series][group]
	colors []color.RGBA
	box    chart.Box
}

func (g *groupedBars) GetName() string           { return "bars" }
func (g *groupedBars) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (g *groupedBars) GetStyle() chart.Style     { return chart.Style{} }
func (g *groupedBars) Validate() error           { return nil }

func (g *groupedBars) Render(r chart.Renderer, box chart.Box, _, yr chart.Range, _ chart.Style) {
	g.box = box
	groups, k := len(g.values[0]), len(g.values)
	slot := float64(box.Width()) / float64(groups)
	gap := 0
	if k > 1 {
		gap = int(math.Max(1, math.Min(4, slot*0.05)))
	}
	share := 0.62 // of the slot taken by the group: the rest is air between groups
	if k > 1 {
		share = 0.74
	}
	barW := int(math.Max(1, math.Min(64, (slot*share-float64(gap*(k-1)))/float64(k))))
	groupW := barW*k + gap*(k-1)
	for i := range groups {
		x := box.Left + int(math.Round(slot*float64(i)+(slot-float64(groupW))/2))
		for s := range k {
			h := yr.Translate(g.values[s][i])
			if g.values[s][i] > 0 {
				h = max(h, 2) // a small value still shows
				roundedBar(r, x, box.Bottom-h, barW, h, g.colors[s])
			}
			x += barW + gap
		}
	}
	r.SetStrokeColor(dc(colBorder))
	r.SetStrokeWidth(1)
	r.MoveTo(box.Left, box.Bottom)
	r.LineTo(box.Right, box.Bottom)
	r.Stroke()
}

// roundedBar fills a bar whose top corners are rounded, as modern
// dashboards draw them.
func roundedBar(r chart.Renderer, x, y, w, h int, col color.RGBA) {
	k := min(4, w/2, h)
	r.SetFillColor(dc(col))
	r.MoveTo(x, y+h)
	r.LineTo(x, y+k)
	r.QuadCurveTo(x, y, x+k, y)
	r.LineTo(x+w-k, y)
	r.QuadCurveTo(x+w, y, x+w, y+k)
	r.LineTo(x+w, y+h)
	r.Close()
	r.Fill()
}
