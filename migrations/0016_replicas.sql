-- +goose Up
-- Updates Telegram delivered to the webhook, kept until they are handled.
-- A row is written before Telegram gets its 200, so a crash loses none;
-- the primary key makes a redelivery, or the same update reaching a second
-- replica, a no-op. Handled rows stay a few days for that dedupe, then go.
create table telegram_updates (
    update_id     bigint primary key,
    -- The order key: one chat's updates are handled one after another, in
    -- update_id order. 0 for the rare update that names no chat.
    chat_id       bigint not null,
    body          jsonb not null,
    received_at   timestamptz not null default now(),
    -- A worker's claim: while claimed_until is in the future nobody else
    -- takes the row; a claim of a crashed process simply runs out.
    claimed_by    text,
    claimed_until timestamptz,
    attempts      integer not null default 0,
    done_at       timestamptz
);
create index telegram_updates_waiting on telegram_updates (chat_id, update_id) where done_at is null;
create index telegram_updates_done on telegram_updates (done_at) where done_at is not null;

-- Turns of rate limits that hold for the whole deployment rather than
-- per process: next_at is when the next request may leave. Taking a turn
-- moves it on by the limit's interval in one statement, so replicas
-- sharing a limit queue up in the database, on its clock.
create table rate_turns (
    name    text primary key,
    next_at timestamptz not null
);

-- +goose Down
drop table rate_turns;
drop table telegram_updates;
