-- Dialtone schema, version 4 (SQLite). Kept column for column equal to the PostgreSQL one.
-- An idempotency key is now stored in the same transaction as its request's work, with the answer
-- to replay: a key either has a stored answer or had no effect. Claims in flight, and the columns
-- that tracked them, are gone; a claim left in flight by an older version had no stored answer, so
-- it is dropped and the key is free.

CREATE TABLE idempotency_answers (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response_headers TEXT NOT NULL,
  response_body TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
INSERT INTO idempotency_answers (account_id, idempotency_key, request_hash, status,
  response_headers, response_body, created_at, expires_at)
SELECT account_id, idempotency_key, request_hash, status, response_headers, response_body,
  created_at, expires_at
FROM idempotency_keys WHERE state = 'done';
DROP TABLE idempotency_keys;
CREATE INDEX idempotency_answers_expiry ON idempotency_answers (expires_at);
