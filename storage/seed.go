package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// Seed is a whole data set for the areas, loaded at once: the demo
// company, or fixtures in tests. Task Mining has no rows here: its data
// are event logs, imported through the mining service (demo.Load imports
// the demo's after the seed). IDs of tasks and ideas are kept as given so
// votes can refer to ideas.
type Seed struct {
	Users      []domain.User
	CRMUsers   []domain.CRMUser
	Pipelines  []domain.Pipeline
	Companies  []domain.Company
	Deals      []domain.Deal
	CRMTasks   []domain.CRMTask
	Tasks      []domain.Task
	Ideas      []domain.Idea
	Votes      []domain.Vote
	IdeaEvents []domain.IdeaEvent // the ideas' status history; none: each idea just proposed
}

// ErrAreasNotEmpty is returned by LoadSeed when it would overwrite data.
var ErrAreasNotEmpty = fmt.Errorf("the database already has data in the dashboards' areas")

// areaTables are emptied, in this order, when a seed replaces the data.
var areaTables = []string{"idea_votes", "ideas", "mining_events", "mining_processes",
	"task_drafts", "tasks", "crm_tasks", "crm_deals", "crm_companies", "crm_statuses", "crm_pipelines", "crm_users"}

// LoadSeed loads s in one transaction. Without replace it refuses to touch
// a database whose areas already hold data, so a mistyped command cannot
// wipe a company's real tasks. Users are added, never removed or changed.
func (db *DB) LoadSeed(ctx context.Context, s Seed, replace bool) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if replace {
			for _, t := range areaTables {
				if _, err := tx.Exec(ctx, `delete from `+t); err != nil {
					return fmt.Errorf("empty %s: %w", t, err)
				}
			}
			// The CRM mirror is gone: the next amoCRM sync starts over
			// with a full pass instead of reading only recent changes.
			if _, err := tx.Exec(ctx, `update crm_sync_state set cursor_at = null, full_done = false,
				pass_started_at = null, pass_from = null, pass_max = null, resume_page = 0`); err != nil {
				return fmt.Errorf("reset crm sync: %w", err)
			}
		} else {
			var used bool
			err := tx.QueryRow(ctx, `select exists (select 1 from crm_deals) or exists (select 1 from tasks)
				or exists (select 1 from mining_processes)
				or exists (select 1 from ideas)`).Scan(&used)
			if err != nil {
				return fmt.Errorf("check areas: %w", err)
			}
			if used {
				return ErrAreasNotEmpty
			}
		}
		for _, step := range []func(context.Context, pgx.Tx, Seed) error{
			seedUsers, seedCRM, seedDeals, seedTasks, seedIdeas,
		} {
			if err := step(ctx, tx, s); err != nil {
				return err
			}
		}
		// Serial columns must continue after the IDs the seed chose.
		for _, t := range []string{"tasks", "ideas"} {
			if _, err := tx.Exec(ctx, `select setval(pg_get_serial_sequence('`+t+`', 'id'),
				greatest((select max(id) from `+t+`), 1))`); err != nil {
				return fmt.Errorf("reset %s ids: %w", t, err)
			}
		}
		return nil
	})
}

func seedUsers(ctx context.Context, tx pgx.Tx, s Seed) error {
	for _, u := range s.Users {
		_, err := tx.Exec(ctx, `insert into users (id, username, first_name, last_name, language_code, role)
			values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
			u.ID, u.Username, u.FirstName, u.LastName, u.LanguageCode, string(u.Role))
		if err != nil {
			return fmt.Errorf("seed user %d: %w", u.ID, err)
		}
	}
	return nil
}

func seedCRM(ctx context.Context, tx pgx.Tx, s Seed) error {
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"crm_users"}, []string{"id", "name", "email", "inactive"},
		pgx.CopyFromSlice(len(s.CRMUsers), func(i int) ([]any, error) {
			u := s.CRMUsers[i]
			return []any{u.ID, u.Name, u.Email, u.Inactive}, nil
		})); err != nil {
		return fmt.Errorf("seed crm users: %w", err)
	}
	for _, p := range s.Pipelines {
		if _, err := tx.Exec(ctx, `insert into crm_pipelines (id, name, is_main) values ($1, $2, $3)`,
			p.ID, p.Name, p.Main); err != nil {
			return fmt.Errorf("seed pipeline %d: %w", p.ID, err)
		}
		for _, st := range p.Statuses {
			if _, err := tx.Exec(ctx, `insert into crm_statuses (id, pipeline_id, name, sort, color)
				values ($1, $2, $3, $4, $5)`, st.ID, p.ID, st.Name, st.Sort, st.Color); err != nil {
				return fmt.Errorf("seed status %d: %w", st.ID, err)
			}
		}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"crm_companies"}, []string{"id", "name"},
		pgx.CopyFromSlice(len(s.Companies), func(i int) ([]any, error) {
			return []any{s.Companies[i].ID, s.Companies[i].Name}, nil
		}))
	if err != nil {
		return fmt.Errorf("seed companies: %w", err)
	}
	return nil
}

func seedDeals(ctx context.Context, tx pgx.Tx, s Seed) error {
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"crm_deals"},
		[]string{"id", "name", "price", "pipeline_id", "status_id", "responsible_user_id", "company_id",
			"created_at", "updated_at", "closed_at"},
		pgx.CopyFromSlice(len(s.Deals), func(i int) ([]any, error) {
			d := s.Deals[i]
			return []any{d.ID, d.Name, d.Price, d.PipelineID, d.StatusID, d.ResponsibleID,
				nullID(d.CompanyID), d.CreatedAt, d.UpdatedAt, nullTime(d.ClosedAt)}, nil
		}))
	if err != nil {
		return fmt.Errorf("seed deals: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"crm_tasks"},
		[]string{"id", "deal_id", "text", "task_type_id", "responsible_user_id", "complete_till",
			"is_completed", "created_at", "updated_at"},
		pgx.CopyFromSlice(len(s.CRMTasks), func(i int) ([]any, error) {
			t := s.CRMTasks[i]
			return []any{t.ID, nullID(t.DealID), t.Text, t.TypeID, t.ResponsibleID, t.CompleteTill,
				t.Completed, t.CreatedAt, t.UpdatedAt}, nil
		}))
	if err != nil {
		return fmt.Errorf("seed crm tasks: %w", err)
	}
	return nil
}

func seedTasks(ctx context.Context, tx pgx.Tx, s Seed) error {
	for _, t := range s.Tasks {
		var doneAt any
		if t.Status == domain.TaskDone {
			doneAt = t.LastActivity
		}
		_, err := tx.Exec(ctx, `insert into tasks (id, title, description, priority, status, assignee_id,
				author_id, deadline, done_at, created_at, updated_at, last_activity)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			t.ID, t.Title, t.Description, string(t.Priority), string(t.Status), nullID(t.AssigneeID),
			nullID(t.AuthorID), nullTime(t.Deadline), doneAt, t.CreatedAt, t.UpdatedAt, t.LastActivity)
		if err != nil {
			return fmt.Errorf("seed task %d: %w", t.ID, err)
		}
	}
	return nil
}

func seedIdeas(ctx context.Context, tx pgx.Tx, s Seed) error {
	// Originals first: a duplicate refers to its original.
	for _, dup := range []bool{false, true} {
		for _, i := range s.Ideas {
			if (i.DuplicateOf != 0) != dup {
				continue
			}
			_, err := tx.Exec(ctx, `insert into ideas (id, title, description, process, process_id, hours_saved, anonymous,
					author_id, status, duplicate_of, decided_at, created_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
				i.ID, i.Title, i.Description, i.Process, nullID(i.ProcessID), i.HoursSaved, i.Anonymous,
				nullID(i.AuthorID), string(i.Status), nullID(i.DuplicateOf), nullTime(i.DecidedAt), i.CreatedAt)
			if err != nil {
				return fmt.Errorf("seed idea %d: %w", i.ID, err)
			}
		}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"idea_votes"}, []string{"idea_id", "user_id", "value"},
		pgx.CopyFromSlice(len(s.Votes), func(i int) ([]any, error) {
			v := s.Votes[i]
			return []any{v.IdeaID, v.UserID, int16(v.Value)}, nil
		}))
	if err != nil {
		return fmt.Errorf("seed votes: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"idea_events"},
		[]string{"idea_id", "actor_id", "from_status", "to_status", "reason", "duplicate_of", "at"},
		pgx.CopyFromSlice(len(s.IdeaEvents), func(i int) ([]any, error) {
			e := s.IdeaEvents[i]
			return []any{e.IdeaID, nullID(e.ActorID), string(e.From), string(e.To), e.Reason, nullID(e.DuplicateOf), e.At}, nil
		}))
	if err != nil {
		return fmt.Errorf("seed idea history: %w", err)
	}
	return nil
}
