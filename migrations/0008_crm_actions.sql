-- +goose Up
-- A bot user who is also an amoCRM user: deals' messages reach them in
-- Telegram, and "my deals" shows theirs.
alter table users add column crm_user_id bigint;
create unique index users_crm_user_idx on users (crm_user_id) where crm_user_id is not null;

-- Every change made to amoCRM from the bot: who, what, when, and how it
-- ended.
create table crm_writes (
    id       bigserial primary key,
    actor_id bigint references users (id),
    action   text not null,
    lead_id  bigint,
    detail   text not null default '',
    result   text not null default '',
    at       timestamptz not null default now()
);
create index crm_writes_lead_idx on crm_writes (lead_id, at);

-- A question the bot asked and waits for a typed answer to (a deal's new
-- price, a message to a deal's responsible): one per user.
create table pending_inputs (
    user_id    bigint primary key references users (id) on delete cascade,
    chat_id    bigint not null,
    kind       text not null,
    ref_id     bigint not null,
    created_at timestamptz not null default now()
);

-- +goose Down
drop table pending_inputs;
drop table crm_writes;
drop index users_crm_user_idx;
alter table users drop column crm_user_id;
