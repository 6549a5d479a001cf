package mining_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
	"processet/internal/testdb"
	"processet/mining"
	"processet/storage"
)

// queuedStore is the database with a job queue that records what the
// confirmations queued, in their transactions.
type queuedStore struct {
	*storage.DB
	mu     sync.Mutex
	queued []string
}

func (s *queuedStore) ConfirmMiningUpload(ctx context.Context, key string, messageID int) error {
	return s.DB.ConfirmMiningUpload(ctx, key, messageID, func(ctx context.Context, tx pgx.Tx) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.queued = append(s.queued, key)
		return nil
	})
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newUploads(t *testing.T) (*mining.Uploads, *queuedStore, *clock) {
	t.Helper()
	store := &queuedStore{DB: storage.New(testdb.New(t))}
	c := &clock{time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)}
	return mining.NewUploads(store, c.now), store, c
}

func upload(t *testing.T, s *mining.Uploads, owner domain.User, content string) domain.MiningUpload {
	t.Helper()
	u, err := s.SaveUpload(context.Background(), owner, domain.MiningUpload{ChatID: owner.ID, FileName: "log.csv",
		Mapping: []int{0, 1, 2, -1, -1, -1, -1}, Lang: domain.LangRU, TimeZone: "Europe/Moscow"}, []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUploadWaitsForItsOwnerOnce(t *testing.T) {
	ctx := context.Background()
	s, store, _ := newUploads(t)
	other := domain.User{ID: 2, Role: domain.RoleManager}
	if _, err := s.SaveUpload(ctx, domain.User{ID: 3, Role: domain.RoleEmployee}, domain.MiningUpload{}, []byte("x")); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("an employee's upload: %v", err)
	}
	u := upload(t, s, manager, "Case;Activity;Time\n")
	if len(u.Key) != 16 || u.Size != 19 || len(u.ContentHash) != 32 || u.UserID != manager.ID {
		t.Errorf("saved %+v", u)
	}
	if _, err := s.Upload(ctx, other, u.Key); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("another manager reads it: %v", err)
	}
	if err := s.SetUploadMapping(ctx, manager, u.Key, []int{1, 0, 2, -1, -1, -1, -1}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Upload(ctx, manager, u.Key); err != nil || got.Mapping[0] != 1 || got.Lang != domain.LangRU {
		t.Errorf("after the role change: %+v %v", got, err)
	}
	if err := s.ConfirmUpload(ctx, other, u.Key, 7); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("another manager confirms: %v", err)
	}
	if _, _, err := s.ConfirmedUpload(ctx, u.Key); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("the job takes an unconfirmed upload: %v", err)
	}
	if err := s.ConfirmUpload(ctx, manager, u.Key, 7); err != nil {
		t.Fatal(err)
	}
	if err := s.ConfirmUpload(ctx, manager, u.Key, 7); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("a second confirmation: %v", err)
	}
	if err := s.SetUploadMapping(ctx, manager, u.Key, []int{0, 1, 2, -1, -1, -1, -1}); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("a role change after the confirmation: %v", err)
	}
	got, content, err := s.ConfirmedUpload(ctx, u.Key)
	if err != nil || got.MessageID != 7 || !got.Confirmed() || string(content) != "Case;Activity;Time\n" || len(store.queued) != 1 {
		t.Errorf("the job's upload: %+v %q %v, queued %v", got, content, err, store.queued)
	}
	if err := s.FinishUpload(ctx, u.Key); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ConfirmedUpload(ctx, u.Key); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("after the job: %v", err)
	}
}

// TestStaleUploadsCleanedUp: a day-old upload, and one the same user
// replaced with a newer file, go with their bytes; others stay.
func TestStaleUploadsCleanedUp(t *testing.T) {
	ctx := context.Background()
	s, store, c := newUploads(t)
	other := domain.User{ID: 2, Role: domain.RoleManager}
	old := upload(t, s, other, "old")
	c.t = c.t.Add(2 * time.Hour)
	replaced := upload(t, s, manager, "first")
	c.t = c.t.Add(time.Minute)
	newer := upload(t, s, manager, "second")
	confirmed := upload(t, s, other, "confirmed")
	if err := s.ConfirmUpload(ctx, other, confirmed.Key, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Upload(ctx, manager, replaced.Key); err != nil {
		t.Errorf("before the cleanup a replaced upload still waits: %v", err)
	}
	// Over a day after the first upload.
	c.t = c.t.Add(mining.UploadMaxAge - 2*time.Hour)
	if _, err := s.Upload(ctx, other, old.Key); !errors.Is(err, mining.ErrUploadGone) {
		t.Errorf("a stale upload before the cleanup: %v", err)
	}
	n, err := s.CleanUploads(ctx)
	if err != nil || n != 2 {
		t.Fatalf("cleaned %d, %v; want the stale and the replaced one", n, err)
	}
	var keys []string
	rows, _ := store.Pool().Query(ctx, `select u.key from mining_uploads u join mining_upload_files f using (key) order by u.key`)
	keys, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	var files int
	store.Pool().QueryRow(ctx, `select count(*) from mining_upload_files`).Scan(&files)
	want := map[string]bool{newer.Key: true, confirmed.Key: true}
	if len(keys) != 2 || !want[keys[0]] || !want[keys[1]] || files != 2 {
		t.Errorf("left %v and %d files; want %s and %s", keys, files, newer.Key, confirmed.Key)
	}
	// A day after the rest, they go too, the confirmed one included (its
	// job is long over).
	c.t = c.t.Add(mining.UploadMaxAge)
	if n, err := s.CleanUploads(ctx); err != nil || n != 2 {
		t.Errorf("second cleanup: %d %v", n, err)
	}
}
