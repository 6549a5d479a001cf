-- +goose Up
-- The workers take waiting updates oldest first. Without an index in that
-- order every claim sorted all the waiting rows, so a backlog made each
-- claim slower and the backlog grew: an index scan stops at the first
-- few that may go.
create index telegram_updates_next on telegram_updates (update_id) where done_at is null;

-- +goose Down
drop index telegram_updates_next;
