-- +goose Up
-- Process improvement ideas get their whole life: statuses from new to
-- implemented (or rejected, or merged into another idea), a status
-- history, the mined process and the estimate of hours saved, anonymity,
-- an attachment kept by Telegram file_id, the task created for them, and
-- their posts in the ideas group, which votes edit.
alter table ideas drop constraint ideas_status_check;
update ideas set status = 'new' where status = 'submitted';
alter table ideas alter column status set default 'new';
alter table ideas add constraint ideas_status_check check (status in
    ('new', 'under_review', 'accepted', 'in_progress', 'implemented', 'rejected', 'duplicate'));
alter table ideas rename column body to description;
alter table ideas
    add constraint ideas_description_length check (length(description) <= 2000),
    add column process_id      bigint references mining_processes (id) on delete set null,
    add column hours_saved     double precision not null default 0 check (hours_saved >= 0),
    add column anonymous       boolean not null default false,
    add column attachment_id   text not null default '',
    add column attachment_kind text not null default '' check (attachment_kind in ('', 'photo', 'document')),
    add column source_chat     bigint,
    add column duplicate_of    bigint references ideas (id),
    add column task_id         bigint unique references tasks (id) on delete set null,
    add constraint ideas_duplicate_has_original check ((status = 'duplicate') = (duplicate_of is not null));
-- The rolling-hour limit counts an author's recent ideas.
create index ideas_author_created_idx on ideas (author_id, created_at);
create index ideas_status_created_idx on ideas (status, created_at desc);

create table idea_events (
    id           bigserial primary key,
    idea_id      bigint not null references ideas (id) on delete cascade,
    actor_id     bigint references users (id),
    from_status  text not null default '',
    to_status    text not null,
    reason       text not null default '',
    duplicate_of bigint references ideas (id),
    at           timestamptz not null default now()
);
create index idea_events_idea_idx on idea_events (idea_id, id);
create index idea_events_at_idx on idea_events (at);

-- The one ideas group.
create table idea_group (
    singleton boolean primary key default true check (singleton),
    chat_id   bigint not null,
    title     text not null default '',
    trusted   boolean not null default false,
    set_by    bigint references users (id),
    set_at    timestamptz not null default now()
);

-- Messages that show an idea, as Telegram numbered them on delivery.
create table idea_posts (
    chat_id    bigint not null,
    message_id bigint not null,
    idea_id    bigint not null references ideas (id) on delete cascade,
    posted_at  timestamptz not null default now(),
    primary key (chat_id, message_id)
);
create index idea_posts_idea_idx on idea_posts (idea_id);

-- The outbox's coalesced edits of posted messages. pending says a change
-- came that no edit job has rendered yet: only the change that sets it
-- enqueues the job, so a burst writes the row once per edit.
create table outbox_edits (
    chat_id    bigint not null,
    message_id bigint not null,
    ref        text not null,
    pending    boolean not null default true,
    edits      bigint not null default 0, -- edits sent, for the figures
    gone       boolean not null default false, -- the message was deleted: no more edits
    updated_at timestamptz not null default now(),
    primary key (chat_id, message_id)
);

-- /idea dialogs under way, one per person and chat.
create table idea_drafts (
    user_id    bigint not null references users (id) on delete cascade,
    chat_id    bigint not null,
    step       text not null default '',
    draft      jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, chat_id)
);

-- +goose Down
drop table idea_drafts;
drop table outbox_edits;
drop table idea_posts;
drop table idea_group;
drop table idea_events;
drop index ideas_status_created_idx;
drop index ideas_author_created_idx;
alter table ideas drop constraint ideas_duplicate_has_original;
update ideas set status = 'submitted' where status in ('new', 'under_review');
update ideas set status = 'accepted' where status in ('in_progress', 'implemented');
update ideas set status = 'rejected' where status = 'duplicate';
alter table ideas drop column task_id, drop column duplicate_of,
    drop column source_chat, drop column attachment_kind, drop column attachment_id,
    drop column anonymous, drop column hours_saved, drop column process_id,
    drop constraint ideas_description_length;
alter table ideas rename column description to body;
alter table ideas drop constraint ideas_status_check;
alter table ideas alter column status set default 'submitted';
alter table ideas add constraint ideas_status_check check (status in ('submitted', 'accepted', 'rejected'));
