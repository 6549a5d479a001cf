package mining

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"time"

	"processet/domain"
)

// UploadMaxAge is how long a file sent to the bot waits for
// «Импортировать»; the cleanup removes it after that.
const UploadMaxAge = 24 * time.Hour

// ErrUploadGone is an upload that waits no more: confirmed or cancelled
// already, replaced by a newer one, stale, or never there.
var ErrUploadGone = domain.ErrNotFound

// uploadStore keeps the waiting uploads; *storage.DB has all but
// ConfirmMiningUpload, which needs the job queue (the app's wiring adds it).
type uploadStore interface {
	SaveMiningUpload(ctx context.Context, u domain.MiningUpload, content []byte) error
	MiningUpload(ctx context.Context, key string) (domain.MiningUpload, error)
	MiningUploadContent(ctx context.Context, key string) ([]byte, error)
	SetMiningUploadMapping(ctx context.Context, key string, mapping []int) error
	// ConfirmMiningUpload marks the upload confirmed and enqueues its
	// import job in one transaction; ErrUploadGone when it was not waiting.
	ConfirmMiningUpload(ctx context.Context, key string, messageID int) error
	DeleteMiningUpload(ctx context.Context, key string) error
	CleanMiningUploads(ctx context.Context, staleBefore time.Time) (int, error)
}

// Uploads are the event logs managers send to the bot: each waits, in the
// database, for its owner's «Импортировать», which hands it to the import
// job. Nothing of it is in the Task Mining data before the job imports it.
type Uploads struct {
	store uploadStore
	now   func() time.Time
}

// NewUploads returns the uploads service; now may be nil.
func NewUploads(store uploadStore, now func() time.Time) *Uploads {
	if now == nil {
		now = time.Now
	}
	return &Uploads{store: store, now: now}
}

// SaveUpload stores a file a manager sent, waiting for confirmation, and
// returns it with its key, hash, size and time. u names the owner, chat,
// file, mapping, language and time zone. Managers and admins only.
func (s *Uploads) SaveUpload(ctx context.Context, actor domain.User, u domain.MiningUpload, content []byte) (domain.MiningUpload, error) {
	if !actor.Role.AtLeast(domain.RoleManager) {
		return domain.MiningUpload{}, domain.ErrForbidden
	}
	sum := sha256.Sum256(content)
	u.Key = rand.Text()[:16] // 80 random bits: unguessable, and short in callback data
	u.UserID, u.Size, u.ContentHash = actor.ID, int64(len(content)), sum[:]
	u.CreatedAt, u.ConfirmedAt, u.MessageID = s.now(), time.Time{}, 0
	if err := s.store.SaveMiningUpload(ctx, u, content); err != nil {
		return domain.MiningUpload{}, err
	}
	return u, nil
}

// Upload is actor's waiting upload under key (without its bytes);
// ErrUploadGone when there is none waiting for them.
func (s *Uploads) Upload(ctx context.Context, actor domain.User, key string) (domain.MiningUpload, error) {
	u, err := s.store.MiningUpload(ctx, key)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return domain.MiningUpload{}, ErrUploadGone
	case err != nil:
		return domain.MiningUpload{}, err
	case u.UserID != actor.ID || u.Confirmed() || s.now().Sub(u.CreatedAt) > UploadMaxAge:
		return domain.MiningUpload{}, ErrUploadGone
	}
	return u, nil
}

// UploadContent is the bytes of an upload.
func (s *Uploads) UploadContent(ctx context.Context, key string) ([]byte, error) {
	b, err := s.store.MiningUploadContent(ctx, key)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, ErrUploadGone
	}
	return b, err
}

// SetUploadMapping changes the columns of the roles of actor's waiting
// upload.
func (s *Uploads) SetUploadMapping(ctx context.Context, actor domain.User, key string, mapping []int) error {
	if _, err := s.Upload(ctx, actor, key); err != nil {
		return err
	}
	return s.store.SetMiningUploadMapping(ctx, key, mapping)
}

// ConfirmUpload hands actor's waiting upload to the import job, which
// edits messageID (the confirmation) with its progress and summary. Only
// the first confirmation counts: a second press, here or in another
// process of the bot, gets ErrUploadGone.
func (s *Uploads) ConfirmUpload(ctx context.Context, actor domain.User, key string, messageID int) error {
	if _, err := s.Upload(ctx, actor, key); err != nil {
		return err
	}
	return s.store.ConfirmMiningUpload(ctx, key, messageID)
}

// CancelUpload forgets actor's waiting upload and its bytes.
func (s *Uploads) CancelUpload(ctx context.Context, actor domain.User, key string) error {
	if _, err := s.Upload(ctx, actor, key); err != nil {
		return err
	}
	return s.store.DeleteMiningUpload(ctx, key)
}

// ConfirmedUpload is the upload the import job is to import, with its
// bytes; ErrUploadGone when it is not there or not confirmed (the job
// finished it before).
func (s *Uploads) ConfirmedUpload(ctx context.Context, key string) (domain.MiningUpload, []byte, error) {
	u, err := s.store.MiningUpload(ctx, key)
	if errors.Is(err, domain.ErrNotFound) || err == nil && !u.Confirmed() {
		return domain.MiningUpload{}, nil, ErrUploadGone
	}
	if err != nil {
		return domain.MiningUpload{}, nil, err
	}
	b, err := s.UploadContent(ctx, key)
	return u, b, err
}

// FinishUpload forgets an upload the import job is done with.
func (s *Uploads) FinishUpload(ctx context.Context, key string) error {
	return s.store.DeleteMiningUpload(ctx, key)
}

// CleanUploads removes, with their bytes, the uploads older than
// UploadMaxAge and the waiting ones a newer upload of the same user
// replaced; it runs periodically.
func (s *Uploads) CleanUploads(ctx context.Context) (int, error) {
	return s.store.CleanMiningUploads(ctx, s.now().Add(-UploadMaxAge))
}
