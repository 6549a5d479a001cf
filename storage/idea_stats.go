package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// IdeaDashboard computes the ideas analytics as of now, months in loc,
// in one snapshot. The figures are defined on domain.IdeaDashboard.
func (db *DB) IdeaDashboard(ctx context.Context, now time.Time, loc *time.Location, leaders int) (domain.IdeaDashboard, error) {
	d := domain.IdeaDashboard{AsOf: now, ByStatus: map[domain.IdeaStatus]int{}}
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var err error
		if d.Summary, err = ideaSummary(ctx, tx, leaders); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, `select status, count(*) from ideas group by status`)
		for rows.Next() {
			var s string
			var n int
			if err := rows.Scan(&s, &n); err != nil {
				return err
			}
			d.ByStatus[domain.IdeaStatus(s)] = n
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("ideas by status: %w", err)
		}
		accepted := d.ByStatus[domain.IdeaAccepted] + d.ByStatus[domain.IdeaInProgress] + d.ByStatus[domain.IdeaImplemented]
		d.Decided = accepted + d.ByStatus[domain.IdeaRejected]
		if d.Decided > 0 {
			d.AcceptanceRate = float64(accepted) / float64(d.Decided)
		}
		if d.Months, err = ideaMonths(ctx, tx, now, loc); err != nil {
			return err
		}
		var median float64
		err = tx.QueryRow(ctx, `
			select coalesce(percentile_cont(0.5) within group (order by extract(epoch from first.at - i.created_at)), 0)
			from ideas i join lateral (
				select min(e.at) as at from idea_events e
				where e.idea_id = i.id and e.to_status in ('accepted', 'rejected')) first on first.at is not null`).
			Scan(&median)
		if err != nil {
			return fmt.Errorf("median time to decision: %w", err)
		}
		d.MedianDecision = time.Duration(median * float64(time.Second)).Round(time.Second)
		if d.PipelineHours, err = pipelineHours(ctx, tx); err != nil {
			return err
		}
		rows, _ = tx.Query(ctx, `
			with top as (
				select i.id, coalesce(sum(v.value), 0) as score, count(v.*) filter (where v.value > 0) as up
				from ideas i left join idea_votes v on v.idea_id = i.id
				where i.status in ('new', 'under_review', 'accepted', 'in_progress')
				group by i.id order by score desc, up desc, i.created_at, i.id limit $1)
			`+ideaSelect+` join top on top.id = i.id order by top.score desc, top.up desc, i.created_at, i.id`, leaders)
		d.Leaders, err = pgx.CollectRows(rows, scanIdea)
		if err != nil {
			return fmt.Errorf("leading ideas: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.IdeaDashboard{}, fmt.Errorf("ideas dashboard: %w", err)
	}
	return d, nil
}

// ideaMonths counts, for the 12 months up to now's, the ideas proposed
// and those first accepted in each.
func ideaMonths(ctx context.Context, tx pgx.Tx, now time.Time, loc *time.Location) ([]domain.IdeaMonth, error) {
	local := now.In(loc)
	first := time.Date(local.Year(), local.Month()-11, 1, 0, 0, 0, 0, loc)
	months := make([]domain.IdeaMonth, 12)
	for i := range months {
		months[i].Month = first.AddDate(0, i, 0)
	}
	index := func(t time.Time) int {
		t = t.In(loc)
		return (t.Year()-first.Year())*12 + int(t.Month()-first.Month())
	}
	rows, _ := tx.Query(ctx, `
		select created_at, true from ideas where created_at >= $1 and created_at <= $2
		union all
		select min(at), false from idea_events where to_status = 'accepted' group by idea_id
			having min(at) >= $1 and min(at) <= $2`, first, now)
	var at time.Time
	var submitted bool
	_, err := pgx.ForEachRow(rows, []any{&at, &submitted}, func() error {
		if i := index(at); i >= 0 && i < len(months) {
			if submitted {
				months[i].Submitted++
			} else {
				months[i].Accepted++
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ideas per month: %w", err)
	}
	return months, nil
}

func pipelineHours(ctx context.Context, q pgx.Tx) (float64, error) {
	var h float64
	err := q.QueryRow(ctx, `select coalesce(sum(hours_saved), 0) from ideas
		where status in ('accepted', 'in_progress', 'implemented')`).Scan(&h)
	if err != nil {
		return 0, fmt.Errorf("savings in the pipeline: %w", err)
	}
	return h, nil
}

// IdeaPipelineHours is the savings in the pipeline, hours per year.
func (db *DB) IdeaPipelineHours(ctx context.Context) (float64, error) {
	var h float64
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) (err error) {
		h, err = pipelineHours(ctx, tx)
		return err
	})
	return h, err
}

// IdeaNews is what happened to ideas after since: the digest's part.
// limit bounds each list; the counts count everything. Anonymous authors
// are not named.
func (db *DB) IdeaNews(ctx context.Context, since time.Time, limit int) (domain.IdeaNews, error) {
	n := domain.IdeaNews{Since: since, Titles: map[int64]string{}}
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `select (select count(*) from ideas where created_at > $1),
			(select count(*) from idea_events where at > $1 and from_status <> '')`, since).Scan(&n.NewCount, &n.DecidedCount)
		if err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, ideaSelect+` where i.created_at > $1 order by i.created_at desc, i.id desc limit $2`, since, limit)
		if n.New, err = pgx.CollectRows(rows, scanIdea); err != nil {
			return err
		}
		for i := range n.New {
			if n.New[i].Anonymous {
				n.New[i].AuthorName = "" // a digest goes to many: nobody is named
			}
		}
		rows, _ = tx.Query(ctx, ideaEventSelect+` where e.at > $1 and e.from_status <> '' order by e.at desc, e.id desc limit $2`,
			since, limit)
		if n.Decisions, err = pgx.CollectRows(rows, scanIdeaEvent); err != nil {
			return err
		}
		for _, e := range n.Decisions {
			var title string
			if err := tx.QueryRow(ctx, `select title from ideas where id = $1`, e.IdeaID).Scan(&title); err != nil {
				return err
			}
			n.Titles[e.IdeaID] = title
		}
		return nil
	})
	if err != nil {
		return domain.IdeaNews{}, fmt.Errorf("idea news: %w", err)
	}
	return n, nil
}
