package notify

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// fileCache remembers the file_id Telegram gave each picture, so a fan-out
// uploads a picture once and sends the rest by file_id. The first send of
// a picture holds the picture's lock while it uploads; the other sends of
// the same picture wait for it and then reuse its file_id, rather than
// each upload the picture while the first upload is under way. IDs are
// also kept in outbox_blobs, for the next process.
//
// The lock is per process: two instances sending the same new picture at
// once may each upload it once, which costs bandwidth, not correctness.
type fileCache struct {
	mu    sync.Mutex
	ids   map[string]string        // blob ID → file_id
	locks map[string]chan struct{} // blob ID → held while uploading
}

func newFileCache() *fileCache {
	return &fileCache{ids: map[string]string{}, locks: map[string]chan struct{}{}}
}

// photo is a picture ready to send: by fileID when Telegram has it,
// otherwise data to upload, with release to call once the upload is done
// (after remember, when it succeeded).
type photo struct {
	blob    string
	fileID  string
	data    []byte
	release func()
}

// get returns the picture blob for sending.
func (c *fileCache) get(ctx context.Context, pool *pgxpool.Pool, stop <-chan struct{}, blob string) (photo, error) {
	c.mu.Lock()
	if id, ok := c.ids[blob]; ok {
		c.mu.Unlock()
		return photo{blob: blob, fileID: id}, nil
	}
	lock, ok := c.locks[blob]
	if !ok {
		lock = make(chan struct{}, 1)
		c.locks[blob] = lock
	}
	c.mu.Unlock()
	select {
	case lock <- struct{}{}:
	case <-stop:
		return photo{}, errStopping
	case <-ctx.Done():
		return photo{}, ctx.Err()
	}
	release := func() { <-lock }
	c.mu.Lock()
	id, ok := c.ids[blob]
	c.mu.Unlock()
	if ok {
		release()
		return photo{blob: blob, fileID: id}, nil
	}
	raw, _ := hex.DecodeString(blob)
	var (
		stored *string
		data   []byte
	)
	err := pool.QueryRow(ctx, `
		select tg_file_id, case when tg_file_id is null then data end
		from outbox_blobs where sha256 = $1`, raw).Scan(&stored, &data)
	if err != nil {
		release()
		if errors.Is(err, pgx.ErrNoRows) {
			err = errors.New("the picture is no longer stored")
		}
		return photo{}, fmt.Errorf("load picture %.12s: %w", blob, err)
	}
	if stored != nil {
		c.remember(blob, *stored)
		release()
		return photo{blob: blob, fileID: *stored}, nil
	}
	return photo{blob: blob, data: data, release: release}, nil
}

// remember keeps the file_id of an uploaded picture in memory; the
// delivery's transaction stores it in outbox_blobs.
func (c *fileCache) remember(blob, fileID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids[blob] = fileID
	delete(c.locks, blob) // later sends find the ID first; waiters hold the channel
}

// forget drops a file_id Telegram no longer accepts (the bot's token
// changed to another bot's, say), in memory and in the database, so the
// next send uploads the picture again.
func (c *fileCache) forget(ctx context.Context, pool *pgxpool.Pool, blob, fileID string) error {
	c.mu.Lock()
	if c.ids[blob] == fileID {
		delete(c.ids, blob)
	}
	c.mu.Unlock()
	raw, _ := hex.DecodeString(blob)
	_, err := pool.Exec(ctx, `update outbox_blobs set tg_file_id = null where sha256 = $1 and tg_file_id = $2`, raw, fileID)
	if err != nil {
		return fmt.Errorf("forget file_id of picture %.12s: %w", blob, err)
	}
	return nil
}
