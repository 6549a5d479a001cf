package charts

import (
	"fmt"
	"image"
)

// Limits of an area card's rows: more KPI tiles than this leave values too
// small to read on a phone, more panels leave charts too narrow.
const (
	maxTiles  = 5
	maxPanels = 2
	kpiH      = 138 // height of the KPI row
)

// area paints an area card: header, a row of KPI tiles, and one or two
// panels sharing the rest of the card by their weights.
func (c *canvas) area(a AreaCard) error {
	top := c.cardTop(areaW, a.Title, a.Subtitle, a.Accent, a.Tiles)
	row := image.Rect(margin, top, areaW-margin, areaH-margin)
	return c.panelRow(row, a.Panels[:min(len(a.Panels), maxPanels)], a.Accent)
}

// cardTop paints what every card starts with on a canvas width wide: the
// background, the header and the row of KPI tiles (none if there are no
// tiles). It returns the y where the rest of the card begins.
func (c *canvas) cardTop(width int, title, subtitle string, accent Accent, tiles []Tile) int {
	c.fill(c.img.Bounds(), colBackground)
	col := accent.color()
	top := c.header(title, subtitle, &col)
	if tiles := tiles[:min(len(tiles), maxTiles)]; len(tiles) > 0 {
		w := (width - 2*margin - gap*(len(tiles)-1)) / len(tiles)
		for i, t := range tiles {
			x := margin + i*(w+gap)
			c.kpi(image.Rect(x, top, x+w, top+kpiH), t)
		}
		top += kpiH + gap
	}
	return top
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

func panelWeight(p Panel) int {
	if p == nil {
		return 2
	}
	return p.weight()
}

// kpi paints one KPI tile: label, value as large as fits, optional note.
// Values sit at the same height in every tile, note or not, so the row
// reads as one line of numbers.
func (c *canvas) kpi(r image.Rectangle, t Tile) {
	c.tile(r)
	in := image.Rect(r.Min.X+24, r.Min.Y+22, r.Max.X-20, r.Max.Y-20)

	lf := c.face(16, normal)
	y := in.Min.Y + capHeight(lf)
	c.text(in.Min.X, y, ellipsize(lf, t.Label, in.Dx()), lf, colMuted)

	vf, value := c.fitText(t.Value, in.Dx(), heavy, 42, 36, 30, 24)
	if !hasText(value) {
		value = "—"
	}
	y += 20 + capHeight(vf)
	c.text(in.Min.X, y, value, vf, colInk)

	if hasText(t.Note) {
		nf := c.face(15, normal)
		y += 17 + capHeight(nf)
		c.text(in.Min.X, y, ellipsize(nf, t.Note, in.Dx()), nf, t.Tone.textColor())
	}
}
