package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

const dealSelect = `
	select l.id, l.name, l.price, l.pipeline_id, l.status_id, coalesce(s.name, ''),
		l.responsible_user_id, coalesce(u.name, ''), coalesce(l.company_id, 0), coalesce(c.name, ''),
		l.created_at, l.updated_at, l.closed_at
	from crm_deals l
	left join crm_statuses s on s.pipeline_id = l.pipeline_id and s.id = l.status_id
	left join crm_users u on u.id = l.responsible_user_id
	left join crm_companies c on c.id = l.company_id`

func scanDeal(row pgx.CollectableRow) (domain.Deal, error) {
	var d domain.Deal
	var closed *time.Time
	err := row.Scan(&d.ID, &d.Name, &d.Price, &d.PipelineID, &d.StatusID, &d.StatusName,
		&d.ResponsibleID, &d.ResponsibleName, &d.CompanyID, &d.CompanyName, &d.CreatedAt, &d.UpdatedAt, &closed)
	if closed != nil {
		d.ClosedAt = *closed
	}
	return d, err
}

// Deals lists a page of active deals and counts them all.
func (db *DB) Deals(ctx context.Context, f domain.DealFilter) (deals []domain.Deal, total int, err error) {
	order := "l.updated_at, l.id"
	if f.ByPrice {
		order = "l.price desc, l.id"
	}
	cond := ` where not l.deleted and l.status_id not in (142, 143) and ($1 = 0 or l.responsible_user_id = $1)`
	err = pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `select count(*) from crm_deals l`+cond, f.ResponsibleID).Scan(&total); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, dealSelect+cond+` order by `+order+` offset $2 limit $3`, f.ResponsibleID, f.Offset, f.Limit)
		deals, err = pgx.CollectRows(rows, scanDeal)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list deals: %w", err)
	}
	return deals, total, nil
}

// Deal returns one deal that has not been deleted.
func (db *DB) Deal(ctx context.Context, id int64) (domain.Deal, error) {
	rows, _ := db.pool.Query(ctx, dealSelect+` where l.id = $1 and not l.deleted`, id)
	d, err := pgx.CollectExactlyOneRow(rows, scanDeal)
	if err != nil {
		return d, mapError(err)
	}
	return d, nil
}

// DealTasks lists a deal's open amoCRM tasks, the nearest first.
func (db *DB) DealTasks(ctx context.Context, dealID int64) ([]domain.CRMTask, error) {
	rows, _ := db.pool.Query(ctx, `select id, coalesce(deal_id, 0), text, task_type_id, responsible_user_id,
		complete_till, is_completed, created_at, updated_at
		from crm_tasks where deal_id = $1 and not is_completed order by complete_till, id`, dealID)
	tasks, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.CRMTask, error) {
		var t domain.CRMTask
		err := row.Scan(&t.ID, &t.DealID, &t.Text, &t.TypeID, &t.ResponsibleID, &t.CompleteTill, &t.Completed,
			&t.CreatedAt, &t.UpdatedAt)
		return t, err
	})
	if err != nil {
		return nil, fmt.Errorf("tasks of deal %d: %w", dealID, err)
	}
	return tasks, nil
}

// PipelineStatuses lists a pipeline's statuses in their order.
func (db *DB) PipelineStatuses(ctx context.Context, pipelineID int64) ([]domain.PipelineStatus, error) {
	rows, _ := db.pool.Query(ctx, `select id, name, sort, color from crm_statuses
		where pipeline_id = $1 order by sort, id`, pipelineID)
	st, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.PipelineStatus, error) {
		var s domain.PipelineStatus
		err := row.Scan(&s.ID, &s.Name, &s.Sort, &s.Color)
		return s, err
	})
	if err != nil {
		return nil, fmt.Errorf("statuses of pipeline %d: %w", pipelineID, err)
	}
	return st, nil
}

// CRMUsers lists the amoCRM users by name, deactivated ones included.
func (db *DB) CRMUsers(ctx context.Context) ([]domain.CRMUser, error) {
	rows, _ := db.pool.Query(ctx, `select id, name, email, inactive from crm_users order by name, id`)
	users, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.CRMUser, error) {
		var u domain.CRMUser
		err := row.Scan(&u.ID, &u.Name, &u.Email, &u.Inactive)
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("crm users: %w", err)
	}
	return users, nil
}

// LinkCRMUser records that a bot user is an amoCRM user (0 unlinks).
// One amoCRM user links to at most one bot user.
func (db *DB) LinkCRMUser(ctx context.Context, userID, crmUserID int64) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if crmUserID != 0 {
			if _, err := tx.Exec(ctx, `update users set crm_user_id = null where crm_user_id = $1`, crmUserID); err != nil {
				return err
			}
		}
		tag, err := tx.Exec(ctx, `update users set crm_user_id = $2 where id = $1`, userID, nullID(crmUserID))
		if err == nil && tag.RowsAffected() == 0 {
			return domain.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("link user %d: %w", userID, mapError(err))
	}
	return nil
}

// UserByCRMUser finds the bot user linked to an amoCRM user.
func (db *DB) UserByCRMUser(ctx context.Context, crmUserID int64) (domain.User, error) {
	rows, _ := db.pool.Query(ctx, `select `+userColumns+` from users where crm_user_id = $1`, crmUserID)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if err != nil {
		return u, mapError(err)
	}
	return u, nil
}

// RecordCRMWrite keeps the record of a change made to amoCRM.
func (db *DB) RecordCRMWrite(ctx context.Context, actorID int64, action string, dealID int64, detail, result string) error {
	_, err := db.pool.Exec(ctx, `insert into crm_writes (actor_id, action, deal_id, detail, result) values ($1, $2, $3, $4, $5)`,
		nullID(actorID), action, nullID(dealID), detail, result)
	if err != nil {
		return fmt.Errorf("record crm write: %w", err)
	}
	return nil
}
