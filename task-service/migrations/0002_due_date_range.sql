-- due_date stays within what the API accepts and returns: years 0001 to 9999.
-- Before this migration due dates were written through a float8 product,
-- which rounded 9999-12-31T23:59:59.999999Z (and values near it) up to year
-- 10000; those rows get back the latest instant the API accepts, which is
-- what their owners sent or within microseconds of it.
UPDATE tasks SET due_date = timestamptz '9999-12-31 23:59:59.999999+00'
 WHERE due_date > timestamptz '9999-12-31 23:59:59.999999+00';

ALTER TABLE tasks ADD CONSTRAINT tasks_due_date_range CHECK (
  due_date BETWEEN timestamptz '0001-01-01 00:00:00+00'
               AND timestamptz '9999-12-31 23:59:59.999999+00');
