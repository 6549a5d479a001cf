package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// IdeaSummary computes the process improvement dashboard: counts and the
// pending ideas with the most support.
func (db *DB) IdeaSummary(ctx context.Context, q domain.DashboardQuery) (domain.IdeaSummary, error) {
	var s domain.IdeaSummary
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			select count(*),
				count(*) filter (where status in ('accepted', 'in_progress', 'implemented')),
				count(*) filter (where status = 'rejected'),
				count(*) filter (where status in ('new', 'under_review')),
				(select count(*) from idea_votes)
			from ideas`).Scan(&s.Submitted, &s.Accepted, &s.Rejected, &s.Pending, &s.Votes)
		if err != nil {
			return fmt.Errorf("idea counts: %w", err)
		}
		rows, _ := tx.Query(ctx, `
			select i.id, i.title, i.description, i.process, coalesce(i.author_id, 0),
				coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username, ''),
				i.status, i.created_at,
				count(v.*) filter (where v.value > 0), count(v.*) filter (where v.value < 0)
			from ideas i
			left join users u on u.id = i.author_id
			left join idea_votes v on v.idea_id = i.id
			where i.status in ('new', 'under_review')
			group by i.id, u.id
			order by sum(coalesce(v.value, 0)) desc, i.created_at, i.id
			limit $1`, q.Limit)
		s.Top, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Idea, error) {
			var i domain.Idea
			var status string
			err := row.Scan(&i.ID, &i.Title, &i.Description, &i.Process, &i.AuthorID, &i.AuthorName, &status,
				&i.CreatedAt, &i.Up, &i.Down)
			i.Status = domain.IdeaStatus(status)
			return i, err
		})
		return err
	})
	if err != nil {
		return domain.IdeaSummary{}, fmt.Errorf("idea summary: %w", err)
	}
	return s, nil
}
