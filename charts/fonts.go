package charts

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// DejaVu Sans is embedded because it is the one freely licensed face that
// has every glyph the cards use: Cyrillic, ₽, ▲▼, «», —, … and the narrow
// no-break space that groups digits. Both drawing stacks get the same face,
// so chart axes and card text look alike.
//
// The fonts are parsed once: parsing DejaVu takes milliseconds, and a
// parsed font is read-only and safe to share between goroutines. go-chart
// is always handed chartFont, never left to its lazily loaded default,
// which is guarded by a racy double-checked lock.
var (
	fontsOnce sync.Once
	fontsErr  error
	regular   *opentype.Font
	bold      *opentype.Font
	chartFont *truetype.Font
)

func loadFonts() error {
	fontsOnce.Do(func() {
		var err error
		if regular, err = opentype.Parse(dejavusans.TTF); err != nil {
			fontsErr = fmt.Errorf("parse regular font: %w", err)
			return
		}
		if bold, err = opentype.Parse(dejavusansbold.TTF); err != nil {
			fontsErr = fmt.Errorf("parse bold font: %w", err)
			return
		}
		if chartFont, err = truetype.Parse(dejavusans.TTF); err != nil {
			fontsErr = fmt.Errorf("parse chart font: %w", err)
		}
	})
	return fontsErr
}

// weight picks the regular or the bold face.
type weight bool

const (
	normal weight = false
	heavy  weight = true
)

type faceKey struct {
	size float64
	w    weight
}

// faces hands out font faces by size and weight. An opentype face keeps a
// scratch buffer, so it must not be shared between goroutines; each canvas
// owns one set and reuses it from card to card.
type faces map[faceKey]font.Face

func (fs faces) get(size float64, w weight) font.Face {
	k := faceKey{math.Round(size), w} // whole pixels keep the set of faces small
	size = k.size
	if f, ok := fs[k]; ok {
		return f
	}
	src := regular
	if w == heavy {
		src = bold
	}
	// NewFace only fails on nil options; DPI 72 makes Size a pixel size,
	// the unit every layout here is written in.
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(fmt.Sprintf("charts: font face %v: %v", k, err))
	}
	fs[k] = f
	return f
}

// face returns the DejaVu face of size pixels.
func (c *canvas) face(size float64, w weight) font.Face { return c.faces.get(size, w) }

// text draws s with its baseline at y, starting at x, and returns the x
// where the next text would start.
func (c *canvas) text(x, y int, s string, f font.Face, col color.RGBA) int {
	d := font.Drawer{Dst: c.img, Src: c.uniform(col), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(oneLine(s))
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

func textWidth(f font.Face, s string) int { return font.MeasureString(f, oneLine(s)).Ceil() }

// oneLine turns line breaks, tabs and other control characters into
// spaces: every text on a card is one line, and a control character would
// otherwise draw as an empty box.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

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

// hasText reports whether s has anything visible to draw.
func hasText(s string) bool { return strings.TrimSpace(s) != "" }
