package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// TxReads is what the wording of a write's messages may read inside the
// write's transaction.
type TxReads interface {
	User(ctx context.Context, id int64) (domain.User, error)
}

// TaskWrite is one stored task write: the task before (zero for a new
// one) and after, and the ID of its latest history entry, which names the
// change.
type TaskWrite struct {
	Old, New domain.Task
	Event    int64
}

// TaskNotices words the messages a task write causes. It runs inside the
// write's transaction, after the task is stored, and storage enqueues what
// it returns in that transaction: a message exists if and only if the
// change does.
type TaskNotices func(ctx context.Context, in TxReads, w TaskWrite) ([]domain.OutMessage, error)

// ReminderPlan computes a task's reminders from its stored state.
type ReminderPlan func(domain.Task) []domain.Reminder

// taskSelect reads tasks with their assignee's name and the time zone of
// whoever gets their reminders: the assignee, else the author.
const taskSelect = taskColumns + ` from tasks t` + taskJoins

// taskColumns and taskJoins read tasks t as scanTask wants them, from the
// table or from a subset of it taken first.
const (
	taskColumns = `
	select t.id, t.title, t.description, t.priority, t.status, coalesce(t.assignee_id, 0),
		coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username, ''),
		coalesce(t.author_id, 0), t.deadline, t.created_at, t.updated_at, t.last_activity,
		coalesce(case when t.assignee_id is null then au.time_zone else u.time_zone end, '')`
	taskJoins = `
	left join users u on u.id = t.assignee_id left join users au on au.id = t.author_id`
)

// Task returns one task.
func (db *DB) Task(ctx context.Context, id int64) (domain.Task, error) {
	return taskByID(ctx, db.pool, id, "")
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func taskByID(ctx context.Context, q querier, id int64, lock string) (domain.Task, error) {
	rows, _ := q.Query(ctx, taskSelect+` where t.id = $1 `+lock, id)
	t, err := pgx.CollectExactlyOneRow(rows, scanTask)
	if err != nil {
		return domain.Task{}, mapError(err)
	}
	return t, nil
}

// CreateTask stores a new task, its first history entry and its
// reminders, and enqueues the messages notices words in the same
// transaction.
func (db *DB) CreateTask(ctx context.Context, t domain.Task, actorID int64, plan ReminderPlan, notices TaskNotices) (domain.Task, error) {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// The stored task is read back, with its people's names, by the
		// same statement.
		rows, _ := tx.Query(ctx, `with t as (
				insert into tasks (title, description, priority, status, assignee_id, author_id, deadline,
					created_at, updated_at, last_activity)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8) returning *)`+taskColumns+` from t`+taskJoins,
			t.Title, t.Description, string(t.Priority), string(t.Status), nullID(t.AssigneeID), nullID(t.AuthorID),
			nullTime(t.Deadline), t.CreatedAt)
		var err error
		if t, err = pgx.CollectExactlyOneRow(rows, scanTask); err != nil {
			return mapError(err)
		}
		id := t.ID
		event, err := addEvents(ctx, tx, actorID, t.CreatedAt, []domain.TaskEvent{{TaskID: id, Field: "created", New: t.Title}})
		if err != nil {
			return err
		}
		if err := planReminders(ctx, tx, id, plan(t)); err != nil { // a new task has none to replace
			return err
		}
		return db.tellTask(ctx, tx, notices, domain.Task{}, t, event)
	})
	if err != nil {
		return domain.Task{}, fmt.Errorf("create task: %w", err)
	}
	return t, nil
}

// UpdateTask changes a task under a row lock: change sees the current
// version and may refuse (a domain error). What changed is written to the
// history at now, reminders are planned again, and the messages notices
// words are enqueued in the transaction.
func (db *DB) UpdateTask(ctx context.Context, id, actorID int64, now time.Time, change func(*domain.Task) error, plan ReminderPlan, notices TaskNotices) (old, new domain.Task, err error) {
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if old, err = taskByID(ctx, tx, id, "for update of t"); err != nil {
			return err
		}
		new = old
		if err := change(&new); err != nil {
			return err
		}
		events := domain.Diff(old, new)
		if len(events) == 0 {
			return nil
		}
		_, err := tx.Exec(ctx, `update tasks set title = $2, description = $3, priority = $4, status = $5,
				assignee_id = $6, deadline = $7, updated_at = $8, last_activity = $8,
				done_at = case when $5 = 'done' then coalesce(done_at, $8) else null end
			where id = $1`,
			id, new.Title, new.Description, string(new.Priority), string(new.Status), nullID(new.AssigneeID),
			nullTime(new.Deadline), now)
		if err != nil {
			return mapError(err)
		}
		if new, err = taskByID(ctx, tx, id, ""); err != nil {
			return err
		}
		event, err := addEvents(ctx, tx, actorID, now, events)
		if err != nil {
			return err
		}
		if err := replaceReminders(ctx, tx, id, plan(new)); err != nil {
			return err
		}
		return db.tellTask(ctx, tx, notices, old, new, event)
	})
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return old, old, err
		}
		return old, old, fmt.Errorf("update task %d: %w", id, err)
	}
	return old, new, nil
}

// tellTask enqueues in tx the messages notices words about a write.
func (db *DB) tellTask(ctx context.Context, tx pgx.Tx, notices TaskNotices, old, new domain.Task, event int64) error {
	if notices == nil {
		return nil
	}
	msgs, err := notices(ctx, txReads{tx}, TaskWrite{Old: old, New: new, Event: event})
	if err != nil {
		return err
	}
	return db.send(ctx, tx, msgs)
}

// addEvents writes events to the history and returns the ID of the last:
// the task's newest event, since its writers hold the task's row.
func addEvents(ctx context.Context, tx pgx.Tx, actorID int64, at time.Time, events []domain.TaskEvent) (last int64, err error) {
	for _, e := range events {
		err := tx.QueryRow(ctx, `insert into task_events (task_id, actor_id, field, old, new, at)
			values ($1, $2, $3, $4, $5, $6) returning id`,
			e.TaskID, nullID(actorID), e.Field, e.Old, e.New, at).Scan(&last)
		if err != nil {
			return 0, fmt.Errorf("task history: %w", err)
		}
	}
	return last, nil
}

// replaceReminders drops the task's unsent planned reminders and plans
// the new ones. Sent ones stay as the record that they went out (and keep
// an overdue alert from going out twice); a snooze stays too: it is the
// person's own request, which an edit of the task does not take back.
func replaceReminders(ctx context.Context, tx pgx.Tx, taskID int64, plan []domain.Reminder) error {
	if _, err := tx.Exec(ctx, `delete from task_reminders where task_id = $1 and sent_at is null and kind <> $2`,
		taskID, string(domain.RemindSnoozed)); err != nil {
		return fmt.Errorf("drop reminders: %w", err)
	}
	return planReminders(ctx, tx, taskID, plan)
}

// planReminders stores planned reminders, leaving any already planned.
func planReminders(ctx context.Context, tx pgx.Tx, taskID int64, plan []domain.Reminder) error {
	if len(plan) == 0 {
		return nil
	}
	kinds, dues := make([]string, len(plan)), make([]time.Time, len(plan))
	for i, r := range plan {
		kinds[i], dues[i] = string(r.Kind), r.At
	}
	// One statement for the whole plan: a new task has three reminders.
	_, err := tx.Exec(ctx, `insert into task_reminders (task_id, kind, due_at)
		select $1, kind, due_at from unnest($2::text[], $3::timestamptz[]) as r(kind, due_at)
		on conflict (task_id, kind, due_at) do nothing`, taskID, kinds, dues)
	if err != nil {
		return fmt.Errorf("plan reminders: %w", err)
	}
	return nil
}

// TaskHistory lists a task's changes, newest first.
func (db *DB) TaskHistory(ctx context.Context, id int64, limit int) ([]domain.TaskEvent, error) {
	rows, _ := db.pool.Query(ctx, `select e.task_id, coalesce(e.actor_id, 0),
			coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username, ''), e.field, e.old, e.new, e.at
		from task_events e left join users u on u.id = e.actor_id
		where e.task_id = $1 order by e.at desc, e.id desc limit $2`, id, limit)
	ev, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.TaskEvent, error) {
		var e domain.TaskEvent
		err := row.Scan(&e.TaskID, &e.ActorID, &e.ActorName, &e.Field, &e.Old, &e.New, &e.At)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("task history %d: %w", id, err)
	}
	return ev, nil
}
