-- Schema 8: stages and pipelines can be deleted (Preferences › Pipelines
-- and stages), and their ids are never handed out again, as fields' and
-- types' are not (0007): a stage change on the timeline names its stages
-- by id, and would otherwise read as a newer stage that took the id.
-- Written to run again over itself, as tests replay migrations.
CREATE TRIGGER IF NOT EXISTS stages_retire_id AFTER DELETE ON stages
BEGIN
  INSERT INTO retired_ids (name, last_id) VALUES ('stages', old.id)
  ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
END;

CREATE TRIGGER IF NOT EXISTS pipelines_retire_id AFTER DELETE ON pipelines
BEGIN
  INSERT INTO retired_ids (name, last_id) VALUES ('pipelines', old.id)
  ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
END;

-- Stages gone before this version (a user-defined type deleted, stages
-- turned off) live on only in the timeline's stage changes.
INSERT INTO retired_ids (name, last_id)
SELECT 'stages', max (max (ifnull (json_extract (payload, '$.from'), 0)),
                      max (ifnull (json_extract (payload, '$.to'), 0)))
FROM timeline_entries
WHERE kind = 'stage-change' AND json_valid (payload)
HAVING count (*) > 0
ON CONFLICT (name) DO UPDATE SET last_id = max (last_id, excluded.last_id);
