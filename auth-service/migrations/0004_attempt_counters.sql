-- Recent attempts per key, shared by every replica (domain/ports/
-- attempt_counters.hpp): failed logins per canonical email (kind 1) and per
-- client (kind 2), sign-ups per client (kind 3). One row per key while its
-- window is open; the key is stored as its SHA-256, so a row has the same
-- size whatever was typed; auth-service deletes rows whose window ended.
CREATE TABLE attempt_counters (
    kind        smallint    NOT NULL,
    key_digest  bytea       NOT NULL,
    window_ends timestamptz NOT NULL,
    attempts    integer     NOT NULL,
    PRIMARY KEY (kind, key_digest)
);
CREATE INDEX attempt_counters_window_ends_idx ON attempt_counters (window_ends);
