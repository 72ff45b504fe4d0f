-- One canonical email per account, stored as it is compared: trimmed and
-- lower-cased by the service (Email::normalise, with the same Unicode
-- lower-case table as lower() here: glibc's), so lookups and the unique
-- index use the column itself and no query calls lower(). Rows written by
-- another tool in another letter case are rewritten; the old unique index on
-- lower(email) already guarantees that no two rows become equal.
UPDATE users SET email = lower(email) WHERE email <> lower(email);
CREATE UNIQUE INDEX users_email_key ON users (email);
DROP INDEX users_email_lower_key;
