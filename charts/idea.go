package charts

import (
	"context"
	"fmt"
	"image"
	"sync"
)

// The ideas card is taller than an area card: it has three charts, two
// side by side under the KPI row and one across the bottom.
const ideasW, ideasH = 1280, 960

// IdeasCard is the improvement ideas dashboard: up to five KPI tiles, up
// to two panels side by side (ideas by status, ideas per month) and one
// panel across the card below them (the leaders by votes).
type IdeasCard struct {
	Title, Subtitle string
	Accent          Accent
	Tiles           []Tile
	Upper           []Panel
	Lower           Panel
}

// ideaCanvases keeps canvases of the ideas card's size between renders.
var ideaCanvases sync.Pool

// Ideas draws the ideas dashboard as a PNG of about 1280×960 pixels.
func (r *Renderer) Ideas(ctx context.Context, c IdeasCard) ([]byte, error) {
	png, err := r.render(ctx, &ideaCanvases, ideasW, ideasH, func(cv *canvas) error { return cv.ideas(c) })
	if err != nil {
		return nil, fmt.Errorf("render ideas card: %w", err)
	}
	return png, nil
}

// ideas paints the card: header, tiles, the upper row and the lower panel
// (which gets a little less height: a ranking needs less than a chart).
func (c *canvas) ideas(k IdeasCard) error {
	top := c.cardTop(ideasW, k.Title, k.Subtitle, k.Accent, k.Tiles)
	free := ideasH - margin - top - gap
	upperH := free * 55 / 100
	upper := image.Rect(margin, top, ideasW-margin, top+upperH)
	lower := image.Rect(margin, upper.Max.Y+gap, ideasW-margin, ideasH-margin)
	if err := c.panelRow(upper, k.Upper[:min(len(k.Upper), maxPanels)], k.Accent); err != nil {
		return err
	}
	if err := c.panelRow(lower, []Panel{k.Lower}, k.Accent); err != nil {
		return fmt.Errorf("lower %w", err)
	}
	return nil
}
