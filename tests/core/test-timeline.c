/* test-timeline.c — comments and their ownership rules, pins, and the
 * entries the core writes by itself (created, field change, stage change)
 *
 * Every case opens its own database in a temporary directory. Runs with
 * TZ=UTC and LC_ALL=C.UTF-8, so summaries read in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define MAX_COMMENT_LENGTH 10000
#define OTHER_USER_ID 700

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  GArray     *changes;    /* of CrmChangeItem, from the store's "changed" */
  guint       n_changed;  /* emissions of "changed" */
  gulong      changed_id;
} Fixture;

/* ---- Fixture ------------------------------------------------------------------ */

static void
store_changed_cb (CrmStore  *store,
                  CrmChange *change,
                  Fixture   *f)
{
  f->n_changed++;
  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    g_array_append_val (f->changes, *crm_change_get_item (change, i));
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (crm_session_is_admin (f->session));
  f->changed_id = g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), f);
}

static void
close_store (Fixture *f)
{
  while (g_main_context_iteration (NULL, FALSE));

  g_clear_signal_handler (&f->changed_id, f->store);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  f->session = NULL;
  f->store = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  f->changes = g_array_new (FALSE, FALSE, sizeof (CrmChangeItem));
  open_store (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_store (f);
  g_array_unref (f->changes);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

static void
forget_changes (Fixture *f)
{
  g_array_set_size (f->changes, 0);
  f->n_changed = 0;
}

/* Writes what has no public API yet behind the store's back, then opens
 * the store again so its catalog sees it. */
static void
reopen_with_sql (Fixture    *f,
                 const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  close_store (f);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
  open_store (f);
}

/* A second, ordinary user (role employee). */
static CrmSession *
add_other_user (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  CrmSession *other;

  sql = g_strdup_printf ("INSERT INTO users (id, login, name, is_admin, created_at) "
                         "VALUES (%d, 'colega', 'Colega de Equipe', 0, '2024-01-01T00:00:00.000Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "  SELECT id, %d FROM roles WHERE code = 'employee';",
                         OTHER_USER_ID, OTHER_USER_ID);
  reopen_with_sql (f, sql);

  other = crm_session_new (f->store, OTHER_USER_ID, &error);
  g_assert_no_error (error);
  g_assert_false (crm_session_is_admin (other));
  g_assert_true (crm_session_has_permission (other, CRM_PERMISSION_ELEMENT_WRITE, 0));
  return other;
}

/* ---- Helpers ------------------------------------------------------------------ */

static gint64
create_element (Fixture    *f,
                const char *type,
                const char *code,
                const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, type, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
  g_assert_no_error (error);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The whole timeline, newest first. */
static GPtrArray *
all_entries (Fixture *f,
             gint64   element_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = crm_timeline_query_page (f->session, element_id, NULL, 0, 1000, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static CrmTimelineEntry *
find_entry (Fixture *f,
            gint64   element_id,
            gint64   entry_id)
{
  g_autoptr(GPtrArray) entries = all_entries (f, element_id);

  for (guint i = 0; i < entries->len; i++)
    if (crm_timeline_entry_get_id (g_ptr_array_index (entries, i)) == entry_id)
      return g_object_ref (g_ptr_array_index (entries, i));
  return NULL;
}

/* The entries of one kind, newest first. */
static GPtrArray *
entries_of_kind (Fixture      *f,
                 gint64        element_id,
                 CrmEntryKind  kind)
{
  g_autoptr(GPtrArray) entries = all_entries (f, element_id);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    if (crm_timeline_entry_get_kind (g_ptr_array_index (entries, i)) == kind)
      g_ptr_array_add (found, g_object_ref (g_ptr_array_index (entries, i)));
  return found;
}

static void
assert_one_change (Fixture       *f,
                   CrmChangeKind  kind,
                   gint64         id,
                   gint64         parent)
{
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpint (g_array_index (f->changes, CrmChangeItem, 0).kind, ==, kind);
  g_assert_cmpint (g_array_index (f->changes, CrmChangeItem, 0).id, ==, id);
  g_assert_cmpint (g_array_index (f->changes, CrmChangeItem, 0).parent, ==, parent);
  forget_changes (f);
}

static void
assert_nothing_written (Fixture *f)
{
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* ---- The 'created' entry ---------------------------------------------------------- */

static void
test_created_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autofree char *summary = NULL;
  CrmTimelineEntry *created;
  gint64 id;

  id = create_element (f, "contact", "name", "Ana");
  entries = all_entries (f, id);
  g_assert_cmpuint (entries->len, ==, 1);
  created = g_ptr_array_index (entries, 0);

  g_assert_cmpint (crm_timeline_entry_get_kind (created), ==, CRM_ENTRY_CREATED);
  g_assert_cmpint (crm_timeline_entry_get_element_id (created), ==, id);
  g_assert_cmpint (crm_timeline_entry_get_author_id (created), ==, crm_session_get_user_id (f->session));
  g_assert_cmpstr (crm_timeline_entry_get_author_name (created), ==,
                   crm_user_get_name (crm_session_get_user (f->session)));
  g_assert_null (crm_timeline_entry_get_edited_at (created));
  g_assert_false (crm_timeline_entry_is_pinned (created));
  summary = crm_timeline_entry_dup_summary (created);
  g_assert_cmpstr (summary, ==, "Element created");

  /* At the element's creation time. */
  element = crm_element_load (f->session, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (crm_timeline_entry_get_created_at (created),
                                    crm_element_get_created_at (element)));

  /* Labels and icons of the kinds. */
  g_assert_cmpstr (crm_entry_kind_get_label (CRM_ENTRY_CREATED), ==, "Created");
  g_assert_cmpstr (crm_entry_kind_to_code (CRM_ENTRY_STAGE_CHANGE), ==, "stage-change");
  {
    CrmEntryKind kind = CRM_ENTRY_LAST;

    g_assert_true (crm_entry_kind_from_code ("field-change", &kind));
    g_assert_cmpint (kind, ==, CRM_ENTRY_FIELD_CHANGE);
    g_assert_false (crm_entry_kind_from_code ("nonsense", &kind));
    g_assert_false (crm_entry_kind_from_code (NULL, &kind));
  }
  for (CrmEntryKind kind = 0; kind < CRM_ENTRY_LAST; kind++)
    g_assert_true (g_str_has_suffix (crm_entry_kind_get_icon_name (kind), "-symbolic"));
}

/* ---- Comments --------------------------------------------------------------------- */

static void
test_add_comment (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTimelineEntry) entry = NULL;
  g_autofree char *summary = NULL;
  CrmTimelineModel *model;
  gint64 element, comment;

  element = create_element (f, "contact", "name", "Bruno");
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  forget_changes (f);

  comment = crm_timeline_add_comment (f->session, element, "\n  Ligar amanhã às 10h  \t", &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment, >, 0);
  assert_one_change (f, CRM_CHANGE_ENTRY_ADDED, comment, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  entry = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (crm_timeline_entry_get_id (entry), ==, comment);
  g_assert_cmpint (crm_timeline_entry_get_kind (entry), ==, CRM_ENTRY_COMMENT);
  /* Stored without the surrounding white space. */
  g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, "Ligar amanhã às 10h");
  g_assert_cmpint (crm_timeline_entry_get_author_id (entry), ==, crm_session_get_user_id (f->session));
  g_assert_null (crm_timeline_entry_get_edited_at (entry));
  g_assert_null (crm_timeline_entry_get_payload (entry));
  summary = crm_timeline_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Ligar amanhã às 10h");

  /* Lines inside are kept. */
  {
    gint64 two = crm_timeline_add_comment (f->session, element, "primeira\nsegunda", &error);
    g_autoptr(CrmTimelineEntry) again = NULL;

    g_assert_no_error (error);
    again = find_entry (f, element, two);
    g_assert_cmpstr (crm_timeline_entry_get_text (again), ==, "primeira\nsegunda");
    forget_changes (f);
  }

  /* On an element that does not exist. */
  g_assert_cmpint (crm_timeline_add_comment (f->session, 999999, "Olá", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_written (f);

  g_assert_finalize_object (model);
}

static void
test_refused_comments (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmTimelineModel *model;
  gint64 element;
  static const char *empty[] = { "", " ", "   \t\n  ", "\n", "\r\n" };

  element = create_element (f, "contact", "name", "Carla");
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  forget_changes (f);

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_assert_cmpint (crm_timeline_add_comment (f->session, element, empty[i], &error), ==, 0);
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      g_clear_error (&error);
    }
  g_assert_cmpint (crm_timeline_add_comment (f->session, element, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  /* Not UTF-8. */
  g_assert_cmpint (crm_timeline_add_comment (f->session, element, "caf\xe9", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Too long: the limit counts characters, not bytes. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    gint64 id;

    for (guint i = 0; i < MAX_COMMENT_LENGTH + 1; i++)
      g_string_append (text, "ã");
    g_assert_cmpint (crm_timeline_add_comment (f->session, element, text->str, &error), ==, 0);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);

    assert_nothing_written (f);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    {
      g_autoptr(GPtrArray) entries = all_entries (f, element);

      g_assert_cmpuint (entries->len, ==, 1);
    }

    /* Exactly at the limit: taken, whole. */
    g_string_truncate (text, text->len - strlen ("ã"));
    g_assert_cmpuint (g_utf8_strlen (text->str, -1), ==, MAX_COMMENT_LENGTH);
    id = crm_timeline_add_comment (f->session, element, text->str, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
    {
      g_autoptr(CrmTimelineEntry) entry = find_entry (f, element, id);

      g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, text->str);
    }
  }

  g_assert_finalize_object (model);
}

static void
test_edit_and_delete_own (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTimelineEntry) before = NULL;
  g_autoptr(CrmTimelineEntry) after = NULL;
  CrmTimelineModel *model;
  gint64 element, comment;

  element = create_element (f, "contact", "name", "Diego");
  comment = crm_timeline_add_comment (f->session, element, "Reunião na sexta", &error);
  g_assert_no_error (error);
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  before = find_entry (f, element, comment);
  forget_changes (f);

  g_assert_true (crm_timeline_edit_comment (f->session, comment, "  Reunião na segunda  ", &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_UPDATED, comment, element);

  after = find_entry (f, element, comment);
  g_assert_cmpstr (crm_timeline_entry_get_text (after), ==, "Reunião na segunda");
  g_assert_nonnull (crm_timeline_entry_get_edited_at (after));
  g_assert_cmpint (g_date_time_compare (crm_timeline_entry_get_edited_at (after),
                                        crm_timeline_entry_get_created_at (after)), >=, 0);
  /* Editing keeps its place, time and author. */
  g_assert_true (g_date_time_equal (crm_timeline_entry_get_created_at (after),
                                    crm_timeline_entry_get_created_at (before)));
  g_assert_cmpint (crm_timeline_entry_get_author_id (after), ==, crm_session_get_user_id (f->session));

  /* The model shows the new text in the same place. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  {
    g_autoptr(CrmTimelineEntry) shown = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (crm_timeline_entry_get_id (shown), ==, comment);
    g_assert_cmpstr (crm_timeline_entry_get_text (shown), ==, "Reunião na segunda");
    g_assert_nonnull (crm_timeline_entry_get_edited_at (shown));
  }

  /* An empty edit is refused like an empty comment. */
  g_assert_false (crm_timeline_edit_comment (f->session, comment, "   ", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_nothing_written (f);
  g_clear_object (&after);
  after = find_entry (f, element, comment);
  g_assert_cmpstr (crm_timeline_entry_get_text (after), ==, "Reunião na segunda");

  /* Deleting. */
  g_assert_true (crm_timeline_delete_comment (f->session, comment, &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_REMOVED, comment, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_clear_object (&after);
  after = find_entry (f, element, comment);
  g_assert_null (after);

  /* What is gone cannot be edited, deleted or pinned. */
  g_assert_false (crm_timeline_edit_comment (f->session, comment, "De novo", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_timeline_delete_comment (f->session, comment, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_timeline_set_pinned (f->session, comment, TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_written (f);

  g_assert_finalize_object (model);
}

static void
test_others_comment (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) other = NULL;
  g_autoptr(CrmTimelineEntry) entry = NULL;
  CrmTimelineModel *model;
  gint64 element, comment, theirs;

  element = create_element (f, "contact", "name", "Eva");
  comment = crm_timeline_add_comment (f->session, element, "Meu comentário", &error);
  g_assert_no_error (error);

  other = add_other_user (f);
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  forget_changes (f);

  /* Neither edit nor delete someone else's comment. */
  g_assert_false (crm_timeline_edit_comment (other, comment, "Alterado por outro", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_timeline_delete_comment (other, comment, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_nothing_written (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  entry = find_entry (f, element, comment);
  g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, "Meu comentário");
  g_assert_null (crm_timeline_entry_get_edited_at (entry));

  /* The other user's own comment is theirs; an administrator does not
   * own it either. */
  theirs = crm_timeline_add_comment (other, element, "Comentário da colega", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_clear_object (&entry);
  entry = find_entry (f, element, theirs);
  g_assert_cmpint (crm_timeline_entry_get_author_id (entry), ==, OTHER_USER_ID);
  g_assert_cmpstr (crm_timeline_entry_get_author_name (entry), ==, "Colega de Equipe");
  forget_changes (f);
  g_assert_false (crm_timeline_edit_comment (f->session, theirs, "Corrigido pelo admin", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_nothing_written (f);

  g_assert_true (crm_timeline_edit_comment (other, theirs, "Comentário corrigido", &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_UPDATED, theirs, element);
  g_assert_true (crm_timeline_delete_comment (other, theirs, &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_REMOVED, theirs, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  g_assert_finalize_object (model);
}

/* Only comments are written by people; what the core logged stays. */
static void
test_system_entries_are_fixed (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 element, created, call;

  element = create_element (f, "contact", "name", "Fábio");
  entries = all_entries (f, element);
  g_assert_cmpuint (entries->len, ==, 1);
  created = crm_timeline_entry_get_id (g_ptr_array_index (entries, 0));
  g_clear_pointer (&entries, g_ptr_array_unref);

  call = crm_timeline_add_entry (f->session, element, CRM_ENTRY_CALL, NULL, "Ligação de 5 minutos",
                                 NULL, &error);
  g_assert_no_error (error);
  forget_changes (f);

  g_assert_false (crm_timeline_edit_comment (f->session, created, "Outro texto", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_timeline_delete_comment (f->session, created, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Even one its session wrote. */
  g_assert_false (crm_timeline_edit_comment (f->session, call, "Ligação de 50 minutos", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_nothing_written (f);

  entries = all_entries (f, element);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (crm_timeline_entry_get_kind (g_ptr_array_index (entries, 1)), ==, CRM_ENTRY_CREATED);
  g_assert_null (crm_timeline_entry_get_text (g_ptr_array_index (entries, 1)));
  g_assert_cmpstr (crm_timeline_entry_get_text (g_ptr_array_index (entries, 0)), ==, "Ligação de 5 minutos");
}

static void
test_pin (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) other = NULL;
  g_autoptr(CrmTimelineEntry) entry = NULL;
  CrmTimelineModel *model;
  gint64 element, comment;

  element = create_element (f, "contact", "name", "Gabriela");
  comment = crm_timeline_add_comment (f->session, element, "Importante: cliente VIP", &error);
  g_assert_no_error (error);
  crm_timeline_add_comment (f->session, element, "Depois", &error);
  g_assert_no_error (error);
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  forget_changes (f);

  g_assert_true (crm_timeline_set_pinned (f->session, comment, TRUE, &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_UPDATED, comment, element);
  entry = find_entry (f, element, comment);
  g_assert_true (crm_timeline_entry_is_pinned (entry));
  /* Pinning is not editing. */
  g_assert_null (crm_timeline_entry_get_edited_at (entry));
  g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, "Importante: cliente VIP");
  {
    g_autoptr(CrmTimelineEntry) shown = g_list_model_get_item (G_LIST_MODEL (model), 1);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
    g_assert_cmpint (crm_timeline_entry_get_id (shown), ==, comment);
    g_assert_true (crm_timeline_entry_is_pinned (shown));
  }

  g_assert_true (crm_timeline_set_pinned (f->session, comment, FALSE, &error));
  g_assert_no_error (error);
  assert_one_change (f, CRM_CHANGE_ENTRY_UPDATED, comment, element);
  g_clear_object (&entry);
  entry = find_entry (f, element, comment);
  g_assert_false (crm_timeline_entry_is_pinned (entry));

  /* Any entry can be pinned, by anyone who may change the element. */
  {
    g_autoptr(GPtrArray) created = entries_of_kind (f, element, CRM_ENTRY_CREATED);
    gint64 created_id = crm_timeline_entry_get_id (g_ptr_array_index (created, 0));

    g_clear_object (&entry);
    g_assert_finalize_object (model);

    other = add_other_user (f);
    g_assert_true (crm_timeline_set_pinned (other, created_id, TRUE, &error));
    g_assert_no_error (error);
    entry = find_entry (f, element, created_id);
    g_assert_true (crm_timeline_entry_is_pinned (entry));
  }
}

/* ---- Entries the core writes ------------------------------------------------------ */

static void
test_field_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *summary = NULL;
  CrmTimelineModel *model;
  CrmTimelineEntry *entry;
  JsonObject *payload;
  CrmField *position;
  gint64 element;

  element = create_element (f, "contact", "name", "Heitor");
  position = crm_catalog_find_field (crm_store_get_catalog (f->store),
                                     crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store), "contact")),
                                     "position");
  g_assert_nonnull (position);
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Empty → "Gerente" */
  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, element, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, loaded);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "position", "Gerente", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element);
    g_assert_no_error (error);
  }

  changes = entries_of_kind (f, element, CRM_ENTRY_FIELD_CHANGE);
  g_assert_cmpuint (changes->len, ==, 1);
  entry = g_ptr_array_index (changes, 0);
  g_assert_cmpint (crm_timeline_entry_get_author_id (entry), ==, crm_session_get_user_id (f->session));
  summary = crm_timeline_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Position: — → Gerente");
  payload = parse_object (parser, crm_timeline_entry_get_payload (entry));
  g_assert_cmpint (json_object_get_int_member (payload, "field"), ==, crm_field_get_id (position));
  /* The values as field_values stores them, not as the writer saw them. */
  g_assert_cmpint (json_object_get_int_member (payload, "v"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (payload, "code"), ==, "position");
  g_assert_cmpstr (json_object_get_string_member (payload, "type"), ==, "string");
  g_assert_cmpstr (json_object_get_string_member (payload, "label"), ==, "Position");
  g_assert_false (json_object_get_boolean_member (payload, "restricted"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payload, "old")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payload, "new")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (payload, "new"), 0),
                                                  "value"), ==, "Gerente");
  /* The model got it, on top. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  {
    g_autoptr(CrmTimelineEntry) top = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (crm_timeline_entry_get_kind (top), ==, CRM_ENTRY_FIELD_CHANGE);
  }

  /* "Gerente" → "Diretora", and a second field in the same save: one entry
   * per changed field. */
  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, element, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, loaded);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "position", "Diretora", &error));
    g_assert_true (crm_element_draft_set_input_by_code (draft, "last_name", "Souza", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element);
    g_assert_no_error (error);
  }
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = entries_of_kind (f, element, CRM_ENTRY_FIELD_CHANGE);
  g_assert_cmpuint (changes->len, ==, 3);
  {
    gboolean seen_position = FALSE, seen_last_name = FALSE;

    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *text = crm_timeline_entry_dup_summary (g_ptr_array_index (changes, i));

        if (g_str_equal (text, "Position: Gerente → Diretora"))
          seen_position = TRUE;
        else if (g_str_equal (text, "Last name: — → Souza"))
          seen_last_name = TRUE;
        else
          g_error ("unexpected summary “%s”", text);
      }
    g_assert_true (seen_position && seen_last_name);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* A save that changes nothing logs nothing. */
  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, element, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, loaded);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "position", "Diretora", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element);
    g_assert_no_error (error);
  }
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = entries_of_kind (f, element, CRM_ENTRY_FIELD_CHANGE);
  g_assert_cmpuint (changes->len, ==, 3);

  /* Clearing it: "Diretora" → — */
  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, element, &error);
    g_autoptr(CrmElementDraft) draft = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, loaded);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "position", "", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element);
    g_assert_no_error (error);
    g_clear_pointer (&changes, g_ptr_array_unref);
    changes = entries_of_kind (f, element, CRM_ENTRY_FIELD_CHANGE);
    g_assert_cmpuint (changes->len, ==, 4);
    text = crm_timeline_entry_dup_summary (g_ptr_array_index (changes, 0));
    g_assert_cmpstr (text, ==, "Position: Diretora → —");
  }

  g_assert_finalize_object (model);
}

static void
test_stage_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stage_changes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *summary = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  CrmPipeline *pipeline;
  gint64 deal, new_stage, next_stage;
  JsonObject *payload;

  pipeline = crm_catalog_get_default_pipeline (catalog,
                                               crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal")));
  g_assert_nonnull (pipeline);
  {
    GListModel *stages = crm_pipeline_get_stages (pipeline);
    g_autoptr(CrmStage) first = g_list_model_get_item (stages, 0);
    g_autoptr(CrmStage) second = g_list_model_get_item (stages, 1);

    new_stage = crm_stage_get_id (first);
    next_stage = crm_stage_get_id (second);
    g_assert_cmpstr (crm_stage_get_name (first), ==, "New");
    g_assert_cmpstr (crm_stage_get_name (second), ==, "Preparing documents");
  }

  deal = create_element (f, "deal", "title", "Licenças de software");
  /* Created in the first stage, without a stage-change entry. */
  stage_changes = entries_of_kind (f, deal, CRM_ENTRY_STAGE_CHANGE);
  g_assert_cmpuint (stage_changes->len, ==, 0);
  g_clear_pointer (&stage_changes, g_ptr_array_unref);

  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, deal, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (crm_element_get_stage_id (loaded), ==, new_stage);
    draft = crm_element_draft_new_for (f->session, loaded);
    crm_element_draft_set_stage (draft, next_stage);
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, deal);
    g_assert_no_error (error);
  }

  stage_changes = entries_of_kind (f, deal, CRM_ENTRY_STAGE_CHANGE);
  g_assert_cmpuint (stage_changes->len, ==, 1);
  summary = crm_timeline_entry_dup_summary (g_ptr_array_index (stage_changes, 0));
  g_assert_cmpstr (summary, ==, "Stage changed from New to Preparing documents");
  payload = parse_object (parser, crm_timeline_entry_get_payload (g_ptr_array_index (stage_changes, 0)));
  g_assert_cmpint (json_object_get_int_member (payload, "from"), ==, new_stage);
  g_assert_cmpint (json_object_get_int_member (payload, "to"), ==, next_stage);
  g_assert_cmpstr (json_object_get_string_member (payload, "from_name"), ==, "New");
  g_assert_cmpstr (json_object_get_string_member (payload, "to_name"), ==, "Preparing documents");
  g_assert_cmpint (crm_timeline_entry_get_author_id (g_ptr_array_index (stage_changes, 0)), ==,
                   crm_session_get_user_id (f->session));

  /* A stage change is not also logged as a field change. */
  {
    g_autoptr(GPtrArray) field_changes = entries_of_kind (f, deal, CRM_ENTRY_FIELD_CHANGE);

    g_assert_cmpuint (field_changes->len, ==, 0);
  }

  /* Saving again in the same stage logs no stage change. */
  {
    g_autoptr(CrmElement) loaded = crm_element_load (f->session, deal, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, loaded);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Licenças de software 2025", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, deal);
    g_assert_no_error (error);
  }
  g_clear_pointer (&stage_changes, g_ptr_array_unref);
  stage_changes = entries_of_kind (f, deal, CRM_ENTRY_STAGE_CHANGE);
  g_assert_cmpuint (stage_changes->len, ==, 1);
}

/* ---- Permissions and deletion ------------------------------------------------------ */

#define NO_ROLE_USER_ID 710

/* A user with no role at all: no permission on any type. */
static CrmSession *
add_user_without_role (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  CrmSession *session;

  sql = g_strdup_printf ("INSERT INTO users (id, login, name, is_admin, created_at) "
                         "VALUES (%d, 'visitante', 'Visitante', 0, '2024-01-01T00:00:00.000Z');",
                         NO_ROLE_USER_ID);
  reopen_with_sql (f, sql);
  session = crm_session_new (f->store, NO_ROLE_USER_ID, &error);
  g_assert_no_error (error);
  g_assert_false (crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_READ, 0));
  g_assert_false (crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_WRITE, 0));
  return session;
}

static void
test_permission_write (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) visitor = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 element, comment, created;

  element = create_element (f, "contact", "name", "Irene");
  comment = crm_timeline_add_comment (f->session, element, "Do administrador", &error);
  g_assert_no_error (error);
  entries = all_entries (f, element);
  created = crm_timeline_entry_get_id (g_ptr_array_index (entries, 1));
  g_clear_pointer (&entries, g_ptr_array_unref);

  visitor = add_user_without_role (f);
  forget_changes (f);

  g_assert_cmpint (crm_timeline_add_comment (visitor, element, "Olá", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (crm_timeline_add_entry (visitor, element, CRM_ENTRY_CALL, NULL, "Ligação", NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_timeline_set_pinned (visitor, created, TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_timeline_set_pinned (visitor, comment, TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_nothing_written (f);

  entries = all_entries (f, element);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    g_assert_false (crm_timeline_entry_is_pinned (g_ptr_array_index (entries, i)));
}

/* Reading a timeline needs the right to read the element, like
 * crm_element_load () and the list model. */
static void
test_permission_read (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) visitor = NULL;
  g_autoptr(GPtrArray) page = NULL;
  CrmElementListModel *list;
  CrmTimelineModel *model;
  gint64 element;

  element = create_element (f, "contact", "name", "Joana");
  crm_timeline_add_comment (f->session, element, "Confidencial: desconto de 30%", &error);
  g_assert_no_error (error);
  visitor = add_user_without_role (f);

  /* What the rest of the core already refuses. */
  g_assert_null (crm_element_load (visitor, element, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  list = crm_element_list_model_new (visitor, crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store), "contact")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_finalize_object (list);

  /* The timeline too. */
  page = crm_timeline_query_page (visitor, element, NULL, 0, 10, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (page);
  g_clear_error (&error);

  model = crm_timeline_model_new (visitor, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_false (crm_timeline_model_has_more (model));
  g_assert_finalize_object (model);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_calls;
} LastItemsChanged;

static void
items_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  LastItemsChanged *last)
{
  last->position = position;
  last->removed = removed;
  last->added = added;
  last->n_calls++;
}

static void
test_element_deleted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LastItemsChanged last = { 0, };
  CrmTimelineModel *model;
  gint64 element, comment;

  element = create_element (f, "contact", "name", "Kátia");
  comment = crm_timeline_add_comment (f->session, element, "Primeiro", &error);
  g_assert_no_error (error);
  crm_timeline_add_comment (f->session, element, "Segundo", &error);
  g_assert_no_error (error);
  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &last);

  g_assert_true (crm_element_delete (f->session, element, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last.n_calls, ==, 1);
  g_assert_cmpuint (last.position, ==, 0);
  g_assert_cmpuint (last.removed, ==, 3);
  g_assert_cmpuint (last.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_false (crm_timeline_model_has_more (model));
  g_assert_cmpuint (crm_timeline_model_load_more (model), ==, 0);

  /* Its entries went with it: there is no timeline to read any more. */
  g_assert_null (crm_timeline_query_page (f->session, element, NULL, 0, 10, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (crm_timeline_add_comment (f->session, element, "Tarde demais", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_timeline_edit_comment (f->session, comment, "Tarde demais", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_signal_handlers_disconnect_by_data (model, &last);
  g_assert_finalize_object (model);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/created-entry", Fixture, NULL,
              fixture_set_up, test_created_entry, fixture_tear_down);
  g_test_add ("/timeline/comment/add", Fixture, NULL,
              fixture_set_up, test_add_comment, fixture_tear_down);
  g_test_add ("/timeline/comment/refused", Fixture, NULL,
              fixture_set_up, test_refused_comments, fixture_tear_down);
  g_test_add ("/timeline/comment/edit-and-delete-own", Fixture, NULL,
              fixture_set_up, test_edit_and_delete_own, fixture_tear_down);
  g_test_add ("/timeline/comment/others", Fixture, NULL,
              fixture_set_up, test_others_comment, fixture_tear_down);
  g_test_add ("/timeline/system-entries-are-fixed", Fixture, NULL,
              fixture_set_up, test_system_entries_are_fixed, fixture_tear_down);
  g_test_add ("/timeline/pin", Fixture, NULL,
              fixture_set_up, test_pin, fixture_tear_down);
  g_test_add ("/timeline/field-change", Fixture, NULL,
              fixture_set_up, test_field_change, fixture_tear_down);
  g_test_add ("/timeline/stage-change", Fixture, NULL,
              fixture_set_up, test_stage_change, fixture_tear_down);

  g_test_add ("/timeline/element-deleted", Fixture, NULL,
              fixture_set_up, test_element_deleted, fixture_tear_down);
  g_test_add ("/timeline/permission/write", Fixture, NULL,
              fixture_set_up, test_permission_write, fixture_tear_down);

  g_test_add ("/timeline/permission/read", Fixture, NULL,
              fixture_set_up, test_permission_read, fixture_tear_down);

  return g_test_run ();
}
