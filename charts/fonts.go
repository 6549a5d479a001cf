package charts

import (
	"fmt"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
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
	k := faceKey{size, w}
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
