-- Clientele schema, version 1: the whole domain of DESIGN.md §1.
-- Labels of built-in rows are English msgids (label_msgid = 1) that the
-- catalog translates when it loads them; renaming clears the flag.

-- People -------------------------------------------------------------------

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  parent_id   INTEGER REFERENCES departments (id) ON DELETE SET NULL,
  head_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  sort        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  login       TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  email       TEXT,
  position    TEXT,
  is_admin    INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT    NOT NULL
);

CREATE TABLE user_departments (
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, department_id)
) WITHOUT ROWID;
CREATE INDEX user_departments_department ON user_departments (department_id);

CREATE TABLE roles (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  label_msgid INTEGER NOT NULL DEFAULT 0
);

-- permission: layout.edit_standard, layout.personal, fields.manage,
-- field.see, element.read, element.write, element.delete …
-- entity_type_id NULL = every type; field_id only for field.see.
CREATE TABLE role_permissions (
  role_id        INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission     TEXT    NOT NULL,
  entity_type_id INTEGER REFERENCES entity_types (id) ON DELETE CASCADE,
  field_id       INTEGER REFERENCES fields (id) ON DELETE CASCADE,
  UNIQUE (role_id, permission, entity_type_id, field_id)
);

-- A role is granted to a user or to a whole department.
CREATE TABLE role_assignments (
  role_id       INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES departments (id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (department_id IS NULL)),
  UNIQUE (role_id, user_id, department_id)
);

-- Entity types, pipelines, stages ---------------------------------------------

CREATE TABLE entity_types (
  id            INTEGER PRIMARY KEY,
  code          TEXT    NOT NULL UNIQUE,
  name          TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  name_plural   TEXT    NOT NULL,
  label_msgid   INTEGER NOT NULL DEFAULT 0,
  is_builtin    INTEGER NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1)),
  has_stages    INTEGER NOT NULL DEFAULT 0 CHECK (has_stages IN (0, 1)),
  has_pipelines INTEGER NOT NULL DEFAULT 0 CHECK (has_pipelines IN (0, 1)),
  has_products  INTEGER NOT NULL DEFAULT 0 CHECK (has_products IN (0, 1)),
  icon_name     TEXT,
  sort          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lead_kinds (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  label_msgid INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pipelines (
  id             INTEGER PRIMARY KEY,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  code           TEXT    NOT NULL,
  name           TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  label_msgid    INTEGER NOT NULL DEFAULT 0,
  is_default     INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  sort           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity_type_id, code)
);

CREATE TABLE stages (
  id          INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  code        TEXT    NOT NULL,
  name        TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  label_msgid INTEGER NOT NULL DEFAULT 0,
  color       TEXT    NOT NULL DEFAULT '#3584e4',
  semantics   TEXT    NOT NULL DEFAULT 'progress'
                      CHECK (semantics IN ('progress', 'success', 'failure')),
  sort        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (pipeline_id, code)
);
CREATE INDEX stages_pipeline ON stages (pipeline_id, sort);

-- Fields -----------------------------------------------------------------------

CREATE TABLE fields (
  id                INTEGER PRIMARY KEY,
  entity_type_id    INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  code              TEXT    NOT NULL,
  label             TEXT    NOT NULL CHECK (length (trim (label)) > 0),
  label_msgid       INTEGER NOT NULL DEFAULT 0,
  type              TEXT    NOT NULL,
  is_system         INTEGER NOT NULL DEFAULT 0 CHECK (is_system IN (0, 1)),
  is_multiple       INTEGER NOT NULL DEFAULT 0 CHECK (is_multiple IN (0, 1)),
  options           TEXT,   -- JSON, see CrmFieldOptions
  required_mode     TEXT    NOT NULL DEFAULT 'never'
                            CHECK (required_mode IN ('never', 'always', 'stage')),
  required_stage_id INTEGER REFERENCES stages (id) ON DELETE SET NULL,
  sort              INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT    NOT NULL,
  UNIQUE (entity_type_id, code),
  CHECK (required_mode <> 'stage' OR required_stage_id IS NOT NULL)
);

-- Empty for a field = everyone sees it.
CREATE TABLE field_visibility (
  field_id      INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES departments (id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (department_id IS NULL)),
  UNIQUE (field_id, user_id, department_id)
);

-- Elements and their values ----------------------------------------------------------

CREATE TABLE elements (
  id             INTEGER PRIMARY KEY,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  lead_kind_id   INTEGER REFERENCES lead_kinds (id),
  pipeline_id    INTEGER REFERENCES pipelines (id),
  stage_id       INTEGER REFERENCES stages (id),
  title          TEXT    NOT NULL,
  sort_title     TEXT    NOT NULL,  -- folded, without accents: "Ágata" sorts with "a"
  responsible_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at     TEXT    NOT NULL,
  updated_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at     TEXT    NOT NULL
);
-- Keyset paging of the lists: (type, sort key, id).
CREATE INDEX elements_type_title   ON elements (entity_type_id, sort_title, id);
CREATE INDEX elements_type_updated ON elements (entity_type_id, updated_at, id);
CREATE INDEX elements_type_created ON elements (entity_type_id, created_at, id);
CREATE INDEX elements_stage        ON elements (stage_id, updated_at, id);
CREATE INDEX elements_responsible  ON elements (responsible_id);

-- One row per value; a multiple field has ordinals 0, 1, 2 …
-- value has no declared type, so integers stay integers and sort as numbers.
CREATE TABLE field_values (
  element_id INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  field_id   INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL DEFAULT 0,
  value      NOT NULL,
  aux        TEXT,   -- money: currency; phone: E.164
  kind       TEXT,   -- phone / e-mail / messenger kind
  PRIMARY KEY (element_id, field_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX field_values_field_value ON field_values (field_id, value, element_id);

-- Files attached to file fields and documents.
CREATE TABLE files (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  mime_type   TEXT    NOT NULL DEFAULT 'application/octet-stream',
  size        INTEGER NOT NULL DEFAULT 0,
  data        BLOB    NOT NULL,
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT    NOT NULL
);

-- Search: one row per element (rowid = element id), kept in step by the store.
CREATE VIRTUAL TABLE elements_fts USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

-- Layouts ------------------------------------------------------------------------

-- scope: standard (entity type + optional pipeline / lead kind), personal
-- (one per user and entity type + pipeline / lead kind), view (named,
-- assigned through layout_assignments).
CREATE TABLE layouts (
  id             INTEGER PRIMARY KEY,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  pipeline_id    INTEGER REFERENCES pipelines (id) ON DELETE CASCADE,
  lead_kind_id   INTEGER REFERENCES lead_kinds (id) ON DELETE CASCADE,
  scope          TEXT    NOT NULL CHECK (scope IN ('standard', 'personal', 'view')),
  user_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
  name           TEXT,
  forced         INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
  updated_at     TEXT    NOT NULL,
  CHECK (scope <> 'personal' OR user_id IS NOT NULL),
  CHECK (scope <> 'view' OR name IS NOT NULL)
);
CREATE UNIQUE INDEX layouts_standard ON layouts (entity_type_id, ifnull (pipeline_id, 0), ifnull (lead_kind_id, 0))
  WHERE scope = 'standard';
CREATE UNIQUE INDEX layouts_personal ON layouts (entity_type_id, ifnull (pipeline_id, 0), ifnull (lead_kind_id, 0), user_id)
  WHERE scope = 'personal';

CREATE TABLE layout_assignments (
  layout_id     INTEGER NOT NULL REFERENCES layouts (id) ON DELETE CASCADE,
  user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES departments (id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (department_id IS NULL)),
  UNIQUE (layout_id, user_id, department_id)
);

-- A user's choice to use their personal layout for a card kind.
CREATE TABLE layout_choices (
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  use_personal   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, entity_type_id)
) WITHOUT ROWID;

CREATE TABLE layout_sections (
  id          INTEGER PRIMARY KEY,
  layout_id   INTEGER NOT NULL REFERENCES layouts (id) ON DELETE CASCADE,
  code        TEXT,   -- stable for built-in sections ("main", "about" …)
  title       TEXT    NOT NULL CHECK (length (trim (title)) > 0),
  label_msgid INTEGER NOT NULL DEFAULT 0,
  sort        INTEGER NOT NULL
);
CREATE INDEX layout_sections_layout ON layout_sections (layout_id, sort);

-- A field placed in no section of the layout is hidden.
CREATE TABLE layout_placements (
  section_id INTEGER NOT NULL REFERENCES layout_sections (id) ON DELETE CASCADE,
  field_id   INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  sort       INTEGER NOT NULL,
  PRIMARY KEY (section_id, field_id)
) WITHOUT ROWID;
CREATE INDEX layout_placements_field ON layout_placements (field_id);

CREATE TABLE layout_tabs (
  layout_id INTEGER NOT NULL REFERENCES layouts (id) ON DELETE CASCADE,
  tab       TEXT    NOT NULL,  -- general, products, dependencies, history, documents …
  sort      INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  PRIMARY KEY (layout_id, tab)
) WITHOUT ROWID;

-- Timeline ---------------------------------------------------------------------------

CREATE TABLE timeline_entries (
  id         INTEGER PRIMARY KEY,
  element_id INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL CHECK (kind IN ('comment', 'stage-change', 'field-change',
                                              'created', 'document', 'call', 'email',
                                              'sms', 'messenger', 'activity', 'link')),
  author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT    NOT NULL,   -- UTC, "YYYY-MM-DDTHH:MM:SS.fffZ"
  text       TEXT,
  payload    TEXT,               -- JSON by kind
  pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  edited_at  TEXT
);
-- Newest first, keyset on (created_at, id).
CREATE INDEX timeline_element_time ON timeline_entries (element_id, created_at DESC, id DESC);
CREATE INDEX timeline_pinned ON timeline_entries (element_id, pinned) WHERE pinned = 1;
-- The History tab: one element's field changes.
CREATE INDEX timeline_element_kind ON timeline_entries (element_id, kind, created_at DESC, id DESC);

-- Relations and activities ----------------------------------------------------------

-- kind: created-from (target was created from source), contact, company,
-- parent … Listed on the Dependencies tab.
CREATE TABLE relations (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  target_id  INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT    NOT NULL,
  UNIQUE (source_id, target_id, kind),
  CHECK (source_id <> target_id)
);
CREATE INDEX relations_target ON relations (target_id);

CREATE TABLE activities (
  id           INTEGER PRIMARY KEY,
  element_id   INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL CHECK (kind IN ('meeting', 'call', 'task', 'email', 'sms', 'messenger')),
  subject      TEXT    NOT NULL CHECK (length (trim (subject)) > 0),
  description  TEXT,
  starts_at    TEXT,
  ends_at      TEXT,   -- end of a meeting, or the deadline of a task
  room         TEXT,
  responsible_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reminder_minutes INTEGER,
  done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at   TEXT    NOT NULL
);
CREATE INDEX activities_element ON activities (element_id, starts_at);
CREATE INDEX activities_open ON activities (responsible_id, done, ends_at);

CREATE TABLE activity_participants (
  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, user_id)
) WITHOUT ROWID;

-- Documents ----------------------------------------------------------------------------

CREATE TABLE document_templates (
  id             INTEGER PRIMARY KEY,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types (id) ON DELETE CASCADE,
  name           TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  file_id        INTEGER NOT NULL REFERENCES files (id),
  numbering      TEXT,   -- e.g. "PROP-{YYYY}-{N}"
  next_number    INTEGER NOT NULL DEFAULT 1,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at     TEXT    NOT NULL
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  element_id  INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  template_id INTEGER REFERENCES document_templates (id) ON DELETE SET NULL,
  number      TEXT,
  file_id     INTEGER NOT NULL REFERENCES files (id),
  pdf_file_id INTEGER REFERENCES files (id),
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT    NOT NULL
);
CREATE INDEX documents_element ON documents (element_id, created_at);

-- Products ----------------------------------------------------------------------------

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  sku         TEXT    UNIQUE,
  description TEXT,
  price       INTEGER NOT NULL DEFAULT 0,          -- minor units
  currency    TEXT    NOT NULL DEFAULT 'BRL',
  unit        TEXT    NOT NULL DEFAULT 'un',
  tax_rate    INTEGER NOT NULL DEFAULT 0,          -- basis points: 1800 = 18 %
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT    NOT NULL
);

CREATE TABLE product_rows (
  id          INTEGER PRIMARY KEY,
  element_id  INTEGER NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  product_id  INTEGER REFERENCES products (id) ON DELETE SET NULL,
  name        TEXT    NOT NULL,                    -- kept when the product changes
  price       INTEGER NOT NULL,                    -- minor units
  currency    TEXT    NOT NULL,
  quantity    INTEGER NOT NULL DEFAULT 1000,       -- thousandths: 1000 = 1
  discount    INTEGER NOT NULL DEFAULT 0,          -- basis points
  tax_rate    INTEGER NOT NULL DEFAULT 0,          -- basis points
  tax_included INTEGER NOT NULL DEFAULT 0 CHECK (tax_included IN (0, 1)),
  sort        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_rows_element ON product_rows (element_id, sort);
