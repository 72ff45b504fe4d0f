-- How many tasks each user holds, for MAX_TASKS_PER_USER. Creating a task
-- is one statement that first takes this row's lock and checks the count
-- (task_statements.cpp), so two creates of one user at the limit queue on
-- the row and the second sees the first's task: never both.
--
-- The count is kept by triggers on tasks, not by the statements that write
-- tasks, so it is right whoever writes: the create and the delete, the
-- user-deletion batches, a DELETE an operator runs by hand, a restore, and
-- the replicas of the previous release that still run during a rolling
-- deploy (they know nothing of this table). Statement-level triggers with
-- transition tables: one UPDATE per user per statement, not per row, so a
-- batch of 1000 deletes costs one.
--
-- A user without a row holds no task; a row may stay at 0. A task never
-- changes owner (no statement sets user_id), so UPDATE needs no trigger.

-- Counting every task can outlast DB_STATEMENT_TIMEOUT on a large table:
-- this migration's transaction (and nothing else) may take what it needs.
SET LOCAL statement_timeout = 0;

CREATE TABLE task_counts (
  user_id uuid    PRIMARY KEY,
  tasks   integer NOT NULL
);

CREATE FUNCTION task_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Users in a fixed order, so two multi-user statements lock their rows
  -- in the same order and cannot deadlock.
  INSERT INTO task_counts AS c (user_id, tasks)
  SELECT user_id, count(*) FROM added GROUP BY user_id ORDER BY user_id
  ON CONFLICT (user_id) DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks;
  RETURN NULL;
END
$$;

-- The service's deletes name one user each. Two DELETEs by hand across the
-- same users at once may lock their rows in opposite orders: PostgreSQL
-- then cancels one (deadlock detected), which changes nothing.
CREATE FUNCTION task_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_counts AS c SET tasks = c.tasks - d.tasks
    FROM (SELECT user_id, count(*) AS tasks FROM removed GROUP BY user_id) AS d
   WHERE c.user_id = d.user_id;
  RETURN NULL;
END
$$;

CREATE FUNCTION task_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_counts;
  RETURN NULL;
END
$$;

-- No writer may change tasks between counting them and the triggers taking
-- over: the lock waits for writes in flight and holds new ones until this
-- migration commits (a create or delete then just waits that long).
LOCK TABLE tasks IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER tasks_count_insert AFTER INSERT ON tasks
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_add();
CREATE TRIGGER tasks_count_delete AFTER DELETE ON tasks
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_remove();
CREATE TRIGGER tasks_count_truncate AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_clear();

INSERT INTO task_counts (user_id, tasks)
SELECT user_id, count(*) FROM tasks GROUP BY user_id;
