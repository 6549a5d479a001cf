package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/amocrm"
)

// The amoCRM OAuth pair lives in the single row of amocrm_oauth. Storage
// imports amocrm here, and only here, for the pair's type: the store is
// what amocrm.OAuthTokens persists through, so it has to speak its
// interface, and amocrm knows nothing of storage in return.

// Sealer encrypts a value before it is stored and checks and decrypts it
// when read. The key lives outside storage (internal/secret's Box, made
// from SECRET_KEY); declaring the two methods here keeps storage free of
// key handling, and lets the app decide where the key comes from.
type Sealer interface {
	Seal(plain []byte) ([]byte, error)
	Open(sealed []byte) ([]byte, error)
}

// amoCRMTokenLockID names the session advisory lock held around a token
// refresh. It differs from crmSyncLockID: a sync holds that one for
// minutes, and its own requests may need a refresh meanwhile.
const amoCRMTokenLockID = 0x616d6f746f6b656e // "amotoken"

// AmoCRMTokenStore keeps the amoCRM OAuth pair for every process that
// shares the database. It is an amocrm.TokenStore, and an
// amocrm.TokenLocker so that those processes never refresh at once: a
// refresh token works only once.
type AmoCRMTokenStore struct {
	db      *DB
	box     Sealer
	baseURL string
}

var (
	_ amocrm.TokenStore  = (*AmoCRMTokenStore)(nil)
	_ amocrm.TokenLocker = (*AmoCRMTokenStore)(nil)
)

// NewAmoCRMTokenStore returns the store of the pair for the account at
// baseURL, sealing the tokens with box. A saved pair of another account
// counts as no pair at all: it cannot be used with this one.
func NewAmoCRMTokenStore(db *DB, box Sealer, baseURL string) *AmoCRMTokenStore {
	return &AmoCRMTokenStore{db: db, box: box, baseURL: strings.TrimRight(baseURL, "/")}
}

// LoadToken returns the saved pair. Without one, or with one for another
// account, the error wraps amocrm.ErrNoToken: an admin has to connect the
// integration. A pair that does not open (another SECRET_KEY, altered
// bytes) is an error of its own, never a pair of garbage to refresh with.
func (s *AmoCRMTokenStore) LoadToken(ctx context.Context) (amocrm.TokenPair, error) {
	var (
		baseURL         string
		access, refresh []byte
		expiresAt       time.Time
	)
	err := s.db.pool.QueryRow(ctx, `select base_url, access_token, refresh_token, expires_at
		from amocrm_oauth`).Scan(&baseURL, &access, &refresh, &expiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return amocrm.TokenPair{}, fmt.Errorf("read amocrm token: %w", amocrm.ErrNoToken)
	}
	if err != nil {
		return amocrm.TokenPair{}, fmt.Errorf("read amocrm token: %w", err)
	}
	if baseURL != s.baseURL {
		return amocrm.TokenPair{}, fmt.Errorf("read amocrm token: the saved one is for %s, not %s: %w",
			baseURL, s.baseURL, amocrm.ErrNoToken)
	}
	a, err := s.box.Open(access)
	if err != nil {
		return amocrm.TokenPair{}, fmt.Errorf("open amocrm access token: %w", err)
	}
	r, err := s.box.Open(refresh)
	if err != nil {
		return amocrm.TokenPair{}, fmt.Errorf("open amocrm refresh token: %w", err)
	}
	return amocrm.TokenPair{Access: string(a), Refresh: string(r), ExpiresAt: expiresAt}, nil
}

// SaveToken seals p and replaces the saved pair with it, in one statement:
// the row holds either the old pair or the new one, never half of each.
func (s *AmoCRMTokenStore) SaveToken(ctx context.Context, p amocrm.TokenPair) error {
	access, err := s.box.Seal([]byte(p.Access))
	if err != nil {
		return fmt.Errorf("seal amocrm access token: %w", err)
	}
	refresh, err := s.box.Seal([]byte(p.Refresh))
	if err != nil {
		return fmt.Errorf("seal amocrm refresh token: %w", err)
	}
	_, err = s.db.pool.Exec(ctx, `insert into amocrm_oauth (id, base_url, access_token, refresh_token, expires_at)
		values (true, $1, $2, $3, $4)
		on conflict (id) do update set base_url = excluded.base_url, access_token = excluded.access_token,
			refresh_token = excluded.refresh_token, expires_at = excluded.expires_at, updated_at = now()`,
		s.baseURL, access, refresh, p.ExpiresAt)
	if err != nil {
		return fmt.Errorf("save amocrm token: %w", err)
	}
	return nil
}

// Lock waits for the token's advisory lock; ctx bounds the wait. The lock
// is held by a connection taken from the pool until unlock, so a process
// that dies mid-refresh releases it with its connection. LoadToken and
// SaveToken meanwhile use other connections of the pool.
func (s *AmoCRMTokenStore) Lock(ctx context.Context) (unlock func(), err error) {
	conn, err := s.db.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("lock amocrm token: %w", err)
	}
	if _, err := conn.Exec(ctx, `select pg_advisory_lock($1)`, amoCRMTokenLockID); err != nil {
		// A wait cut short may still have been granted the lock at the last
		// moment: close the connection, which drops it, rather than pool it.
		closeConn(ctx, conn.Hijack())
		return nil, fmt.Errorf("lock amocrm token: %w", err)
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `select pg_advisory_unlock($1)`, amoCRMTokenLockID); err != nil {
			closeConn(ctx, conn.Hijack())
			return
		}
		conn.Release()
	}, nil
}

// closeConn closes a connection taken out of the pool, even when ctx is
// already done.
func closeConn(ctx context.Context, c *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = c.Close(ctx)
}
