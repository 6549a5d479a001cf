package charts

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"sync"
)

// Renderer draws cards into PNG bytes. It is safe for concurrent use.
//
// Drawing a card holds a few megabytes of pixels, so a Renderer lets only
// a bounded number of cards be drawn at once; callers beyond that wait.
// Memory then stays flat under a burst of requests, and total throughput
// is the same, since drawing is CPU-bound.
type Renderer struct {
	slots chan struct{}
	homes sync.Pool // *canvas of the home card's size
	areas sync.Pool // *canvas of the area card's size
	enc   png.Encoder
	tiles *homeTiles
}

// NewRenderer returns a Renderer that draws at most maxConcurrent cards at
// once; values below 1 mean 1. Two suits a two-core machine.
func NewRenderer(maxConcurrent int) *Renderer {
	return &Renderer{
		slots: make(chan struct{}, max(maxConcurrent, 1)),
		// BestSpeed: flat colour compresses well even at the fastest
		// level, and encoding is a large share of a card's time.
		enc:   png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderPool{}},
		tiles: newHomeTiles(),
	}
}

// Home draws the home card as a PNG of about 1280×960 pixels.
func (r *Renderer) Home(ctx context.Context, c HomeCard) ([]byte, error) {
	png, err := r.render(ctx, &r.homes, homeW, homeH, func(cv *canvas) error { return cv.home(c) })
	if err != nil {
		return nil, fmt.Errorf("render home card: %w", err)
	}
	return png, nil
}

// Area draws an area card as a PNG of about 1280×800 pixels.
func (r *Renderer) Area(ctx context.Context, c AreaCard) ([]byte, error) {
	png, err := r.render(ctx, &r.areas, areaW, areaH, func(cv *canvas) error { return cv.area(c) })
	if err != nil {
		return nil, fmt.Errorf("render area card %q: %w", c.Title, err)
	}
	return png, nil
}

// render waits for a slot, paints a pooled canvas and encodes it once, as
// a 256-colour image (see palette.go for why).
func (r *Renderer) render(ctx context.Context, pool *sync.Pool, w, h int, paint func(*canvas) error) (out []byte, err error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	select {
	case r.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-r.slots }()

	cv, _ := pool.Get().(*canvas)
	if cv == nil {
		cv = newCanvas(w, h)
	}
	cv.tiles = r.tiles
	defer pool.Put(cv) // every card repaints the whole canvas first
	// A bug in drawing or in the chart library must cost one picture, not
	// the process that serves every chat.
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("panic while drawing: %v", p)
		}
	}()

	if err := paint(cv); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err // nobody waits for the picture: skip the encoding
	}
	var buf bytes.Buffer
	buf.Grow(128 << 10)
	if err := r.enc.Encode(&buf, cv.quant.paletted(cv.img)); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// encoderPool lets PNG encodes reuse their compression buffers, which are
// larger than the picture they produce.
type encoderPool struct{ p sync.Pool }

func (e *encoderPool) Get() *png.EncoderBuffer {
	b, _ := e.p.Get().(*png.EncoderBuffer)
	return b
}

func (e *encoderPool) Put(b *png.EncoderBuffer) { e.p.Put(b) }
