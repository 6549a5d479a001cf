package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

const uploadColumns = `key, user_id, chat_id, file_name, size, mapping, content_hash, lang, time_zone,
	coalesce(message_id, 0), confirmed_at, created_at`

func scanUpload(row pgx.Row) (domain.MiningUpload, error) {
	var u domain.MiningUpload
	var confirmed *time.Time
	var lang string
	err := row.Scan(&u.Key, &u.UserID, &u.ChatID, &u.FileName, &u.Size, &u.Mapping, &u.ContentHash, &lang, &u.TimeZone,
		&u.MessageID, &confirmed, &u.CreatedAt)
	u.Lang = domain.Lang(lang)
	if confirmed != nil {
		u.ConfirmedAt = *confirmed
	}
	return u, err
}

// SaveMiningUpload stores a waiting upload with its bytes.
func (db *DB) SaveMiningUpload(ctx context.Context, u domain.MiningUpload, content []byte) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `insert into mining_uploads (key, user_id, chat_id, file_name, size, mapping,
				content_hash, lang, time_zone, created_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			u.Key, u.UserID, u.ChatID, u.FileName, u.Size, u.Mapping, u.ContentHash, string(u.Lang), u.TimeZone, u.CreatedAt); err != nil {
			return mapError(err)
		}
		_, err := tx.Exec(ctx, `insert into mining_upload_files (key, content) values ($1, $2)`, u.Key, content)
		return err
	})
	if err != nil {
		return fmt.Errorf("save mining upload: %w", err)
	}
	return nil
}

// MiningUpload is an upload without its bytes; domain.ErrNotFound when
// there is none under key.
func (db *DB) MiningUpload(ctx context.Context, key string) (domain.MiningUpload, error) {
	u, err := scanUpload(db.pool.QueryRow(ctx, `select `+uploadColumns+` from mining_uploads where key = $1`, key))
	if err != nil {
		return u, fmt.Errorf("mining upload: %w", mapError(err))
	}
	return u, nil
}

// MiningUploadContent is an upload's bytes.
func (db *DB) MiningUploadContent(ctx context.Context, key string) ([]byte, error) {
	var b []byte
	if err := db.pool.QueryRow(ctx, `select content from mining_upload_files where key = $1`, key).Scan(&b); err != nil {
		return nil, fmt.Errorf("mining upload content: %w", mapError(err))
	}
	return b, nil
}

// SetMiningUploadMapping changes the roles' columns of a waiting upload;
// domain.ErrNotFound when it is not waiting (any more).
func (db *DB) SetMiningUploadMapping(ctx context.Context, key string, mapping []int) error {
	tag, err := db.pool.Exec(ctx, `update mining_uploads set mapping = $2 where key = $1 and confirmed_at is null`, key, mapping)
	if err != nil {
		return fmt.Errorf("mining upload mapping: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// ConfirmMiningUpload hands a waiting upload to the import job: it marks
// it confirmed, with the message the job is to edit, and calls enqueue in
// the same transaction, so the job exists exactly when the mark does. A
// second confirmation (a second press, another process) finds nothing
// waiting: domain.ErrNotFound. The time of the confirmation is the
// database's, like that of an import (MiningImportOf), so the two compare.
func (db *DB) ConfirmMiningUpload(ctx context.Context, key string, messageID int,
	enqueue func(ctx context.Context, tx pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `update mining_uploads set confirmed_at = now(), message_id = $2
			where key = $1 and confirmed_at is null`, key, messageID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return domain.ErrNotFound
		}
		return enqueue(ctx, tx)
	})
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("confirm mining upload: %w", err)
	}
	return err
}

// DeleteMiningUpload forgets an upload and its bytes (cancelled, or done).
func (db *DB) DeleteMiningUpload(ctx context.Context, key string) error {
	if _, err := db.pool.Exec(ctx, `delete from mining_uploads where key = $1`, key); err != nil {
		return fmt.Errorf("delete mining upload: %w", err)
	}
	return nil
}

// CleanMiningUploads deletes, with their bytes, the uploads created before
// staleBefore, and the waiting uploads a newer upload of the same user
// replaced. It returns how many went.
func (db *DB) CleanMiningUploads(ctx context.Context, staleBefore time.Time) (int, error) {
	tag, err := db.pool.Exec(ctx, `delete from mining_uploads u
		where u.created_at < $1
			or (u.confirmed_at is null and exists (select 1 from mining_uploads n
				where n.user_id = u.user_id and (n.created_at, n.key) > (u.created_at, u.key)))`, staleBefore)
	if err != nil {
		return 0, fmt.Errorf("clean mining uploads: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// MiningImportOf is the import of the file with this content hash and
// when it was made; domain.ErrNotFound when there is none.
func (db *DB) MiningImportOf(ctx context.Context, hash []byte) (domain.MiningImport, time.Time, error) {
	var r domain.MiningImport
	var at time.Time
	err := db.pool.QueryRow(ctx, `select i.process_id, p.name, i.events_read, i.events_added, i.imported_at
		from mining_imports i join mining_processes p on p.id = i.process_id where i.content_hash = $1`, hash).
		Scan(&r.ProcessID, &r.Process, &r.Read, &r.Added, &at)
	if err != nil {
		return r, at, fmt.Errorf("mining import: %w", mapError(err))
	}
	return r, at, nil
}
