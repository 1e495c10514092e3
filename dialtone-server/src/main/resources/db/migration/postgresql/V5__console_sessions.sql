-- Dialtone schema, version 5 (PostgreSQL). Kept column for column equal to the SQLite one.
-- Sessions of the agent console, in the database so that any node serves any browser. The cookie
-- holds a random token; only its SHA-256 is stored, so a copy of the database signs nobody in.

CREATE TABLE console_sessions (
  id TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
