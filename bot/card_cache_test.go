package bot

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"processet/charts"
)

func TestLRUBoundsBytes(t *testing.T) {
	l := newSizedLRU[int](100, func(v []byte) int64 { return int64(len(v)) })
	l.add(1, make([]byte, 40))
	l.add(2, make([]byte, 40))
	l.get(1) // 2 is now the least recently used
	l.add(3, make([]byte, 40))
	if _, ok := l.get(2); ok {
		t.Error("the least recently used value survived")
	}
	if _, ok := l.get(1); !ok {
		t.Error("a recently used value was evicted")
	}
	if l.used != 80 || l.len() != 2 {
		t.Errorf("used %d bytes in %d values, want 80 in 2", l.used, l.len())
	}
	l.add(4, make([]byte, 101))
	if _, ok := l.get(4); ok || l.used != 80 {
		t.Errorf("a value over the whole budget was kept (used %d)", l.used)
	}
	l.add(1, make([]byte, 10))
	if l.used != 50 {
		t.Errorf("replacing a value: used %d, want 50", l.used)
	}
}

func TestCardCacheDrawsOnce(t *testing.T) {
	cc := newCardCache(1 << 20)
	id := cardID{key: charts.Key{1}, lang: "ru", zone: "Europe/Moscow"}
	var (
		mu    sync.Mutex
		draws int
		wg    sync.WaitGroup
	)
	release := make(chan struct{})
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := cc.picture(id, func() ([]byte, error) {
				mu.Lock()
				draws++
				mu.Unlock()
				<-release
				return []byte("png"), nil
			})
			if err != nil || string(p.png) != "png" || p.sum == (pngSum{}) {
				t.Errorf("picture %q, %v", p.png, err)
			}
		}()
	}
	close(release)
	wg.Wait()
	if _, err := cc.picture(id, func() ([]byte, error) { return nil, errors.New("drawn again") }); err != nil {
		t.Error(err)
	}
	if draws != 1 {
		t.Errorf("drew %d times, want 1", draws)
	}
	other := id
	other.lang = "en"
	if _, err := cc.picture(other, func() ([]byte, error) { return []byte("png"), nil }); err != nil {
		t.Error(err)
	}
	if st := cc.stats(); st.Misses != 2 || st.Cards != 2 {
		t.Errorf("stats %+v, want 2 misses and 2 cards", st)
	}
}

func TestCardCacheFileIDs(t *testing.T) {
	cc := newCardCache(0)
	p, _ := cc.picture(cardID{key: charts.Key{2}}, func() ([]byte, error) { return []byte("png"), nil })
	if id := cc.fileID(p); id != "" {
		t.Fatalf("file_id %q before any upload", id)
	}
	cc.uploaded(p, "AgAD1")
	if id := cc.fileID(p); id != "AgAD1" {
		t.Errorf("file_id %q, want AgAD1", id)
	}
	cc.rejected(p)
	if id := cc.fileID(p); id != "" {
		t.Errorf("a rejected file_id %q is still used", id)
	}
	var off *cardCache // a negative budget turns the cache off
	if newCardCache(-1) != nil {
		t.Fatal("a negative budget kept a cache")
	}
	n := 0
	for range 2 {
		if _, err := off.picture(cardID{}, func() ([]byte, error) { n++; return []byte("png"), nil }); err != nil {
			t.Fatal(err)
		}
	}
	off.uploaded(p, "x")
	if n != 2 || off.fileID(p) != "" {
		t.Errorf("without a cache: %d draws, file_id %q", n, off.fileID(p))
	}
}

func TestStaleFileID(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{errors.New("telegram: Bad Request: wrong file identifier/HTTP URL specified (400)"), true},
		{errors.New("telegram: Bad Request: FILE_REFERENCE_EXPIRED (400)"), true},
		{fmt.Errorf("telegram: retry after 3 (429)"), false},
		{errors.New("Post \"…\": connection refused"), false},
	} {
		if got := staleFileID(c.err); got != c.want {
			t.Errorf("staleFileID(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// TestCardCacheDropsUploadedPNGs: once Telegram has a picture only its
// file_id is kept; the PNG is drawn again only when it is needed after all.
func TestCardCacheDropsUploadedPNGs(t *testing.T) {
	cc := newCardCache(0)
	id := cardID{key: charts.Key{3}}
	draws := 0
	draw := func() ([]byte, error) { draws++; return make([]byte, 50_000), nil }
	p, _ := cc.picture(id, draw)
	cc.uploaded(p, "AgAD3")
	if st := cc.stats(); st.Bytes > 1000 {
		t.Errorf("kept %d bytes after the upload", st.Bytes)
	}
	again, _ := cc.picture(id, draw)
	if draws != 1 || again.png != nil || cc.fileID(again) != "AgAD3" {
		t.Fatalf("second view: %d draws, png %d bytes, file_id %q", draws, len(again.png), cc.fileID(again))
	}
	png, err := again.bytes()
	if err != nil || len(png) != 50_000 || draws != 2 {
		t.Errorf("bytes: %d bytes, %v, %d draws", len(png), err, draws)
	}
	cc.rejected(again)
	if p, _ := cc.picture(id, draw); p.png == nil {
		t.Error("after Telegram refused the file_id the card came without its PNG")
	}
}
