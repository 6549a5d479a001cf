package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// Operations returns every precomputed task-mining operation: the rows an
// older demo loaded, shown until a process has computed results.
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
