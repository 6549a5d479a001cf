-- +goose Up
-- Task Mining figures come only from imported event logs (migration 0013):
-- the demo company loads its logs through the same import. The
-- precomputed operations an older demo loaded go.
drop table mining_operations;

-- +goose Down
create table mining_operations (
    id            bigserial primary key,
    process       text not null,
    name          text not null,
    per_year      int not null check (per_year >= 0),
    avg_seconds   double precision not null check (avg_seconds >= 0),
    automatable   double precision not null default 0 check (automatable between 0 and 1),
    unique (process, name)
);
