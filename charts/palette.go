package charts

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"slices"
)

// A card is flat colour plus anti-aliased edges, a few thousand colours in
// all, most of them a handful of pixels each. Writing it as a 256-colour
// PNG is what keeps a card fast and small: image/png tries five row
// filters on every truecolour row, which costs more than drawing the whole
// card, while paletted rows are not filtered and take a third of the
// bytes. The palette is chosen per card, so the flat colours stay exact
// and only rare edge shades move to a close neighbour, which the eye does
// not notice at 1280 pixels.

const (
	paletteSize = 256
	// solidRun is how many pixels make a colour a surface rather than an
	// edge shade: surfaces always get their own palette entry.
	solidRun = 400
	// minSpread is how far apart (in summed RGB steps) two edge shades
	// must be to both take a palette entry while entries are scarce.
	minSpread = 10
)

// quantizer turns a card into a paletted image. It keeps its maps and
// buffers between cards, so it belongs to one canvas.
type quantizer struct {
	counts map[uint32]int32 // colour → pixels
	exact  map[uint32]uint8 // palette colour → index
	near   []int16          // 15-bit colour → nearest index, -1 unknown
	ranked []colorCount
	rgbs   []color.RGBA // the palette being chosen
	pal    color.Palette
	out    *image.Paletted
}

type colorCount struct {
	rgb uint32
	n   int32
}

// key packs a pixel's colour as 0x00BBGGRR with one load; alpha is
// dropped, as cards are opaque.
func key(p []uint8) uint32 { return binary.LittleEndian.Uint32(p) & 0xffffff }

func unkey(k uint32) color.RGBA {
	return color.RGBA{R: uint8(k), G: uint8(k >> 8), B: uint8(k >> 16), A: 0xff}
}

// paletted returns img in at most 256 colours. img must be opaque, as
// every card is: it starts from a solid background.
func (q *quantizer) paletted(img *image.RGBA) *image.Paletted {
	if q.counts == nil {
		q.counts, q.exact, q.near = map[uint32]int32{}, map[uint32]uint8{}, make([]int16, 1<<15)
	}
	clear(q.counts)
	clear(q.exact)
	b := img.Bounds()
	if q.out == nil || q.out.Bounds() != b {
		q.out = image.NewPaletted(b, nil)
	}

	// Count colours run by run: a card is mostly long runs of one colour.
	run, prev := int32(0), uint32(1<<31)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		for i := 0; i+4 <= len(row); i += 4 {
			if k := key(row[i : i+4]); k != prev {
				if run > 0 {
					q.counts[prev] += run
				}
				prev, run = k, 0
			}
			run++
		}
	}
	q.counts[prev] += run

	q.choose()

	for i := range q.near {
		q.near[i] = -1
	}
	prevIdx := uint8(0)
	prev = 1 << 31
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		dst := q.out.Pix[q.out.PixOffset(b.Min.X, y):]
		dst = dst[:len(row)/4]
		for j := range dst {
			k := key(row[4*j : 4*j+4])
			if k != prev {
				prev, prevIdx = k, q.index(k)
			}
			dst[j] = prevIdx
		}
	}
	q.pal = q.pal[:0]
	for _, c := range q.rgbs {
		q.pal = append(q.pal, c)
	}
	q.out.Palette = q.pal
	return q.out
}

// choose fills the palette: every colour when there are few enough,
// otherwise surfaces first, then edge shades by frequency, skipping shades
// too close to one already taken until every entry is used.
func (q *quantizer) choose() {
	q.ranked = q.ranked[:0]
	for rgb, n := range q.counts {
		q.ranked = append(q.ranked, colorCount{rgb, n})
	}
	slices.SortFunc(q.ranked, func(a, b colorCount) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.rgb, b.rgb))
	})
	q.rgbs = q.rgbs[:0]
	add := func(rgb uint32) {
		q.exact[rgb] = uint8(len(q.rgbs))
		q.rgbs = append(q.rgbs, unkey(rgb))
	}
	if len(q.ranked) <= paletteSize {
		for _, c := range q.ranked {
			add(c.rgb)
		}
		return
	}
	for _, c := range q.ranked {
		if len(q.rgbs) == paletteSize {
			return
		}
		if c.n >= solidRun || q.spread(c.rgb) >= minSpread {
			add(c.rgb)
		}
	}
	for _, c := range q.ranked {
		if len(q.rgbs) == paletteSize {
			return
		}
		if _, ok := q.exact[c.rgb]; !ok {
			add(c.rgb)
		}
	}
}

// spread is the distance from rgb to the closest palette colour so far.
func (q *quantizer) spread(rgb uint32) int {
	best := 1 << 30
	for _, c := range q.rgbs {
		d := absDiff(uint8(rgb), c.R) + absDiff(uint8(rgb>>8), c.G) + absDiff(uint8(rgb>>16), c.B)
		best = min(best, d)
	}
	return best
}

// index maps a colour to its palette entry: exact when it has one,
// otherwise the nearest entry, looked up once per 15-bit colour cell.
func (q *quantizer) index(rgb uint32) uint8 {
	if i, ok := q.exact[rgb]; ok {
		return i
	}
	cell := (rgb>>3)&0x1f | (rgb>>6)&0x3e0 | (rgb>>9)&0x7c00
	if i := q.near[cell]; i >= 0 {
		return uint8(i)
	}
	r, g, b := int(rgb&0xff), int(rgb>>8&0xff), int(rgb>>16&0xff)
	best, bestD := 0, 1<<62
	for i, c := range q.rgbs {
		dr, dg, db := r-int(c.R), g-int(c.G), b-int(c.B)
		// Green weighs most and blue least, roughly as the eye sees them.
		if d := 3*dr*dr + 4*dg*dg + 2*db*db; d < bestD {
			best, bestD = i, d
		}
	}
	q.near[cell] = int16(best)
	return uint8(best)
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
