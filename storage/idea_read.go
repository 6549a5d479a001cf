package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"processet/domain"
)

// ideaSelect reads ideas with their author's name, the mined process's
// current name and the counts of votes. The counts are subqueries on the
// votes' primary key, cheap for a page.
const ideaSelect = `
	select i.id, i.title, i.description, coalesce(i.process_id, 0), coalesce(p.name, i.process), i.hours_saved,
		i.anonymous, coalesce(i.author_id, 0),
		coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username, ''),
		i.attachment_id, i.attachment_kind, coalesce(i.source_chat, 0), i.status, coalesce(i.duplicate_of, 0),
		coalesce(i.task_id, 0),
		(select count(*) from idea_votes v where v.idea_id = i.id and v.value > 0),
		(select count(*) from idea_votes v where v.idea_id = i.id and v.value < 0),
		i.created_at, i.decided_at
	from ideas i left join users u on u.id = i.author_id left join mining_processes p on p.id = i.process_id`

func scanIdea(row pgx.CollectableRow) (domain.Idea, error) {
	var i domain.Idea
	var status, kind string
	var decided *time.Time
	err := row.Scan(&i.ID, &i.Title, &i.Description, &i.ProcessID, &i.Process, &i.HoursSaved, &i.Anonymous,
		&i.AuthorID, &i.AuthorName, &i.Attachment.FileID, &kind, &i.SourceChat, &status, &i.DuplicateOf,
		&i.TaskID, &i.Up, &i.Down, &i.CreatedAt, &decided)
	i.Status, i.Attachment.Kind = domain.IdeaStatus(status), domain.AttachmentKind(kind)
	if decided != nil {
		i.DecidedAt = *decided
	}
	return i, err
}

func ideaByID(ctx context.Context, q querier, id int64, lock string) (domain.Idea, error) {
	rows, _ := q.Query(ctx, ideaSelect+` where i.id = $1 `+lock, id)
	i, err := pgx.CollectExactlyOneRow(rows, scanIdea)
	if err != nil {
		return domain.Idea{}, mapError(err)
	}
	return i, nil
}

// Idea returns one idea.
func (db *DB) Idea(ctx context.Context, id int64) (domain.Idea, error) {
	return ideaByID(ctx, db.pool, id, "")
}

// IdeaVoteOf is the user's vote on the idea; 0 when they have none.
func (db *DB) IdeaVoteOf(ctx context.Context, ideaID, userID int64) (domain.VoteValue, error) {
	var v int
	err := db.pool.QueryRow(ctx, `select coalesce((select value from idea_votes where idea_id = $1 and user_id = $2), 0)`,
		ideaID, userID).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("vote of %d on idea %d: %w", userID, ideaID, err)
	}
	return domain.VoteValue(v), nil
}

// IdeaHistory lists an idea's status changes, oldest first.
func (db *DB) IdeaHistory(ctx context.Context, id int64) ([]domain.IdeaEvent, error) {
	rows, _ := db.pool.Query(ctx, ideaEventSelect+` where e.idea_id = $1 order by e.id`, id)
	ev, err := pgx.CollectRows(rows, scanIdeaEvent)
	if err != nil {
		return nil, fmt.Errorf("history of idea %d: %w", id, err)
	}
	return ev, nil
}

const ideaEventSelect = `
	select e.id, e.idea_id, coalesce(e.actor_id, 0),
		coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username, ''),
		e.from_status, e.to_status, e.reason, coalesce(e.duplicate_of, 0), e.at
	from idea_events e left join users u on u.id = e.actor_id`

func scanIdeaEvent(row pgx.CollectableRow) (domain.IdeaEvent, error) {
	var e domain.IdeaEvent
	var from, to string
	err := row.Scan(&e.ID, &e.IdeaID, &e.ActorID, &e.ActorName, &from, &to, &e.Reason, &e.DuplicateOf, &e.At)
	e.From, e.To = domain.IdeaStatus(from), domain.IdeaStatus(to)
	return e, err
}

// IdeaProcess is the mined process's figures with its optimisation
// potential; domain.ErrNotFound when it has no results.
func (db *DB) IdeaProcess(ctx context.Context, processID int64) (domain.ProcessStat, error) {
	rows, _ := db.pool.Query(ctx, `
		select p.id, p.name, r.operations_per_year, r.hours_per_year, r.potential_hours
		from mining_results r join mining_processes p on p.id = r.process_id where p.id = $1`, processID)
	p, err := pgx.CollectExactlyOneRow(rows, scanProcessStat)
	if err != nil {
		return domain.ProcessStat{}, mapError(err)
	}
	return p, nil
}

// MinedProcesses lists the mined processes by name, those with the most
// potential first: what an idea may name.
func (db *DB) MinedProcesses(ctx context.Context, limit int) ([]domain.ProcessStat, error) {
	rows, _ := db.pool.Query(ctx, `
		select p.id, p.name, coalesce(r.operations_per_year, 0), coalesce(r.hours_per_year, 0),
			coalesce(r.potential_hours, 0)
		from mining_processes p left join mining_results r on r.process_id = p.id
		order by coalesce(r.potential_hours, 0) desc, p.name, p.id limit $1`, limit)
	ps, err := pgx.CollectRows(rows, scanProcessStat)
	if err != nil {
		return nil, fmt.Errorf("mined processes: %w", err)
	}
	return ps, nil
}

// Ideas is a page of ideas and how many match.
func (db *DB) Ideas(ctx context.Context, q domain.IdeaQuery) ([]domain.Idea, int, error) {
	where, args := `i.status <> 'duplicate'`, []any{}
	if q.Status != "" {
		where, args = `i.status = $1`, append(args, string(q.Status))
	}
	order := `i.created_at desc, i.id desc`
	if q.Order == domain.IdeasByVotes {
		order = `score desc, up desc, i.created_at desc, i.id desc`
	}
	var total int
	if err := db.pool.QueryRow(ctx, `select count(*) from ideas i where `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count ideas: %w", err)
	}
	n := len(args)
	rows, _ := db.pool.Query(ctx, `
		with page as (
			select i.id,
				coalesce(sum(v.value), 0) as score, count(v.*) filter (where v.value > 0) as up
			from ideas i left join idea_votes v on v.idea_id = i.id
			where `+where+`
			group by i.id
			order by `+order+`
			offset $`+fmt.Sprint(n+1)+` limit $`+fmt.Sprint(n+2)+`)
		`+ideaSelect+` join page on page.id = i.id order by `+order,
		append(args, q.Offset, q.Limit)...)
	list, err := pgx.CollectRows(rows, scanIdea)
	if err != nil {
		return nil, 0, fmt.Errorf("ideas: %w", err)
	}
	return list, total, nil
}
