package charts

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
)

// Key identifies a card's picture by its input data: two cards with equal
// keys draw the same pixels, so a caller may keep the PNG of one and show
// it for the other instead of drawing again. The key covers every field
// the drawing reads (strings already translated and formatted, so the
// language and time zone are in them) and the kind and version of the card.
type Key [sha256.Size]byte

// keyVersion changes whenever drawing changes in a way the fields do not
// show, so that no process mixes pictures of two layouts under one key.
const keyVersion = 1

// Key is the home card's picture key.
func (c HomeCard) Key() Key {
	f := newFingerprinter("home")
	f.str(c.Title)
	f.str(c.Subtitle)
	f.int(len(c.Areas))
	for _, a := range c.Areas {
		f.str(a.Title)
		f.str(a.Headline)
		f.str(a.Note)
		f.int(int(a.Accent))
		f.panel(a.Panel)
	}
	return f.sum()
}

// Key is an area card's picture key.
func (c AreaCard) Key() Key {
	f := newFingerprinter("area")
	f.str(c.Title)
	f.str(c.Subtitle)
	f.int(int(c.Accent))
	f.tiles(c.Tiles)
	f.int(len(c.Panels))
	for _, p := range c.Panels {
		f.panel(p)
	}
	return f.sum()
}

// Key is the ideas card's picture key.
func (c IdeasCard) Key() Key {
	f := newFingerprinter("ideas")
	f.str(c.Title)
	f.str(c.Subtitle)
	f.int(int(c.Accent))
	f.tiles(c.Tiles)
	f.int(len(c.Upper))
	for _, p := range c.Upper {
		f.panel(p)
	}
	f.panel(c.Lower)
	return f.sum()
}

func (f *fingerprinter) tiles(ts []Tile) {
	f.int(len(ts))
	for _, t := range ts {
		f.str(t.Label)
		f.str(t.Value)
		f.str(t.Note)
		f.int(int(t.Tone))
	}
}

// fingerprinter feeds values into a hash unambiguously: every string is
// length-prefixed and every panel starts with its type's name, so no two
// different cards write the same bytes.
type fingerprinter struct {
	h   hash.Hash
	buf [8]byte
}

func newFingerprinter(kind string) *fingerprinter {
	f := &fingerprinter{h: sha256.New()}
	f.int(keyVersion)
	f.str(kind)
	return f
}

func (f *fingerprinter) int(n int) {
	binary.LittleEndian.PutUint64(f.buf[:], uint64(n))
	f.h.Write(f.buf[:])
}

func (f *fingerprinter) float(v float64) {
	binary.LittleEndian.PutUint64(f.buf[:], math.Float64bits(v))
	f.h.Write(f.buf[:])
}

func (f *fingerprinter) str(s string) {
	f.int(len(s))
	f.h.Write([]byte(s))
}

func (f *fingerprinter) sum() Key {
	var k Key
	f.h.Sum(k[:0])
	return k
}

// panel writes a panel; nil and typed nil pointers both draw the empty
// state and write the same.
func (f *fingerprinter) panel(p Panel) {
	switch v := p.(type) {
	case nil:
		f.str("")
	case *Donut:
		if v == nil {
			f.str("")
			return
		}
		v.fingerprint(f)
	case *Bars:
		if v == nil {
			f.str("")
			return
		}
		v.fingerprint(f)
	case *Ranking:
		if v == nil {
			f.str("")
			return
		}
		v.fingerprint(f)
	default:
		p.fingerprint(f)
	}
}

func (d *Donut) fingerprint(f *fingerprinter) {
	f.str("donut")
	f.str(d.Title)
	f.str(d.Center)
	f.str(d.CenterNote)
	f.int(len(d.Slices))
	for _, s := range d.Slices {
		f.str(s.Label)
		f.float(s.Value)
		f.str(s.ValueText)
		f.int(int(s.Tone))
	}
}

func (b *Bars) fingerprint(f *fingerprinter) {
	f.str("bars")
	f.str(b.Title)
	f.int(len(b.Labels))
	for _, l := range b.Labels {
		f.str(l)
	}
	f.int(len(b.Series))
	for _, s := range b.Series {
		f.str(s.Name)
		f.int(len(s.Values))
		for _, v := range s.Values {
			f.float(v)
		}
	}
}

func (k *Ranking) fingerprint(f *fingerprinter) {
	f.str("ranking")
	f.str(k.Title)
	f.int(len(k.Rows))
	for _, r := range k.Rows {
		f.str(r.Label)
		f.str(r.ValueText)
		f.float(r.Value)
	}
}
