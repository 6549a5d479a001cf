package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"processet/domain"
)

// The amoCRM mirror's writes. Every upsert takes the page it belongs to, if
// any, and commits the rows and the advanced sync state in one transaction:
// a sync that dies between two pages resumes after the last one that
// committed, and never believes it stored a page it did not. Rows are
// stamped synced_at with the database's clock, as are passes, so "not seen
// since the pass began" compares times from one clock.

// crmSyncLockID names the session advisory lock that keeps two processes
// from syncing at once.
const crmSyncLockID = 0x63726d73796e63 // "crmsync"

// LockCRMSync takes the CRM sync's advisory lock without waiting. ok is
// false when another session holds it.
func (db *DB) LockCRMSync(ctx context.Context) (unlock func(), ok bool, err error) {
	return db.tryAdvisoryLock(ctx, crmSyncLockID, "lock crm sync")
}

const syncStateSelect = `select entity, cursor_at, full_done, full_at, pass_full, pass_from, pass_started_at,
	pass_max, resume_page, started_at, finished_at, succeeded_at, rows_synced, last_error, skip_until
	from crm_sync_state`

func scanSyncState(row pgx.CollectableRow) (domain.SyncState, error) {
	var s domain.SyncState
	var cursor, fullAt, from, passStart, passMax, started, finished, succeeded, skip pgtype.Timestamptz
	err := row.Scan(&s.Entity, &cursor, &s.FullDone, &fullAt, &s.Pass.Full, &from, &passStart, &passMax,
		&s.Pass.Page, &started, &finished, &succeeded, &s.Rows, &s.Error, &skip)
	s.Cursor, s.FullAt, s.StartedAt, s.FinishedAt = tsTime(cursor), tsTime(fullAt), tsTime(started), tsTime(finished)
	s.SucceededAt, s.SkipUntil = tsTime(succeeded), tsTime(skip)
	s.Pass.From, s.Pass.StartedAt, s.Pass.MaxUpdated = tsTime(from), tsTime(passStart), tsTime(passMax)
	return s, err
}

func tsTime(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time
}

// SyncState returns where the mirror of e stands.
func (db *DB) SyncState(ctx context.Context, e domain.SyncEntity) (domain.SyncState, error) {
	rows, _ := db.pool.Query(ctx, syncStateSelect+` where entity = $1`, string(e))
	s, err := pgx.CollectExactlyOneRow(rows, scanSyncState)
	if err != nil {
		return domain.SyncState{}, fmt.Errorf("sync state %s: %w", e, mapError(err))
	}
	return s, nil
}

// SyncStatus returns the state of every entity in sync order, for the
// admins' /status screen.
func (db *DB) SyncStatus(ctx context.Context) ([]domain.SyncState, error) {
	order := make([]string, len(domain.SyncEntities))
	for i, e := range domain.SyncEntities {
		order[i] = string(e)
	}
	rows, _ := db.pool.Query(ctx, syncStateSelect+` order by array_position($1::text[], entity), entity`, order)
	states, err := pgx.CollectRows(rows, scanSyncState)
	if err != nil {
		return nil, fmt.Errorf("sync status: %w", err)
	}
	return states, nil
}

// StartSyncRun records that a run of e began and resets its row count.
func (db *DB) StartSyncRun(ctx context.Context, e domain.SyncEntity) error {
	return db.execState(ctx, "start sync run", `update crm_sync_state set started_at = now(), rows_synced = 0
		where entity = $1`, e)
}

// FinishSyncRun records how a run of e ended: errText is empty on success.
// skipUntil, when not zero, keeps the entity from being tried before then.
func (db *DB) FinishSyncRun(ctx context.Context, e domain.SyncEntity, errText string, skipUntil time.Time) error {
	return db.execState(ctx, "finish sync run", `update crm_sync_state set finished_at = now(),
			succeeded_at = case when $2 = '' then now() else succeeded_at end, last_error = $2, skip_until = $3
		where entity = $1`, e, errText, nullTime(skipUntil))
}

// BeginSyncPass records a new pass of e, full or from the given updated_at,
// and returns it with its start by the database's clock.
func (db *DB) BeginSyncPass(ctx context.Context, e domain.SyncEntity, full bool, from time.Time) (domain.SyncPass, error) {
	p := domain.SyncPass{Full: full, From: from}
	err := db.pool.QueryRow(ctx, `update crm_sync_state set pass_full = $2, pass_from = $3, pass_started_at = now(),
			pass_max = null, resume_page = 0
		where entity = $1 returning pass_started_at`, string(e), full, nullTime(from)).Scan(&p.StartedAt)
	if err != nil {
		return domain.SyncPass{}, fmt.Errorf("begin sync pass %s: %w", e, mapError(err))
	}
	return p, nil
}

// FinishSyncPass closes the pass of e. The cursor only moves forward; a
// full pass also marks the entity fully synced.
func (db *DB) FinishSyncPass(ctx context.Context, e domain.SyncEntity, cursor time.Time, full bool) error {
	return db.execState(ctx, "finish sync pass", `update crm_sync_state set cursor_at = greatest(cursor_at, $2),
			full_done = full_done or $3, full_at = case when $3 then now() else full_at end,
			pass_full = false, pass_from = null, pass_started_at = null, pass_max = null, resume_page = 0
		where entity = $1`, e, nullTime(cursor), full)
}

func (db *DB) execState(ctx context.Context, op, sql string, e domain.SyncEntity, args ...any) error {
	tag, err := db.pool.Exec(ctx, sql, append([]any{string(e)}, args...)...)
	if err == nil && tag.RowsAffected() != 1 {
		err = domain.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, e, err)
	}
	return nil
}

// advancePass commits page p of the pass in progress inside tx; a nil page
// (a sync of single rows outside any pass) leaves the state alone.
func advancePass(ctx context.Context, tx pgx.Tx, p *domain.SyncPage) error {
	if p == nil {
		return nil
	}
	tag, err := tx.Exec(ctx, `update crm_sync_state set resume_page = $2, pass_max = greatest(pass_max, $3),
			rows_synced = rows_synced + $4
		where entity = $1`, string(p.Entity), p.Number, nullTime(p.MaxUpdated), p.Rows)
	if err == nil && tag.RowsAffected() != 1 {
		err = domain.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("advance %s to page %d: %w", p.Entity, p.Number, err)
	}
	return nil
}

// inPage runs fn and commits p in one transaction.
func (db *DB) inPage(ctx context.Context, op string, p *domain.SyncPage, fn func(pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return advancePass(ctx, tx, p)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// copyIn bulk-loads rows into a temporary table that disappears at commit,
// ready for one insert … on conflict: COPY is the cheapest way in for a
// page of 250, and the merge is a single statement whatever its size.
func copyIn(ctx context.Context, tx pgx.Tx, table, columns string, names []string, n int, row func(int) []any) error {
	if _, err := tx.Exec(ctx, `create temp table `+table+` (`+columns+`) on commit drop`); err != nil {
		return fmt.Errorf("create %s: %w", table, err)
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, names, pgx.CopyFromSlice(n, func(i int) ([]any, error) {
		return row(i), nil
	}))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}

// UpsertCRMUsers stores the account's users, the whole list. Users missing
// from it are kept, since old deals still name them, but marked inactive:
// amoCRM deactivates people rather than deleting them, so a missing one
// was never in this account (the demo company's, say) and must not be
// offered as a responsible.
func (db *DB) UpsertCRMUsers(ctx context.Context, users []domain.CRMUser, p *domain.SyncPage) error {
	return db.inPage(ctx, "upsert crm users", p, func(tx pgx.Tx) error {
		ids, names, emails := make([]int64, len(users)), make([]string, len(users)), make([]string, len(users))
		inactive := make([]bool, len(users))
		for i, u := range users {
			ids[i], names[i], emails[i], inactive[i] = u.ID, u.Name, u.Email, u.Inactive
		}
		_, err := tx.Exec(ctx, `insert into crm_users as u (id, name, email, inactive)
			select distinct on (id) * from unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[]) u (id, name, email, inactive)
			order by id
			on conflict (id) do update set name = excluded.name, email = excluded.email, inactive = excluded.inactive
			where (u.name, u.email, u.inactive) is distinct from (excluded.name, excluded.email, excluded.inactive)`,
			ids, names, emails, inactive)
		if err != nil || len(ids) == 0 { // no users at all is no answer to act on
			return err
		}
		_, err = tx.Exec(ctx, `update crm_users set inactive = true where not inactive and id <> all($1)`, ids)
		return err
	})
}

// ReplacePipelines makes the stored pipelines and statuses exactly ps:
// amoCRM always returns all of them, so whatever is missing was removed.
// An empty list is refused, since every account has a pipeline and
// deleting them all would blank the dashboards.
func (db *DB) ReplacePipelines(ctx context.Context, ps []domain.Pipeline, p *domain.SyncPage) error {
	if len(ps) == 0 {
		return errors.New("replace pipelines: amoCRM returned none, refusing to delete them all")
	}
	return db.inPage(ctx, "replace pipelines", p, func(tx pgx.Tx) error {
		var pid, pSort []int64
		var pName []string
		var pMain []bool
		var sPipe, sID, sSort []int64
		var sName, sColor []string
		for i, pl := range ps {
			pid, pName, pSort, pMain = append(pid, pl.ID), append(pName, pl.Name), append(pSort, int64(i+1)), append(pMain, pl.Main)
			for _, st := range pl.Statuses {
				sPipe, sID, sName = append(sPipe, pl.ID), append(sID, st.ID), append(sName, st.Name)
				sSort, sColor = append(sSort, int64(st.Sort)), append(sColor, st.Color)
			}
		}
		// Pipelines are sorted as listed: domain.Pipeline has no sort of
		// its own, and the sync lists them in amoCRM's order.
		batch := &pgx.Batch{}
		batch.Queue(`delete from crm_pipelines where id <> all($1)`, pid)
		batch.Queue(`insert into crm_pipelines as p (id, name, sort, is_main)
			select * from unnest($1::bigint[], $2::text[], $3::int[], $4::boolean[])
			on conflict (id) do update set name = excluded.name, sort = excluded.sort, is_main = excluded.is_main`,
			pid, pName, pSort, pMain)
		batch.Queue(`delete from crm_statuses s where not exists (
			select 1 from unnest($1::bigint[], $2::bigint[]) k (pipeline_id, id)
			where k.pipeline_id = s.pipeline_id and k.id = s.id)`, sPipe, sID)
		batch.Queue(`insert into crm_statuses (pipeline_id, id, name, sort, color)
			select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::text[])
			on conflict (pipeline_id, id) do update set name = excluded.name, sort = excluded.sort,
				color = excluded.color`, sPipe, sID, sName, sSort, sColor)
		return tx.SendBatch(ctx, batch).Close()
	})
}

// UpsertCompanies stores companies; updated_at is when the stored name
// last changed.
func (db *DB) UpsertCompanies(ctx context.Context, cs []domain.Company, p *domain.SyncPage) error {
	return db.inPage(ctx, "upsert companies", p, func(tx pgx.Tx) error {
		err := copyIn(ctx, tx, "crm_companies_in", "id bigint, name text", []string{"id", "name"}, len(cs),
			func(i int) []any { return []any{cs[i].ID, cs[i].Name} })
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `insert into crm_companies as c (id, name)
			select distinct on (id) id, name from crm_companies_in order by id
			on conflict (id) do update set name = excluded.name, updated_at = now()
			where c.name is distinct from excluded.name`)
		return err
	})
}

// UpsertDeals stores deals as amoCRM lists them: alive, so a deal marked
// deleted comes back when it is restored. A stored version newer than the
// incoming one wins, so a slow page cannot undo a quicker webhook sync.
func (db *DB) UpsertDeals(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) error {
	return db.inPage(ctx, "upsert deals", p, func(tx pgx.Tx) error {
		err := copyIn(ctx, tx, "crm_deals_in", `id bigint, name text, price bigint, pipeline_id bigint,
			status_id bigint, responsible_user_id bigint, company_id bigint, created_at timestamptz,
			updated_at timestamptz, closed_at timestamptz`,
			[]string{"id", "name", "price", "pipeline_id", "status_id", "responsible_user_id", "company_id",
				"created_at", "updated_at", "closed_at"}, len(ds),
			func(i int) []any {
				d := ds[i]
				return []any{d.ID, d.Name, d.Price, d.PipelineID, d.StatusID, d.ResponsibleID, nullID(d.CompanyID),
					d.CreatedAt, d.UpdatedAt, nullTime(d.ClosedAt)}
			})
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `insert into crm_deals as l (id, name, price, pipeline_id, status_id,
				responsible_user_id, company_id, created_at, updated_at, closed_at, deleted, synced_at)
			select distinct on (id) id, name, price, pipeline_id, status_id, responsible_user_id, company_id,
				created_at, updated_at, closed_at, false, now()
			from crm_deals_in order by id, updated_at desc
			on conflict (id) do update set name = excluded.name, price = excluded.price,
				pipeline_id = excluded.pipeline_id, status_id = excluded.status_id,
				responsible_user_id = excluded.responsible_user_id, company_id = excluded.company_id,
				created_at = excluded.created_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
				deleted = false, synced_at = excluded.synced_at
			where l.updated_at <= excluded.updated_at`)
		return err
	})
}

// MarkDealsDeleted flags deals as deleted so the dashboards drop them, and
// returns how many it changed. A deal's UpdatedAt, when set, is the time
// amoCRM deleted it: a stored version newer than that was restored since,
// and stays.
func (db *DB) MarkDealsDeleted(ctx context.Context, ds []domain.Deal, p *domain.SyncPage) (int, error) {
	ids, ats := make([]int64, len(ds)), make([]pgtype.Timestamptz, len(ds))
	for i, d := range ds {
		ids[i], ats[i] = d.ID, pgtype.Timestamptz{Time: d.UpdatedAt, Valid: !d.UpdatedAt.IsZero()}
	}
	var n int64
	err := db.inPage(ctx, "mark deals deleted", p, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `update crm_deals l set deleted = true, synced_at = now(),
				updated_at = greatest(l.updated_at, d.at)
			from unnest($1::bigint[], $2::timestamptz[]) d (id, at)
			where l.id = d.id and not l.deleted and (d.at is null or l.updated_at <= d.at)`, ids, ats)
		n = tag.RowsAffected()
		return err
	})
	return int(n), err
}

// UpsertCRMTasks stores tasks; a task attached to anything but a deal has
// no DealID. As with deals, a newer stored version wins.
func (db *DB) UpsertCRMTasks(ctx context.Context, ts []domain.CRMTask, p *domain.SyncPage) error {
	return db.inPage(ctx, "upsert crm tasks", p, func(tx pgx.Tx) error {
		err := copyIn(ctx, tx, "crm_tasks_in", `id bigint, deal_id bigint, text text, task_type_id bigint,
			responsible_user_id bigint, complete_till timestamptz, is_completed boolean, created_at timestamptz,
			updated_at timestamptz`,
			[]string{"id", "deal_id", "text", "task_type_id", "responsible_user_id", "complete_till",
				"is_completed", "created_at", "updated_at"}, len(ts),
			func(i int) []any {
				t := ts[i]
				return []any{t.ID, nullID(t.DealID), t.Text, t.TypeID, t.ResponsibleID, t.CompleteTill,
					t.Completed, t.CreatedAt, t.UpdatedAt}
			})
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `insert into crm_tasks as t (id, deal_id, text, task_type_id, responsible_user_id,
				complete_till, is_completed, created_at, updated_at, synced_at)
			select distinct on (id) *, now() from crm_tasks_in order by id, updated_at desc
			on conflict (id) do update set deal_id = excluded.deal_id, text = excluded.text,
				task_type_id = excluded.task_type_id, responsible_user_id = excluded.responsible_user_id,
				complete_till = excluded.complete_till, is_completed = excluded.is_completed,
				created_at = excluded.created_at, updated_at = excluded.updated_at, synced_at = excluded.synced_at
			where t.updated_at <= excluded.updated_at`)
		return err
	})
}

// DeleteCRMTasks removes tasks amoCRM no longer has; unlike deals, deleted
// tasks cannot be restored, so nothing is kept.
func (db *DB) DeleteCRMTasks(ctx context.Context, ids []int64) (int, error) {
	tag, err := db.pool.Exec(ctx, `delete from crm_tasks where id = any($1)`, ids)
	if err != nil {
		return 0, fmt.Errorf("delete crm tasks: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// UnseenDeals lists live deals the sync has not seen since before, the
// longest unseen first, at most limit (all when limit <= 0): candidates for
// a look-up by ID that tells deleted deals from ones a pass skipped.
func (db *DB) UnseenDeals(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	return db.unseen(ctx, "unseen deals", `select id from crm_deals
		where not deleted and (synced_at is null or synced_at < $1)
		order by synced_at nulls first, id limit $2`, before, limit)
}

// UnseenCRMTasks is UnseenDeals for tasks.
func (db *DB) UnseenCRMTasks(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	return db.unseen(ctx, "unseen crm tasks", `select id from crm_tasks
		where synced_at is null or synced_at < $1
		order by synced_at nulls first, id limit $2`, before, limit)
}

func (db *DB) unseen(ctx context.Context, op, sql string, before time.Time, limit int) ([]int64, error) {
	var lim any // null: no limit
	if limit > 0 {
		lim = limit
	}
	rows, _ := db.pool.Query(ctx, sql, before, lim)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return ids, nil
}
