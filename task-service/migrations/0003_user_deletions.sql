-- Users whose accounts auth-service deleted (the revocation feed's
-- user_deleted): their tasks are deleted in batches by a worker. A row is
-- written before the follower moves past the event, and completed_at only
-- once no task of the user is left, so a restart resumes an unfinished one.
CREATE TABLE user_deletions (
  user_id      uuid        PRIMARY KEY,
  requested_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

-- The worker's question: what is still to do, oldest first.
CREATE INDEX user_deletions_pending_idx ON user_deletions (requested_at)
  WHERE completed_at IS NULL;
