-- Dialtone schema, version 1 (SQLite).
-- Every record belongs to exactly one account. Timestamps are epoch milliseconds.
-- Ids start far above 2^32, as Zendesk's do, so that a client that keeps ids in 32 bits fails
-- here, in development, and not against Zendesk; each table starts at its own offset so that an
-- id of one kind never names a record of another by accident.

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subdomain TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  default_brand_id INTEGER,
  tpe_comments_public INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE brands (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  subdomain TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE organizations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  external_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX organizations_name ON organizations (account_id, name);

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  phone_digits TEXT,
  role TEXT NOT NULL,
  organization_id INTEGER REFERENCES organizations (id),
  suspended INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (account_id, email);
CREATE INDEX users_phone ON users (account_id, phone_digits);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  description TEXT,
  digest TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE oauth_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  digest TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER
);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  subject TEXT,
  description TEXT,
  status TEXT NOT NULL,
  priority TEXT,
  type TEXT,
  requester_id INTEGER NOT NULL REFERENCES users (id),
  submitter_id INTEGER NOT NULL REFERENCES users (id),
  assignee_id INTEGER REFERENCES users (id),
  brand_id INTEGER REFERENCES brands (id),
  organization_id INTEGER REFERENCES organizations (id),
  external_id TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  via_channel TEXT NOT NULL,
  via_id INTEGER,
  via_source TEXT NOT NULL DEFAULT '{}',
  comment_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_account ON tickets (account_id, id);

CREATE TABLE calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  agent_id INTEGER,
  app_id INTEGER,
  brand_id INTEGER,
  call_disposition TEXT,
  call_ended_at INTEGER,
  call_recording_consent TEXT,
  call_recording_consent_action TEXT,
  call_started_at INTEGER,
  call_type TEXT,
  callback_number TEXT,
  callback_source TEXT,
  completion_status TEXT,
  consultation_time INTEGER,
  customer_requested_voicemail INTEGER,
  direction TEXT,
  dnis TEXT,
  duration INTEGER,
  end_user_id INTEGER,
  end_user_location TEXT,
  exceeded_queue_time INTEGER,
  external_id TEXT,
  from_line TEXT,
  from_line_nickname TEXT,
  hold_time INTEGER,
  ivr_action TEXT,
  ivr_destination_group_name TEXT,
  ivr_hops INTEGER,
  ivr_routed_to TEXT,
  ivr_time_spent INTEGER,
  not_recording_time INTEGER,
  organization_id INTEGER,
  outside_business_hours INTEGER,
  overflowed INTEGER,
  overflowed_to TEXT,
  phone_name TEXT,
  queue_name TEXT,
  queue_time INTEGER,
  recording_control_interactions INTEGER,
  recording_time INTEGER,
  recording_url TEXT,
  talk_time INTEGER,
  ticket_id INTEGER REFERENCES tickets (id),
  time_to_answer INTEGER,
  to_line TEXT,
  to_line_nickname TEXT,
  transcript TEXT,
  voicemail INTEGER,
  wait_time INTEGER,
  wrap_up_time INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX calls_account ON calls (account_id, id);

CREATE TABLE ticket_audits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

-- Comments of every kind. A TPE voice comment keeps a reference to its call and the fields it
-- displays, not a copy of their values: it is rendered from the call as the call is now.
CREATE TABLE ticket_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  audit_id INTEGER NOT NULL REFERENCES ticket_audits (id),
  type TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users (id),
  public INTEGER NOT NULL,
  body TEXT,
  call_id INTEGER REFERENCES calls (id),
  title TEXT,
  call_fields TEXT,
  requested_author_id INTEGER,
  data TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, id);

-- Every screen pop asked for, delivered or not, so it can be read back.
CREATE TABLE screen_pops (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  agent_id INTEGER NOT NULL REFERENCES users (id),
  ticket_id INTEGER REFERENCES tickets (id),
  user_id INTEGER REFERENCES users (id),
  source TEXT NOT NULL,
  delivered INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

INSERT INTO sqlite_sequence (name, seq) VALUES
  ('brands', 360000000000),
  ('organizations', 370000000000),
  ('users', 380000000000),
  ('api_tokens', 390000000000),
  ('oauth_tokens', 400000000000),
  ('tickets', 410000000000),
  ('calls', 420000000000),
  ('ticket_audits', 430000000000),
  ('ticket_comments', 440000000000),
  ('screen_pops', 450000000000);
