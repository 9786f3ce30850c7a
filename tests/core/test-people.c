/* test-people.c — the administration of users, departments and roles:
 * who may call it, what it refuses, that a refusal changes nothing, that
 * someone always remains able to manage users, and --user's sessions
 *
 * The users: the administrator (the desktop user, is_admin and the
 * administrator role) and Ana (500), an employee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA 500

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  char       *before;   /* a dump, for refusals */
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT id, 500 FROM roles WHERE code = 'employee';";

/* ---- Helpers ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmSession *admin;
  CrmStore *store;

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
  f->ana = crm_session_new (f->store, ANA, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->before);
}

static void
remember (Fixture *f)
{
  g_free (f->before);
  f->before = crm_test_dump_db (f->path);
}

/* The call failed with @code and left the database as remember() saw it. */
#define assert_refused(f, error, code) G_STMT_START {                       \
    g_autofree char *_after = crm_test_dump_db ((f)->path);                 \
    g_assert_error ((error), CRM_ERROR, (code));                            \
    g_assert_cmpstr ((f)->before, ==, _after);                              \
    g_clear_error (&(error));                                               \
  } G_STMT_END

static CrmUserConfig *
user_config (const char *login,
             const char *name,
             const char *email)
{
  CrmUserConfig *config = crm_user_config_new ();

  config->login = g_strdup (login);
  config->name = g_strdup (name);
  config->email = g_strdup (email);
  return config;
}

static CrmRole *
find_role (GPtrArray  *roles,
           const char *code)
{
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (crm_role_get_code (g_ptr_array_index (roles, i)), code))
      return g_ptr_array_index (roles, i);
  return NULL;
}

static gint64
role_id (Fixture    *f,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = crm_role_list (f->admin, &error);
  CrmRole *role;

  g_assert_no_error (error);
  role = find_role (roles, code);
  g_assert_nonnull (role);
  return crm_role_get_id (role);
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ---- Users ---------------------------------------------------------------------- */

static void
test_user_create (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmUserConfig) config = user_config ("  bruno.dias ", "  Bruno Dias ", "bruno@example.com");
  g_autoptr(GPtrArray) roles = NULL;
  CrmUser *user;
  gint64 id;

  config->position = g_strdup ("Executivo de contas");
  id = crm_user_create (f->admin, config, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The catalog knows at once. */
  user = crm_catalog_get_user (crm_store_get_catalog (f->store), id);
  g_assert_nonnull (user);
  g_assert_cmpstr (crm_user_get_login (user), ==, "bruno.dias");
  g_assert_cmpstr (crm_user_get_name (user), ==, "Bruno Dias");
  g_assert_cmpstr (crm_user_get_email (user), ==, "bruno@example.com");
  g_assert_true (crm_user_is_active (user));
  g_assert_false (crm_user_is_admin (user));

  /* An employee, as users the desktop creates. */
  roles = crm_role_list (f->admin, &error);
  g_assert_true (array_has (crm_role_get_users (find_role (roles, "employee")), id));
  g_clear_pointer (&roles, g_ptr_array_unref);

  /* Given the administrator role instead, in the same write. */
  {
    g_autoptr(CrmUserConfig) carla = user_config ("carla", "Carla Melo", NULL);
    gint64 administrator = role_id (f, "administrator");
    gint64 carla_id;

    carla->roles = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_array_append_val (carla->roles, administrator);
    carla_id = crm_user_create (f->admin, carla, &error);
    g_assert_no_error (error);
    roles = crm_role_list (f->admin, &error);
    g_assert_true (array_has (crm_role_get_users (find_role (roles, "administrator")), carla_id));
    g_assert_false (array_has (crm_role_get_users (find_role (roles, "employee")), carla_id));

    /* A role that does not exist refuses the whole write. */
    remember (f);
    g_array_append_val (carla->roles, (gint64) { 4242 });
    g_free (carla->login);
    carla->login = g_strdup ("carla2");
    g_assert_cmpint (crm_user_create (f->admin, carla, &error), ==, 0);
    assert_refused (f, error, CRM_ERROR_VALIDATION);
  }
}

static void
test_user_create_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmUserConfig) config = user_config ("carla", "Carla Melo", NULL);
  gint64 nowhere = 999;

  remember (f);
  /* Not a manager of users. */
  g_assert_cmpint (crm_user_create (f->ana, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);

  g_free (config->login);
  config->login = g_strdup ("ANA");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_CONFLICT);

  g_free (config->login);
  config->login = g_strdup ("carla melo");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  g_free (config->login);
  config->login = g_strdup ("");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  g_free (config->login);
  config->login = g_strdup (".carla");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  g_free (config->login);
  config->login = g_strdup ("carla");
  g_free (config->name);
  config->name = g_strdup ("   ");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  g_free (config->name);
  config->name = g_strdup ("Carla Melo");
  config->email = g_strdup ("carla@");
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  g_clear_pointer (&config->email, g_free);
  g_array_append_val (config->departments, nowhere);
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);

  /* A photo that is not stored. */
  g_array_set_size (config->departments, 0);
  config->photo_file_id = 4242;
  g_assert_cmpint (crm_user_create (f->admin, config, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_NOT_FOUND);
}

static void
test_user_update (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmUserConfig) config = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG", 4);
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 department, file_id;
  CrmUser *user;

  department = crm_department_create (f->admin, "Vendas", 0, &error);
  g_assert_no_error (error);
  file_id = crm_file_add (f->admin, "ana.png", "image/png", photo, &error);
  g_assert_no_error (error);

  config = crm_user_config_new_for (crm_catalog_get_user (catalog, ANA));
  g_free (config->name);
  config->name = g_strdup ("Ana Souza Lima");
  config->photo_file_id = file_id;
  g_array_append_val (config->departments, department);
  g_assert_true (crm_user_update (f->admin, ANA, config, &error));
  g_assert_no_error (error);

  user = crm_catalog_get_user (catalog, ANA);
  g_assert_cmpstr (crm_user_get_name (user), ==, "Ana Souza Lima");
  g_assert_cmpint (crm_user_get_photo_file_id (user), ==, file_id);
  g_assert_cmpuint (crm_user_get_departments (user)->len, ==, 1);
  /* The photo is claimed: no sweep takes it. */
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM files WHERE pending_since IS NULL"), ==, 1);

  /* Her own login, in other letters, is no conflict with herself. */
  g_free (config->login);
  config->login = g_strdup ("Ana");
  g_assert_true (crm_user_update (f->admin, ANA, config, &error));
  g_assert_no_error (error);

  remember (f);
  g_assert_false (crm_user_update (f->admin, 4242, config, &error));
  assert_refused (f, error, CRM_ERROR_NOT_FOUND);
  g_assert_false (crm_user_update (f->ana, ANA, config, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
}

static void
test_last_manager (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmUserConfig) config = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 me = crm_session_get_user_id (f->admin);
  gint64 administrator = role_id (f, "administrator");

  remember (f);
  g_assert_false (crm_user_set_active (f->admin, me, FALSE, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);

  /* Without the flag, the administrator role still lets them. */
  config = crm_user_config_new_for (crm_catalog_get_user (catalog, me));
  config->is_admin = FALSE;
  g_assert_true (crm_user_update (f->admin, me, config, &error));
  g_assert_no_error (error);
  g_assert_true (crm_session_has_permission (f->admin, CRM_PERMISSION_USERS_MANAGE, 0));

  remember (f);
  g_assert_false (crm_role_assign_user (f->admin, administrator, me, FALSE, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_role_set_permission (f->admin, administrator, CRM_PERMISSION_USERS_MANAGE, 0,
                                           FALSE, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_user_set_active (f->admin, me, FALSE, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);

  /* Once Ana may manage users too, the administrator may step down. */
  g_assert_true (crm_role_assign_user (f->admin, administrator, ANA, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (crm_user_set_active (f->admin, me, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (crm_user_is_active (crm_catalog_get_user (catalog, me)));
  /* … and may no longer act. */
  g_assert_false (crm_session_has_permission (f->admin, CRM_PERMISSION_USERS_MANAGE, 0));
  g_assert_true (crm_user_set_active (f->ana, me, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_session_for_login (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) session = NULL;

  session = crm_session_new_for_login (f->store, "ana", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_session_get_user_id (session), ==, ANA);
  g_clear_object (&session);

  session = crm_session_new_for_login (f->store, "nobody", &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_null (session);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);

  g_assert_true (crm_user_set_active (f->admin, ANA, FALSE, &error));
  g_assert_no_error (error);
  session = crm_session_new_for_login (f->store, "ana", &error);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (session);
}

/* ---- Departments ------------------------------------------------------------------ */

static char *
tree_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tree = crm_department_list (f->admin, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < tree->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (tree, i);

      for (guint d = 0; d < crm_department_get_depth (department); d++)
        g_string_append_c (out, '-');
      g_string_append_printf (out, "%s;", crm_department_get_name (department));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_tree(f, expected) G_STMT_START {  \
    g_autofree char *_tree = tree_text (f);      \
    g_assert_cmpstr (_tree, ==, (expected));     \
  } G_STMT_END

static void
test_departments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 board, sales, sp, rj, service;

  board = crm_department_create (f->admin, "Diretoria", 0, &error);
  sales = crm_department_create (f->admin, "Vendas", board, &error);
  sp = crm_department_create (f->admin, "Vendas SP", sales, &error);
  rj = crm_department_create (f->admin, "Vendas RJ", sales, &error);
  service = crm_department_create (f->admin, "Atendimento", 0, &error);
  g_assert_no_error (error);
  assert_tree (f, "Diretoria;-Vendas;--Vendas SP;--Vendas RJ;Atendimento;");
  g_assert_cmpstr (crm_catalog_get_department_name (crm_store_get_catalog (f->store), rj), ==, "Vendas RJ");

  /* Reorder among siblings, then move under another department. */
  g_assert_true (crm_department_move (f->admin, rj, sales, 0, &error));
  assert_tree (f, "Diretoria;-Vendas;--Vendas RJ;--Vendas SP;Atendimento;");
  g_assert_true (crm_department_move (f->admin, service, board, G_MAXUINT, &error));
  g_assert_no_error (error);
  assert_tree (f, "Diretoria;-Vendas;--Vendas RJ;--Vendas SP;-Atendimento;");
  g_assert_cmpint (crm_catalog_get_department_parent (crm_store_get_catalog (f->store), service), ==, board);

  g_assert_true (crm_department_rename (f->admin, sp, "Vendas São Paulo", &error));
  g_assert_no_error (error);

  remember (f);
  g_assert_false (crm_department_move (f->admin, sales, sales, 0, &error));
  assert_refused (f, error, CRM_ERROR_VALIDATION);
  g_assert_false (crm_department_move (f->admin, board, sp, 0, &error));
  assert_refused (f, error, CRM_ERROR_VALIDATION);
  g_assert_false (crm_department_move (f->admin, sp, 4242, 0, &error));
  assert_refused (f, error, CRM_ERROR_NOT_FOUND);
  g_assert_cmpint (crm_department_create (f->admin, "vendas rj", sales, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_CONFLICT);
  g_assert_cmpint (crm_department_create (f->admin, " ", 0, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_VALIDATION);
  g_assert_false (crm_department_rename (f->admin, rj, "Vendas São Paulo", &error));
  assert_refused (f, error, CRM_ERROR_CONFLICT);
  g_assert_cmpint (crm_department_create (f->ana, "Compras", 0, &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_department_move (f->ana, rj, 0, 0, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_department_delete (f->ana, rj, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);

  /* Deleting Vendas puts its sub-departments in its place. */
  g_assert_true (crm_department_delete (f->admin, sales, &error));
  g_assert_no_error (error);
  assert_tree (f, "Diretoria;-Vendas RJ;-Vendas São Paulo;-Atendimento;");
  g_assert_null (crm_catalog_get_department_name (crm_store_get_catalog (f->store), sales));

  g_assert_true (crm_department_set_head (f->admin, rj, ANA, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT head_id FROM departments WHERE name = 'Vendas RJ'"),
                   ==, ANA);
}

static void
test_department_with_field_kept (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Comissão");
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  gint64 department = crm_department_create (f->admin, "Financeiro", 0, &error);

  g_assert_no_error (error);
  g_array_append_val (config->visible_departments, department);
  crm_field_create_full (f->admin, type_id, CRM_FIELD_TYPE_STRING, FALSE, NULL, config, 0, 0, &error);
  g_assert_no_error (error);

  /* Deleting it would open the field to everyone. */
  remember (f);
  g_assert_false (crm_department_delete (f->admin, department, &error));
  g_assert_nonnull (strstr (error->message, "Comissão"));
  assert_refused (f, error, CRM_ERROR_CONFLICT);
}

/* ---- Roles ------------------------------------------------------------------------ */

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 deal = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  gint64 lead = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "lead"));
  gint64 rep, sales, south;
  CrmRole *role;

  rep = crm_role_create (f->admin, "Vendedor", &error);
  g_assert_no_error (error);
  g_assert_true (crm_role_rename (f->admin, rep, "Vendedor externo", &error));
  g_assert_no_error (error);

  /* Only on deals, then on every type, then every type but leads. */
  g_assert_true (crm_role_set_permission (f->admin, rep, CRM_PERMISSION_FIELDS_MANAGE, deal, TRUE, &error));
  g_assert_no_error (error);
  roles = crm_role_list (f->admin, &error);
  role = NULL;
  for (guint i = 0; i < roles->len; i++)
    if (crm_role_get_id (g_ptr_array_index (roles, i)) == rep)
      role = g_ptr_array_index (roles, i);
  g_assert_nonnull (role);
  g_assert_cmpstr (crm_role_get_name (role), ==, "Vendedor externo");
  g_assert_false (crm_role_is_builtin (role));
  g_assert_true (crm_role_grants (role, CRM_PERMISSION_FIELDS_MANAGE, deal));
  g_assert_false (crm_role_grants (role, CRM_PERMISSION_FIELDS_MANAGE, lead));
  g_assert_false (crm_role_grants (role, CRM_PERMISSION_FIELDS_MANAGE, 0));
  g_clear_pointer (&roles, g_ptr_array_unref);

  g_assert_true (crm_role_set_permission (f->admin, rep, CRM_PERMISSION_FIELDS_MANAGE, 0, TRUE, &error));
  g_assert_true (crm_role_set_permission (f->admin, rep, CRM_PERMISSION_FIELDS_MANAGE, lead, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (f->path,
                                       "SELECT count(*) FROM role_permissions p JOIN roles r ON r.id = p.role_id "
                                       "WHERE r.name = 'Vendedor externo' AND p.entity_type_id IS NULL"), ==, 0);

  /* Given to Vendas, it reaches Ana in Vendas Sul. */
  sales = crm_department_create (f->admin, "Vendas", 0, &error);
  south = crm_department_create (f->admin, "Vendas Sul", sales, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CrmUserConfig) ana = crm_user_config_new_for (crm_catalog_get_user (catalog, ANA));

    g_array_append_val (ana->departments, south);
    g_assert_true (crm_user_update (f->admin, ANA, ana, &error));
    g_assert_no_error (error);
  }
  g_assert_false (crm_session_has_permission (f->ana, CRM_PERMISSION_FIELDS_MANAGE, deal));
  g_assert_true (crm_role_assign_department (f->admin, rep, sales, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (crm_session_has_permission (f->ana, CRM_PERMISSION_FIELDS_MANAGE, deal));
  g_assert_false (crm_session_has_permission (f->ana, CRM_PERMISSION_FIELDS_MANAGE, lead));

  remember (f);
  g_assert_false (crm_role_set_permission (f->admin, rep, CRM_PERMISSION_USERS_MANAGE, deal, TRUE, &error));
  assert_refused (f, error, CRM_ERROR_VALIDATION);
  g_assert_cmpint (crm_role_create (f->admin, "vendedor EXTERNO", &error), ==, 0);
  assert_refused (f, error, CRM_ERROR_CONFLICT);
  g_assert_false (crm_role_delete (f->admin, role_id (f, "employee"), &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_role_delete (f->ana, rep, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_role_set_permission (f->ana, rep, CRM_PERMISSION_USERS_MANAGE, 0, TRUE, &error));
  assert_refused (f, error, CRM_ERROR_PERMISSION_DENIED);
  g_assert_false (crm_role_assign_user (f->admin, 4242, ANA, TRUE, &error));
  assert_refused (f, error, CRM_ERROR_NOT_FOUND);

  g_assert_true (crm_role_rename (f->admin, role_id (f, "employee"), "Colaborador", &error));
  g_assert_true (crm_role_delete (f->admin, rep, &error));
  g_assert_no_error (error);
  g_assert_false (crm_session_has_permission (f->ana, CRM_PERMISSION_FIELDS_MANAGE, deal));
}

static void
count_change_cb (CrmStore  *store,
                 CrmChange *change,
                 guint     *n_changes)
{
  g_assert_true (crm_change_has_kind (change, CRM_CHANGE_CATALOG));
  (*n_changes)++;
}

static void
test_change_notified (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;
  gulong handler;

  handler = g_signal_connect (f->store, "changed", G_CALLBACK (count_change_cb), &n_changes);
  crm_department_create (f->admin, "Marketing", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);
  crm_department_create (f->admin, "", 0, &error);
  g_assert_nonnull (error);
  g_assert_cmpuint (n_changes, ==, 1);
  g_signal_handler_disconnect (f->store, handler);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/people/user/create", test_user_create);
  ADD ("/people/user/create-refused", test_user_create_refused);
  ADD ("/people/user/update", test_user_update);
  ADD ("/people/user/last-manager", test_last_manager);
  ADD ("/people/session/login", test_session_for_login);
  ADD ("/people/departments", test_departments);
  ADD ("/people/departments/field-kept", test_department_with_field_kept);
  ADD ("/people/roles", test_roles);
  ADD ("/people/change-notified", test_change_notified);

  return g_test_run ();
}
