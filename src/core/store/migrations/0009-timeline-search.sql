-- Schema 8: search finds the words of the timeline (comments, call logs,
-- e-mails, messages, activities, documents).
--
-- The index reads its text through a view of the entries people write:
-- changes of fields and stages carry values in their payload, and those
-- of a restricted field must never be found by someone who may not see
-- it, so they stay out. Triggers keep the index in step with every write,
-- including the cascade when an element or a type is deleted.
-- Written to run again over itself, as tests replay migrations.
CREATE VIEW IF NOT EXISTS timeline_text AS
  SELECT id, element_id, text FROM timeline_entries
  WHERE kind IN ('comment', 'call', 'email', 'sms', 'messenger', 'activity', 'document');

CREATE VIRTUAL TABLE IF NOT EXISTS timeline_fts USING fts5 (
  text,
  content = 'timeline_text',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

CREATE TRIGGER IF NOT EXISTS timeline_fts_insert AFTER INSERT ON timeline_entries
WHEN new.kind IN ('comment', 'call', 'email', 'sms', 'messenger', 'activity', 'document')
BEGIN
  INSERT INTO timeline_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER IF NOT EXISTS timeline_fts_delete AFTER DELETE ON timeline_entries
WHEN old.kind IN ('comment', 'call', 'email', 'sms', 'messenger', 'activity', 'document')
BEGIN
  INSERT INTO timeline_fts (timeline_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER IF NOT EXISTS timeline_fts_update AFTER UPDATE OF text ON timeline_entries
WHEN old.kind IN ('comment', 'call', 'email', 'sms', 'messenger', 'activity', 'document')
BEGIN
  INSERT INTO timeline_fts (timeline_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO timeline_fts (rowid, text) VALUES (new.id, new.text);
END;

-- The entries written before this version.
INSERT INTO timeline_fts (timeline_fts) VALUES ('rebuild');
