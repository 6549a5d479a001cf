-- +goose Up
-- Where the amoCRM mirror stands, one row per list the sync copies. A pass
-- is one walk through a list, full or from a cursor; its pages commit
-- together with the row they came with, so an interrupted pass resumes at
-- resume_page + 1 with the same query (pass_full, pass_from).
create table crm_sync_state (
    entity          text primary key
                    check (entity in ('users', 'pipelines', 'companies', 'leads', 'tasks', 'deleted_leads')),
    -- amoCRM updated_at up to which the mirror is complete; incremental
    -- passes read from here minus a small overlap for clock skew.
    cursor_at       timestamptz,
    full_done       boolean not null default false, -- a full pass has completed once
    full_at         timestamptz,                    -- when the last full pass completed
    -- The pass in progress or interrupted; pass_started_at is null when none.
    pass_full       boolean not null default false,
    pass_from       timestamptz,                    -- lower bound of updated_at, null for a full pass
    pass_started_at timestamptz,                    -- database clock, like synced_at below
    pass_max        timestamptz,                    -- newest updated_at committed in the pass
    resume_page     int not null default 0 check (resume_page >= 0), -- last committed page
    -- The last run, for the admins' status screen.
    started_at      timestamptz,
    finished_at     timestamptz,
    succeeded_at    timestamptz,
    rows_synced     int not null default 0,
    last_error      text not null default '',
    -- Not tried again before this, e.g. users on a token without admin rights.
    skip_until      timestamptz
);
insert into crm_sync_state (entity)
values ('users'), ('pipelines'), ('companies'), ('leads'), ('tasks'), ('deleted_leads');

-- When the sync last saw the row in amoCRM; null for rows loaded otherwise
-- (the demo). Rows a full pass did not see, and leads not seen for a long
-- time, are looked up by ID: those amoCRM no longer returns are gone.
alter table crm_leads add column synced_at timestamptz;
alter table crm_tasks add column synced_at timestamptz;
create index crm_leads_synced_idx on crm_leads (synced_at nulls first, id) where not deleted;
create index crm_tasks_synced_idx on crm_tasks (synced_at nulls first, id);

-- +goose Down
drop index crm_tasks_synced_idx;
drop index crm_leads_synced_idx;
alter table crm_tasks drop column synced_at;
alter table crm_leads drop column synced_at;
drop table crm_sync_state;
