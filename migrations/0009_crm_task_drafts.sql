-- +goose Up
-- An amoCRM task being put together from a deal card: text, type,
-- responsible and deadline are chosen one by one, and nothing reaches
-- amoCRM until "Create".
create table crm_task_drafts (
    user_id        bigint primary key references users (id) on delete cascade,
    lead_id        bigint not null,
    text           text not null,
    type_id        bigint not null,
    responsible_id bigint not null default 0,
    due            timestamptz not null,
    updated_at     timestamptz not null default now()
);

-- +goose Down
drop table crm_task_drafts;
