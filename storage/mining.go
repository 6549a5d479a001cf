package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// Operations returns every task-mining operation.
func (db *DB) Operations(ctx context.Context) ([]domain.Operation, error) {
	rows, _ := db.pool.Query(ctx, `
		select id, process, name, per_year, avg_seconds, automatable
		from mining_operations order by process, name`)
	ops, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Operation, error) {
		var o domain.Operation
		err := row.Scan(&o.ID, &o.Process, &o.Name, &o.PerYear, &o.AvgSeconds, &o.Automatable)
		return o, err
	})
	if err != nil {
		return nil, fmt.Errorf("operations: %w", err)
	}
	return ops, nil
}

// MiningSummary computes the task mining dashboard.
func (db *DB) MiningSummary(ctx context.Context) (domain.MiningSummary, error) {
	ops, err := db.Operations(ctx)
	if err != nil {
		return domain.MiningSummary{}, err
	}
	return domain.SummarizeMining(ops), nil
}
