-- Rate limits (BEHAVIOUR.md §7). An account's own limits override the server's settings; NULL
-- means "use the setting", 0 turns that bucket off for the account.
ALTER TABLE accounts ADD COLUMN rate_limit_support INTEGER;
ALTER TABLE accounts ADD COLUMN rate_limit_talk INTEGER;

-- Requests counted per account, bucket and fixed window, shared by every node: each node adds what
-- it counted since its last sync, and reads back the total. window_start is epoch milliseconds.
CREATE TABLE rate_limit_windows (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (account_id, bucket, window_start)
);
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
