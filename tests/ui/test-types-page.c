/* test-types-page.c — Preferences › Entity Types, under Xvfb, beside the
 * main window
 *
 * A type created through the dialog shows in the main window's sidebar at
 * once, and its list opens; a type renamed changes there; one deleted
 * through the confirmation (which counts its elements) leaves it, and the
 * window goes back to the first type; built-in types cannot be deleted;
 * refusals show as toasts and in the dialog, with nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb           db;
  CrmWindow            *main_window;
  CrmPreferencesWindow *window;
  GtkWidget            *page;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (50);

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

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window) && g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return window;
    }
  return NULL;
}

static gboolean
type_dialog_shown (gpointer data)
{
  return find_toplevel_named ("type-dialog") != NULL;
}

static gboolean
type_dialog_gone (gpointer data)
{
  return find_toplevel_named ("type-dialog") == NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return crm_ui_test_find_message_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return crm_ui_test_find_message_dialog () == NULL;
}

static GtkWidget *
open_new_type_dialog (Fixture *fixture)
{
  click (get_named (fixture->page, "types-add-button"));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_shown, NULL, 2000));
  return find_toplevel_named ("type-dialog");
}

static const char *
sidebar_label (Fixture    *fixture,
               const char *code)
{
  g_autofree char *name = g_strdup_printf ("sidebar-%s", code);
  GtkWidget *row = crm_ui_test_find_by_name (GTK_WIDGET (fixture->main_window), name);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (row == NULL)
    return NULL;
  crm_ui_test_collect_by_type (row, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

static const char *
list_title (Fixture *fixture)
{
  GtkWidget *title = crm_ui_test_find_by_type (GTK_WIDGET (fixture->main_window), ADW_TYPE_WINDOW_TITLE);

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);

  fixture->main_window = crm_window_new (NULL, fixture->db.session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->main_window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->main_window));
  crm_window_show_entity_type (fixture->main_window, "deal");

  fixture->window = crm_preferences_window_new (GTK_WINDOW (fixture->main_window), fixture->db.session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_ui_test_iterate_for (150);
  fixture->page = get_named (GTK_WIDGET (fixture->window), "types-page");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window),
                                           ADW_PREFERENCES_PAGE (fixture->page));
  crm_ui_test_iterate_for (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture->page = NULL;
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->main_window, 100);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_create_shows_in_sidebar (Fixture       *fixture,
                              gconstpointer  user_data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  CrmEntityType *type;
  GtkWidget *dialog, *sidebar_row, *row;

  g_assert_null (sidebar_label (fixture, "projeto"));
  dialog = open_new_type_dialog (fixture);

  /* Create waits for both names. */
  g_assert_false (gtk_widget_is_sensitive (get_named (dialog, "type-save-button")));
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "type-name")), "Projeto");
  g_assert_false (gtk_widget_is_sensitive (get_named (dialog, "type-save-button")));
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "type-name-plural")), "Projetos");
  click (get_named (dialog, "type-icon-package-x-generic"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_named (dialog, "type-icon-package-x-generic"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_named (dialog, "type-icon-folder-documents"))));
  gtk_switch_set_active (GTK_SWITCH (get_named (dialog, "type-stages")), TRUE);
  click (get_named (dialog, "type-save-button"));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_gone, NULL, 2000));

  type = crm_catalog_find_entity_type (catalog, "projeto");
  g_assert_nonnull (type);
  g_assert_cmpstr (crm_entity_type_get_icon_name (type), ==, "package-x-generic-symbolic");
  g_assert_true (crm_entity_type_has_stages (type));
  g_assert_nonnull (crm_catalog_get_default_pipeline (catalog, crm_entity_type_get_id (type)));

  /* At once in the sidebar, last, and in this page's list. */
  g_assert_cmpstr (sidebar_label (fixture, "projeto"), ==, "Projetos");
  row = get_named (fixture->page, "type-row-projeto");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Stages and pipelines · No elements yet");
  g_assert_true (gtk_widget_is_sensitive (get_named (fixture->page, "type-delete-projeto")));
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window), "“Projetos” was created: it is in the sidebar"));

  /* Its list opens from there. */
  sidebar_row = get_named (GTK_WIDGET (fixture->main_window), "sidebar-projeto");
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (sidebar_row)), GTK_LIST_BOX_ROW (sidebar_row));
  crm_ui_test_iterate_for (50);
  g_assert_cmpstr (list_title (fixture), ==, "Projetos");
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *count_before = NULL;
  GListModel *types = crm_catalog_get_entity_types (crm_store_get_catalog (fixture->db.store));
  guint n_types = g_list_model_get_n_items (types);
  GtkWidget *dialog;

  /* A name taken: the dialog says so and stays open. */
  dialog = open_new_type_dialog (fixture);
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "type-name")), "Contact");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "type-name-plural")), "Pessoas");
  click (get_named (dialog, "type-save-button"));
  crm_ui_test_iterate_for (50);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_named (dialog, "type-error"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (dialog, "type-error-label"))), ==,
                   "There is already a type called “Contact”");
  g_assert_nonnull (find_toplevel_named ("type-dialog"));
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, n_types);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_gone, NULL, 2000));

  /* Built-in types: no delete, and their stages stay as they are. */
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture->page, "type-delete-deal")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_named (fixture->page, "type-delete-deal")), ==,
                   "Built-in types cannot be deleted");
  click (get_named (fixture->page, "type-edit-deal"));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_shown, NULL, 2000));
  dialog = find_toplevel_named ("type-dialog");
  g_assert_false (gtk_widget_is_sensitive (get_named (dialog, "type-stages")));
  g_assert_true (gtk_widget_get_visible (get_named (dialog, "type-code")));
  g_assert_true (crm_ui_test_has_label_with_text (get_named (dialog, "type-code"), "deal"));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_gone, NULL, 2000));
}

static void
test_rename_and_delete (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CrmEntityTypeConfig) config = crm_entity_type_config_new ("Obra", "Obras");
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  AdwMessageDialog *message;
  GtkWidget *dialog;
  gint64 id, link_id;

  id = crm_entity_type_create (fixture->db.session, config, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&draft);
      draft = crm_element_draft_new (fixture->db.session, "obra", &error);
      g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Reforma", &error));
      g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
    }
  crm_window_show_entity_type (fixture->main_window, "obra");
  crm_ui_test_iterate_for (50);
  g_assert_cmpstr (list_title (fixture), ==, "Obras");

  /* Renamed in the dialog: the sidebar and the list's title follow. */
  click (get_named (fixture->page, "type-edit-obra"));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_shown, NULL, 2000));
  dialog = find_toplevel_named ("type-dialog");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (dialog, "type-name-plural"))), ==, "Obras");
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "type-name-plural")), "Construções");
  click (get_named (dialog, "type-save-button"));
  g_assert_true (crm_ui_test_iterate_until (type_dialog_gone, NULL, 2000));
  g_assert_cmpstr (sidebar_label (fixture, "obra"), ==, "Construções");
  g_assert_cmpstr (list_title (fixture), ==, "Construções");

  /* A deal field links to it: the refusal is a toast, nothing goes. */
  options->link_type = g_strdup ("obra");
  link_id = crm_field_create (fixture->db.session, crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal")),
                              "Obra", CRM_FIELD_TYPE_LINK, FALSE, options, &error);
  g_assert_no_error (error);
  click (get_named (fixture->page, "type-delete-obra"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  message = crm_ui_test_find_message_dialog ();
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (message)), ==, "delete-type-dialog");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), "Its 3 elements go with it"));
  click (get_named (GTK_WIDGET (message), "response-delete"));
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 2000));
  g_assert_nonnull (crm_catalog_get_entity_type (catalog, id));
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window),
                                                  "Fields of other types link to this one: Deal › Obra. Delete them first"));

  /* Without it, deleted: out of the sidebar, and the window shows the first type. */
  g_assert_true (crm_field_delete (fixture->db.session, link_id, &error));
  click (get_named (fixture->page, "type-delete-obra"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  click (get_named (GTK_WIDGET (crm_ui_test_find_message_dialog ()), "response-delete"));
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 2000));
  g_assert_null (crm_catalog_get_entity_type (catalog, id));
  g_assert_null (sidebar_label (fixture, "obra"));
  g_assert_null (crm_ui_test_find_by_name (fixture->page, "type-row-obra"));
  crm_ui_test_iterate_for (50);
  g_assert_cmpstr (list_title (fixture), ==, "Leads");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/types-page/create-shows-in-sidebar", test_create_shows_in_sidebar);
  ADD ("/types-page/refusals", test_refusals);
  ADD ("/types-page/rename-and-delete", test_rename_and_delete);

  return g_test_run ();
}
