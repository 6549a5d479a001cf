package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// DealSummary computes the CRM dashboard from the synced amoCRM mirror.
func (db *DB) DealSummary(ctx context.Context, q domain.DashboardQuery) (domain.DealSummary, error) {
	var s domain.DealSummary
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		weekStart := q.ThisWeek()
		err := tx.QueryRow(ctx, `
			select count(*),
				count(*) filter (where status_id = $1),
				coalesce(sum(price) filter (where status_id = $1), 0),
				(select count(*) from crm_companies),
				count(distinct company_id) filter (where status_id not in ($1, $2)),
				count(*) filter (where created_at <= $3 and (closed_at is null or closed_at >= $4)),
				count(*) filter (where status_id = $1 and closed_at >= $4 and closed_at <= $3),
				count(*) filter (where status_id not in ($1, $2))
			from crm_deals where not deleted`,
			domain.StatusWon, domain.StatusLost, q.Now, weekStart,
		).Scan(&s.Deals, &s.Won, &s.WonRevenue, &s.Companies, &s.CompaniesActive, &s.WeekInPlay, &s.WeekWon, &s.ActiveAll)
		if err != nil {
			return fmt.Errorf("deal totals: %w", err)
		}
		if s.Weeks, err = dealWeeks(ctx, tx, q); err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `
			select count(*) filter (where not is_completed and complete_till >= $1),
				count(*) filter (where not is_completed and complete_till < $1),
				count(*) filter (where is_completed)
			from crm_tasks t
			where t.deal_id is null or exists (select 1 from crm_deals l where l.id = t.deal_id and not l.deleted)`,
			q.Now).Scan(&s.Tasks.Open, &s.Tasks.Overdue, &s.Tasks.Completed)
		if err != nil {
			return fmt.Errorf("crm task states: %w", err)
		}
		s.Active, err = activeDeals(ctx, tx, q.Limit)
		return err
	})
	if err != nil {
		return domain.DealSummary{}, fmt.Errorf("deal summary: %w", err)
	}
	return s, nil
}

// dealWeeks counts deals created and won per week, oldest week first.
func dealWeeks(ctx context.Context, tx pgx.Tx, q domain.DashboardQuery) ([]domain.WeekCount, error) {
	starts := domain.LastWeeks(q.Now, q.Loc, q.Weeks)
	weeks := make([]domain.WeekCount, len(starts))
	index := make(map[string]int, len(starts))
	for i, st := range starts {
		weeks[i].Start = st
		index[st.Format(time.DateOnly)] = i
	}
	// Weeks are cut in the company's zone, not UTC: a deal won on Monday
	// 01:00 in Moscow belongs to that Monday's week.
	rows, _ := tx.Query(ctx, `
		select to_char(date_trunc('week', created_at at time zone $1), 'YYYY-MM-DD'), 'c', count(*)
			from crm_deals where not deleted and created_at >= $2 group by 1
		union all
		select to_char(date_trunc('week', closed_at at time zone $1), 'YYYY-MM-DD'), 'w', count(*)
			from crm_deals where not deleted and status_id = $3 and closed_at >= $2 group by 1`,
		q.Loc.String(), starts[0], domain.StatusWon)
	var week, kind string
	var n int
	_, err := pgx.ForEachRow(rows, []any{&week, &kind, &n}, func() error {
		i, ok := index[week]
		if !ok {
			return nil // after now: clock skew or future-dated data
		}
		if kind == "c" {
			weeks[i].Created = n
		} else {
			weeks[i].Won = n
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("deal weeks: %w", err)
	}
	return weeks, nil
}

// activeDeals lists open deals, the longest idle first: those are the ones
// a manager should look at.
func activeDeals(ctx context.Context, tx pgx.Tx, limit int) ([]domain.Deal, error) {
	rows, _ := tx.Query(ctx, `
		select l.id, l.name, l.price, l.pipeline_id, l.status_id, coalesce(s.name, ''),
			l.responsible_user_id, coalesce(u.name, ''), coalesce(l.company_id, 0), coalesce(c.name, ''),
			l.created_at, l.updated_at
		from crm_deals l
		left join crm_statuses s on s.pipeline_id = l.pipeline_id and s.id = l.status_id
		left join crm_users u on u.id = l.responsible_user_id
		left join crm_companies c on c.id = l.company_id
		where not l.deleted and l.status_id not in ($1, $2)
		order by l.updated_at, l.id
		limit $3`, domain.StatusWon, domain.StatusLost, limit)
	deals, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Deal, error) {
		var d domain.Deal
		err := row.Scan(&d.ID, &d.Name, &d.Price, &d.PipelineID, &d.StatusID, &d.StatusName,
			&d.ResponsibleID, &d.ResponsibleName, &d.CompanyID, &d.CompanyName, &d.CreatedAt, &d.UpdatedAt)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("active deals: %w", err)
	}
	return deals, nil
}
