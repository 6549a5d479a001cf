package charts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// maxPNG is the size budget of one card: a photo that large still goes
// out to a slow phone connection in well under a second.
const maxPNG = 200 << 10

type cardCase struct {
	name   string
	render func(*Renderer) ([]byte, error)
	size   image.Point
}

func cardCases() []cardCase {
	ctx := context.Background()
	home := func(name string, c HomeCard) cardCase {
		return cardCase{name, func(r *Renderer) ([]byte, error) { return r.Home(ctx, c) }, image.Pt(homeW, homeH)}
	}
	area := func(name string, c AreaCard) cardCase {
		return cardCase{name, func(r *Renderer) ([]byte, error) { return r.Area(ctx, c) }, image.Pt(areaW, areaH)}
	}
	cases := []cardCase{
		home("home", sampleHome()),
		home("home empty", emptyHome()),
		home("home extreme", extremeHome()),
		home("home zero value", HomeCard{}),
		area("crm", sampleCRM()),
		area("tasks", sampleTasks()),
		area("mining", sampleMining()),
		area("ideas", sampleIdeas()),
	}
	for i, c := range emptyAreas() {
		cases = append(cases, area(fmt.Sprintf("area empty %d", i+1), c))
	}
	for i, c := range extremeAreas() {
		cases = append(cases, area(fmt.Sprintf("area extreme %d", i+1), c))
	}
	return cases
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return img
}

func TestCardsRender(t *testing.T) {
	r := NewRenderer(2)
	for _, tc := range cardCases() {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.render(r)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, b)
			if got := img.Bounds().Size(); got != tc.size {
				t.Errorf("size = %v, want %v", got, tc.size)
			}
			if len(b) > maxPNG {
				t.Errorf("png is %d bytes, want at most %d", len(b), maxPNG)
			}
			// Every card has a header; a card of background only would
			// mean drawing silently failed.
			if n := ink(img, image.Rect(margin, margin, homeW/2, margin+40)); n == 0 && tc.name != "home zero value" && tc.name != "area empty 4" {
				t.Error("header is blank")
			}
		})
	}
}

// headerBottom is where a card's tiles start.
func headerBottom(w, h int) int {
	return newCanvas(w, h).header("Заголовок", "подзаголовок", nil)
}

// ink counts the pixels in r dark enough to be text or a chart.
func ink(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if luma(img.At(x, y)) < 150 {
				n++
			}
		}
	}
	return n
}

// near counts the pixels in r within a small distance of col.
func near(img image.Image, r image.Rectangle, col color.RGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			d := abs(int(cr>>8)-int(col.R)) + abs(int(cg>>8)-int(col.G)) + abs(int(cb>>8)-int(col.B))
			if d < 24 {
				n++
			}
		}
	}
	return n
}

func luma(c color.Color) int {
	r, g, b, _ := c.RGBA()
	return int((299*(r>>8) + 587*(g>>8) + 114*(b>>8)) / 1000)
}

func abs(v int) int { return max(v, -v) }

func TestAreaCardPixels(t *testing.T) {
	b, err := NewRenderer(1).Area(context.Background(), sampleCRM())
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	top := headerBottom(areaW, areaH) // the KPI row starts under the header
	w := (areaW - 2*margin - 3*gap) / 4
	for i := range 4 {
		x := margin + i*(w+gap)
		tile := image.Rect(x, top, x+w, top+kpiH-20)
		if n := ink(img, tile); n < 300 {
			t.Errorf("KPI tile %d has %d dark pixels, want a value drawn", i+1, n)
		}
		if got := color.RGBAModel.Convert(img.At(x+w-12, top+kpiH/2)); got != colTile {
			t.Errorf("KPI tile %d is not white inside: %v", i+1, got)
		}
	}
	panels := image.Rect(margin, top+kpiH+gap, areaW-margin, areaH-margin)
	blue := AccentBlue.color()
	if n := near(img, panels, blue); n < 5000 {
		t.Errorf("panels have %d accent pixels, want bars and a slice in the accent", n)
	}
	if n := near(img, panels, tint(blue, 0.5)); n < 5000 {
		t.Errorf("panels have %d light-accent pixels, want the first series' bars", n)
	}
	if got := color.RGBAModel.Convert(img.At(5, 5)); got != colBackground {
		t.Errorf("background = %v, want %v", got, colBackground)
	}
}

func TestHomeCardPixels(t *testing.T) {
	b, err := NewRenderer(1).Home(context.Background(), sampleHome())
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	top := headerBottom(homeW, homeH)
	cellW, cellH := (homeW-2*margin-gap)/2, (homeH-top-margin-gap)/2
	for i, a := range sampleHome().Areas {
		x, y := margin+(i%2)*(cellW+gap), top+(i/2)*(cellH+gap)
		cell := image.Rect(x, y, x+cellW, y+cellH)
		if n := ink(img, image.Rect(x, y, x+cellW, y+cellH/3)); n < 1000 {
			t.Errorf("%s: %d dark pixels in title and headline, want text", a.Title, n)
		}
		if n := near(img, cell, a.Accent.color()); n < 300 {
			t.Errorf("%s: %d accent pixels, want a preview chart in its accent", a.Title, n)
		}
	}
}

// TestConcurrentRender draws the same cards from many goroutines at once:
// under -race it proves no shared state is written, and the identical
// bytes prove one card's drawing never leaks into another's.
func TestConcurrentRender(t *testing.T) {
	r := NewRenderer(2)
	ctx := context.Background()
	wantHome, err := r.Home(ctx, sampleHome())
	if err != nil {
		t.Fatal(err)
	}
	wantArea, err := r.Area(ctx, sampleTasks())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 8 {
		wg.Go(func() {
			for range 2 {
				if i%2 == 0 {
					if got, err := r.Home(ctx, sampleHome()); err != nil || !bytes.Equal(got, wantHome) {
						errs <- fmt.Errorf("home: err %v, same bytes %t", err, bytes.Equal(got, wantHome))
					}
				} else if got, err := r.Area(ctx, sampleTasks()); err != nil || !bytes.Equal(got, wantArea) {
					errs <- fmt.Errorf("area: err %v, same bytes %t", err, bytes.Equal(got, wantArea))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderWaitsForSlot(t *testing.T) {
	r := NewRenderer(1)
	r.slots <- struct{}{} // another card is being drawn
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Home(ctx, sampleHome()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	<-r.slots
	if _, err := r.Area(context.Background(), sampleCRM()); err != nil {
		t.Errorf("after the slot frees: %v", err)
	}
}

// TestGlyphs checks that DejaVu has every character the cards show, so
// nothing renders as an empty box.
func TestGlyphs(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	text := "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" +
		"₽▲▼«»—–…·№%+−\u202f\u00a00123456789"
	var buf sfnt.Buffer
	for _, f := range []*sfnt.Font{regular, bold} {
		for _, r := range text {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				t.Errorf("no glyph for %q (%U)", r, r)
			}
		}
	}
	for _, r := range text {
		if chartFont.Index(r) == 0 {
			t.Errorf("chart font: no glyph for %q (%U)", r, r)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		max  float64
		want int
		top  float64
		n    int
	}{
		{0, 5, 1, 2},
		{0.3, 5, 1, 2},
		{4, 5, 4, 5},
		{23, 5, 25, 6},
		{30, 3, 30, 4},
		{97, 5, 100, 6},
		{1e12, 5, 1e12, 6},
	} {
		ticks := niceTicks(tc.max, tc.want)
		if got := ticks[len(ticks)-1]; got != tc.top || len(ticks) != tc.n || ticks[0] != 0 {
			t.Errorf("niceTicks(%v, %d) = %v, want %d ticks from 0 to %v", tc.max, tc.want, ticks, tc.n, tc.top)
		}
	}
}

func TestPlainNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 7: "7", 1240: "1240", 12400: "12\u202f400", 2.5: "2.5", 1e15: "1\u202f000\u202f000\u202f000\u202f000\u202f000",
	} {
		if got := plainNumber(v); got != want {
			t.Errorf("plainNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestEllipsize(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	f := faces{}.get(16, normal)
	for _, maxW := range []int{0, 5, 40, 200, 2000} {
		got := ellipsize(f, longRu, maxW)
		if w := textWidth(f, got); w > maxW {
			t.Errorf("ellipsize to %d: %q is %d wide", maxW, got, w)
		}
		if maxW >= 40 && maxW < textWidth(f, longRu) && []rune(got)[len([]rune(got))-1] != '…' {
			t.Errorf("ellipsize to %d: %q does not end in …", maxW, got)
		}
	}
	if got := ellipsize(f, "Сделки", 500); got != "Сделки" {
		t.Errorf("short text changed: %q", got)
	}
}

// The budget on a two-core machine: a home card well under 50 ms and
// 200 KB. The B/png metric tracks the size next to the time.

func BenchmarkHomeCard(b *testing.B) {
	r := NewRenderer(2)
	r.tiles = nil // every tile drawn, as for a card whose areas all changed
	ctx := context.Background()
	card := sampleHome()
	var png []byte
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if png, err = r.Home(ctx, card); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(png)), "B/png")
}

func BenchmarkAreaCard(b *testing.B) {
	r := NewRenderer(2)
	ctx := context.Background()
	card := sampleCRM()
	var png []byte
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if png, err = r.Area(ctx, card); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(png)), "B/png")
}

// BenchmarkHomeCardParallel shows throughput when chats ask at once: the
// renderer's two slots keep both cores busy and memory bounded.
func BenchmarkHomeCardParallel(b *testing.B) {
	r := NewRenderer(2)
	card := sampleHome()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.Home(context.Background(), card); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
