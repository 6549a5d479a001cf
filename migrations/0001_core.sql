-- +goose Up
create table users (
    id            bigint primary key,           -- Telegram user ID
    username      text not null default '',
    first_name    text not null default '',
    last_name     text not null default '',
    language_code text not null default '',
    lang          text not null default '' check (lang in ('', 'ru', 'en')),
    role          text not null default 'pending'
                  check (role in ('pending', 'rejected', 'employee', 'manager', 'admin')),
    access_requested_at timestamptz,            -- first /start of a pending user: admins were asked
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index users_role_idx on users (role);

create table chats (
    id         bigint primary key,              -- Telegram chat ID
    type       text not null,                   -- private, group, supergroup, channel
    title      text not null default '',
    active     boolean not null default true,   -- false once the bot was blocked or kicked
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table settings (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);

-- +goose Down
drop table settings;
drop table chats;
drop table users;
