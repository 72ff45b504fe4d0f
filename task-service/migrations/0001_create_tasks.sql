-- Tasks, owned by a user of auth-service. No foreign key: the owner lives in
-- another service's database; user_id is the token's `sub`.
CREATE TABLE tasks (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     uuid        NOT NULL,
  title       text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text        CHECK (char_length(description) <= 2000),
  completed   boolean     NOT NULL DEFAULT false,
  priority    text        NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high')),
  tags        text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
  due_date    timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Every statement starts with user_id = $1. This one serves the default
-- listing (newest first, ties by id) and every other per-user lookup.
CREATE INDEX tasks_user_created_idx ON tasks (user_id, created_at DESC, id DESC);
-- due_before / due_after ranges and the due_date sort.
CREATE INDEX tasks_user_due_idx ON tasks (user_id, due_date, id);
-- The status filter (pending lists are the common view) in default order.
CREATE INDEX tasks_user_completed_created_idx ON tasks (user_id, completed, created_at DESC, id DESC);
-- The tag filter (tags @> ARRAY[$tag]).
CREATE INDEX tasks_tags_idx ON tasks USING gin (tags);
