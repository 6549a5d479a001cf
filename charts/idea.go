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
	c.fill(c.img.Bounds(), colBackground)
	col := k.Accent.color()
	top := c.header(k.Title, k.Subtitle, &col)
	if tiles := k.Tiles[:min(len(k.Tiles), maxTiles)]; len(tiles) > 0 {
		w := (ideasW - 2*margin - gap*(len(tiles)-1)) / len(tiles)
		for i, t := range tiles {
			x := margin + i*(w+gap)
			c.kpi(image.Rect(x, top, x+w, top+kpiH), t)
		}
		top += kpiH + gap
	}
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

// panelRow lays panels side by side in row by their weights, each on its
// own tile; no panel at all draws an empty tile.
func (c *canvas) panelRow(row image.Rectangle, panels []Panel, accent Accent) error {
	if len(panels) == 0 {
		c.tile(row)
		c.emptyState(row, false)
		return nil
	}
	total := 0
	for _, p := range panels {
		total += panelWeight(p)
	}
	free := row.Dx() - gap*(len(panels)-1)
	x := row.Min.X
	for i, p := range panels {
		w := free * panelWeight(p) / total
		if i == len(panels)-1 {
			w = row.Max.X - x
		}
		r := image.Rect(x, row.Min.Y, x+w, row.Max.Y)
		c.tile(r)
		if err := drawPanel(c, p, r.Inset(tilePad), panelStyle{accent: accent}); err != nil {
			return fmt.Errorf("panel %d: %w", i+1, err)
		}
		x += w + gap
	}
	return nil
}
