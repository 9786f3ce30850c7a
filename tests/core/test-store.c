/* test-store.c — opening, migrating, notifying, refusing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = crm_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  crm_test_tmpdir_free (fixture->dir);
}



static void
test_open_creates_schema (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_store_open (fixture->path, &error);
  CrmCatalog *catalog;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_true (crm_store_is_empty (store));

  catalog = crm_store_get_catalog (store);
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_entity_types (catalog)), ==, 6);
  g_assert_nonnull (crm_catalog_find_entity_type (catalog, "deal"));
  g_assert_nonnull (crm_catalog_find_entity_type (catalog, "invoice"));
  g_assert_null (crm_catalog_find_entity_type (catalog, "nonsense"));
  g_assert_cmpint (crm_catalog_find_lead_kind (catalog, "repeat"), >, 0);
  g_assert_finalize_object (store);

  /* WAL, and reopening does not migrate again. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM entity_types"), ==, 6);
  store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM entity_types"), ==, 6);
  g_assert_finalize_object (store);
}

static void
test_refuses_newer_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (store);

  crm_test_exec_sql (fixture->path, "PRAGMA user_version = 99");
  store = crm_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "99"));
  /* Refusing must not touch the newer database. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "PRAGMA user_version"), ==, 99);
}

static void
test_refuses_garbage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;

  g_assert_true (g_file_set_contents (fixture->path, "this is not a database, just text that is long "
                                      "enough to fill the SQLite header and then some more", -1, NULL));
  store = crm_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_STORAGE);
}

/* A database stopped at version 1 is brought to the current version; when
 * a step fails, the whole migration is rolled back. */
static void
test_migration_is_atomic (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  CrmStore *store;

  schema = g_resources_lookup_data ("/io/github/clientele/Clientele/core/migrations/0001-schema.sql",
                                    0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  crm_test_exec_sql (fixture->path, sql);
  /* A row that collides with the built-in types makes step 2 fail. */
  crm_test_exec_sql (fixture->path,
            "INSERT INTO entity_types (code, name, name_plural) VALUES ('deal', 'x', 'x');"
            "PRAGMA user_version = 1;");

  store = crm_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM entity_types"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM fields"), ==, 0);

  crm_test_exec_sql (fixture->path, "DELETE FROM entity_types");
  store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM entity_types"), ==, 6);
  g_assert_finalize_object (store);
}

static void
count_changes_cb (CrmStore  *store,
                  CrmChange *change,
                  GPtrArray *changes)
{
  g_ptr_array_add (changes, crm_change_ref (change));
}

static gint64
create_contact (CrmSession  *session,
                const char  *name,
                GError     **error)
{
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, "contact", error);

  if (draft == NULL)
    return 0;
  if (!crm_element_draft_set_input_by_code (draft, "name", name, error))
    return 0;
  return crm_element_draft_save (draft, error);
}

static void
test_one_notification_per_write (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_change_unref);
  CrmStore *store = crm_store_open (fixture->path, &error);
  CrmSession *session;
  CrmChange *change;
  gint64 id;

  g_assert_no_error (error);
  session = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (count_changes_cb), changes);

  id = create_contact (session, "Ana", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_true (crm_change_has_kind (change, CRM_CHANGE_ELEMENT_ADDED));
  g_assert_true (crm_change_has_kind (change, CRM_CHANGE_ENTRY_ADDED));
  g_assert_false (crm_change_has_kind (change, CRM_CHANGE_ELEMENT_REMOVED));

  /* A batch commits once. */
  g_assert_true (crm_store_begin (store, &error));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (create_contact (session, "Bruno", &error), >, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (crm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpuint (crm_change_get_n_items (change), ==, 6);

  /* A rolled back batch tells nobody and leaves nothing. */
  g_assert_true (crm_store_begin (store, &error));
  g_assert_cmpint (create_contact (session, "Carla", &error), >, 0);
  crm_store_rollback (store);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM elements"), ==, 4);

  /* A nested rollback takes its notes back: the commit tells only of
   * what was kept. */
  g_assert_true (crm_store_begin (store, &error));
  g_assert_cmpint (create_contact (session, "Dora", &error), >, 0);
  g_assert_true (crm_store_begin (store, &error));
  g_assert_cmpint (create_contact (session, "Edu", &error), >, 0);
  crm_store_rollback (store);
  g_assert_true (crm_store_commit (store, &error));
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 2);
  g_assert_cmpuint (crm_change_get_n_items (change), ==, 2);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM elements"), ==, 5);
  /* The search index, written at the outer commit, skipped Edu too. */
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM elements_fts WHERE elements_fts MATCH 'dora'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM elements_fts WHERE elements_fts MATCH 'edu'"), ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM elements_fts"), ==, 5);

  /* A refused write tells nobody either. */
  g_assert_cmpint (create_contact (session, "   ", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  g_assert_cmpuint (changes->len, ==, 3);

  g_signal_handlers_disconnect_by_func (store, count_changes_cb, changes);
  g_assert_finalize_object (session);
  g_assert_finalize_object (store);
}

static void
test_desktop_user (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_store_open (fixture->path, &error);
  CrmSession *first, *again;
  CrmUser *user;

  g_assert_no_error (error);
  first = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  user = crm_session_get_user (first);
  g_assert_nonnull (user);
  g_assert_cmpstr (crm_user_get_login (user), ==, g_get_user_name ());
  g_assert_true (crm_user_is_admin (user));
  g_assert_true (crm_session_is_admin (first));

  again = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_session_get_user_id (again), ==, crm_session_get_user_id (first));
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM users"), ==, 1);

  g_assert_null (crm_session_new (store, 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_assert_finalize_object (first);
  g_assert_finalize_object (again);
  g_assert_finalize_object (store);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_store_open (fixture->path, &error);
  CrmSession *admin, *employee, *nobody;
  gint64 deal_type;

  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);

  crm_test_exec_sql (fixture->path,
            "INSERT INTO users (id, login, name, created_at) VALUES (50, 'vera', 'Vera Lúcia', '2026-01-01T00:00:00Z');"
            "INSERT INTO users (id, login, name, created_at) VALUES (51, 'otto', 'Otto', '2026-01-01T00:00:00Z');"
            "INSERT INTO role_assignments (role_id, user_id) SELECT id, 50 FROM roles WHERE code = 'employee';");

  store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (store), "deal"));
  employee = crm_session_new (store, 50, &error);
  g_assert_no_error (error);
  nobody = crm_session_new (store, 51, &error);
  g_assert_no_error (error);

  g_assert_true (crm_session_has_permission (employee, CRM_PERMISSION_ELEMENT_WRITE, deal_type));
  g_assert_true (crm_session_has_permission (employee, CRM_PERMISSION_LAYOUT_PERSONAL, deal_type));
  g_assert_false (crm_session_has_permission (employee, CRM_PERMISSION_LAYOUT_EDIT_STANDARD, deal_type));
  g_assert_false (crm_session_has_permission (employee, CRM_PERMISSION_FIELDS_MANAGE, deal_type));
  g_assert_false (crm_session_check_permission (nobody, CRM_PERMISSION_ELEMENT_READ, deal_type, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Without the right, writing is refused and nothing is stored. */
  g_assert_cmpint (create_contact (nobody, "Zeca", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (crm_store_is_empty (store));

  g_assert_cmpint (crm_field_create (employee, deal_type, "Segmento", CRM_FIELD_TYPE_STRING,
                                     FALSE, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);

  g_assert_finalize_object (employee);
  g_assert_finalize_object (nobody);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open-creates-schema", test_open_creates_schema);
  ADD ("/store/refuses-newer-database", test_refuses_newer_database);
  ADD ("/store/refuses-garbage", test_refuses_garbage);
  ADD ("/store/migration-is-atomic", test_migration_is_atomic);
  ADD ("/store/one-notification-per-write", test_one_notification_per_write);
  ADD ("/store/desktop-user", test_desktop_user);
  ADD ("/store/permissions", test_permissions);

  return g_test_run ();
}
