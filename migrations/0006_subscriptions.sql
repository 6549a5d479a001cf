-- +goose Up
-- Recipients of the KPI digest: a chat or an e-mail address, on a
-- schedule in a time zone.
create table subscriptions (
    id            bigserial primary key,
    owner_id      bigint not null references users (id),
    chat_id       bigint,
    email         text,
    title         text not null default '',
    lang          text not null default 'ru' check (lang in ('ru', 'en')),
    schedule      text not null,
    tz            text not null,
    only_changed  boolean not null default false,
    last_snapshot jsonb,
    last_sent_at  timestamptz,
    last_key      text,                         -- the outbox key of the last digest: its outcome is there
    created_at    timestamptz not null default now(),
    check ((chat_id is null) <> (email is null))
);
-- One subscription per recipient and schedule: subscribing twice is a no-op.
create unique index subscriptions_recipient_idx
    on subscriptions (coalesce(chat_id, 0), coalesce(email, ''), schedule);

-- +goose Down
drop table subscriptions;
