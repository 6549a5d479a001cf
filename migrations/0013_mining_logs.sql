-- +goose Up
-- Task mining from event logs. Names of cases, activities and resources
-- are stored once per process and events refer to them by small integer
-- IDs, so reading a process's events for a recompute moves integers and
-- timestamps only. Events carry no foreign keys: they are loaded with
-- COPY, and storage writes them together with their names in one
-- transaction.
create table mining_processes (
    id         bigserial primary key,
    name       text not null unique check (length(name) between 1 and 200),
    next_seq   bigint not null default 0, -- the seq the next imported event gets
    created_at timestamptz not null default now()
);

-- A file imports once: its content hash is unique.
create table mining_imports (
    id           bigserial primary key,
    process_id   bigint not null references mining_processes (id) on delete cascade,
    content_hash bytea not null unique,
    events_read  int not null,
    events_added int not null,
    imported_at  timestamptz not null default now()
);

create table mining_cases (
    process_id bigint not null references mining_processes (id) on delete cascade,
    id         int not null,
    name       text not null,
    primary key (process_id, id),
    unique (process_id, name)
);

-- An activity with the manager's overrides, which win over the log.
create table mining_activities (
    process_id       bigint not null references mining_processes (id) on delete cascade,
    id               int not null,
    name             text not null,
    standard_seconds double precision check (standard_seconds >= 0),
    share            double precision check (share between 0 and 1),
    primary key (process_id, id),
    unique (process_id, name)
);

create table mining_resources (
    process_id bigint not null references mining_processes (id) on delete cascade,
    id         int not null,
    name       text not null,
    primary key (process_id, id),
    unique (process_id, name)
);

-- lifecycle: 0 none, 1 start, 2 complete, 3 other (domain.Lifecycle).
-- seq is the event's position in its process's files in import order.
create table mining_events (
    process_id  bigint not null,
    case_id     int not null,
    activity_id int not null,
    at          timestamptz not null,
    started_at  timestamptz,
    lifecycle   smallint not null default 0,
    resource_id int,
    seq         bigint not null
);
-- Reading a process. A one-column index: btree deduplication keeps it
-- small and cheap to maintain under COPY; a newer export finds what is
-- already there with a hash anti-join over the process's events.
create index mining_events_process_idx on mining_events (process_id);

-- Results of the last recompute, one set per process.
create table mining_results (
    process_id          bigint primary key references mining_processes (id) on delete cascade,
    computed_at         timestamptz not null,
    events              bigint not null,
    cases               int not null,
    activities          int not null,
    variants            int not null,
    first_at            timestamptz,
    last_at             timestamptz,
    median_throughput_s double precision not null,
    mean_throughput_s   double precision not null,
    rework_share        double precision not null,
    operations_per_year double precision not null,
    hours_per_year      double precision not null,
    potential_hours     double precision not null,
    fte                 double precision not null,
    fte_hours           double precision not null
);
create index mining_results_potential_idx on mining_results (potential_hours desc, process_id);

create table mining_result_variants (
    process_id bigint not null references mining_processes (id) on delete cascade,
    rank       int not null,
    cases      int not null,
    share      double precision not null,
    activities text[] not null,
    primary key (process_id, rank)
);

create table mining_result_activities (
    process_id      bigint not null references mining_processes (id) on delete cascade,
    activity_id     int not null,
    rank            int not null, -- by potential, most first
    executions      bigint not null,
    cases           int not null,
    rework_cases    int not null,
    starts          int not null,
    ends            int not null,
    per_year        double precision not null,
    mean_seconds    double precision not null,
    service_source  text not null,
    hours_per_year  double precision not null,
    share           double precision not null,
    share_source    text not null,
    potential_hours double precision not null,
    primary key (process_id, activity_id)
);

create table mining_result_edges (
    process_id   bigint not null references mining_processes (id) on delete cascade,
    rank         int not null, -- by count, most first
    from_id      int not null,
    to_id        int not null,
    count        bigint not null,
    mean_seconds double precision not null,
    primary key (process_id, rank)
);

-- +goose Down
drop table mining_result_edges;
drop table mining_result_activities;
drop table mining_result_variants;
drop table mining_results;
drop table mining_events;
drop table mining_resources;
drop table mining_activities;
drop table mining_cases;
drop table mining_imports;
drop table mining_processes;
