package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

const userColumns = `id, username, first_name, last_name, language_code, lang, role, created_at, updated_at,
	coalesce(crm_user_id, 0), time_zone`

func scanUser(row pgx.CollectableRow) (domain.User, error) {
	var u domain.User
	var lang, role string
	err := row.Scan(userFields(&u, &lang, &role)...)
	u.Lang, u.Role = domain.Lang(lang), domain.Role(role)
	return u, err
}

// userFields are the scan destinations of userColumns; lang and role are
// read as text and converted after.
func userFields(u *domain.User, lang, role *string) []any {
	return []any{&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.LanguageCode, lang, role, &u.CreatedAt, &u.UpdatedAt,
		&u.CRMUserID, &u.TimeZone}
}

// TouchUser records what Telegram says about a user on every update and
// returns the stored user. A new user gets role; an existing one keeps
// theirs unless forceRole is set (admins from the configuration always are
// admins). created tells whether the user was seen for the first time.
func (db *DB) TouchUser(ctx context.Context, u domain.User, role domain.Role, forceRole bool) (stored domain.User, created bool, err error) {
	return db.TouchUserDroppingInput(ctx, u, role, forceRole, 0)
}

// TouchUserDroppingInput is TouchUser that also drops the question the bot
// asked the user in chat inChat (0: none), in the same statement: the bot
// does both for nearly every update, and one round trip instead of two is
// what a busy database notices.
func (db *DB) TouchUserDroppingInput(ctx context.Context, u domain.User, role domain.Role, forceRole bool,
	inChat int64) (stored domain.User, created bool, err error) {
	// Most updates come from people already known and unchanged: the row
	// is then only read, not rewritten (no new row version to vacuum). The
	// final select sees the row as it was before the upsert, so it answers
	// exactly when the upsert changed nothing. xmax = 0 only for a freshly
	// inserted row: the usual way to tell an insert from an update.
	// The delete runs whether or not anything reads it, as every
	// data-modifying part of a WITH does.
	rows, err := db.pool.Query(ctx, `
		with dropped as (
			delete from pending_inputs where $8::bigint <> 0 and user_id = $1 and chat_id = $8),
		up as (
			insert into users as u (id, username, first_name, last_name, language_code, role)
			values ($1, $2, $3, $4, $5, $6)
			on conflict (id) do update set
				username = excluded.username, first_name = excluded.first_name,
				last_name = excluded.last_name, language_code = excluded.language_code,
				role = case when $7 then excluded.role else u.role end,
				reachable = true, -- they wrote: whatever blocked delivery is over
				updated_at = now()
			where (u.username, u.first_name, u.last_name, u.language_code, u.role, u.reachable)
				is distinct from (excluded.username, excluded.first_name, excluded.last_name, excluded.language_code,
					case when $7 then excluded.role else u.role end, true)
			returning `+userColumns+`, xmax = 0 as created)
		select * from up
		union all
		select `+userColumns+`, false from users where id = $1 and not exists (select from up)`,
		u.ID, u.Username, u.FirstName, u.LastName, u.LanguageCode, string(role), forceRole, inChat)
	if err != nil {
		return domain.User{}, false, fmt.Errorf("touch user %d: %w", u.ID, err)
	}
	type result struct {
		u       domain.User
		created bool
	}
	res, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (result, error) {
		var r result
		var lang, role string
		err := row.Scan(append(userFields(&r.u, &lang, &role), &r.created)...)
		r.u.Lang, r.u.Role = domain.Lang(lang), domain.Role(role)
		return r, err
	})
	if err != nil {
		return domain.User{}, false, fmt.Errorf("touch user %d: %w", u.ID, err)
	}
	return res.u, res.created, nil
}

// User returns one user.
func (db *DB) User(ctx context.Context, id int64) (domain.User, error) {
	return userByID(ctx, db.pool, id)
}

// txReads reads within tx for the messages a write causes: they are
// worded inside the write's transaction, which must not wait for a second
// connection, which a busy pool may never free.
type txReads struct{ tx pgx.Tx }

func (r txReads) User(ctx context.Context, id int64) (domain.User, error) {
	return userByID(ctx, r.tx, id)
}

func userByID(ctx context.Context, q querier, id int64) (domain.User, error) {
	rows, _ := q.Query(ctx, `select `+userColumns+` from users where id = $1`, id)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return u, nil
}

// SetRole changes a user's role and returns the user as stored.
func (db *DB) SetRole(ctx context.Context, id int64, role domain.Role) (domain.User, error) {
	rows, _ := db.pool.Query(ctx,
		`update users set role = $2, updated_at = now() where id = $1 returning `+userColumns, id, string(role))
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return u, nil
}

// DecidePending gives a pending user role, only if they are still
// pending: of two admins deciding at once, one wins. decided is false when
// someone else was quicker; u is the user as stored either way.
func (db *DB) DecidePending(ctx context.Context, id int64, role domain.Role) (u domain.User, decided bool, err error) {
	rows, _ := db.pool.Query(ctx, `update users set role = $2, updated_at = now() where id = $1 and role = $3
		returning `+userColumns, id, string(role), string(domain.RolePending))
	u, err = pgx.CollectExactlyOneRow(rows, scanUser)
	if err == nil {
		return u, true, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return domain.User{}, false, mapError(err)
	}
	u, err = db.User(ctx, id)
	return u, false, err
}

// SetTimeZone stores the user's own time zone (an IANA name; empty goes
// back to the company's).
func (db *DB) SetTimeZone(ctx context.Context, id int64, zone string) error {
	tag, err := db.pool.Exec(ctx, `update users set time_zone = $2, updated_at = now() where id = $1`, id, zone)
	if err != nil {
		return fmt.Errorf("set time zone of %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// SetLang stores the user's explicit language choice.
func (db *DB) SetLang(ctx context.Context, id int64, lang domain.Lang) error {
	tag, err := db.pool.Exec(ctx, `update users set lang = $2, updated_at = now() where id = $1`, id, string(lang))
	if err != nil {
		return fmt.Errorf("set lang of %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// Users lists users for the admin screen: pending first, then by name.
func (db *DB) Users(ctx context.Context, offset, limit int) (users []domain.User, total int, err error) {
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `select count(*) from users`).Scan(&total); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `select `+userColumns+` from users
			order by role = 'pending' desc, role = 'rejected', lower(first_name || ' ' || last_name), id
			offset $1 limit $2`, offset, limit)
		users, err = pgx.CollectRows(rows, scanUser)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list users: %w", err)
	}
	return users, total, nil
}

// UsersWithRole lists users of one role, e.g. the admins to notify.
func (db *DB) UsersWithRole(ctx context.Context, role domain.Role) ([]domain.User, error) {
	rows, _ := db.pool.Query(ctx, `select `+userColumns+` from users where role = $1 order by id`, string(role))
	users, err := pgx.CollectRows(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("users with role %s: %w", role, err)
	}
	return users, nil
}

// RoleCounts counts users per role, for /status.
func (db *DB) RoleCounts(ctx context.Context) (map[domain.Role]int, error) {
	rows, _ := db.pool.Query(ctx, `select role, count(*) from users group by role`)
	counts := map[domain.Role]int{}
	var role string
	var n int
	_, err := pgx.ForEachRow(rows, []any{&role, &n}, func() error {
		counts[domain.Role(role)] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count users by role: %w", err)
	}
	return counts, nil
}

// RequestAccess marks that a pending user asked for access. first is true
// only the first time, so admins are asked once however often /start is
// sent.
func (db *DB) RequestAccess(ctx context.Context, id int64) (first bool, err error) {
	tag, err := db.pool.Exec(ctx, `update users set access_requested_at = now()
		where id = $1 and access_requested_at is null`, id)
	if err != nil {
		return false, fmt.Errorf("request access for %d: %w", id, err)
	}
	return tag.RowsAffected() == 1, nil
}
