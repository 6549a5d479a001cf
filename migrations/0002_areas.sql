-- +goose Up
-- CRM: a mirror of the amoCRM account, filled by the sync (or the demo).
create table crm_users (
    id    bigint primary key,                   -- amoCRM user ID
    name  text not null,
    email text not null default ''
);

create table crm_pipelines (
    id         bigint primary key,
    name       text not null,
    sort       int not null default 0,
    is_main    boolean not null default false
);

create table crm_statuses (
    id          bigint not null,
    pipeline_id bigint not null references crm_pipelines (id) on delete cascade,
    name        text not null,
    sort        int not null default 0,
    color       text not null default '',
    primary key (pipeline_id, id)
);

create table crm_companies (
    id         bigint primary key,
    name       text not null,
    updated_at timestamptz not null default now()
);

create table crm_leads (
    id                  bigint primary key,
    name                text not null,
    price               bigint not null default 0,
    pipeline_id         bigint not null,
    status_id           bigint not null,
    responsible_user_id bigint not null default 0,
    company_id          bigint,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    closed_at           timestamptz,
    deleted             boolean not null default false
);
create index crm_leads_status_idx on crm_leads (status_id) where not deleted;
create index crm_leads_updated_idx on crm_leads (updated_at);

create table crm_tasks (
    id                  bigint primary key,
    lead_id             bigint,
    text                text not null default '',
    task_type_id        bigint not null default 1,
    responsible_user_id bigint not null default 0,
    complete_till       timestamptz not null,
    is_completed        boolean not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index crm_tasks_lead_idx on crm_tasks (lead_id);

-- Tasks: the company's own tasks.
create table tasks (
    id            bigserial primary key,
    title         text not null check (length(title) between 1 and 500),
    description   text not null default '',
    priority      text not null default 'medium' check (priority in ('high', 'medium', 'low')),
    status        text not null default 'new'
                  check (status in ('new', 'in_progress', 'review', 'done', 'cancelled')),
    assignee_id   bigint references users (id),
    author_id     bigint references users (id),
    deadline      timestamptz,
    done_at       timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    last_activity timestamptz not null default now()
);
create index tasks_status_idx on tasks (status);
create index tasks_assignee_idx on tasks (assignee_id);

-- Task mining: operations aggregated from event logs, per process.
create table mining_operations (
    id            bigserial primary key,
    process       text not null,
    name          text not null,
    per_year      int not null check (per_year >= 0),
    avg_seconds   double precision not null check (avg_seconds >= 0),
    automatable   double precision not null default 0 check (automatable between 0 and 1),
    unique (process, name)
);

-- Process improvement: ideas and votes.
create table ideas (
    id         bigserial primary key,
    title      text not null check (length(title) between 1 and 300),
    body       text not null default '',
    process    text not null default '',
    author_id  bigint references users (id),
    status     text not null default 'submitted' check (status in ('submitted', 'accepted', 'rejected')),
    decided_by bigint references users (id),
    decided_at timestamptz,
    created_at timestamptz not null default now()
);

create table idea_votes (
    idea_id  bigint not null references ideas (id) on delete cascade,
    user_id  bigint not null references users (id),
    value    smallint not null check (value in (-1, 1)),
    voted_at timestamptz not null default now(),
    primary key (idea_id, user_id)
);

-- +goose Down
drop table idea_votes;
drop table ideas;
drop table mining_operations;
drop table tasks;
drop table crm_tasks;
drop table crm_leads;
drop table crm_companies;
drop table crm_statuses;
drop table crm_pipelines;
drop table crm_users;
