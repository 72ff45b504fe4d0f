-- Sessions and revocation (docs/api.md, "Sessions").
--
-- A login starts a refresh chain; every refresh spends one refresh token and
-- adds the next one, with the access token issued beside it. Refresh tokens
-- are stored only as SHA-256 hashes. Times that travel in tokens (iat, exp,
-- cutoffs) are whole epoch seconds, as in the tokens themselves.
CREATE TABLE refresh_chains (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  bigint NOT NULL,       -- iat of its first access token
    expires_at timestamptz NOT NULL,  -- when its last refresh and access tokens have expired
    revoked_at timestamptz
);
CREATE INDEX refresh_chains_user_id ON refresh_chains (user_id);
CREATE INDEX refresh_chains_expires_at ON refresh_chains (expires_at);

CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,  -- hex SHA-256 of the token
    chain_id   uuid NOT NULL REFERENCES refresh_chains (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz
);
CREATE INDEX refresh_tokens_chain_id ON refresh_tokens (chain_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- The access tokens issued from each chain: revoking a chain revokes them.
CREATE TABLE chain_access_tokens (
    jti        text PRIMARY KEY,
    chain_id   uuid NOT NULL REFERENCES refresh_chains (id) ON DELETE CASCADE,
    expires_at bigint NOT NULL
);
CREATE INDEX chain_access_tokens_chain_id ON chain_access_tokens (chain_id);

-- What is in force: single revoked access tokens, and per-user cutoffs (no
-- foreign key: a deleted user's cutoff must outlive the user row).
CREATE TABLE revoked_tokens (
    jti        text PRIMARY KEY,
    user_id    uuid NOT NULL,
    expires_at bigint NOT NULL
);
CREATE TABLE user_cutoffs (
    user_id    uuid PRIMARY KEY,
    not_before bigint NOT NULL,
    expires_at bigint NOT NULL
);

-- The feed: append-only, its ids are the cursor. Writers hold a
-- transaction-scoped advisory lock while they append, so ids become visible
-- in order and a reader that has seen id n will never later find a smaller one.
CREATE TABLE revocation_events (
    id         bigserial PRIMARY KEY,
    type       text NOT NULL CHECK (type IN ('token', 'user', 'user_deleted')),
    user_id    uuid NOT NULL,
    jti        text,
    not_before bigint,
    expires_at bigint,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revocation_events_created_at ON revocation_events (created_at);

-- How far pruning has gone: a cursor before it is answered 410.
CREATE TABLE revocation_feed_state (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    pruned_through bigint NOT NULL DEFAULT 0
);
INSERT INTO revocation_feed_state DEFAULT VALUES;
