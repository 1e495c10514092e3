-- Dialtone schema, version 8 (SQLite). Two keys Zendesk's call object carries that no client sets:
-- the catalogue marks them server-set, so they stay NULL until Dialtone learns their values.
ALTER TABLE calls ADD COLUMN callback INTEGER;
ALTER TABLE calls ADD COLUMN call_abandoned_position INTEGER;
