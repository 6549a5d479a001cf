package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// TaskSummary computes the tasks dashboard: counts by status and priority
// and the most urgent active tasks.
func (db *DB) TaskSummary(ctx context.Context, q domain.DashboardQuery) (domain.TaskSummary, error) {
	s := domain.TaskSummary{ByStatus: map[domain.TaskStatus]int{}, ByPriority: map[domain.Priority]int{}, Own: q.TasksOf != 0}
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `
			select status, priority, count(*),
				count(*) filter (where status in ('new', 'in_progress', 'review') and deadline < $1),
				count(*) filter (where status = 'done' and done_at >= $2)
			from tasks t where true`+ownTasks(q.TasksOf, "$3")+`
			group by status, priority`, q.Now, q.ThisWeek(), q.TasksOf)
		var status, priority string
		var n, overdue, doneWeek int
		_, err := pgx.ForEachRow(rows, []any{&status, &priority, &n, &overdue, &doneWeek}, func() error {
			st := domain.TaskStatus(status)
			s.ByStatus[st] += n
			if st.Active() {
				s.ByPriority[domain.Priority(priority)] += n
			}
			s.Overdue += overdue
			s.DoneWeek += doneWeek
			return nil
		})
		if err != nil {
			return fmt.Errorf("task counts: %w", err)
		}
		s.Total, s.Active = domain.TaskTotals(s.ByStatus)
		s.Top, err = urgentTasks(ctx, tx, q.Limit, q.TasksOf)
		return err
	})
	if err != nil {
		return domain.TaskSummary{}, fmt.Errorf("task summary: %w", err)
	}
	return s, nil
}

// ownTasks is the condition that limits a query of tasks t to those of
// user "of" (assigned or authored), whose ID is the parameter param; ""
// for everyone's. It is left out rather than written "param = 0 or …":
// a prepared statement's generic plan cannot drop that branch, and would
// read every task for one person's handful.
func ownTasks(of int64, param string) string {
	if of == 0 {
		return " and " + param + "::bigint = 0" // the parameter is still sent
	}
	return " and (t.assignee_id = " + param + " or t.author_id = " + param + ")"
}

// urgentTasks lists active tasks by priority, then by the nearest
// deadline: everyone's, or those of the user "of" (assigned or authored).
func urgentTasks(ctx context.Context, tx pgx.Tx, limit int, of int64) ([]domain.Task, error) {
	active := `select * from tasks t where t.status in ('new', 'in_progress', 'review')` + ownTasks(of, "$2")
	if of != 0 {
		// A person's few tasks are found by their indexes first ("offset
		// 0" keeps the subquery apart). Left to itself, the planner walks
		// the urgent index in order and skips everyone else's active
		// tasks, hoping to meet five of the person's soon.
		active += ` offset 0`
	}
	rows, _ := tx.Query(ctx, taskColumns+` from (`+active+`) t`+taskJoins+`
		order by case t.priority when 'high' then 0 when 'medium' then 1 else 2 end,
			t.deadline nulls last, t.id
		limit $1`, limit, of)
	tasks, err := pgx.CollectRows(rows, scanTask)
	if err != nil {
		return nil, fmt.Errorf("urgent tasks: %w", err)
	}
	return tasks, nil
}

func scanTask(row pgx.CollectableRow) (domain.Task, error) {
	var t domain.Task
	var priority, status string
	var deadline *time.Time
	err := row.Scan(&t.ID, &t.Title, &t.Description, &priority, &status, &t.AssigneeID, &t.AssigneeName,
		&t.AuthorID, &deadline, &t.CreatedAt, &t.UpdatedAt, &t.LastActivity, &t.RemindZone)
	t.Priority, t.Status = domain.Priority(priority), domain.TaskStatus(status)
	if deadline != nil {
		t.Deadline = *deadline
	}
	return t, err
}
