package charts

import (
	"image"
	"image/color"
	"testing"
)

func TestPalettedExactWithFewColours(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			i := (y*64 + x) % 200
			img.SetRGBA(x, y, color.RGBA{R: uint8(i), G: uint8(255 - i), B: uint8(i * 7), A: 0xff})
		}
	}
	var q quantizer
	p := q.paletted(img)
	if len(p.Palette) != 200 {
		t.Errorf("palette has %d colours, want 200", len(p.Palette))
	}
	for y := range 64 {
		for x := range 64 {
			if got, want := p.At(x, y), img.RGBAAt(x, y); got != want {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

// TestPalettedCard checks the conversion on real cards, one canvas after
// another as the renderer reuses it: surfaces keep their exact colour and
// anti-aliased edges move only slightly.
func TestPalettedCard(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	cv := newCanvas(areaW, areaH)
	for _, card := range []AreaCard{sampleCRM(), sampleTasks(), sampleIdeas()} {
		if err := cv.area(card); err != nil {
			t.Fatal(err)
		}
		counts := map[color.RGBA]int{}
		b := cv.img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				counts[cv.img.RGBAAt(x, y)]++
			}
		}
		p := cv.quant.paletted(cv.img)
		if len(p.Palette) > paletteSize {
			t.Fatalf("%s: palette has %d colours", card.Title, len(p.Palette))
		}
		worst, total := 0, 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				want := cv.img.RGBAAt(x, y)
				got := p.Palette[p.ColorIndexAt(x, y)].(color.RGBA)
				d := absDiff(got.R, want.R) + absDiff(got.G, want.G) + absDiff(got.B, want.B)
				if d > 0 && counts[want] >= solidRun {
					t.Fatalf("%s: surface colour %v became %v", card.Title, want, got)
				}
				worst, total = max(worst, d), total+d
			}
		}
		mean := float64(total) / float64(b.Dx()*b.Dy())
		t.Logf("%s: %d colours, worst shift %d, mean %.3f", card.Title, len(counts), worst, mean)
		if worst > 40 || mean > 0.1 {
			t.Errorf("%s: colours shift by up to %d (mean %.3f), want at most 40 (mean 0.1)", card.Title, worst, mean)
		}
	}
}
