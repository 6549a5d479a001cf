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
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) (err error) {
		s, err = ideaSummary(ctx, tx, q.Limit)
		return err
	})
	if err != nil {
		return domain.IdeaSummary{}, fmt.Errorf("idea summary: %w", err)
	}
	return s, nil
}

// ideaSummary counts ideas and votes and lists the limit pending ideas
// with the best score. Duplicates count as proposed, not as rejected:
// their votes went to the original.
func ideaSummary(ctx context.Context, tx pgx.Tx, limit int) (domain.IdeaSummary, error) {
	var s domain.IdeaSummary
	err := tx.QueryRow(ctx, `
		select count(*),
			count(*) filter (where status in ('accepted', 'in_progress', 'implemented')),
			count(*) filter (where status = 'rejected'),
			count(*) filter (where status in ('new', 'under_review')),
			(select count(*) from idea_votes),
			(select count(*) from idea_events where from_status <> '')
		from ideas`).Scan(&s.Submitted, &s.Accepted, &s.Rejected, &s.Pending, &s.Votes, &s.Decisions)
	if err != nil {
		return domain.IdeaSummary{}, fmt.Errorf("idea counts: %w", err)
	}
	rows, _ := tx.Query(ctx, `
		with top as (
			select i.id, coalesce(sum(v.value), 0) as score
			from ideas i left join idea_votes v on v.idea_id = i.id
			where i.status in ('new', 'under_review')
			group by i.id order by score desc, i.created_at, i.id limit $1)
		`+ideaSelect+` join top on top.id = i.id order by top.score desc, i.created_at, i.id`, limit)
	s.Top, err = pgx.CollectRows(rows, scanIdea)
	if err != nil {
		return domain.IdeaSummary{}, fmt.Errorf("top ideas: %w", err)
	}
	for i := range s.Top {
		if s.Top[i].Anonymous {
			s.Top[i].AuthorName = "" // the home tile is everyone's: nobody is named
		}
	}
	return s, nil
}
