-- Users and their credentials. Emails are stored lower-cased by the service;
-- the unique index is on lower(email) as well, so even a row written by
-- another tool (a migration from the Python backend) cannot exist twice in
-- two letter cases, and concurrent sign-ups of one email race on the index.
-- gen_random_uuid() is built into PostgreSQL 13+ (no pgcrypto needed).
CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text NOT NULL,
    hashed_password text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
