package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"processet/domain"
)

// MiningProcessIDs lists every process that has events, in ID order.
func (db *DB) MiningProcessIDs(ctx context.Context) ([]int64, error) {
	rows, _ := db.pool.Query(ctx, `select id from mining_processes where next_seq > 0 order by id`)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("mining processes: %w", err)
	}
	return ids, nil
}

// MiningLog reads every event of a process with its activities and the
// manager's overrides, in one snapshot.
func (db *DB) MiningLog(ctx context.Context, processID int64) (domain.EventLog, error) {
	var log domain.EventLog
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `select coalesce(max(id) + 1, 0) from mining_cases where process_id = $1`,
			processID).Scan(&log.Cases); err != nil {
			return fmt.Errorf("cases: %w", err)
		}
		rows, _ := tx.Query(ctx, `select id, name, standard_seconds, share from mining_activities
			where process_id = $1 order by id`, processID)
		var id int32
		var a domain.LogActivity
		_, err := pgx.ForEachRow(rows, []any{&id, &a.Name, &a.StandardSeconds, &a.Share}, func() error {
			for int(id) >= len(log.Activities) {
				log.Activities = append(log.Activities, domain.LogActivity{})
			}
			log.Activities[id] = a
			a = domain.LogActivity{}
			return nil
		})
		if err != nil {
			return fmt.Errorf("activities: %w", err)
		}
		var n int
		if err := tx.QueryRow(ctx, `select count(*) from mining_events where process_id = $1`, processID).Scan(&n); err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		log.Events = make([]domain.LogEvent, 0, n)
		rows, _ = tx.Query(ctx, `select case_id, activity_id, at, started_at, lifecycle, seq
			from mining_events where process_id = $1`, processID)
		var e domain.LogEvent
		var end time.Time
		var start pgtype.Timestamptz
		var lc int16
		_, err = pgx.ForEachRow(rows, []any{&e.Case, &e.Activity, &end, &start, &lc, &e.Seq}, func() error {
			e.End, e.Start, e.Lifecycle = end.UnixMicro(), 0, domain.Lifecycle(lc)
			if start.Valid {
				e.Start = start.Time.UnixMicro()
			}
			log.Events = append(log.Events, e)
			return nil
		})
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		return nil
	})
	if err != nil {
		return domain.EventLog{}, fmt.Errorf("mining log %d: %w", processID, err)
	}
	return log, nil
}

// SaveMiningResult replaces the stored results of a process in one
// transaction, so a screen reads either the old figures or the new.
func (db *DB) SaveMiningResult(ctx context.Context, processID int64, at time.Time, r domain.ProcessResult) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		for _, t := range []string{"mining_result_edges", "mining_result_activities", "mining_result_variants", "mining_results"} {
			if _, err := tx.Exec(ctx, `delete from `+t+` where process_id = $1`, processID); err != nil {
				return fmt.Errorf("clear %s: %w", t, err)
			}
		}
		_, err := tx.Exec(ctx, `insert into mining_results (process_id, computed_at, events, cases, activities, variants,
				first_at, last_at, median_throughput_s, mean_throughput_s, rework_share, operations_per_year,
				hours_per_year, potential_hours, fte, fte_hours)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
			processID, at, r.Events, r.Cases, r.Activities, r.Variants, nullTime(r.First), nullTime(r.Last),
			r.MedianThroughput.Seconds(), r.MeanThroughput.Seconds(), r.ReworkShare, r.OperationsPerYear,
			r.HoursPerYear, r.PotentialHours, r.FTE, r.FTEHours)
		if err != nil {
			return fmt.Errorf("summary: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"mining_result_variants"},
			[]string{"process_id", "rank", "cases", "share", "activities"},
			pgx.CopyFromSlice(len(r.TopVariants), func(i int) ([]any, error) {
				v := r.TopVariants[i]
				return []any{processID, i + 1, v.Cases, v.Share, v.Activities}, nil
			})); err != nil {
			return fmt.Errorf("variants: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"mining_result_activities"},
			[]string{"process_id", "activity_id", "rank", "executions", "cases", "rework_cases", "starts", "ends",
				"per_year", "mean_seconds", "service_source", "hours_per_year", "share", "share_source", "potential_hours"},
			pgx.CopyFromSlice(len(r.ActivityStats), func(i int) ([]any, error) {
				a := r.ActivityStats[i]
				return []any{processID, a.Index, i + 1, a.Executions, a.Cases, a.ReworkCases, a.Starts, a.Ends,
					a.PerYear, a.MeanSeconds, string(a.ServiceSource), a.HoursPerYear, a.Share, string(a.ShareSource),
					a.PotentialHours}, nil
			})); err != nil {
			return fmt.Errorf("activities: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"mining_result_edges"},
			[]string{"process_id", "rank", "from_id", "to_id", "count", "mean_seconds"},
			pgx.CopyFromSlice(len(r.Edges), func(i int) ([]any, error) {
				e := r.Edges[i]
				return []any{processID, i + 1, e.From, e.To, e.Count, e.MeanSeconds}, nil
			})); err != nil {
			return fmt.Errorf("edges: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save mining result %d: %w", processID, err)
	}
	return nil
}

// miningLockKey is the advisory lock of a recompute: one run at a time
// over the whole database, whichever process of the bot starts it.
const miningLockKey = 0x6d696e65 // "mine"

// TryMiningLock takes the recompute lock if nobody holds it; release
// gives it back. The lock lives on a connection held until release, so a
// crashed run frees it when its connection closes.
func (db *DB) TryMiningLock(ctx context.Context) (release func(), ok bool, err error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("mining lock: %w", err)
	}
	if err := conn.QueryRow(ctx, `select pg_try_advisory_lock($1)`, miningLockKey).Scan(&ok); err != nil || !ok {
		conn.Release()
		if err != nil {
			return nil, false, fmt.Errorf("mining lock: %w", err)
		}
		return nil, false, nil
	}
	return func() {
		// A fresh context: the run's may be cancelled, the lock must go.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `select pg_advisory_unlock($1)`, miningLockKey); err != nil {
			conn.Conn().Close(ctx) // closing the session frees the lock
		}
		conn.Release()
	}, true, nil
}

// SetMiningStandardTime sets or clears (nil) a manager's standard time of
// an activity, in seconds per execution.
func (db *DB) SetMiningStandardTime(ctx context.Context, processID int64, activity int32, seconds *float64) error {
	return db.setMiningOverride(ctx, "standard_seconds", processID, activity, seconds)
}

// SetMiningShare sets or clears (nil) a manager's automatable share of an
// activity, 0..1.
func (db *DB) SetMiningShare(ctx context.Context, processID int64, activity int32, share *float64) error {
	return db.setMiningOverride(ctx, "share", processID, activity, share)
}

func (db *DB) setMiningOverride(ctx context.Context, column string, processID int64, activity int32, v *float64) error {
	tag, err := db.pool.Exec(ctx, `update mining_activities set `+column+` = $3
		where process_id = $1 and id = $2`, processID, activity, v)
	if err != nil {
		return fmt.Errorf("set mining %s: %w", column, mapError(err))
	}
	if tag.RowsAffected() == 0 {
		return domain.ErrNotFound
	}
	return nil
}
