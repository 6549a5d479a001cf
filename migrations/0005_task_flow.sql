-- +goose Up
-- Every change to a task, for its history.
create table task_events (
    id       bigserial primary key,
    task_id  bigint not null references tasks (id) on delete cascade,
    actor_id bigint references users (id),
    field    text not null,
    old      text not null default '',
    new      text not null default '',
    at       timestamptz not null default now()
);
create index task_events_task_idx on task_events (task_id, at);

-- Planned reminders. A row is sent once: sent_at is set in the same
-- transaction that puts the message into the outbox.
create table task_reminders (
    id      bigserial primary key,
    task_id bigint not null references tasks (id) on delete cascade,
    kind    text not null,
    due_at  timestamptz not null,
    sent_at timestamptz,
    unique (task_id, kind, due_at)
);
create index task_reminders_due_idx on task_reminders (due_at) where sent_at is null;

-- A task being created step by step with buttons: one draft per user, so
-- nothing is saved half-way and a restart does not lose the answers.
create table task_drafts (
    user_id     bigint primary key references users (id) on delete cascade,
    chat_id     bigint not null,
    step        text not null,
    title       text not null default '',
    priority    text not null default 'medium',
    assignee_id bigint,
    deadline    timestamptz,
    updated_at  timestamptz not null default now()
);

-- +goose Down
drop table task_drafts;
drop table task_reminders;
drop table task_events;
