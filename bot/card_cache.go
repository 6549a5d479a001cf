package bot

import (
	"crypto/sha256"
	"sync"

	"processet/charts"
	"processet/domain"
)

// DefaultCardCacheBytes is how much memory drawn cards may take by
// default: about 600 cards of 40–60 KB, far more than the distinct cards
// a company's dashboards show at one time.
const DefaultCardCacheBytes = 32 << 20

// maxFileIDs bounds the remembered Telegram file IDs (about 100 bytes each).
const maxFileIDs = 8192

// cardID names a card's picture: its data and, to be explicit, the
// language and zone its strings were written in.
type cardID struct {
	key  charts.Key
	lang domain.Lang
	zone string
}

// pngSum is the SHA-256 of a PNG: what Telegram's file_id stands for.
type pngSum [sha256.Size]byte

// picture is a drawn card. Once Telegram has it, the cache keeps only
// its sum and file_id, not the PNG: png is then nil, and bytes draws the
// card again in the rare case its file_id is refused.
type picture struct {
	png    []byte
	sum    pngSum
	id     cardID
	redraw func() (picture, error) // set on pictures the cache hands out
}

// bytes is the picture's PNG, drawn again when only its file_id was kept.
func (p picture) bytes() ([]byte, error) {
	if p.png != nil || p.redraw == nil {
		return p.png, nil
	}
	q, err := p.redraw()
	return q.png, err
}

// cardCache keeps the cards drawn lately by their data, and the file_id
// Telegram gave each picture when it was first uploaded: a card whose data
// has not changed is neither drawn nor uploaded again. A PNG is kept only
// until Telegram has it; after that its entry holds the sum alone, so the
// budget goes to pictures not yet sent. Captions are not
// part of it: the figures and the as-of time in a caption are written
// afresh for every view. A nil *cardCache keeps nothing.
type cardCache struct {
	mu       sync.Mutex
	pngs     *sizedLRU[cardID, picture]
	fileIDs  *sizedLRU[pngSum, string]
	drawing  map[cardID]*drawCall // cards being drawn now, shared by all who ask
	hits     int64
	misses   int64
	uploads  int64
	reusedID int64
}

// drawCall is one drawing that several views of the same card wait for.
type drawCall struct {
	done chan struct{}
	pic  picture
	err  error
}

// newCardCache returns a cache of at most maxBytes of PNGs, or nil (no
// caching) when maxBytes is negative; zero takes the default.
func newCardCache(maxBytes int64) *cardCache {
	if maxBytes < 0 {
		return nil
	}
	if maxBytes == 0 {
		maxBytes = DefaultCardCacheBytes
	}
	return &cardCache{
		pngs:    newSizedLRU[cardID](maxBytes, func(p picture) int64 { return int64(len(p.png)) + 128 }),
		fileIDs: newSizedLRU[pngSum](maxFileIDs, func(string) int64 { return 1 }),
		drawing: map[cardID]*drawCall{},
	}
}

// picture returns the card named id, drawing it with draw only when it is
// not kept. Views of one card that miss at the same time share one drawing.
func (cc *cardCache) picture(id cardID, draw func() ([]byte, error)) (picture, error) {
	if cc == nil {
		png, err := draw()
		return picture{png: png}, err
	}
	redraw := func() (picture, error) {
		cc.mu.Lock()
		if kept, ok := cc.pngs.get(id); ok && kept.png == nil {
			cc.pngs.remove(id)
		}
		cc.mu.Unlock()
		return cc.picture(id, draw)
	}
	cc.mu.Lock()
	if p, ok := cc.pngs.get(id); ok && (p.png != nil || cc.hasFileID(p.sum)) {
		cc.hits++
		cc.mu.Unlock()
		p.redraw = redraw
		return p, nil
	}
	if call, ok := cc.drawing[id]; ok {
		cc.mu.Unlock()
		<-call.done
		return call.pic, call.err
	}
	cc.misses++
	call := &drawCall{done: make(chan struct{})}
	cc.drawing[id] = call
	cc.mu.Unlock()

	png, err := draw()
	if err == nil {
		call.pic = picture{png: png, sum: sha256.Sum256(png), id: id}
	}
	call.err = err
	cc.mu.Lock()
	delete(cc.drawing, id)
	if err == nil {
		cc.pngs.add(id, call.pic)
	}
	cc.mu.Unlock()
	close(call.done)
	return call.pic, call.err
}

// hasFileID reports whether Telegram has the picture; cc.mu must be held.
func (cc *cardCache) hasFileID(sum pngSum) bool {
	_, ok := cc.fileIDs.get(sum)
	return ok
}

// fileID is the file_id Telegram gave this picture, "" when none is known.
func (cc *cardCache) fileID(p picture) string {
	if cc == nil || p.sum == (pngSum{}) {
		return ""
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	id, _ := cc.fileIDs.get(p.sum)
	if id != "" {
		cc.reusedID++
	}
	return id
}

// uploaded remembers the file_id Telegram answered for an upload of p.
func (cc *cardCache) uploaded(p picture, fileID string) {
	if cc == nil || p.sum == (pngSum{}) || fileID == "" {
		return
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.uploads++
	cc.fileIDs.add(p.sum, fileID)
	if kept, ok := cc.pngs.get(p.id); ok && kept.sum == p.sum && kept.png != nil {
		cc.pngs.add(p.id, picture{sum: p.sum, id: p.id})
	}
}

// rejected forgets a file_id Telegram no longer accepts, and the picture
// with it when only its file_id was kept, so that it is drawn again.
func (cc *cardCache) rejected(p picture) {
	if cc == nil {
		return
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.fileIDs.remove(p.sum)
	if kept, ok := cc.pngs.get(p.id); ok && kept.png == nil {
		cc.pngs.remove(p.id)
	}
}

// cardCacheStats is what the cache did, for /status and the load tool.
type cardCacheStats struct {
	Cards, Bytes                     int64
	Hits, Misses, Uploads, ReusedIDs int64
}

func (cc *cardCache) stats() cardCacheStats {
	if cc == nil {
		return cardCacheStats{}
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cardCacheStats{Cards: int64(cc.pngs.len()), Bytes: cc.pngs.used, Hits: cc.hits, Misses: cc.misses,
		Uploads: cc.uploads, ReusedIDs: cc.reusedID}
}
