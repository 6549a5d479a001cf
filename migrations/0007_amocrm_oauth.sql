-- +goose Up
-- The amoCRM OAuth token pair, one row at most: the bot is connected to one
-- account. Both tokens are sealed with the key from SECRET_KEY (a version
-- byte, a nonce, AES-GCM), so a dump of the database does not give access
-- to the CRM. The refresh token works once; every refresh replaces the row
-- before the new access token is used.
create table amocrm_oauth (
    id            boolean primary key default true check (id), -- the single row
    base_url      text not null,        -- the account the pair was issued for
    access_token  bytea not null,       -- sealed
    refresh_token bytea not null,       -- sealed
    expires_at    timestamptz not null, -- when the access token expires
    updated_at    timestamptz not null default now()
);

-- +goose Down
drop table amocrm_oauth;
