-- Schema 7: the ids of deleted fields and entity types are never handed out
-- again. SQLite gives a new row max (id) + 1, so deleting the newest field
-- and creating another gave the new one the old id (and its code, uf_N):
-- the timeline's changes of the deleted field then read as the new one's.
-- New fields and types take an id past both the live rows and these.
-- Written to run again over itself, as tests replay migrations.
CREATE TABLE IF NOT EXISTS retired_ids (
  name    TEXT    PRIMARY KEY,   -- the table: 'fields', 'entity_types'
  last_id INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS fields_retire_id AFTER DELETE ON fields
BEGIN
  INSERT INTO retired_ids (name, last_id) VALUES ('fields', old.id)
  ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
END;

CREATE TRIGGER IF NOT EXISTS entity_types_retire_id AFTER DELETE ON entity_types
BEGIN
  INSERT INTO retired_ids (name, last_id) VALUES ('entity_types', old.id)
  ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
END;

-- Fields deleted before this version live on only in the history's
-- field changes: their ids stay retired too.
INSERT INTO retired_ids (name, last_id)
SELECT 'fields', max (json_extract (payload, '$.field')) FROM timeline_entries
WHERE kind = 'field-change' AND json_valid (payload)
  AND json_type (payload, '$.field') = 'integer'
HAVING max (json_extract (payload, '$.field')) IS NOT NULL
ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
