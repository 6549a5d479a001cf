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

// picture is a drawn card.
type picture struct {
	png []byte
	sum pngSum
}

// cardCache keeps the cards drawn lately by their data, and the file_id
// Telegram gave each picture when it was first uploaded: a card whose data
// has not changed is neither drawn nor uploaded again. Captions are not
// part of it: the figures and the as-of time in a caption are written
// afresh for every view. A nil *cardCache keeps nothing.
type cardCache struct {
	mu       sync.Mutex
	pngs     *lru[cardID, picture]
	fileIDs  *lru[pngSum, string]
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
		pngs:    newLRU[cardID](maxBytes, func(p picture) int64 { return int64(len(p.png)) + 128 }),
		fileIDs: newLRU[pngSum](maxFileIDs, func(string) int64 { return 1 }),
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
	cc.mu.Lock()
	if p, ok := cc.pngs.get(id); ok {
		cc.hits++
		cc.mu.Unlock()
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
		call.pic = picture{png: png, sum: sha256.Sum256(png)}
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
}

// rejected forgets a file_id Telegram no longer accepts.
func (cc *cardCache) rejected(p picture) {
	if cc == nil {
		return
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.fileIDs.remove(p.sum)
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
