/* test-users-page.c — Preferences' Users and permissions page, under Xvfb
 *
 * Drives the page through its actions, widgets and drop targets as a
 * person would, then asks the core what was written: a user added and
 * deactivated, a department dropped under another and moved from its
 * menu, a role's permission switched off, and a refused drop shown as a
 * toast with the tree as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-preferences-window.h"
#include "crm-user-dialog.h"
#include "crm-users-page.h"

#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  GtkWindow   *window;
  GtkWidget   *page;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (20);

/* ---- Helpers ------------------------------------------------------------- */

static GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *found = crm_ui_test_find_by_name (root, name);

  if (found == NULL)
    g_error ("No widget named “%s”", name);
  return found;
}

static CrmCatalog *
get_catalog (Fixture *fixture)
{
  return crm_store_get_catalog (fixture->db.store);
}

static gboolean
refreshed (gpointer data)
{
  /* The page rebuilds on an idle after the change. */
  return !g_main_context_pending (NULL);
}

static void
settle (void)
{
  crm_ui_test_iterate_until (refreshed, NULL, 1000);
  crm_ui_test_iterate_for (20);
}

static CrmUserDialog *
find_user_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CRM_IS_USER_DIALOG (window))
        return CRM_USER_DIALOG (window);
    }
  return NULL;
}

static gint64
department_id (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GArray) ids = crm_catalog_get_department_ids (get_catalog (fixture));

  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (crm_catalog_get_department_name (get_catalog (fixture), g_array_index (ids, gint64, i)), name) == 0)
      return g_array_index (ids, gint64, i);
  g_error ("No department %s", name);
}

static GtkWidget *
department_row (Fixture *fixture,
                gint64   id)
{
  g_autofree char *name = g_strdup_printf ("department-row-%" G_GINT64_FORMAT, id);

  return get_named (fixture->page, name);
}

/* What a drop at @fraction of the row's height does, as GTK delivers it. */
static gboolean
drop_on (GtkWidget *row,
         gint64     dragged,
         double     fraction)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, 10.0, gtk_widget_get_height (row) * fraction, &accepted);
  return accepted;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->window = GTK_WINDOW (crm_preferences_window_new (NULL, fixture->db.session));
  gtk_window_present (fixture->window);
  crm_ui_test_iterate_for (50);
  fixture->page = get_named (GTK_WIDGET (fixture->window), "users-page");
  g_assert_true (CRM_IS_USERS_PAGE (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  crm_ui_test_destroy_window (&fixture->window, 50);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_add_and_deactivate (Fixture       *fixture,
                         gconstpointer  user_data)
{
  CrmUserDialog *dialog;
  AdwMessageDialog *confirm;
  GtkWidget *row;
  CrmUser *user = NULL;
  GListModel *users;
  gint64 id;

  gtk_widget_activate_action (fixture->page, "users.add", NULL);
  dialog = find_user_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* A refusal keeps the dialog open and says why. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (dialog), "user-name-row")), "Paula Freitas");
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (dialog), "user-login-row")), "paula freitas");
  g_assert_false (crm_user_dialog_save (dialog));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (GTK_WIDGET (dialog), "user-error-label"))), !=, "");

  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (dialog), "user-login-row")), "paula.freitas");
  gtk_editable_set_text (GTK_EDITABLE (get_named (GTK_WIDGET (dialog), "user-email-row")), "paula@example.com");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (GTK_WIDGET (dialog), "user-role-administrator")), TRUE);
  g_assert_true (crm_user_dialog_save (dialog));
  crm_ui_test_iterate_for (20);
  g_assert_null (dialog);
  settle ();

  users = crm_catalog_get_users (get_catalog (fixture));
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) item = g_list_model_get_item (users, i);

      if (g_str_equal (crm_user_get_login (item), "paula.freitas"))
        user = item;
    }
  g_assert_nonnull (user);
  id = crm_user_get_id (user);
  g_assert_cmpstr (crm_user_get_email (user), ==, "paula@example.com");
  row = get_named (fixture->page, "user-row-paula-freitas");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Paula Freitas");

  /* Deactivate her from her row's dialog, confirming. */
  g_signal_emit_by_name (row, "activated");
  dialog = find_user_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (crm_user_dialog_get_user_id (dialog), ==, id);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "user.toggle-active", NULL);
  confirm = crm_ui_test_find_message_dialog ();
  g_assert_nonnull (confirm);
  g_object_add_weak_pointer (G_OBJECT (confirm), (gpointer *) &confirm);
  adw_message_dialog_response (confirm, "deactivate");
  if (confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (confirm));
  /* The dialog closes once the write is through: on a loaded machine
   * that takes more than a frame. */
  for (guint i = 0; i < 200 && dialog != NULL; i++)
    crm_ui_test_iterate_for (10);
  g_assert_null (dialog);
  settle ();

  g_assert_false (crm_user_is_active (crm_catalog_get_user (get_catalog (fixture), id)));
  row = get_named (fixture->page, "user-row-paula-freitas");
  g_assert_true (crm_ui_test_has_label_with_text (row, "Deactivated"));
}

static void
test_drag_department (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 marketing = department_id (fixture, "Marketing");
  gint64 service = department_id (fixture, "Atendimento");
  gint64 board = department_id (fixture, "Diretoria");
  CrmCatalog *catalog = get_catalog (fixture);

  /* Onto the middle of another: under it. */
  g_assert_true (drop_on (department_row (fixture, service), marketing, 0.5));
  settle ();
  g_assert_cmpint (crm_catalog_get_department_parent (get_catalog (fixture), marketing), ==, service);

  /* Onto the top edge of Diretoria: beside it, at the top. */
  g_assert_true (drop_on (department_row (fixture, board), marketing, 0.1));
  settle ();
  catalog = get_catalog (fixture);
  g_assert_cmpint (crm_catalog_get_department_parent (catalog, marketing), ==, 0);

  /* The keyboard's way: Move To from the row's menu. */
  gtk_widget_activate_action (fixture->page, "departments.move-to", "(xx)", marketing, board);
  settle ();
  g_assert_cmpint (crm_catalog_get_department_parent (get_catalog (fixture), marketing), ==, board);

  /* And its head, from the same menu. */
  g_assert_true (crm_ui_test_has_label_with_text (department_row (fixture, marketing), "1 person · Head: Camila Rocha"));
  gtk_widget_activate_action (fixture->page, "departments.set-head", "(xx)", marketing, (gint64) 0);
  settle ();
  g_assert_false (crm_ui_test_has_label_with_text (department_row (fixture, marketing), "1 person · Head: Camila Rocha"));
  g_assert_true (crm_ui_test_has_label_with_text (department_row (fixture, marketing), "1 person"));
}

static void
test_refused_drop_shows_toast (Fixture       *fixture,
                               gconstpointer  user_data)
{
  gint64 board = department_id (fixture, "Diretoria");
  gint64 sales = department_id (fixture, "Vendas");
  g_autofree char *before = crm_test_dump_db (fixture->db.path);
  g_autofree char *after = NULL;

  /* Diretoria under its own sub-department. */
  drop_on (department_row (fixture, sales), board, 0.5);
  settle ();
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window),
                                                  "A department cannot be moved into itself or into one of its sub-departments"));
  g_assert_cmpint (crm_catalog_get_department_parent (get_catalog (fixture), board), ==, 0);
  g_assert_cmpint (crm_catalog_get_department_parent (get_catalog (fixture), sales), ==, board);
  after = crm_test_dump_db (fixture->db.path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_switch_permission (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *name = g_strdup_printf ("role-switch-employee-%u", CRM_PERMISSION_ELEMENT_READ_ALL);
  g_autoptr(CrmSession) employee = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deal = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  GtkWidget *button = get_named (fixture->page, name);

  employee = crm_session_new_for_login (fixture->db.store, "rafael.oliveira", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (button)));
  g_assert_true (crm_session_reads_all (employee, deal));

  gtk_switch_set_active (GTK_SWITCH (button), FALSE);
  settle ();
  g_assert_false (crm_session_reads_all (employee, deal));
  /* The page was rebuilt from what the core stored. */
  button = get_named (fixture->page, name);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (button)));

}

static void
test_hidden_from_employee (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) employee = crm_session_new_for_login (fixture->db.store, "rafael.oliveira", &error);
  GtkWindow *window;

  g_assert_no_error (error);
  g_assert_null (crm_users_page_new (employee));
  window = GTK_WINDOW (crm_preferences_window_new (NULL, employee));
  gtk_window_present (window);
  crm_ui_test_iterate_for (20);
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (window), "users-page"));
  crm_ui_test_destroy_window (&window, 20);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/users-page/add-and-deactivate", test_add_and_deactivate);
  ADD ("/ui/users-page/drag-department", test_drag_department);
  ADD ("/ui/users-page/refused-drop", test_refused_drop_shows_toast);
  ADD ("/ui/users-page/switch-permission", test_switch_permission);
  ADD ("/ui/users-page/hidden-from-employee", test_hidden_from_employee);

  return g_test_run ();
}
