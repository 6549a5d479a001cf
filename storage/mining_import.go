package storage

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// errDuplicateFile rolls back an import whose file was imported before.
var errDuplicateFile = errors.New("file imported before")

// ImportMiningEvents stores the events of one file for process (created
// on first use) in one transaction: an error from events, or a bad event,
// stores nothing. A file whose content hash was imported before reads
// nothing and reports Duplicate. Into a process that already has events,
// an event is added only when no stored event has the same case,
// activity, time and lifecycle transition: a newer export of the same
// process adds what is new.
func (db *DB) ImportMiningEvents(ctx context.Context, process string, hash []byte, events iter.Seq2[domain.MiningEvent, error]) (domain.MiningImport, error) {
	res := domain.MiningImport{Process: process}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var nextSeq int64
		// The upsert locks the process's row: imports into one process
		// take turns, and their seq ranges do not overlap.
		err := tx.QueryRow(ctx, `insert into mining_processes (name) values ($1)
			on conflict (name) do update set name = excluded.name returning id, next_seq`, process).
			Scan(&res.ProcessID, &nextSeq)
		if err != nil {
			return fmt.Errorf("process: %w", mapError(err))
		}
		var importID int64
		err = tx.QueryRow(ctx, `insert into mining_imports (process_id, content_hash, events_read, events_added)
			values ($1, $2, 0, 0) on conflict (content_hash) do nothing returning id`, res.ProcessID, hash).Scan(&importID)
		if errors.Is(err, pgx.ErrNoRows) {
			return errDuplicateFile
		}
		if err != nil {
			return fmt.Errorf("record import: %w", err)
		}
		dict, err := loadDictionaries(ctx, tx, res.ProcessID)
		if err != nil {
			return err
		}
		target := "mining_events"
		if nextSeq > 0 {
			// Only what is not there yet goes in: load into a scratch
			// table, then add the rows no stored event matches.
			target = "mining_staging"
			if _, err := tx.Exec(ctx, `create temp table mining_staging (like mining_events) on commit drop`); err != nil {
				return fmt.Errorf("staging table: %w", err)
			}
		}
		src := &eventSource{processID: res.ProcessID, seq: nextSeq, dict: dict}
		next, stop := iter.Pull2(events)
		defer stop()
		src.next = next
		n, err := tx.CopyFrom(ctx, pgx.Identifier{target}, eventColumns, src)
		if src.err != nil { // the reader's own error, which COPY turns into text
			return src.err
		}
		if err != nil {
			return fmt.Errorf("copy events: %w", err)
		}
		res.Read, res.Added = int(n), int(n)
		if err := dict.store(ctx, tx, res.ProcessID); err != nil {
			return err
		}
		if target == "mining_staging" {
			tag, err := tx.Exec(ctx, `insert into mining_events
				select s.* from mining_staging s
				where not exists (select 1 from mining_events e
					where e.process_id = s.process_id and e.case_id = s.case_id and e.activity_id = s.activity_id
						and e.at = s.at and e.lifecycle = s.lifecycle)`)
			if err != nil {
				return fmt.Errorf("add new events: %w", err)
			}
			res.Added = int(tag.RowsAffected())
		}
		if _, err := tx.Exec(ctx, `update mining_imports set events_read = $2, events_added = $3 where id = $1`,
			importID, res.Read, res.Added); err != nil {
			return fmt.Errorf("count import: %w", err)
		}
		if _, err := tx.Exec(ctx, `update mining_processes set next_seq = $2 where id = $1`, res.ProcessID, src.seq); err != nil {
			return fmt.Errorf("advance seq: %w", err)
		}
		return nil
	})
	if errors.Is(err, errDuplicateFile) {
		return domain.MiningImport{Process: process, Duplicate: true}, nil
	}
	if err != nil {
		return domain.MiningImport{}, fmt.Errorf("import %s: %w", process, err)
	}
	return res, nil
}

var eventColumns = []string{"process_id", "case_id", "activity_id", "at", "started_at", "lifecycle", "resource_id", "seq"}

// ErrBadEvent is an event without a case, an activity or a time; readers
// report such rows with their line before they get here.
var ErrBadEvent = domain.NewError(domain.Invalid, domain.ErrKeyInvalid)

// eventSource feeds CopyFrom from the caller's iterator, giving each new
// name its ID on the way.
type eventSource struct {
	processID int64
	seq       int64
	dict      *dictionaries
	next      func() (domain.MiningEvent, error, bool)
	row       []any
	err       error
}

func (s *eventSource) Next() bool {
	e, err, ok := s.next()
	if !ok {
		return false
	}
	if err != nil {
		s.err = err
		return false
	}
	if e.Case == "" || e.Activity == "" || e.Time.IsZero() {
		s.err = fmt.Errorf("event %d: %w", s.seq, ErrBadEvent)
		return false
	}
	var resource any
	if e.Resource != "" {
		resource = s.dict.resources.id(e.Resource)
	}
	s.row = append(s.row[:0], s.processID, s.dict.cases.id(e.Case), s.dict.activities.id(e.Activity),
		e.Time, nullTime(e.Start), int16(e.Lifecycle), resource, s.seq)
	s.seq++
	return true
}

func (s *eventSource) Values() ([]any, error) { return s.row, nil }
func (s *eventSource) Err() error             { return s.err }

// names is one dictionary of a process: the stored names and those this
// import adds.
type names struct {
	table string
	ids   map[string]int32
	added []string // new names, their IDs following the stored ones
	base  int32
}

func (n *names) id(name string) int32 {
	if id, ok := n.ids[name]; ok {
		return id
	}
	id := n.base + int32(len(n.added))
	n.ids[name] = id
	n.added = append(n.added, name)
	return id
}

type dictionaries struct{ cases, activities, resources *names }

func loadDictionaries(ctx context.Context, tx pgx.Tx, processID int64) (*dictionaries, error) {
	d := &dictionaries{cases: &names{table: "mining_cases"}, activities: &names{table: "mining_activities"},
		resources: &names{table: "mining_resources"}}
	for _, n := range []*names{d.cases, d.activities, d.resources} {
		n.ids = map[string]int32{}
		rows, _ := tx.Query(ctx, `select id, name from `+n.table+` where process_id = $1`, processID)
		var id int32
		var name string
		_, err := pgx.ForEachRow(rows, []any{&id, &name}, func() error {
			n.ids[name] = id
			n.base = max(n.base, id+1)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n.table, err)
		}
	}
	return d, nil
}

func (d *dictionaries) store(ctx context.Context, tx pgx.Tx, processID int64) error {
	for _, n := range []*names{d.cases, d.activities, d.resources} {
		_, err := tx.CopyFrom(ctx, pgx.Identifier{n.table}, []string{"process_id", "id", "name"},
			pgx.CopyFromSlice(len(n.added), func(i int) ([]any, error) {
				return []any{processID, n.base + int32(i), n.added[i]}, nil
			}))
		if err != nil {
			return fmt.Errorf("store %s: %w", n.table, err)
		}
	}
	return nil
}
