package charts

import (
	"image/color"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Accent is the colour that marks one business area on every card, so a
// reader learns to find CRM in blue or ideas in amber at a glance.
type Accent uint8

// The zero Accent means "pick one": by position on the home card, blue on an
// area card. Pass the same accent to an area's home tile and to its own card.
const (
	AccentAuto Accent = iota
	AccentBlue
	AccentViolet
	AccentTeal
	AccentAmber
)

// Tone gives a number or a slice a meaning the reader should see before
// reading it: good news in green, trouble in red.
type Tone uint8

// ToneAuto lets the card choose: grey for notes, the palette for slices.
const (
	ToneAuto Tone = iota
	ToneGood
	ToneBad
	ToneWarn
	ToneNeutral
)

func rgb(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// The card palette: a cool light background, white tiles and grey text in
// steps of importance. Fixed colours also keep PNGs small, since long runs
// of one colour compress to almost nothing.
var (
	colBackground = rgb(0xF3F5F9)
	colTile       = rgb(0xFFFFFF)
	colBorder     = rgb(0xE3E7ED)
	colInk        = rgb(0x111827) // headline numbers
	colText       = rgb(0x374151) // titles and labels
	colMuted      = rgb(0x6B7280) // subtitles, notes, axes
	colFaint      = rgb(0xA3AAB5) // empty states
	colTrack      = rgb(0xEDF0F4) // ranking track, empty ring
	colGrid       = rgb(0xE9ECF1)
)

var accents = [...]color.RGBA{
	AccentBlue:   rgb(0x2563EB),
	AccentViolet: rgb(0x7C3AED),
	AccentTeal:   rgb(0x0D9488),
	AccentAmber:  rgb(0xF59E0B),
}

// color returns the accent's colour, blue for AccentAuto and for values
// out of range.
func (a Accent) color() color.RGBA {
	if a == AccentAuto || int(a) >= len(accents) {
		a = AccentBlue
	}
	return accents[a]
}

// autoAccent is the accent of the i-th home tile when the caller sets none.
func autoAccent(i int) Accent { return Accent(1 + i%(len(accents)-1)) }

// fill is the tone's colour for shapes; text uses the darker textColor.
func (t Tone) fill() (color.RGBA, bool) {
	switch t {
	case ToneGood:
		return rgb(0x10B981), true
	case ToneBad:
		return rgb(0xEF4444), true
	case ToneWarn:
		return rgb(0xF59E0B), true
	case ToneNeutral:
		return rgb(0xCBD2DC), true
	}
	return color.RGBA{}, false
}

func (t Tone) textColor() color.RGBA {
	switch t {
	case ToneGood:
		return rgb(0x059669)
	case ToneBad:
		return rgb(0xDC2626)
	case ToneWarn:
		return rgb(0xB45309)
	}
	return colMuted
}

// sliceHues follow the accent in a donut without tones: hues far from each
// other and from the tone colours, so "done" in green never sits next to a
// near-green "in review".
var sliceHues = [...]color.RGBA{
	rgb(0x38BDF8), rgb(0xF59E0B), rgb(0xF43F5E), rgb(0x7C3AED), rgb(0x2563EB),
	rgb(0x84CC16), rgb(0x0D9488), rgb(0x94A3B8),
}

// sliceColors gives the slices their colours: a slice's tone when it has
// one, otherwise the accent first and then sliceHues.
func sliceColors(accent color.RGBA, tones []Tone) []color.RGBA {
	auto := []color.RGBA{accent}
	for _, c := range sliceHues {
		if c != accent {
			auto = append(auto, c)
		}
	}
	out := make([]color.RGBA, len(tones))
	next := 0
	for i, t := range tones {
		if c, ok := t.fill(); ok {
			out[i] = c
			continue
		}
		out[i] = auto[next%len(auto)]
		next++
	}
	return out
}

// seriesColors shades the accent for grouped bars: the last series (the
// outcome, such as deals won) in full colour, earlier ones lighter.
func seriesColors(accent color.RGBA, n int) []color.RGBA {
	out := make([]color.RGBA, n)
	for i := range out {
		out[i] = tint(accent, float64(n-1-i)*0.5/float64(max(n-1, 1)))
	}
	return out
}

// tint mixes c with white; f = 0 keeps c, f = 1 gives white.
func tint(c color.RGBA, f float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*f + 0.5) }
	return color.RGBA{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xff}
}

// dc converts a colour for go-chart.
func dc(c color.RGBA) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }
