package charts

import (
	"fmt"
	"image"
	"image/color"
)

// Card sizes. Telegram shows photos up to 1280 px wide, so cards are drawn
// at that width and are never scaled down into blur; 4:3 gives the home
// grid square-ish tiles on a phone.
const (
	homeW, homeH = 1280, 960
	areaW, areaH = 1280, 800
)

// Spacing shared by both cards.
const (
	margin  = 40 // card edge to content
	gap     = 24 // between tiles
	tilePad = 26 // tile edge to its content
)

// home paints the home card: header, then one tile per area in a 2×2 grid.
func (c *canvas) home(h HomeCard) error {
	c.fill(c.img.Bounds(), colBackground)
	top := c.header(h.Title, h.Subtitle, nil)
	cellW := (homeW - 2*margin - gap) / 2
	cellH := (homeH - top - margin - gap) / 2
	for i, a := range h.Areas[:min(len(h.Areas), 4)] {
		x := margin + (i%2)*(cellW+gap)
		y := top + (i/2)*(cellH+gap)
		accent := a.Accent
		if accent == AccentAuto {
			accent = autoAccent(i)
		}
		r := image.Rect(x, y, x+cellW, y+cellH)
		key := tileKey(a, accent, r)
		if c.tiles.paste(key, c.img) {
			continue
		}
		if err := c.areaTile(r, a, accent); err != nil {
			return fmt.Errorf("area %d: %w", i+1, err)
		}
		c.tiles.keep(key, c.img, r)
	}
	return nil
}

// header writes the card's title and subtitle and returns the y where the
// tiles start. A dot in the area's accent precedes the title of an area
// card, tying it to its tile on the home card.
func (c *canvas) header(title, subtitle string, accent *color.RGBA) int {
	tf, sf := c.face(34, heavy), c.face(18, normal)
	w := c.img.Bounds().Dx() - 2*margin
	x, y := margin, margin+capHeight(tf)
	if accent != nil {
		c.disc(float64(x+9), float64(y-capHeight(tf)/2), 9, *accent)
		x += 30
		w -= 30
	}
	c.text(x, y, ellipsize(tf, title, w), tf, colInk)
	y += 16 + capHeight(sf)
	c.text(x, y, ellipsize(sf, subtitle, w), sf, colMuted)
	return y + 30
}

// areaTile paints one area of the home card: its name, the headline KPI
// as large as the tile allows, a note, and the area's chart in miniature.
func (c *canvas) areaTile(r image.Rectangle, a AreaPreview, accent Accent) error {
	c.tile(r)
	in := r.Inset(tilePad)
	col := accent.color()

	tf := c.face(19, heavy)
	y := in.Min.Y + capHeight(tf)
	c.disc(float64(in.Min.X+6), float64(y-capHeight(tf)/2), 6, col)
	c.text(in.Min.X+20, y, ellipsize(tf, a.Title, in.Dx()-20), tf, colText)

	hf, headline := c.fitText(a.Headline, in.Dx(), heavy, 46, 40, 34, 28)
	if !hasText(headline) {
		headline = "—"
	}
	y += 20 + capHeight(hf)
	c.text(in.Min.X, y, headline, hf, colInk)

	nf := c.face(16, normal)
	y += 14 + capHeight(nf)
	c.text(in.Min.X, y, ellipsize(nf, a.Note, in.Dx()), nf, colMuted)

	preview := image.Rect(in.Min.X, y+24, in.Max.X, in.Max.Y)
	return drawPanel(c, a.Panel, preview, panelStyle{accent: accent, compact: true})
}

// drawPanel draws p, or an empty state when there is no panel at all.
func drawPanel(c *canvas, p Panel, r image.Rectangle, st panelStyle) error {
	if p == nil {
		c.emptyState(r, st.compact)
		return nil
	}
	return p.draw(c, r, st)
}
