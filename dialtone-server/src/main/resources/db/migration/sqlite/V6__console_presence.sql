-- Dialtone schema, version 6 (SQLite). Kept column for column equal to the PostgreSQL one.
-- Who is listening for screen pops: one row per open agent console or screen-pop stream, on any
-- node, so that a display request answered by one node knows of a stream held open by another.
-- The node that holds the stream refreshes last_seen_at every 10 s; a row not refreshed for 30 s is
-- a leftover of a node that died and no longer counts, then is swept. id and node are random,
-- made by the node; session_id is the console session that opened the row (null for a stream
-- opened with API credentials), so that signing out ends it on every node. Timestamps are epoch
-- milliseconds.

CREATE TABLE console_presence (
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  agent_id INTEGER NOT NULL REFERENCES users (id),
  session_id TEXT,
  node TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX console_presence_agent ON console_presence (account_id, agent_id, last_seen_at);
CREATE INDEX console_presence_session ON console_presence (session_id);
