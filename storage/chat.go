package storage

import (
	"context"
	"fmt"

	"processet/domain"
)

// TouchChat records a chat the bot is in; digests to groups need it later.
func (db *DB) TouchChat(ctx context.Context, id int64, typ, title string) error {
	_, err := db.pool.Exec(ctx, `
		insert into chats (id, type, title) values ($1, $2, $3)
		on conflict (id) do update set type = excluded.type, title = excluded.title, active = true,
			updated_at = now()
		where (chats.type, chats.title, chats.active) is distinct from (excluded.type, excluded.title, true)`,
		id, typ, title)
	if err != nil {
		return fmt.Errorf("touch chat %d: %w", id, err)
	}
	return nil
}

// Counts counts rows in the main tables.
func (db *DB) Counts(ctx context.Context) (domain.Counts, error) {
	var c domain.Counts
	err := db.pool.QueryRow(ctx, `select
		(select count(*) from chats), (select count(*) from crm_deals where not deleted),
		(select count(*) from crm_companies), (select count(*) from crm_tasks),
		(select count(*) from mining_processes), (select count(*) from mining_events),
		(select count(*) from ideas), (select count(*) from idea_votes)`).
		Scan(&c.Chats, &c.Deals, &c.Companies, &c.CRMTasks, &c.MiningProcesses, &c.MiningEvents, &c.Ideas, &c.Votes)
	if err != nil {
		return domain.Counts{}, fmt.Errorf("count rows: %w", err)
	}
	byStatus, err := db.TaskStatusCounts(ctx, 0)
	if err != nil {
		return domain.Counts{}, err
	}
	c.Tasks, _ = domain.TaskTotals(byStatus)
	c.TasksCancelled = byStatus[domain.TaskCancelled]
	return c, nil
}
