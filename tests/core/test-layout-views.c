/* test-layout-views.c — who sees which card layout, through the calls the
 * card menu makes: the standard layout or one's own, the standard forced
 * on all, named views for users and departments (and the departments
 * under them), the view a user picked, Preview as, export and import,
 * Undo and Redo; every refusal leaves the database as it was.
 *
 * The users: the administrator (the desktop user); Ana (500), employee in
 * Vendas (10); Bruno (501), employee in no department; Carla (502),
 * employee in Vendas Sul (11, under Vendas); Davi (503), who may only read
 * and write elements (no layout of his own); Eva (504), employee who
 * manages views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501
#define CARLA 502
#define DAVI  503
#define EVA   504
#define VENDAS 10
#define VENDAS_SUL 11

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *bruno;
  CrmSession *carla;
  CrmSession *davi;
  CrmSession *eva;
  gint64      contact;
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (502, 'carla', 'Carla Melo', 0, '2024-01-01T00:00:00.000Z'),"
  "  (503, 'davi', 'Davi Reis', 0, '2024-01-01T00:00:00.000Z'),"
  "  (504, 'eva', 'Eva Lins', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id IN (500, 501, 502, 504);"
  "INSERT INTO roles (id, code, name) VALUES (90, 'reader', 'Reader'), (91, 'views', 'Views');"
  "INSERT INTO role_permissions (role_id, permission) VALUES "
  "  (90, 'element.read'), (90, 'element.write'), (91, 'views.manage');"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 503), (91, 504);"
  "INSERT INTO departments (id, name) VALUES (10, 'Vendas');"
  "INSERT INTO departments (id, name, parent_id) VALUES (11, 'Vendas Sul', 10);"
  "INSERT INTO user_departments (user_id, department_id) VALUES (500, 10), (502, 11);";

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

static CrmLayout *
resolve (Fixture    *f,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session, f->contact, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* What @session sees: the layout's scope and id. */
static void
assert_sees (Fixture        *f,
             CrmSession     *session,
             CrmLayoutScope  scope,
             gint64          id)
{
  g_autoptr(CrmLayout) layout = resolve (f, session);

  g_assert_cmpint (crm_layout_get_scope (layout), ==, scope);
  if (id != 0)
    g_assert_cmpint (crm_layout_get_id (layout), ==, id);
}

static gint64
standard_id (Fixture *f)
{
  return crm_test_query_int (f->path, "SELECT id FROM layouts WHERE scope = 'standard' AND entity_type_id = "
                                      "(SELECT id FROM entity_types WHERE code = 'contact')");
}

static GArray *
ids (gint64 first,
     ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (array, id);
  va_end (args);
  return array;
}

/* Takes @users and @departments. */
static gint64
create_view (Fixture    *f,
             CrmSession *session,
             const char *name,
             GArray     *users,
             GArray     *departments)
{
  g_autoptr(GArray) own_users = users;
  g_autoptr(GArray) own_departments = departments;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) in_use = resolve (f, session);
  gint64 id = crm_layout_view_create (session, in_use, name, users, departments, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
export (Fixture *f,
        gint64   layout_id)
{
  g_autoptr(GError) error = NULL;
  char *json = crm_layout_export (f->admin, layout_id, &error);

  g_assert_no_error (error);
  return json;
}

static gint64
field_id (Fixture    *f,
          const char *code)
{
  return crm_field_get_id (crm_catalog_find_field (crm_store_get_catalog (f->store), f->contact, code));
}

static gint64
first_section (CrmLayout *layout,
               guint      index)
{
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (crm_layout_get_sections (layout), index);

  return crm_layout_section_get_id (section);
}

static gboolean
shows_field (CrmLayout *layout,
             gint64     id)
{
  GListModel *sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          if (crm_field_get_id (field) == id)
            return TRUE;
        }
    }
  return FALSE;
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
  f->davi = new_session (f->store, DAVI);
  f->eva = new_session (f->store, EVA);
  f->contact = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store), "contact"));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = NULL;
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
  /* The standard layout exists before any dump is taken. */
  layout = resolve (f, f->admin);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->eva);
  g_assert_finalize_object (f->davi);
  g_assert_finalize_object (f->carla);
  g_assert_finalize_object (f->bruno);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- One's own layout ------------------------------------------------------------ */

static void
test_personal (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) in_use = resolve (f, f->bruno);
  g_autoptr(CrmLayout) personal = NULL;
  g_autoptr(CrmLayout) again = NULL;
  g_autofree char *standard_json = export (f, standard_id (f));
  g_autofree char *before = NULL;
  gint64 phone = field_id (f, "phone");
  gint64 personal_id;

  g_assert_false (crm_layout_has_personal (in_use));
  g_assert_true (crm_layout_use_personal (f->bruno, in_use, &error));
  g_assert_no_error (error);

  /* The first time, a copy of what he saw. */
  personal = resolve (f, f->bruno);
  g_assert_cmpint (crm_layout_get_scope (personal), ==, CRM_LAYOUT_PERSONAL);
  g_assert_true (crm_layout_has_personal (personal));
  personal_id = crm_layout_get_id (personal);
  g_assert_cmpint (personal_id, !=, standard_id (f));
  {
    g_autofree char *copy = crm_layout_export (f->bruno, personal_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (copy, ==, standard_json);
  }

  /* His edits are his. */
  g_assert_true (crm_layout_hide_field (f->bruno, personal_id, phone, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = export (f, standard_id (f));

    g_assert_cmpstr (now, ==, standard_json);
  }
  assert_sees (f, f->ana, CRM_LAYOUT_STANDARD, standard_id (f));

  /* Standard again, then his own again: the same one, not a new copy. */
  g_assert_true (crm_layout_use_standard (f->bruno, personal, &error));
  g_assert_no_error (error);
  assert_sees (f, f->bruno, CRM_LAYOUT_STANDARD, standard_id (f));
  in_use = (g_object_unref (in_use), resolve (f, f->bruno));
  g_assert_true (crm_layout_has_personal (in_use));
  g_assert_true (crm_layout_use_personal (f->bruno, in_use, &error));
  g_assert_no_error (error);
  again = resolve (f, f->bruno);
  g_assert_cmpint (crm_layout_get_id (again), ==, personal_id);
  g_assert_false (shows_field (again, phone));

  /* Reset drops it. */
  g_assert_true (crm_layout_reset_personal (f->bruno, again, &error));
  g_assert_no_error (error);
  assert_sees (f, f->bruno, CRM_LAYOUT_STANDARD, standard_id (f));
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts WHERE scope = 'personal'"), ==, 0);

  /* Refused: nothing to reset; Davi may have no layout of his own. */
  before = crm_test_dump_db (f->path);
  g_assert_false (crm_layout_reset_personal (f->bruno, again, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(CrmLayout) his = resolve (f, f->davi);

    g_assert_false (crm_layout_use_personal (f->davi, his, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }
  {
    g_autofree char *after = crm_test_dump_db (f->path);

    g_assert_cmpstr (after, ==, before);
  }
}

/* A personal layout chosen, then the role allowing it gone: standard. */
static void
test_personal_without_permission (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) in_use = resolve (f, f->bruno);
  g_autoptr(CrmLayout) personal = NULL;

  g_assert_true (crm_layout_use_personal (f->bruno, in_use, &error));
  g_assert_no_error (error);
  personal = resolve (f, f->bruno);
  g_assert_cmpint (crm_layout_get_scope (personal), ==, CRM_LAYOUT_PERSONAL);

  crm_test_exec_sql (f->path, "DELETE FROM role_assignments WHERE user_id = 501;"
                              "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 501);");
  assert_sees (f, f->bruno, CRM_LAYOUT_STANDARD, standard_id (f));
  g_assert_false (crm_layout_hide_field (f->bruno, crm_layout_get_id (personal), field_id (f, "phone"), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
}

/* ---- Forced standard ----------------------------------------------------------- */

static void
test_forced (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) bruno_layout = resolve (f, f->bruno);
  g_autoptr(CrmLayout) mine = NULL;
  g_autoptr(CrmLayout) standard = NULL;
  g_autofree char *before = NULL;
  gint64 phone = field_id (f, "phone");
  gint64 view_id, personal_id;

  g_assert_true (crm_layout_use_personal (f->bruno, bruno_layout, &error));
  g_assert_no_error (error);
  view_id = create_view (f, f->admin, "Vendas", NULL, ids (VENDAS, 0));
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, view_id);

  /* The administrator's own layout, without the phone, for everyone. */
  g_assert_true (crm_layout_use_standard (f->admin, bruno_layout, &error));
  g_assert_no_error (error);
  mine = resolve (f, f->admin);
  g_assert_true (crm_layout_use_personal (f->admin, mine, &error));
  g_assert_no_error (error);
  g_clear_object (&mine);
  mine = resolve (f, f->admin);
  personal_id = crm_layout_get_id (mine);
  g_assert_true (crm_layout_hide_field (f->admin, personal_id, phone, &error));
  g_assert_no_error (error);
  g_clear_object (&mine);
  mine = resolve (f, f->admin);

  /* Bruno may not. */
  before = crm_test_dump_db (f->path);
  g_assert_false (crm_layout_set_forced (f->bruno, bruno_layout, TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autofree char *after = crm_test_dump_db (f->path);

    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (crm_layout_set_forced (f->admin, mine, TRUE, &error));
  g_assert_no_error (error);
  assert_sees (f, f->ana, CRM_LAYOUT_STANDARD, standard_id (f));
  assert_sees (f, f->carla, CRM_LAYOUT_STANDARD, standard_id (f));
  assert_sees (f, f->bruno, CRM_LAYOUT_STANDARD, standard_id (f));
  assert_sees (f, f->admin, CRM_LAYOUT_STANDARD, standard_id (f));
  standard = resolve (f, f->bruno);
  g_assert_true (crm_layout_is_forced (standard));
  g_assert_false (shows_field (standard, phone));

  /* No longer forced: each their own choice again. */
  g_assert_true (crm_layout_set_forced (f->admin, standard, FALSE, &error));
  g_assert_no_error (error);
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, view_id);
  assert_sees (f, f->bruno, CRM_LAYOUT_PERSONAL, 0);
  assert_sees (f, f->admin, CRM_LAYOUT_PERSONAL, personal_id);
}

/* ---- Views ------------------------------------------------------------------------ */

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) vendas = ids (VENDAS, 0);
  g_autoptr(GArray) ana = ids (ANA, 0);
  g_autoptr(GArray) bruno = ids (BRUNO, 0);
  g_autoptr(GArray) sul = ids (VENDAS_SUL, 0);
  g_autoptr(GArray) nobody = ids (999, 0);
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(CrmLayout) ana_layout = NULL;
  gint64 dept_view, ana_view;

  dept_view = create_view (f, f->admin, "Vendas", NULL, g_array_ref (vendas));
  /* Its maker sees it at once, to shape it. */
  assert_sees (f, f->admin, CRM_LAYOUT_VIEW, dept_view);
  /* By department, and by the department above one's own. */
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, dept_view);
  assert_sees (f, f->carla, CRM_LAYOUT_VIEW, dept_view);
  assert_sees (f, f->bruno, CRM_LAYOUT_STANDARD, standard_id (f));
  ana_layout = resolve (f, f->ana);
  g_assert_cmpstr (crm_layout_get_name (ana_layout), ==, "Vendas");
  g_assert_true (crm_layout_is_view_assigned (ana_layout));
  g_assert_false (crm_layout_may_edit (f->ana, ana_layout));
  {
    g_autoptr(CrmLayout) admin_layout = resolve (f, f->admin);

    /* Picked, not assigned: the standard layout is still his to go back to. */
    g_assert_false (crm_layout_is_view_assigned (admin_layout));
    g_assert_true (crm_layout_may_edit (f->admin, admin_layout));
  }

  /* A view of the user's own comes before her department's. */
  ana_view = create_view (f, f->eva, "Só da Ana", g_array_ref (ana), NULL);
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, ana_view);
  assert_sees (f, f->eva, CRM_LAYOUT_VIEW, ana_view);

  g_clear_object (&ana_layout);
  ana_layout = resolve (f, f->ana);
  views = crm_layout_list_views (f->ana, ana_layout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_cmpstr (((CrmLayoutViewInfo *) g_ptr_array_index (views, 0))->name, ==, "Só da Ana");
  g_assert_cmpstr (((CrmLayoutViewInfo *) g_ptr_array_index (views, 1))->name, ==, "Vendas");
  g_clear_pointer (&views, g_ptr_array_unref);
  views = crm_layout_list_views (f->bruno, ana_layout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 0);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = crm_layout_list_views (f->eva, ana_layout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 2);
  g_clear_pointer (&views, g_ptr_array_unref);

  /* She switches to her department's, and it lasts. */
  g_assert_true (crm_layout_use_view (f->ana, dept_view, &error));
  g_assert_no_error (error);
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, dept_view);

  /* Her department taken off the view: her pick no longer applies. */
  g_assert_true (crm_layout_view_update (f->eva, dept_view, "Vendas Sul", NULL, sul, &error));
  g_assert_no_error (error);
  assert_sees (f, f->ana, CRM_LAYOUT_VIEW, ana_view);
  assert_sees (f, f->carla, CRM_LAYOUT_VIEW, dept_view);
  {
    g_autofree char *name = crm_test_query_text (f->path, "SELECT name FROM layouts WHERE scope = 'view' "
                                                          "ORDER BY id LIMIT 1");

    g_assert_cmpstr (name, ==, "Vendas Sul");
  }

  /* Deleted: what comes next in the order. */
  g_assert_true (crm_layout_view_delete (f->eva, ana_view, &error));
  g_assert_no_error (error);
  assert_sees (f, f->ana, CRM_LAYOUT_STANDARD, standard_id (f));

  /* Refused, and nothing changes. */
  {
    g_autofree char *before = crm_test_dump_db (f->path);
    g_autofree char *after = NULL;

    g_assert_cmpint (crm_layout_view_create (f->ana, ana_layout, "Minha", ana, NULL, &error), ==, 0);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
    g_assert_cmpint (crm_layout_view_create (f->admin, ana_layout, "  ", ana, NULL, &error), ==, 0);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);
    g_assert_cmpint (crm_layout_view_create (f->admin, ana_layout, "Fantasma", nobody, NULL, &error), ==, 0);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (crm_layout_use_view (f->bruno, dept_view, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
    g_assert_false (crm_layout_use_view (f->ana, 98765, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (crm_layout_use_view (f->ana, standard_id (f), &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (crm_layout_view_update (f->bruno, dept_view, "Minha", bruno, NULL, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
    g_assert_false (crm_layout_view_update (f->eva, 98765, "Minha", bruno, NULL, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (crm_layout_view_delete (f->carla, dept_view, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
    /* Shaping a view is for those who manage views. */
    g_assert_false (crm_layout_hide_field (f->carla, dept_view, field_id (f, "phone"), &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);

    after = crm_test_dump_db (f->path);
    g_assert_cmpstr (after, ==, before);
  }

  /* Eva may shape it. */
  g_assert_true (crm_layout_hide_field (f->eva, dept_view, field_id (f, "phone"), &error));
  g_assert_no_error (error);
}

/* A view beats one's own layout; forced beats both (test_forced). */
static void
test_view_before_personal (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) in_use = resolve (f, f->carla);
  gint64 view_id;

  g_assert_true (crm_layout_use_personal (f->carla, in_use, &error));
  g_assert_no_error (error);
  assert_sees (f, f->carla, CRM_LAYOUT_PERSONAL, 0);
  view_id = create_view (f, f->admin, "Vendas", NULL, ids (VENDAS, 0));
  assert_sees (f, f->carla, CRM_LAYOUT_VIEW, view_id);
  g_assert_true (crm_layout_view_delete (f->admin, view_id, &error));
  g_assert_no_error (error);
  assert_sees (f, f->carla, CRM_LAYOUT_PERSONAL, 0);
}

/* ---- Preview as ----------------------------------------------------------------- */

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Apelido");
  g_autoptr(CrmFieldConfig) sales = crm_field_config_new ("Meta de vendas");
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayout) admin_layout = resolve (f, f->admin);
  g_autofree char *before = NULL;
  gint64 section = first_section (admin_layout, 0);
  gint64 nickname, goal, ana = ANA, vendas = VENDAS, view_id;

  g_array_append_val (config->visible_users, ana);
  nickname = crm_field_create_full (f->admin, f->contact, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                                    section, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_array_append_val (sales->visible_departments, vendas);
  goal = crm_field_create_full (f->admin, f->contact, CRM_FIELD_TYPE_STRING, FALSE, NULL, sales,
                                section, G_MAXUINT, &error);
  g_assert_no_error (error);
  view_id = create_view (f, f->admin, "Vendas", NULL, ids (VENDAS_SUL, 0));
  g_assert_true (crm_layout_use_standard (f->admin, admin_layout, &error));
  g_assert_no_error (error);

  before = crm_test_dump_db (f->path);

  layout = crm_layout_preview (f->admin, f->contact, 0, 0, ANA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_scope (layout), ==, CRM_LAYOUT_STANDARD);
  g_assert_true (shows_field (layout, nickname));
  g_assert_true (shows_field (layout, goal));
  g_clear_object (&layout);

  layout = crm_layout_preview (f->eva, f->contact, 0, 0, BRUNO, 0, &error);
  g_assert_no_error (error);
  g_assert_false (shows_field (layout, nickname));
  g_assert_false (shows_field (layout, goal));
  g_clear_object (&layout);

  /* Carla, in Vendas Sul: the view, and the field for Vendas above her. */
  layout = crm_layout_preview (f->admin, f->contact, 0, 0, CARLA, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_id (layout), ==, view_id);
  g_assert_true (shows_field (layout, goal));
  g_assert_false (shows_field (layout, nickname));
  g_clear_object (&layout);

  /* A department: its view, the fields for it and those above it. */
  layout = crm_layout_preview (f->admin, f->contact, 0, 0, 0, VENDAS_SUL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_id (layout), ==, view_id);
  g_assert_true (shows_field (layout, goal));
  g_assert_false (shows_field (layout, nickname));
  g_clear_object (&layout);
  layout = crm_layout_preview (f->admin, f->contact, 0, 0, 0, VENDAS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_id (layout), ==, standard_id (f));
  g_clear_object (&layout);

  /* Eva cannot see Ana's field: nor can her preview of Ana show it. */
  layout = crm_layout_preview (f->eva, f->contact, 0, 0, ANA, 0, &error);
  g_assert_no_error (error);
  g_assert_false (shows_field (layout, nickname));
  g_clear_object (&layout);

  /* Refused for those who shape nobody's card; unknown people. */
  g_assert_null (crm_layout_preview (f->bruno, f->contact, 0, 0, ANA, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (crm_layout_preview (f->admin, f->contact, 0, 0, 999, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (crm_layout_preview (f->admin, f->contact, 0, 0, 0, 999, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *after = crm_test_dump_db (f->path);

    g_assert_cmpstr (after, ==, before);
  }
}

/* ---- Export and import ----------------------------------------------------------- */

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) in_use = resolve (f, f->bruno);
  g_autoptr(CrmLayout) personal = NULL;
  g_autofree char *json = export (f, standard_id (f));
  g_autofree char *edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *mine = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 personal_id;

  g_assert_nonnull (strstr (json, "\"format\" : \"clientele-layout\""));
  g_assert_nonnull (strstr (json, "\"phone\""));
  g_assert_nonnull (strstr (json, "\"tabs\""));

  g_assert_true (crm_layout_use_personal (f->bruno, in_use, &error));
  g_assert_no_error (error);
  personal = resolve (f, f->bruno);
  personal_id = crm_layout_get_id (personal);

  /* The phone goes: imported, his layout has it nowhere. */
  parts = g_strsplit (json, "\"phone\",", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv ("", parts);
  g_assert_true (crm_layout_import (f->bruno, personal_id, edited, -1, &error));
  g_assert_no_error (error);
  g_clear_object (&personal);
  personal = resolve (f, f->bruno);
  g_assert_false (shows_field (personal, field_id (f, "phone")));
  mine = crm_layout_export (f->bruno, personal_id, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (mine, "\"phone\""));
  g_assert_nonnull (strstr (mine, "\"email\""));

  /* Refused whole: a field the card lacks, another type, not a layout,
   * a field twice, someone else's layout. */
  before = crm_test_dump_db (f->path);
  {
    g_auto(GStrv) bad = g_strsplit (json, "\"email\"", 2);
    g_autofree char *unknown = g_strjoinv ("\"no_such_field\"", bad);

    g_assert_false (crm_layout_import (f->bruno, personal_id, unknown, -1, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_assert_nonnull (strstr (error->message, "no_such_field"));
    g_clear_error (&error);
  }
  {
    g_auto(GStrv) bad = g_strsplit (json, "\"contact\"", 2);
    g_autofree char *other = g_strjoinv ("\"deal\"", bad);

    g_assert_false (crm_layout_import (f->bruno, personal_id, other, -1, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);
  }
  {
    g_auto(GStrv) bad = g_strsplit (json, "\"email\"", 2);
    g_autofree char *twice = g_strjoinv ("\"email\", \"email\"", bad);

    g_assert_false (crm_layout_import (f->bruno, personal_id, twice, -1, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);
  }
  g_assert_false (crm_layout_import (f->bruno, personal_id, "{ not json", -1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_layout_import (f->bruno, standard_id (f), json, -1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (crm_layout_export (f->ana, personal_id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autofree char *after = crm_test_dump_db (f->path);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (crm_layout_can_redo (f->bruno, personal_id));
}

/* ---- Undo and redo ---------------------------------------------------------------- */

static void
undo_redo (Fixture    *f,
           gint64      layout_id,
           const char *before,
           const char *after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *again = NULL;

  g_assert_true (crm_layout_can_undo (f->admin, layout_id));
  g_assert_true (crm_layout_undo (f->admin, layout_id, &error));
  g_assert_no_error (error);
  undone = export (f, layout_id);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (crm_layout_can_redo (f->admin, layout_id));
  g_assert_true (crm_layout_redo (f->admin, layout_id, &error));
  g_assert_no_error (error);
  redone = export (f, layout_id);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (f, f->admin);
  gint64 id = crm_layout_get_id (layout);
  gint64 section = first_section (layout, 0);
  gint64 second = first_section (layout, 1);
  gint64 phone = field_id (f, "phone");
  CrmTab order[] = { CRM_TAB_HISTORY, CRM_TAB_GENERAL, CRM_TAB_DEPENDENCIES, CRM_TAB_DOCUMENTS };
  g_autofree char *start = export (f, id);
  char *states[7] = { NULL, };
  g_autofree char *before = NULL;

  g_assert_false (crm_layout_can_undo (f->admin, id));
  g_assert_false (crm_layout_undo (f->admin, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  states[0] = g_strdup (start);
  g_assert_true (crm_layout_place_field (f->admin, second, phone, 0, &error));   /* a move across */
  states[1] = export (f, id);
  g_assert_true (crm_layout_rename_section (f->admin, section, "Principal", &error));
  states[2] = export (f, id);
  g_assert_true (crm_layout_hide_field (f->admin, id, phone, &error));
  states[3] = export (f, id);
  g_assert_true (crm_layout_delete_section (f->admin, second, &error));
  states[4] = export (f, id);
  g_assert_true (crm_layout_set_tabs (f->admin, id, order, G_N_ELEMENTS (order), 1u << CRM_TAB_DOCUMENTS, &error));
  states[5] = export (f, id);
  g_assert_true (crm_layout_move_section (f->admin, section, 5, &error));
  states[6] = export (f, id);
  g_assert_no_error (error);

  g_assert_false (crm_layout_can_redo (f->admin, id));
  /* Each step back and forth, newest first. */
  for (int i = 6; i >= 1; i--)
    {
      g_autofree char *now = NULL;

      if (g_strcmp0 (states[i], states[i - 1]) == 0)
        continue;
      undo_redo (f, id, states[i - 1], states[i]);
      g_assert_true (crm_layout_undo (f->admin, id, &error));
      g_assert_no_error (error);
      now = export (f, id);
      g_assert_cmpstr (now, ==, states[i - 1]);
    }
  g_assert_false (crm_layout_can_undo (f->admin, id));
  g_assert_cmpstr (states[0], ==, start);

  /* A new edit drops what could be redone. */
  g_assert_true (crm_layout_can_redo (f->admin, id));
  g_assert_true (crm_layout_hide_field (f->admin, id, phone, &error));
  g_assert_no_error (error);
  g_assert_false (crm_layout_can_redo (f->admin, id));

  /* Not for someone who may not edit it; nothing changes. */
  before = crm_test_dump_db (f->path);
  g_assert_false (crm_layout_undo (f->bruno, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autofree char *after = crm_test_dump_db (f->path);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (crm_layout_can_undo (f->admin, id));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    g_free (states[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/layout-views/personal", test_personal);
  ADD ("/layout-views/personal-without-permission", test_personal_without_permission);
  ADD ("/layout-views/forced", test_forced);
  ADD ("/layout-views/views", test_views);
  ADD ("/layout-views/view-before-personal", test_view_before_personal);
  ADD ("/layout-views/preview", test_preview);
  ADD ("/layout-views/documents", test_documents);
  ADD ("/layout-views/undo", test_undo);

  return g_test_run ();
}
