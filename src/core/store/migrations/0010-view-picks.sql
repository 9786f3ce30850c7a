-- Schema 10: the view a user picked among those they may use for a card
-- kind (at most one per kind, kept so by the core), so that switching
-- views lasts. Deleting the view or the user drops the pick.
CREATE TABLE IF NOT EXISTS layout_view_picks (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  layout_id INTEGER NOT NULL REFERENCES layouts (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, layout_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS layout_view_picks_layout ON layout_view_picks (layout_id);
CREATE INDEX IF NOT EXISTS layout_assignments_department ON layout_assignments (department_id);
