-- Dialtone schema, version 8 (PostgreSQL). Kept column for column equal to the SQLite one.
-- Two keys Zendesk's call object carries that no client sets: the catalogue marks them
-- server-set, so they stay NULL until Dialtone learns their values.
ALTER TABLE calls ADD COLUMN callback BOOLEAN;
ALTER TABLE calls ADD COLUMN call_abandoned_position BIGINT;
