/* test-search-rights.c — search and who may see which field: restricting
 * a field, changing its audience, opening it again and deleting it change
 * the index in the same commit, for every user
 *
 * The users: the administrator (the desktop user), Ana (500) and Bruno
 * (501), employees, and Carla (502), in the Vendas Sul department, a
 * sub-department of Vendas (10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501
#define CARLA 502
#define VENDAS 10

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *bruno;
  CrmSession *carla;
  gint64      contact_type_id;
  gint64      field_id;     /* "Apelido", a custom string field */
  char       *code;
  gint64      huguinho;     /* Hugo Lima, Apelido "Huguinho Reservado" */
  gint64      zeca;         /* José Prado, Apelido "Zeca" */
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (502, 'carla', 'Carla Melo', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id IN (500, 501, 502);"
  "INSERT INTO departments (id, name) VALUES (10, 'Vendas');"
  "INSERT INTO departments (id, name, parent_id) VALUES (11, 'Vendas Sul', 10);"
  "INSERT INTO user_departments (user_id, department_id) VALUES (502, 11);";

/* ---- Helpers ------------------------------------------------------------------ */

static gint64
create_contact (Fixture    *f,
                const char *name,
                const char *last_name,
                const char *nickname)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "contact", &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", name, &error));
  g_assert_true (crm_element_draft_set_input_by_code (draft, "last_name", last_name, &error));
  if (nickname != NULL)
    g_assert_true (crm_element_draft_set_input_by_code (draft, f->code, nickname, &error));
  g_assert_no_error (error);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

/* How many elements @session finds for @text. */
static guint
count_found (CrmSession *session,
             gint64      type_id,
             const char *text)
{
  g_autoptr(CrmElementListModel) model = crm_element_list_model_new (session, type_id);

  crm_element_list_model_set_search (model, text);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Does @session find exactly @id (0: nothing) for @text? */
static void
assert_finds (Fixture    *f,
              CrmSession *session,
              const char *text,
              gint64      id)
{
  g_autoptr(CrmElementListModel) model = crm_element_list_model_new (session, f->contact_type_id);
  guint n;

  crm_element_list_model_set_search (model, text);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (id == 0 && n != 0)
    g_error ("user %" G_GINT64_FORMAT " found %u elements for “%s”, expected none",
             crm_session_get_user_id (session), n, text);
  if (id != 0)
    {
      g_autoptr(CrmElement) element = NULL;

      if (n != 1)
        g_error ("user %" G_GINT64_FORMAT " found %u elements for “%s”, expected one",
                 crm_session_get_user_id (session), n, text);
      element = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert_cmpint (crm_element_get_id (element), ==, id);
    }
}

static gboolean
configure_visibility (Fixture  *f,
                      gint64    user_id,
                      gint64    department_id,
                      GError  **error)
{
  CrmField *field = crm_catalog_get_field (crm_store_get_catalog (f->store), f->field_id);
  g_autoptr(CrmFieldConfig) config = crm_field_config_new_for (field);

  g_array_set_size (config->visible_users, 0);
  g_array_set_size (config->visible_departments, 0);
  if (user_id != 0)
    g_array_append_val (config->visible_users, user_id);
  if (department_id != 0)
    g_array_append_val (config->visible_departments, department_id);
  return crm_field_configure (f->admin, f->field_id, config, error);
}

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->bruno = new_session (f->store, BRUNO);
  f->carla = new_session (f->store, CARLA);
}

static void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->carla);
  g_assert_finalize_object (f->bruno);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmSession *admin;
  CrmStore *store;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  /* The desktop user comes first, so it is the administrator. */
  store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);
  crm_test_exec_sql (f->path, people_sql);
  open_store (f);

  f->contact_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store),
                                                                             "contact"));
  f->field_id = crm_field_create (f->admin, f->contact_type_id, "Apelido", CRM_FIELD_TYPE_STRING,
                                  FALSE, NULL, &error);
  g_assert_no_error (error);
  f->code = g_strdup (crm_field_get_code (crm_catalog_get_field (crm_store_get_catalog (f->store),
                                                                 f->field_id)));
  f->huguinho = create_contact (f, "Hugo", "Lima", "Huguinho Reservado");
  f->zeca = create_contact (f, "José", "Prado", "Zeca");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  while (g_main_context_iteration (NULL, FALSE));

  close_store (f);
  crm_test_tmpdir_free (f->dir);
  g_free (f->code);
  g_free (f->path);
}

/* ---- Cases ---------------------------------------------------------------------- */

/* Values indexed while everyone could see the field stop finding their
 * element for whoever may not see it the moment the field is restricted. */
static void
test_restrict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_finds (f, f->bruno, "huguinho", f->huguinho);
  assert_finds (f, f->ana, "reservado", f->huguinho);

  g_assert_true (configure_visibility (f, ANA, 0, &error));
  g_assert_no_error (error);

  /* Nothing else was saved: the field change itself re-indexed. */
  assert_finds (f, f->bruno, "huguinho", 0);
  assert_finds (f, f->bruno, "reservado", 0);
  assert_finds (f, f->bruno, "hugo huguinho", 0);
  assert_finds (f, f->bruno, "zeca", 0);
  assert_finds (f, f->carla, "huguinho", 0);
  /* What they may see still finds it. */
  assert_finds (f, f->bruno, "hugo", f->huguinho);
  assert_finds (f, f->bruno, "lima", f->huguinho);

  /* The user it is visible to, and the administrator, still find by it,
   * alone or with words of other fields. */
  assert_finds (f, f->ana, "huguinho", f->huguinho);
  assert_finds (f, f->ana, "hugu res", f->huguinho);
  assert_finds (f, f->ana, "hugo huguinho", f->huguinho);
  assert_finds (f, f->ana, "zeca", f->zeca);
  assert_finds (f, f->ana, "zeca prado", f->zeca);
  assert_finds (f, f->ana, "zeca lima", 0);
  assert_finds (f, f->admin, "huguinho reservado", f->huguinho);

  /* The index itself holds the restricted words only under their tag. */
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements_fts "
                                                "WHERE elements_fts MATCH '\"huguinho\"*'"), ==, 0);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements_fts "
                                                "WHERE elements_fts MATCH '\"hugo\"*'"), ==, 1);

  /* Saving an element again keeps the rule. */
  {
    g_autoptr(CrmElement) element = crm_element_load (f->admin, f->zeca, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->admin, element);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "last_name", "Pradinho", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, f->zeca);
    g_assert_no_error (error);
  }
  assert_finds (f, f->bruno, "zeca", 0);
  assert_finds (f, f->bruno, "pradinho", f->zeca);
  assert_finds (f, f->ana, "zeca pradinho", f->zeca);
}

/* Moving the field to another audience moves who finds by it, including a
 * department and its sub-departments; a search typed before the change
 * finds nothing afterwards rather than what its user may no longer see. */
static void
test_change_audience (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementListModel) typed_before = NULL;

  g_assert_true (configure_visibility (f, ANA, 0, &error));
  g_assert_no_error (error);
  typed_before = crm_element_list_model_new (f->ana, f->contact_type_id);
  crm_element_list_model_set_search (typed_before, "huguinho");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (typed_before)), ==, 1);

  g_assert_true (configure_visibility (f, BRUNO, 0, &error));
  g_assert_no_error (error);
  assert_finds (f, f->ana, "huguinho", 0);
  assert_finds (f, f->bruno, "huguinho", f->huguinho);
  assert_finds (f, f->carla, "huguinho", 0);
  /* The open list, asked again (as a kanban does after a change), has
   * nothing for Ana. */
  crm_element_list_model_set_sort (typed_before, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (typed_before)), ==, 0);

  /* Visible to Vendas: Carla, in Vendas Sul, finds it; the others not. */
  g_assert_true (configure_visibility (f, 0, VENDAS, &error));
  g_assert_no_error (error);
  assert_finds (f, f->carla, "huguinho", f->huguinho);
  assert_finds (f, f->ana, "huguinho", 0);
  assert_finds (f, f->bruno, "huguinho", 0);

  /* Open to everyone again. */
  g_assert_true (configure_visibility (f, 0, 0, &error));
  g_assert_no_error (error);
  assert_finds (f, f->ana, "huguinho", f->huguinho);
  assert_finds (f, f->bruno, "huguinho", f->huguinho);
  assert_finds (f, f->carla, "zeca", f->zeca);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements_fts "
                                                "WHERE elements_fts MATCH '\"huguinho\"*'"), ==, 1);
}

/* A rejected configuration leaves the index as it was. */
static void
test_rejected_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (configure_visibility (f, ANA, 0, &error));
  g_assert_no_error (error);

  g_assert_false (configure_visibility (f, 9999, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_finds (f, f->ana, "huguinho", f->huguinho);
  assert_finds (f, f->bruno, "huguinho", 0);

  /* Someone who may not manage fields cannot open it either. */
  {
    CrmField *field = crm_catalog_get_field (crm_store_get_catalog (f->store), f->field_id);
    g_autoptr(CrmFieldConfig) config = crm_field_config_new_for (field);

    g_array_set_size (config->visible_users, 0);
    g_assert_false (crm_field_configure (f->bruno, f->field_id, config, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  }
  assert_finds (f, f->bruno, "huguinho", 0);
}

/* A deleted field's values find nothing, for anyone, and the rest of each
 * element's row is still there. */
static void
test_delete_field (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_field_delete (f->admin, f->field_id, &error));
  g_assert_no_error (error);
  assert_finds (f, f->admin, "huguinho", 0);
  assert_finds (f, f->ana, "huguinho", 0);
  assert_finds (f, f->bruno, "zeca", 0);
  assert_finds (f, f->admin, "hugo lima", f->huguinho);
  assert_finds (f, f->bruno, "prado", f->zeca);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements_fts "
                                                "WHERE elements_fts MATCH '\"zeca\"*'"), ==, 0);
}

/* The same for a restricted field: not even those who could see it. */
static void
test_delete_restricted_field (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (configure_visibility (f, ANA, 0, &error));
  g_assert_no_error (error);
  assert_finds (f, f->ana, "zeca", f->zeca);

  g_assert_true (crm_field_delete (f->admin, f->field_id, &error));
  g_assert_no_error (error);
  assert_finds (f, f->ana, "zeca", 0);
  assert_finds (f, f->admin, "zeca", 0);
  assert_finds (f, f->admin, "huguinho", 0);
  assert_finds (f, f->ana, "jose", f->zeca);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements_fts"), ==, 2);
}

/* A database from before restricted values were indexed gets them
 * indexed when it is opened. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (configure_visibility (f, ANA, 0, &error));
  g_assert_no_error (error);
  close_store (f);

  /* What version 3 left: restricted values out of the index. */
  crm_test_exec_sql (f->path, "DELETE FROM elements_fts;"
                              "INSERT INTO elements_fts (rowid, title, body) "
                              "  SELECT id, title, '' FROM elements;"
                              "PRAGMA user_version = 3;");
  open_store (f);
  assert_finds (f, f->ana, "huguinho", f->huguinho);
  assert_finds (f, f->bruno, "huguinho", 0);
  assert_finds (f, f->bruno, "hugo", f->huguinho);
}

/* Restricting a field 10 000 elements have a value in re-indexes them all
 * in the field change's transaction; the time it takes is reported. */
static void
test_reindex_many (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) probe = NULL;
  CrmField *field = crm_catalog_get_field (crm_store_get_catalog (f->store), f->field_id);
  const guint n = 10000;
  gint64 start, elapsed;

  g_assert_true (crm_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "contact", &error);
      g_autofree char *name = g_strdup_printf ("Pessoa %u", i);
      g_autofree char *nickname = g_strdup_printf ("Codinome%u Sigiloso", i);

      g_assert_true (crm_element_draft_set_input_by_code (draft, "name", name, &error));
      g_assert_true (crm_element_draft_set_input (draft, field, crm_locale_get ("C"), nickname, &error));
      g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (crm_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (f->bruno, f->contact_type_id, "sigiloso"), ==, n);

  start = g_get_monotonic_time ();
  g_assert_true (configure_visibility (f, ANA, 0, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("REINDEX %u elements on restricting a field: %" G_GINT64_FORMAT " ms",
                  n + 2, elapsed / 1000);

  g_assert_cmpuint (count_found (f->bruno, f->contact_type_id, "sigiloso"), ==, 0);
  g_assert_cmpuint (count_found (f->ana, f->contact_type_id, "sigiloso"), ==, n);
  g_assert_cmpuint (count_found (f->ana, f->contact_type_id, "codinome1234"), ==, 1);
  g_assert_cmpuint (count_found (f->bruno, f->contact_type_id, "pessoa"), ==, n);
  /* Generous, for a loaded CI machine: minutes would mean a lost index. */
  g_assert_cmpint (elapsed, <, 20 * G_USEC_PER_SEC);

  start = g_get_monotonic_time ();
  g_assert_true (crm_field_delete (f->admin, f->field_id, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("REINDEX %u elements on deleting a field: %" G_GINT64_FORMAT " ms",
                  n + 2, elapsed / 1000);
  g_assert_cmpuint (count_found (f->admin, f->contact_type_id, "sigiloso"), ==, 0);
  g_assert_cmpint (elapsed, <, 20 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search-rights/restrict", test_restrict);
  ADD ("/search-rights/change-audience", test_change_audience);
  ADD ("/search-rights/rejected-change", test_rejected_change);
  ADD ("/search-rights/delete-field", test_delete_field);
  ADD ("/search-rights/delete-restricted-field", test_delete_restricted_field);
  ADD ("/search-rights/migration", test_migration);
  ADD ("/search-rights/reindex-many", test_reindex_many);

  return g_test_run ();
}
