-- +goose Up
-- amoCRM keeps deactivated users (former staff) so that old deals still
-- name them; nobody can give them new work, so pickers leave them out.
alter table crm_users add column inactive boolean not null default false;

-- +goose Down
alter table crm_users drop column inactive;
