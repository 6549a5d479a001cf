-- +goose Up
-- A person's own time zone, for the dates they see and type, their
-- reminders and the digests they subscribe to. Empty: the company's
-- (TIMEZONE).
alter table users add column time_zone text not null default '';

-- +goose Down
alter table users drop column time_zone;
