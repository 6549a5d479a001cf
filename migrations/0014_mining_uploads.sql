-- +goose Up
-- Event logs a manager sent to the bot, waiting for «Импортировать». The
-- row is what the confirmation screen needs (owner, chat, file, the
-- column of each role, the language to answer in); the file's bytes are
-- beside it in mining_upload_files, so that any process of the bot on
-- this database can show the screen again, change a role or import, and
-- a restart loses nothing. Stale rows go with their bytes (on delete
-- cascade) in the periodic cleanup.
create table mining_uploads (
    key          text primary key check (length(key) = 16), -- random; in the screen's buttons
    user_id      bigint not null,
    chat_id      bigint not null,
    file_name    text not null,
    size         bigint not null check (size >= 0),
    mapping      int[] not null,   -- the column of each role in eventlog.Role order; -1: none
    content_hash bytea not null,   -- SHA-256 of the bytes, as mining_imports.content_hash
    lang         text not null,    -- the owner's language and time zone, for the import job's messages
    time_zone    text not null,
    message_id   int,              -- the confirmation message the job edits; set by «Импортировать»
    confirmed_at timestamptz,      -- null: waiting; set: the import job has it
    created_at   timestamptz not null
);
-- The cleanup finds a user's older uploads, replaced by a newer one.
create index mining_uploads_user_idx on mining_uploads (user_id, created_at);

-- A file of at most 20 MB (Telegram's download limit). Logs are often
-- gzipped or zipped already: stored as they are, without TOAST compression.
create table mining_upload_files (
    key     text primary key references mining_uploads (key) on delete cascade,
    content bytea not null
);
alter table mining_upload_files alter column content set storage external;

-- +goose Down
drop table mining_upload_files;
drop table mining_uploads;
