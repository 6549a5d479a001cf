package charts

import (
	"image"
	"sync"
)

// homeTiles keeps the pixels of the home card's tiles drawn lately, by
// what they show. A home card changes one area at a time (a new task
// changes the tasks tile, a vote the ideas tile), so a new card copies the
// other three tiles instead of drawing their charts again: the charts are
// most of a card's drawing.
type homeTiles struct {
	mu    sync.Mutex
	max   int
	tiles map[Key]*keptTile
	clock int64 // orders uses, for dropping the least recently used
}

type keptTile struct {
	r    image.Rectangle
	pix  []uint8 // RGBA rows of r, stride 4·r.Dx()
	used int64
}

// homeTileCount is how many tiles are kept: the four of a card in two
// languages, twice over, about 14 MB.
const homeTileCount = 16

func newHomeTiles() *homeTiles {
	return &homeTiles{max: homeTileCount, tiles: map[Key]*keptTile{}}
}

// tileKey names a tile's pixels: what it shows, its accent and where.
func tileKey(a AreaPreview, accent Accent, r image.Rectangle) Key {
	f := newFingerprinter("home-tile")
	f.str(a.Title)
	f.str(a.Headline)
	f.str(a.Note)
	f.int(int(accent))
	f.panel(a.Panel)
	for _, n := range []int{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y} {
		f.int(n)
	}
	return f.sum()
}

// paste copies the kept tile k into img and reports whether it had one.
func (t *homeTiles) paste(k Key, img *image.RGBA) bool {
	if t == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	kt, ok := t.tiles[k]
	if !ok {
		return false
	}
	t.clock++
	kt.used = t.clock
	w := 4 * kt.r.Dx()
	for y := kt.r.Min.Y; y < kt.r.Max.Y; y++ {
		i := img.PixOffset(kt.r.Min.X, y)
		copy(img.Pix[i:i+w], kt.pix[(y-kt.r.Min.Y)*w:])
	}
	return true
}

// keep copies the tile r of img under k, dropping the least recently used
// tile when full.
func (t *homeTiles) keep(k Key, img *image.RGBA, r image.Rectangle) {
	if t == nil {
		return
	}
	w := 4 * r.Dx()
	pix := make([]uint8, w*r.Dy())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := img.PixOffset(r.Min.X, y)
		copy(pix[(y-r.Min.Y)*w:], img.Pix[i:i+w])
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.tiles) >= t.max {
		var oldest Key
		first := true
		for key, kt := range t.tiles {
			if first || kt.used < t.tiles[oldest].used {
				oldest, first = key, false
			}
		}
		delete(t.tiles, oldest)
	}
	t.clock++
	t.tiles[k] = &keptTile{r: r, pix: pix, used: t.clock}
}
