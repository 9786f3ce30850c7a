-- Clientele schema, version 3: files wait to be claimed.
-- A file is stored as soon as someone picks it for a file field, before the
-- card is saved. Until a saved value (or a document, or a timeline entry)
-- takes it, it is pending; pending files nothing refers to are removed once
-- they are old enough that no open card can still be saving them (see
-- crm-file.c), so a cancelled pick or a crash before saving leaves nothing
-- behind for good.
ALTER TABLE files ADD COLUMN pending_since TEXT;  -- NULL: claimed
CREATE INDEX files_pending ON files (pending_since) WHERE pending_since IS NOT NULL;

-- What earlier versions left behind waits like a fresh pick: the first
-- sweep checks every reference before it removes anything.
UPDATE files SET pending_since = created_at
WHERE id NOT IN (SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id
                 WHERE f.type = 'file')
  AND id NOT IN (SELECT file_id FROM documents)
  AND id NOT IN (SELECT pdf_file_id FROM documents WHERE pdf_file_id IS NOT NULL)
  AND id NOT IN (SELECT file_id FROM document_templates);
