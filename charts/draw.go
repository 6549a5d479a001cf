package charts

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// canvas is one card being drawn: the pixels, the font faces and a shape
// rasteriser, all reused from card to card so a render allocates little.
// A canvas belongs to one goroutine at a time.
type canvas struct {
	img   *image.RGBA
	faces faces
	ras   vector.Rasterizer
	src   image.Uniform
}

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), faces: faces{}}
}

// uniform returns a source of one colour without allocating one per call.
func (c *canvas) uniform(col color.Color) *image.Uniform {
	c.src.C = col
	return &c.src
}

// fill paints r in one colour, replacing what was there.
func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(c.img, r, c.uniform(col), image.Point{}, draw.Src)
}

// kappa places cubic Bézier handles so that four curves make a circle.
const kappa = 0.5523

// roundRect paints an anti-aliased rectangle with rounded corners.
func (c *canvas) roundRect(r image.Rectangle, radius float64, col color.RGBA) {
	r = r.Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	w, h := float32(r.Dx()), float32(r.Dy())
	k := float32(min(radius, float64(r.Dx())/2, float64(r.Dy())/2))
	z := &c.ras
	z.Reset(r.Dx(), r.Dy())
	if k <= 0 {
		z.MoveTo(0, 0)
		z.LineTo(w, 0)
		z.LineTo(w, h)
		z.LineTo(0, h)
	} else {
		q := k * (1 - kappa)
		z.MoveTo(k, 0)
		z.LineTo(w-k, 0)
		z.CubeTo(w-q, 0, w, q, w, k)
		z.LineTo(w, h-k)
		z.CubeTo(w, h-q, w-q, h, w-k, h)
		z.LineTo(k, h)
		z.CubeTo(q, h, 0, h-q, 0, h-k)
		z.LineTo(0, k)
		z.CubeTo(0, q, q, 0, k, 0)
	}
	z.ClosePath()
	z.Draw(c.img, r, c.uniform(col), image.Point{})
}

// tile paints a white rounded box with a hairline border, the frame of
// every KPI, area and chart.
func (c *canvas) tile(r image.Rectangle) {
	c.roundRect(r, 16, colBorder)
	c.roundRect(r.Inset(1), 15, colTile)
}

// disc paints an anti-aliased filled circle.
func (c *canvas) disc(cx, cy, radius float64, col color.RGBA) {
	b := image.Rect(int(cx-radius)-1, int(cy-radius)-1, int(cx+radius)+2, int(cy+radius)+2)
	if !b.In(c.img.Bounds()) || radius <= 0 {
		return
	}
	x, y, rr := float32(cx)-float32(b.Min.X), float32(cy)-float32(b.Min.Y), float32(radius)
	q := rr * kappa
	z := &c.ras
	z.Reset(b.Dx(), b.Dy())
	z.MoveTo(x+rr, y)
	z.CubeTo(x+rr, y+q, x+q, y+rr, x, y+rr)
	z.CubeTo(x-q, y+rr, x-rr, y+q, x-rr, y)
	z.CubeTo(x-rr, y-q, x-q, y-rr, x, y-rr)
	z.CubeTo(x+q, y-rr, x+rr, y-q, x+rr, y)
	z.ClosePath()
	z.Draw(c.img, b, c.uniform(col), image.Point{})
}

// face returns the DejaVu face of size pixels.
func (c *canvas) face(size float64, w weight) font.Face { return c.faces.get(size, w) }

// text draws s with its baseline at y, starting at x, and returns the x
// where the next text would start.
func (c *canvas) text(x, y int, s string, f font.Face, col color.RGBA) int {
	d := font.Drawer{Dst: c.img, Src: c.uniform(col), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
	return d.Dot.X.Ceil()
}

// textRight draws s so that it ends at x.
func (c *canvas) textRight(x, y int, s string, f font.Face, col color.RGBA) {
	c.text(x-textWidth(f, s), y, s, f, col)
}

// textCenter draws s centred on x.
func (c *canvas) textCenter(x, y int, s string, f font.Face, col color.RGBA) {
	c.text(x-textWidth(f, s)/2, y, s, f, col)
}

func textWidth(f font.Face, s string) int { return font.MeasureString(f, s).Ceil() }

// capHeight is the height of a capital letter: what the eye sees as the
// text's height when centring it in a row.
func capHeight(f font.Face) int {
	m := f.Metrics()
	if m.CapHeight > 0 {
		return m.CapHeight.Ceil()
	}
	return m.Ascent.Ceil() * 7 / 10
}

// ellipsize shortens s with "…" until it is at most maxW pixels wide. It
// measures rather than counts letters, because Cyrillic capitals are far
// wider than "i" or "1".
func ellipsize(f font.Face, s string, maxW int) string {
	if textWidth(f, s) <= maxW {
		return s
	}
	const dots = "…"
	if textWidth(f, dots) > maxW {
		return ""
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits lies in [lo, hi)
	for lo < hi-1 {
		mid := (lo + hi) / 2
		if textWidth(f, strings.TrimRight(string(runes[:mid]), " ·,—-")+dots) <= maxW {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ·,—-") + dots
}

// fitText picks the largest size from sizes at which s fits maxW and
// shortens s at the smallest size when even that is too wide. Headline
// numbers stay as large as their tile allows.
func (c *canvas) fitText(s string, maxW int, w weight, sizes ...float64) (font.Face, string) {
	var f font.Face
	for _, size := range sizes {
		f = c.face(size, w)
		if textWidth(f, s) <= maxW {
			return f, s
		}
	}
	return f, ellipsize(f, s, maxW)
}

// emptyState marks a panel that has nothing to show with a quiet dash, so
// "no data" never looks like a broken picture.
func (c *canvas) emptyState(r image.Rectangle, compact bool) {
	size := 44.0
	if compact {
		size = 34
	}
	f := c.face(size, heavy)
	c.textCenter((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2+capHeight(f)/2, "—", f, colFaint)
}

// hasText reports whether s has anything visible to draw.
func hasText(s string) bool { return utf8.RuneCountInString(strings.TrimSpace(s)) > 0 }
