-- +goose Up
-- An employee's dashboard and lists count the tasks they are assigned or
-- wrote: with an index on each side the planner ORs two index scans
-- instead of reading every task. The urgent list (active tasks by
-- priority, then the nearest deadline) reads its first rows off an index
-- in that order rather than sorting every active task.
create index tasks_author_idx on tasks (author_id);
create index tasks_urgent_idx on tasks
    ((case priority when 'high' then 0 when 'medium' then 1 else 2 end), deadline nulls last, id)
    where status in ('new', 'in_progress', 'review');

-- +goose Down
drop index tasks_urgent_idx;
drop index tasks_author_idx;
