/* test-permissions.c — "see all elements or only one's own" on every read
 * path and every write, and field visibility that follows department
 * membership
 *
 * The users: the administrator (the desktop user); Ana (500), a sales
 * rep whose role lets her see only her own elements; Bruno (501), an
 * employee who sees everything; Carla (502), in Vendas Sul (11), below
 * Vendas (10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501
#define CARLA 502

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *bruno;
  CrmSession *carla;
  gint64      deal_type_id;
  gint64      company_type_id;
  gint64      anas_deal;      /* responsible: Ana */
  gint64      made_by_ana;    /* created by Ana, given to Bruno */
  gint64      brunos_deal;    /* created by the admin, responsible Bruno */
  gint64      brunos_company;
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (502, 'carla', 'Carla Melo', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor');"
  "INSERT INTO role_permissions (role_id, permission) VALUES "
  "  (90, 'element.read'), (90, 'element.write');"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500);"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id IN (501, 502);"
  "INSERT INTO departments (id, name) VALUES (10, 'Vendas');"
  "INSERT INTO departments (id, name, parent_id) VALUES (11, 'Vendas Sul', 10), (12, 'Suporte', NULL);"
  "INSERT INTO user_departments (user_id, department_id) VALUES (502, 11);";

/* ---- Helpers ------------------------------------------------------------------ */

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

static gint64
create_element (CrmSession *session,
                const char *type,
                const char *title,
                gint64      responsible_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, type, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
  g_assert_no_error (error);
  if (responsible_id != 0)
    crm_element_draft_set_responsible (draft, responsible_id);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

/* The ids @session lists for the type, after @search (NULL: all). */
static GArray *
list_ids (CrmSession *session,
          gint64      type_id,
          const char *search)
{
  g_autoptr(CrmElementListModel) model = crm_element_list_model_new (session, type_id);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (search != NULL)
    crm_element_list_model_set_search (model, search);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 id = crm_element_get_id (element);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmSession *admin;
  CrmStore *store;
  CrmCatalog *catalog;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);
  crm_test_exec_sql (f->path, people_sql);

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->bruno = new_session (f->store, BRUNO);
  f->carla = new_session (f->store, CARLA);

  catalog = crm_store_get_catalog (f->store);
  f->deal_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  f->company_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "company"));
  f->anas_deal = create_element (f->admin, "deal", "Renovação Ana", ANA);
  f->made_by_ana = create_element (f->ana, "deal", "Indicação da Ana", BRUNO);
  f->brunos_deal = create_element (f->admin, "deal", "Renovação Bruno", BRUNO);
  f->brunos_company = create_element (f->admin, "company", "Ferragens Bruno", BRUNO);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->carla);
  g_assert_finalize_object (f->bruno);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- The list, its search and the card ------------------------------------------ */

static void
test_list_shows_only_own (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) anas = list_ids (f->ana, f->deal_type_id, NULL);
  g_autoptr(GArray) brunos = list_ids (f->bruno, f->deal_type_id, NULL);
  g_autoptr(GArray) found = NULL;

  /* Responsible for one, creator of another. */
  g_assert_cmpuint (anas->len, ==, 2);
  g_assert_true (has_id (anas, f->anas_deal));
  g_assert_true (has_id (anas, f->made_by_ana));
  g_assert_cmpuint (brunos->len, ==, 3);

  /* Search never reaches past the same line. */
  found = list_ids (f->ana, f->deal_type_id, "Renovação");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (has_id (found, f->anas_deal));
  g_clear_pointer (&found, g_array_unref);
  found = list_ids (f->ana, f->deal_type_id, "Bruno");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  /* The reference picker searches companies the same way. */
  found = list_ids (f->ana, f->company_type_id, "Ferragens");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = list_ids (f->bruno, f->company_type_id, "Ferragens");
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_kanban_column_only_own (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) deal = crm_element_load (f->admin, f->anas_deal, &error);
  g_autoptr(CrmElementListModel) column = crm_element_list_model_new (f->ana, f->deal_type_id);

  g_assert_no_error (error);
  crm_element_list_model_set_stage (column, crm_element_get_stage_id (deal));
  while (crm_element_list_model_load_more (column) > 0)
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column)), ==, 2);
}

static void
test_load_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  element = crm_element_load (f->ana, f->anas_deal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (element);
  g_clear_object (&element);

  element = crm_element_load (f->ana, f->brunos_deal, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (element);
  g_clear_error (&error);

  /* The card as of a date is the same card. */
  element = crm_element_load_as_of (f->ana, f->brunos_deal, now, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (element);
  g_clear_error (&error);
  element = crm_element_load_as_of (f->ana, f->anas_deal, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (element);
}

static void
test_timeline_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(CrmTimelineModel) model = NULL;

  g_assert_cmpint (crm_timeline_add_comment (f->admin, f->brunos_deal, "Ligar amanhã", &error), >, 0);
  g_assert_no_error (error);

  page = crm_timeline_query_page (f->ana, f->brunos_deal, NULL, 0, 50, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (page);
  g_clear_error (&error);

  page = crm_timeline_query_field_changes (f->ana, f->brunos_deal, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (page);
  g_clear_error (&error);

  page = crm_timeline_query_pinned (f->ana, f->brunos_deal, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (page);
  g_clear_error (&error);

  model = crm_timeline_model_new (f->ana, f->brunos_deal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  /* An entry added while her model is open does not reach it either. */
  g_assert_cmpint (crm_timeline_add_comment (f->bruno, f->brunos_deal, "Cliente retornou", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_clear_object (&model);

  /* Her own deal's timeline reads as before. */
  page = crm_timeline_query_page (f->ana, f->anas_deal, NULL, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, >=, 1);
  model = crm_timeline_model_new (f->ana, f->anas_deal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
}

/* ---- Writes ------------------------------------------------------------------------ */

static void
test_writes_refused_change_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->bruno, f->brunos_deal, &error);
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 entry;

  g_assert_no_error (error);
  entry = crm_timeline_add_comment (f->admin, f->brunos_deal, "Proposta enviada", &error);
  g_assert_no_error (error);
  before = crm_test_dump_db (f->path);

  /* A draft opened by someone who could see it, saved by Ana. */
  draft = crm_element_draft_new_for (f->ana, element);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Tomada", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_cmpint (crm_timeline_add_comment (f->ana, f->brunos_deal, "Oi", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_timeline_set_pinned (f->ana, entry, TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_element_delete (f->ana, f->brunos_deal, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_given_away_then_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->ana, f->anas_deal, &error);
  g_autoptr(CrmElementDraft) mine = NULL;
  g_autoptr(CrmElementDraft) stale = NULL;
  g_autoptr(CrmElement) again = NULL;

  g_assert_no_error (error);
  /* The administrator gives Ana's deal to Bruno while her card is open. */
  {
    g_autoptr(CrmElement) admin_view = crm_element_load (f->admin, f->anas_deal, &error);
    g_autoptr(CrmElementDraft) move = crm_element_draft_new_for (f->admin, admin_view);

    crm_element_draft_set_responsible (move, BRUNO);
    g_assert_cmpint (crm_element_draft_save (move, &error), ==, f->anas_deal);
    g_assert_no_error (error);
  }
  stale = crm_element_draft_new_for (f->ana, element);
  g_assert_true (crm_element_draft_set_input_by_code (stale, "title", "Ainda minha?", &error));
  g_assert_cmpint (crm_element_draft_save (stale, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  again = crm_element_load (f->ana, f->anas_deal, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (again);
  g_clear_error (&error);

  /* What she created stays hers to see and change. */
  g_clear_object (&element);
  element = crm_element_load (f->ana, f->made_by_ana, &error);
  g_assert_no_error (error);
  mine = crm_element_draft_new_for (f->ana, element);
  g_assert_true (crm_element_draft_set_input_by_code (mine, "title", "Indicação revista", &error));
  g_assert_cmpint (crm_element_draft_save (mine, &error), ==, f->made_by_ana);
  g_assert_no_error (error);
}

static void
test_link_to_unseen_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->ana, "deal", &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, f->brunos_company);
  CrmField *company = crm_catalog_find_field (crm_store_get_catalog (f->store), f->deal_type_id, "company");

  g_assert_no_error (error);
  g_assert_nonnull (company);
  before = crm_test_dump_db (f->path);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Com a empresa do Bruno", &error));
  g_assert_true (crm_element_draft_set_input_by_code (draft, "company", number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_delete_needs_permission (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = crm_test_dump_db (f->path);
  g_autofree char *after = NULL;

  /* Ana's role has no element.delete, even for her own deal. */
  g_assert_false (crm_element_delete (f->ana, f->anas_deal, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (crm_element_delete (f->bruno, f->brunos_deal, &error));
  g_assert_no_error (error);
}

/* ---- Rights that change while a list is open ------------------------------------ */

static void
test_open_list_follows_role (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementListModel) model = crm_element_list_model_new (f->ana, f->deal_type_id);
  g_autoptr(GPtrArray) roles = NULL;
  gint64 rep = 0;

  while (crm_element_list_model_load_more (model) > 0)
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  roles = crm_role_list (f->admin, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (crm_role_get_code (g_ptr_array_index (roles, i)), "rep"))
      rep = crm_role_get_id (g_ptr_array_index (roles, i));
  g_assert_cmpint (rep, !=, 0);

  g_assert_true (crm_role_set_permission (f->admin, rep, CRM_PERMISSION_ELEMENT_READ_ALL,
                                          f->deal_type_id, TRUE, &error));
  g_assert_no_error (error);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  /* Granted for deals only: companies stay her own. */
  g_assert_false (crm_session_reads_all (f->ana, f->company_type_id));
}

/* ---- Field visibility and department membership ---------------------------------- */

static void
test_field_follows_membership (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Margem");
  g_autoptr(CrmElementListModel) search = NULL;
  g_autoptr(CrmElement) card = NULL;
  g_autoptr(CrmUserConfig) carla = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 vendas = 10, suporte = 12;
  gint64 field_id;
  CrmField *field;

  g_array_append_val (config->visible_departments, vendas);
  field_id = crm_field_create_full (f->admin, f->deal_type_id, CRM_FIELD_TYPE_STRING, FALSE, NULL,
                                    config, 0, 0, &error);
  g_assert_no_error (error);
  field = crm_catalog_get_field (catalog, field_id);
  card = crm_element_load (f->admin, f->brunos_deal, &error);
  draft = crm_element_draft_new_for (f->admin, card);
  g_assert_true (crm_element_draft_set_input_by_code (draft, crm_field_get_code (field), "margemsecreta", &error));
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, f->brunos_deal);
  g_assert_no_error (error);
  g_clear_object (&card);

  /* Carla, in Vendas Sul, sees it through the parent department. */
  field = crm_catalog_get_field (catalog, field_id);
  g_assert_true (crm_session_can_see_field (f->carla, field));
  card = crm_element_load (f->carla, f->brunos_deal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (crm_element_get_value (card, field));
  g_clear_object (&card);
  search = crm_element_list_model_new (f->carla, f->deal_type_id);
  crm_element_list_model_set_search (search, "margemsecreta");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);

  /* She moves to Suporte: the open search, the card and the field agree. */
  carla = crm_user_config_new_for (crm_catalog_get_user (catalog, CARLA));
  g_array_set_size (carla->departments, 0);
  g_array_append_val (carla->departments, suporte);
  g_assert_true (crm_user_update (f->admin, CARLA, carla, &error));
  g_assert_no_error (error);

  field = crm_catalog_get_field (catalog, field_id);
  g_assert_false (crm_session_can_see_field (f->carla, field));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
  card = crm_element_load (f->carla, f->brunos_deal, &error);
  g_assert_no_error (error);
  g_assert_null (crm_element_get_value (card, field));
  g_clear_object (&card);

  /* And back. */
  g_array_set_size (carla->departments, 0);
  g_array_append_val (carla->departments, vendas);
  g_assert_true (crm_user_update (f->admin, CARLA, carla, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
}

static void
test_deactivated_session_may_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = NULL;

  g_assert_true (crm_user_set_active (f->admin, BRUNO, FALSE, &error));
  g_assert_no_error (error);
  /* His session was open before: it may no longer read or write. */
  element = crm_element_load (f->bruno, f->brunos_deal, &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (element);
  g_clear_error (&error);
  g_assert_cmpint (crm_timeline_add_comment (f->bruno, f->brunos_deal, "Oi", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/permissions/own/list", test_list_shows_only_own);
  ADD ("/permissions/own/kanban-column", test_kanban_column_only_own);
  ADD ("/permissions/own/load", test_load_refused);
  ADD ("/permissions/own/timeline", test_timeline_refused);
  ADD ("/permissions/own/writes-refused", test_writes_refused_change_nothing);
  ADD ("/permissions/own/given-away", test_given_away_then_refused);
  ADD ("/permissions/own/link-to-unseen", test_link_to_unseen_refused);
  ADD ("/permissions/delete", test_delete_needs_permission);
  ADD ("/permissions/open-list-follows-role", test_open_list_follows_role);
  ADD ("/permissions/field-follows-membership", test_field_follows_membership);
  ADD ("/permissions/deactivated-session", test_deactivated_session_may_nothing);

  return g_test_run ();
}
