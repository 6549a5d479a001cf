package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// TaskFilter selects tasks for a list.
type TaskFilter struct {
	Status    domain.TaskStatus // empty: every active status
	VisibleTo int64             // 0: everyone's tasks; else the user's own (assigned or authored)
	Offset    int
	Limit     int
}

// Tasks lists tasks by priority, then the nearest deadline, and counts
// all that match.
func (db *DB) Tasks(ctx context.Context, f TaskFilter) (tasks []domain.Task, total int, err error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }
	if f.Status == "" {
		where = append(where, "t.status in ('new', 'in_progress', 'review')")
	} else {
		where = append(where, "t.status = "+arg(string(f.Status)))
	}
	if f.VisibleTo != 0 {
		p := arg(f.VisibleTo)
		where = append(where, "(t.assignee_id = "+p+" or t.author_id = "+p+")")
	}
	cond := " where " + strings.Join(where, " and ")
	err = pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `select count(*) from tasks t`+cond, args...).Scan(&total); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, taskSelect+cond+`
			order by case t.priority when 'high' then 0 when 'medium' then 1 else 2 end,
				t.deadline nulls last, t.id
			offset `+arg(f.Offset)+` limit `+arg(f.Limit), args...)
		tasks, err = pgx.CollectRows(rows, scanTask)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list tasks: %w", err)
	}
	return tasks, total, nil
}

// TaskStatusCounts counts tasks per status, for the "view by status"
// buttons; visibleTo limits them to a user's own tasks (0: all).
func (db *DB) TaskStatusCounts(ctx context.Context, visibleTo int64) (map[domain.TaskStatus]int, error) {
	rows, _ := db.pool.Query(ctx, `select status, count(*) from tasks t
		where true`+ownTasks(visibleTo, "$1")+` group by status`, visibleTo)
	counts := map[domain.TaskStatus]int{}
	var s string
	var n int
	_, err := pgx.ForEachRow(rows, []any{&s, &n}, func() error { counts[domain.TaskStatus(s)] = n; return nil })
	if err != nil {
		return nil, fmt.Errorf("count tasks by status: %w", err)
	}
	return counts, nil
}

// Team lists the approved users, who tasks can be assigned to.
func (db *DB) Team(ctx context.Context) ([]domain.User, error) {
	rows, _ := db.pool.Query(ctx, `select `+userColumns+` from users
		where role in ('employee', 'manager', 'admin') order by lower(first_name || ' ' || last_name), id`)
	users, err := pgx.CollectRows(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("team: %w", err)
	}
	return users, nil
}

// UserByUsername finds a user by Telegram username, case-insensitively.
func (db *DB) UserByUsername(ctx context.Context, username string) (domain.User, error) {
	rows, _ := db.pool.Query(ctx, `select `+userColumns+` from users where lower(username) = lower($1)`, username)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if err != nil {
		return domain.User{}, mapError(err)
	}
	return u, nil
}

// ReminderNotices words the messages of one due reminder of an active
// task; storage enqueues them in the transaction that marks it sent.
type ReminderNotices func(ctx context.Context, in TxReads, r domain.Reminder, t domain.Task) ([]domain.OutMessage, error)

// SendDueReminders enqueues the messages notices words for every
// reminder due by now, each in its own transaction that also marks it
// sent: a reminder is enqueued exactly once, and a crash in between leaves it due for the next run. Rows
// locked by another process are skipped, not waited for.
func (db *DB) SendDueReminders(ctx context.Context, now time.Time, limit int, notices ReminderNotices) (int, error) {
	sent := 0
	for sent < limit {
		done := false
		err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			var r domain.Reminder
			var kind string
			err := tx.QueryRow(ctx, `select id, task_id, kind, due_at from task_reminders
				where sent_at is null and due_at <= $1 order by due_at, id limit 1 for update skip locked`, now).
				Scan(&r.ID, &r.TaskID, &kind, &r.At)
			if errors.Is(err, pgx.ErrNoRows) {
				done = true
				return nil
			}
			if err != nil {
				return err
			}
			r.Kind = domain.ReminderKind(kind)
			t, err := taskByID(ctx, tx, r.TaskID, "")
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `update task_reminders set sent_at = now() where id = $1`, r.ID); err != nil {
				return err
			}
			if !t.Status.Active() {
				return nil // finished meanwhile: nothing to remind of
			}
			msgs, err := notices(ctx, txReads{tx}, r, t)
			if err != nil {
				return err
			}
			return db.send(ctx, tx, msgs)
		})
		if err != nil {
			return sent, fmt.Errorf("send due reminders: %w", err)
		}
		if done {
			return sent, nil
		}
		sent++
	}
	return sent, nil
}

// AddReminder plans one extra reminder, e.g. a snoozed one.
func (db *DB) AddReminder(ctx context.Context, r domain.Reminder) error {
	_, err := db.pool.Exec(ctx, `insert into task_reminders (task_id, kind, due_at) values ($1, $2, $3)
		on conflict (task_id, kind, due_at) do nothing`, r.TaskID, string(r.Kind), r.At)
	if err != nil {
		return fmt.Errorf("add reminder: %w", mapError(err))
	}
	return nil
}
