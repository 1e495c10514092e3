-- Dialtone schema, version 7 (PostgreSQL). Kept column for column equal to the SQLite one.
-- Zendesk keeps a deleted user (active: false) so that its tickets and calls still name someone;
-- deleted_at says since when (NULL for a user who is not deleted).
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
