package charts

import (
	"errors"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"golang.org/x/image/font"
)

// Panel geometry in pixels. The title band is the same on every panel so
// titles line up across a card.
const (
	panelTitleSize = 20
	panelTitleBand = 44 // from the top of the panel's content to its chart
)

// panelBody draws the panel's title, leaving room on its right for
// reserve pixels of legend, and returns the area left for the chart. Home
// previews have no title: the area tile above already names them.
func (c *canvas) panelBody(r image.Rectangle, title string, reserve int, st panelStyle) image.Rectangle {
	if st.compact {
		return r
	}
	f := c.face(panelTitleSize, heavy)
	maxW := r.Dx()
	if reserve > 0 {
		maxW -= reserve + 16
	}
	c.text(r.Min.X, r.Min.Y+capHeight(f), ellipsize(f, title, maxW), f, colText)
	r.Min.Y += panelTitleBand
	return r
}

// legendItem is one swatch and name of a chart legend.
type legendItem struct {
	name string
	col  color.RGBA
}

const (
	swatch    = 12 // legend swatch side
	swatchGap = 7  // swatch to name
	itemGap   = 18 // between legend items
)

// legendWidth measures a one-line legend; each name is at most maxName
// pixels wide.
func legendWidth(f font.Face, items []legendItem, maxName int) int {
	w := 0
	for i, it := range items {
		if i > 0 {
			w += itemGap
		}
		w += swatch + swatchGap + min(textWidth(f, it.name), maxName)
	}
	return w
}

// legend draws a one-line legend that ends at right, its text on baseline.
func (c *canvas) legend(right, baseline int, f font.Face, items []legendItem, maxName int) {
	x := right - legendWidth(f, items, maxName)
	ch := capHeight(f)
	for _, it := range items {
		top := baseline - ch/2 - swatch/2
		c.roundRect(image.Rect(x, top, x+swatch, top+swatch), 3, it.col)
		x += swatch + swatchGap
		x = c.text(x, baseline, ellipsize(f, it.name, maxName), f, colMuted) + itemGap
	}
}

// maxValue bounds the values a chart draws; anything larger is drawn as
// this, far beyond any count or sum a dashboard shows.
const maxValue = 1e15

// clean turns a value a caller passed into one a chart can draw: NaN and
// negatives become zero and huge values maxValue, so no input makes the
// axis arithmetic or go-chart fail.
func clean(v float64) float64 {
	if math.IsNaN(v) || v < 0 {
		return 0
	}
	return math.Min(v, maxValue)
}

// plainNumber writes v for axes and legends when the caller gave no text:
// whole numbers without decimals, one decimal otherwise, and digits in
// groups of three split by a narrow no-break space from 10 000 on. That
// spacing is the SI style, correct in Russian and readable in English.
func plainNumber(v float64) string {
	if math.IsNaN(v) {
		v = 0
	}
	v = math.Max(-maxValue, math.Min(v, maxValue))
	if math.Abs(v-math.Round(v)) < 0.05 {
		return groupDigits(strconv.FormatInt(int64(math.Round(v)), 10))
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	return groupDigits(whole) + "." + frac
}

func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	if len(s) < 5 {
		return sign + s
	}
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// niceTicks chooses the Y axis for bars: it starts at zero, steps by 1, 2
// or 5 times a power of ten (never less than 1, so ticks are whole numbers)
// and ends on the first step at or above maxV.
func niceTicks(maxV float64, want int) []float64 {
	step := 1.0
	if raw := maxV / float64(max(want, 1)); raw > 1 {
		exp := math.Pow(10, math.Floor(math.Log10(raw)))
		switch f := raw / exp; {
		case f <= 1:
			step = exp
		case f <= 2:
			step = 2 * exp
		case f <= 5:
			step = 5 * exp
		default:
			step = 10 * exp
		}
	}
	top := math.Max(step, math.Ceil(maxV/step)*step)
	ticks := make([]float64, 0, want+2)
	for i := 0.0; i*step <= top*(1+1e-9); i++ {
		ticks = append(ticks, i*step)
	}
	return ticks
}

// renderable is what go-chart's Chart and DonutChart have in common.
type renderable interface {
	Render(rp chart.RendererProvider, w io.Writer) error
}

// renderChart rasterises a go-chart chart straight into an RGBA image:
// the ImageWriter receives the pixels, so nothing is PNG-encoded twice.
func renderChart(ch renderable) (*image.RGBA, error) {
	var iw chart.ImageWriter
	if err := ch.Render(chart.PNG, &iw); err != nil {
		return nil, err
	}
	img, err := iw.Image()
	if err != nil {
		return nil, err
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		return nil, errors.New("chart did not render to RGBA")
	}
	return rgba, nil
}

// overlay draws a chart rendered on a transparent background onto the
// card with its top left corner at at.
func (c *canvas) overlay(img *image.RGBA, at image.Point) {
	draw.Draw(c.img, img.Bounds().Add(at), img, img.Bounds().Min, draw.Over)
}
