package charts

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// TestHomeTilesSamePicture has a home card put together from kept tiles
// come out byte for byte as the card drawn whole: no tile paints outside
// its own rectangle, and nothing a tile shows is missing from its key.
func TestHomeTilesSamePicture(t *testing.T) {
	ctx := context.Background()
	card := sampleHome()
	whole := NewRenderer(1)
	whole.tiles = nil
	want, err := whole.Home(ctx, card)
	if err != nil {
		t.Fatal(err)
	}

	r := NewRenderer(1)
	other := sampleHome()
	other.Areas = append([]AreaPreview(nil), card.Areas...)
	other.Areas[1].Headline = "9 из 11" // a task was added
	if _, err := r.Home(ctx, other); err != nil {
		t.Fatal(err)
	}
	got, err := r.Home(ctx, card) // three tiles kept, the tasks tile drawn
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the card from kept tiles differs from the card drawn whole")
	}
	again, err := r.Home(ctx, card) // all four kept
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, want) {
		t.Error("the card from four kept tiles differs from the card drawn whole")
	}
}

func TestHomeTilesDropTheOldest(t *testing.T) {
	tiles := newHomeTiles()
	tiles.max = 2
	img := newCanvas(40, 40).img
	r := img.Bounds()
	keys := []Key{{1}, {2}, {3}}
	tiles.keep(keys[0], img, r)
	tiles.keep(keys[1], img, r)
	tiles.paste(keys[0], img) // used again: the second is now the oldest
	tiles.keep(keys[2], img, r)
	for i, want := range []bool{true, false, true} {
		if got := tiles.paste(keys[i], img); got != want {
			t.Errorf("tile %d kept: %v, want %v", i+1, got, want)
		}
	}
}

// BenchmarkHomeCardNewTask draws the home card as it changes under a busy
// company: one tile (tasks) differs from the last card, the other three
// are copied.
func BenchmarkHomeCardNewTask(b *testing.B) {
	r := NewRenderer(2)
	ctx := context.Background()
	card := sampleHome()
	card.Areas = append([]AreaPreview(nil), card.Areas...)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		card.Areas[1].Headline = fmt.Sprintf("%d из %d", n%1000, n%1000+2)
		if _, err := r.Home(ctx, card); err != nil {
			b.Fatal(err)
		}
	}
}
