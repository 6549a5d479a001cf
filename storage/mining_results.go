package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// MiningSummary is the task mining dashboard and home tile: the computed
// results of the imported processes (none before the first recompute).
func (db *DB) MiningSummary(ctx context.Context) (domain.MiningSummary, error) {
	rows, _ := db.pool.Query(ctx, `
		select p.id, p.name, r.operations_per_year, r.hours_per_year, r.potential_hours
		from mining_results r join mining_processes p on p.id = r.process_id
		order by r.hours_per_year desc, p.id`)
	ps, err := pgx.CollectRows(rows, scanProcessStat)
	if err != nil {
		return domain.MiningSummary{}, fmt.Errorf("mining summary: %w", err)
	}
	m := domain.MiningSummary{Processes: ps}
	for _, p := range ps {
		m.Operations += p.Operations
		m.Hours += p.Hours
		m.PotentialHours += p.PotentialHours
	}
	return m, nil
}

func scanProcessStat(row pgx.CollectableRow) (domain.ProcessStat, error) {
	var p domain.ProcessStat
	var ops float64
	err := row.Scan(&p.ID, &p.Name, &ops, &p.Hours, &p.PotentialHours)
	p.Operations = int(ops + 0.5)
	return p, err
}

// MiningProcesses is a page of the processes ranked by potential hours,
// and how many there are.
func (db *DB) MiningProcesses(ctx context.Context, offset, limit int) ([]domain.ProcessStat, int, error) {
	var total int
	if err := db.pool.QueryRow(ctx, `select count(*) from mining_results`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count mining processes: %w", err)
	}
	rows, _ := db.pool.Query(ctx, `
		select p.id, p.name, r.operations_per_year, r.hours_per_year, r.potential_hours
		from mining_results r join mining_processes p on p.id = r.process_id
		order by r.potential_hours desc, p.id offset $1 limit $2`, offset, limit)
	ps, err := pgx.CollectRows(rows, scanProcessStat)
	if err != nil {
		return nil, 0, fmt.Errorf("mining processes: %w", err)
	}
	return ps, total, nil
}

// MiningProcess is a process card: its figures, top variants, activities
// and directly-follows edges as the last recompute stored them.
func (db *DB) MiningProcess(ctx context.Context, processID int64) (domain.ProcessResult, error) {
	var r domain.ProcessResult
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var first, last *time.Time
		var median, mean float64
		err := tx.QueryRow(ctx, `select p.id, p.name, r.computed_at, r.events, r.cases, r.activities, r.variants,
				r.first_at, r.last_at, r.median_throughput_s, r.mean_throughput_s, r.rework_share,
				r.operations_per_year, r.hours_per_year, r.potential_hours, r.fte, r.fte_hours
			from mining_results r join mining_processes p on p.id = r.process_id where r.process_id = $1`, processID).
			Scan(&r.ID, &r.Name, &r.ComputedAt, &r.Events, &r.Cases, &r.Activities, &r.Variants, &first, &last,
				&median, &mean, &r.ReworkShare, &r.OperationsPerYear, &r.HoursPerYear, &r.PotentialHours, &r.FTE, &r.FTEHours)
		if err != nil {
			return mapError(err)
		}
		if first != nil {
			r.First, r.Last = *first, *last
		}
		r.MedianThroughput = time.Duration(median * float64(time.Second))
		r.MeanThroughput = time.Duration(mean * float64(time.Second))
		rows, _ := tx.Query(ctx, `select activities, cases, share from mining_result_variants
			where process_id = $1 order by rank`, processID)
		if r.TopVariants, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ProcessVariant, error) {
			var v domain.ProcessVariant
			return v, row.Scan(&v.Activities, &v.Cases, &v.Share)
		}); err != nil {
			return fmt.Errorf("variants: %w", err)
		}
		rows, _ = tx.Query(ctx, `select a.activity_id, n.name, a.executions, a.cases, a.rework_cases, a.starts, a.ends,
				a.per_year, a.mean_seconds, a.service_source, a.hours_per_year, a.share, a.share_source, a.potential_hours
			from mining_result_activities a
			join mining_activities n on n.process_id = a.process_id and n.id = a.activity_id
			where a.process_id = $1 order by a.rank`, processID)
		if r.ActivityStats, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ActivityResult, error) {
			var a domain.ActivityResult
			var service, share string
			err := row.Scan(&a.Index, &a.Name, &a.Executions, &a.Cases, &a.ReworkCases, &a.Starts, &a.Ends,
				&a.PerYear, &a.MeanSeconds, &service, &a.HoursPerYear, &a.Share, &share, &a.PotentialHours)
			a.ServiceSource, a.ShareSource = domain.ServiceSource(service), domain.ShareSource(share)
			return a, err
		}); err != nil {
			return fmt.Errorf("activities: %w", err)
		}
		rows, _ = tx.Query(ctx, `select from_id, to_id, count, mean_seconds from mining_result_edges
			where process_id = $1 order by rank`, processID)
		if r.Edges, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.FlowEdge, error) {
			var e domain.FlowEdge
			return e, row.Scan(&e.From, &e.To, &e.Count, &e.MeanSeconds)
		}); err != nil {
			return fmt.Errorf("edges: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.ProcessResult{}, fmt.Errorf("mining process %d: %w", processID, err)
	}
	return r, nil
}
