package charts

import (
	"image"
	"image/color"
	"image/draw"

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
	quant quantizer
	tiles *homeTiles // the home card's tiles drawn lately; nil keeps none
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

// roundRect paints an anti-aliased rectangle with rounded corners. Only
// the corners go through the rasteriser; the straight body is a plain
// fill, which is many times faster on tile-sized areas.
func (c *canvas) roundRect(r image.Rectangle, radius float64, col color.RGBA) {
	r = r.Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	k := int(min(radius, float64(r.Dx())/2, float64(r.Dy())/2))
	if k <= 0 {
		c.fill(r, col)
		return
	}
	c.fill(image.Rect(r.Min.X+k, r.Min.Y, r.Max.X-k, r.Max.Y), col)
	c.fill(image.Rect(r.Min.X, r.Min.Y+k, r.Min.X+k, r.Max.Y-k), col)
	c.fill(image.Rect(r.Max.X-k, r.Min.Y+k, r.Max.X, r.Max.Y-k), col)
	c.corner(image.Rect(r.Min.X, r.Min.Y, r.Min.X+k, r.Min.Y+k), 0, 0, col)
	c.corner(image.Rect(r.Max.X-k, r.Min.Y, r.Max.X, r.Min.Y+k), 1, 0, col)
	c.corner(image.Rect(r.Min.X, r.Max.Y-k, r.Min.X+k, r.Max.Y), 0, 1, col)
	c.corner(image.Rect(r.Max.X-k, r.Max.Y-k, r.Max.X, r.Max.Y), 1, 1, col)
}

// corner paints a quarter disc filling the square r, its centre at the
// square's corner (cx, cy), each 0 for left/top or 1 for right/bottom.
func (c *canvas) corner(r image.Rectangle, cx, cy int, col color.RGBA) {
	k := float32(r.Dx())
	ox, oy := float32(1-cx)*k, float32(1-cy)*k // the centre, inside the square
	sx, sy := 2*float32(cx)-1, 2*float32(cy)-1 // towards the rounded edge
	q := k * kappa
	z := &c.ras
	z.Reset(r.Dx(), r.Dy())
	z.MoveTo(ox, oy)
	z.LineTo(ox+sx*k, oy)
	z.CubeTo(ox+sx*k, oy+sy*q, ox+sx*q, oy+sy*k, ox, oy+sy*k)
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
