-- Dialtone schema, version 2 (PostgreSQL). Kept column for column equal to the SQLite one.
-- Idempotency keys (BEHAVIOUR.md §7), per account, in the database so that every node sees them
-- and they survive a restart. A row is claimed ('in_flight') and committed before the request's
-- work starts; 'claim' names the request holding it. Once the work is done the row holds the
-- response to replay ('done'). Timestamps are epoch milliseconds; rows past expires_at are
-- ignored, then swept.

CREATE TABLE idempotency_keys (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  claim TEXT NOT NULL,
  state TEXT NOT NULL,
  status INTEGER,
  response_headers TEXT,
  response_body TEXT,
  created_at BIGINT NOT NULL,
  claimed_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
