-- +goose Up
-- The notification outbox (package notify). The jobs that do the sending
-- live in River's tables, which River's own migrator creates; these tables
-- hold what must outlive a job: pictures shared by many messages, and what
-- became of every message.

-- Pictures and files, stored once however many messages carry them: a
-- digest to a thousand subscribers references one row, not a thousand
-- copies.
create table outbox_blobs (
    sha256     bytea primary key,                -- content address of data
    data       bytea not null,
    tg_file_id text,                             -- Telegram's file_id after the first upload
    created_at timestamptz not null default now()
);

-- One row per message ever enqueued, keyed by the caller's idempotency
-- key. It dedupes enqueues for longer than River keeps finished jobs, and
-- it is what batch reports read.
create table outbox_messages (
    key          text primary key,
    batch        text,                           -- fan-outs reported together; null for single messages
    channel      text not null check (channel in ('telegram', 'email')),
    recipient    text not null,                  -- chat ID or e-mail address, as enqueued
    state        text not null default 'queued'
                 check (state in ('queued', 'sending', 'retrying', 'delivered', 'failed')),
    attempts     int not null default 0,         -- sends started
    uncertain    boolean not null default false, -- a send started whose outcome was never recorded
    reason       text not null default '',       -- why it failed, in words a user understands
    error        text not null default '',       -- the last error as the server gave it
    delivered_to text not null default '',       -- chat ID actually used, after a group migration
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    delivered_at timestamptz
);
create index outbox_messages_batch_idx on outbox_messages (batch) where batch is not null;

-- A group that became a supergroup keeps its row, pointing at the new chat.
alter table chats add column migrated_to bigint;

-- False once Telegram said the user blocked the bot or deleted the account;
-- whoever sees the user write again sets it back.
alter table users add column reachable boolean not null default true;

-- +goose Down
alter table users drop column reachable;
alter table chats drop column migrated_to;
drop table outbox_messages;
drop table outbox_blobs;
