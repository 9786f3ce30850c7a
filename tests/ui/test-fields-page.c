/* test-fields-page.c — Preferences › Custom Fields, under Xvfb
 *
 * The page in the real Preferences window on a small demo database: each
 * field's row with its type and usage, kept current as the store changes;
 * deleting a field through the confirmation that counts the elements
 * holding a value; system fields that cannot be deleted; configuring a
 * list field's items in the field dialog; nothing for someone without the
 * right to manage fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-fields-page.h"
#include "crm-preferences-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb           db;
  CrmPreferencesWindow *window;
  CrmFieldsPage        *page;
  gint64                deal_type_id;
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

static char *
widget_name (const char *prefix,
             gint64      field_id)
{
  return g_strdup_printf ("%s-uf-%" G_GINT64_FORMAT, prefix, field_id);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
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
field_dialog_shown (gpointer data)
{
  return find_toplevel_named ("field-dialog") != NULL;
}

static gboolean
field_dialog_gone (gpointer data)
{
  return find_toplevel_named ("field-dialog") == NULL;
}

/* A custom field of deals filled in on the first @n_filled deals. */
static gint64
create_used_field (Fixture    *fixture,
                   const char *label,
                   guint       n_filled)
{
  g_autoptr(CrmElementListModel) deals = NULL;
  g_autoptr(GError) error = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  gint64 id;

  id = crm_field_create (fixture->db.session, fixture->deal_type_id, label, CRM_FIELD_TYPE_STRING,
                         FALSE, NULL, &error);
  g_assert_no_error (error);

  deals = crm_element_list_model_new (fixture->db.session, fixture->deal_type_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deals)), >=, n_filled);
  for (guint i = 0; i < n_filled; i++)
    {
      g_autoptr(CrmElement) listed = g_list_model_get_item (G_LIST_MODEL (deals), i);
      g_autoptr(CrmElement) deal = crm_element_load (fixture->db.session, crm_element_get_id (listed), &error);
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (fixture->db.session, deal);

      g_assert_true (crm_element_draft_set_input (draft, crm_catalog_get_field (catalog, id),
                                                  crm_locale_get ("C"), "OBRA-7", &error));
      g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
      g_assert_no_error (error);
    }
  return id;
}

typedef struct
{
  GtkWidget  *page;
  const char *row_name;
  const char *subtitle;
} SubtitleWait;

/* Rows are made again when the counts move: looked up by name each time. */
static gboolean
subtitle_is (gpointer data)
{
  SubtitleWait *wait = data;
  GtkWidget *row = crm_ui_test_find_by_name (wait->page, wait->row_name);

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), wait->subtitle) == 0;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
open_window (Fixture    *fixture,
             CrmSession *session)
{
  fixture->window = crm_preferences_window_new (NULL, session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_ui_test_iterate_for (100);
  fixture->page = CRM_FIELDS_PAGE (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "fields-page"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->deal_type_id = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  open_window (fixture, fixture->db.session);
  g_assert_nonnull (fixture->page);
  crm_fields_page_set_entity_type (fixture->page, fixture->deal_type_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture->page = NULL;
  if (fixture->window != NULL)
    crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_rows (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *row_name = NULL;
  g_autofree char *delete_name = NULL;
  g_autofree char *late_name = NULL;
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *row;
  gint64 id, late;

  g_assert_cmpint (crm_fields_page_get_entity_type (fixture->page), ==, fixture->deal_type_id);
  g_assert_cmpstr (adw_combo_row_get_selected_item (ADW_COMBO_ROW (get_named (page, "fields-type"))) ?
                   gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (get_named (page, "fields-type")))) : NULL,
                   ==, "Deals");
  g_assert_true (gtk_widget_get_visible (get_named (page, "fields-custom-empty")));

  /* A field created meanwhile shows at once; the values saved in it
   * are counted a moment later, all at once. */
  id = create_used_field (fixture, "Código da obra", 3);
  row_name = widget_name ("field-row", id);
  row = get_named (page, row_name);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Código da obra");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "String · No element holds a value");
  {
    SubtitleWait wait = { page, row_name, "String · 3 elements" };

    g_assert_true (crm_ui_test_iterate_until (subtitle_is, &wait, 3000));
  }
  delete_name = widget_name ("field-delete", id);
  g_assert_true (gtk_widget_is_sensitive (get_named (page, delete_name)));

  /* System fields list too, with their usage. */
  row = get_named (page, "field-row-title");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " elements"));

  late = crm_field_create (fixture->db.session, fixture->deal_type_id, "Nunca usado", CRM_FIELD_TYPE_INTEGER,
                           FALSE, NULL, NULL);
  late_name = widget_name ("field-row", late);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_named (page, late_name))), ==,
                   "Integer · No element holds a value");
}

static void
test_delete_with_count (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *delete_name = NULL;
  g_autofree char *row_name = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  AdwMessageDialog *dialog;
  gint64 id;

  id = create_used_field (fixture, "Código da obra", 4);
  delete_name = widget_name ("field-delete", id);
  row_name = widget_name ("field-row", id);

  /* Cancelled first: nothing happens. */
  click (get_named (GTK_WIDGET (fixture->page), delete_name));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  dialog = crm_ui_test_find_message_dialog ();
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "delete-field-dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Código da obra”?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "4 elements hold a value in this field."));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  click (get_named (GTK_WIDGET (dialog), "response-cancel"));
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 2000));
  g_assert_nonnull (crm_catalog_get_field (catalog, id));

  /* Then deleted, with its values. */
  click (get_named (GTK_WIDGET (fixture->page), delete_name));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  dialog = crm_ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "delete"), ==, "_Delete");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  click (get_named (GTK_WIDGET (dialog), "response-delete"));
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 2000));

  g_assert_null (crm_catalog_get_field (catalog, id));
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (fixture->page), row_name));
  g_assert_true (gtk_widget_get_visible (get_named (GTK_WIDGET (fixture->page), "fields-custom-empty")));
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window), "“Código da obra” was deleted"));
}

static void
test_system_not_deletable (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *button = get_named (page, "field-delete-amount");
  GtkWidget *dialog;

  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "System fields cannot be deleted, only hidden");
  gtk_widget_activate (button);
  crm_ui_test_iterate_for (100);
  g_assert_null (crm_ui_test_find_message_dialog ());
  g_assert_nonnull (crm_catalog_find_field (crm_store_get_catalog (fixture->db.store), fixture->deal_type_id, "amount"));

  /* It can still be configured: the dialog opens, without options. */
  click (get_named (page, "field-configure-amount"));
  g_assert_true (crm_ui_test_iterate_until (field_dialog_shown, NULL, 2000));
  dialog = find_toplevel_named ("field-dialog");
  g_assert_false (gtk_widget_get_visible (get_named (dialog, "list-item-entry")) &&
                  gtk_widget_is_drawable (get_named (dialog, "list-item-entry")));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (crm_ui_test_iterate_until (field_dialog_gone, NULL, 2000));
}

static void
test_configure_items (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *configure_name = NULL;
  g_autofree char *row_name = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  const CrmFieldOptions *saved;
  GtkWidget *dialog;
  gint64 id;

  crm_field_options_add_item (options, "item_1", "Fundação");
  crm_field_options_add_item (options, "item_2", "Alvenaria");
  id = crm_field_create (fixture->db.session, fixture->deal_type_id, "Fase", CRM_FIELD_TYPE_LIST,
                         FALSE, options, &error);
  g_assert_no_error (error);

  configure_name = widget_name ("field-configure", id);
  click (get_named (GTK_WIDGET (fixture->page), configure_name));
  g_assert_true (crm_ui_test_iterate_until (field_dialog_shown, NULL, 2000));
  dialog = find_toplevel_named ("field-dialog");

  /* The items it has, with their keys: one more is added, the label changed. */
  crm_ui_test_collect_by_name (dialog, "list-item-row", rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "list-item-entry")), "Acabamento");
  click (get_named (dialog, "list-add-button"));
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, "field-label")), "Fase da obra");
  click (get_named (dialog, "dialog-create-button"));
  g_assert_true (crm_ui_test_iterate_until (field_dialog_gone, NULL, 2000));

  saved = crm_field_get_options (crm_catalog_get_field (catalog, id));
  g_assert_cmpuint (saved->items->len, ==, 3);
  g_assert_cmpstr (((CrmListItem *) g_ptr_array_index (saved->items, 0))->key, ==, "item_1");
  g_assert_cmpstr (((CrmListItem *) g_ptr_array_index (saved->items, 2))->label, ==, "Acabamento");
  row_name = widget_name ("field-row", id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_named (GTK_WIDGET (fixture->page), row_name))),
                   ==, "Fase da obra");
}

static void
test_no_right_no_page (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CrmSession) colleague = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (fixture->db.store));
  gint64 colleague_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (users) && colleague_id == 0; i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);

      if (!crm_user_is_admin (user))
        colleague_id = crm_user_get_id (user);
    }
  g_assert_cmpint (colleague_id, >, 0);
  colleague = crm_session_new (fixture->db.store, colleague_id, &error);
  g_assert_no_error (error);

  g_assert_null (crm_fields_page_new (colleague));

  fixture->page = NULL;
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 50);
  open_window (fixture, colleague);
  g_assert_null (fixture->page);
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "types-page"));
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 50);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fields-page/rows", test_rows);
  ADD ("/fields-page/delete-with-count", test_delete_with_count);
  ADD ("/fields-page/system-not-deletable", test_system_not_deletable);
  ADD ("/fields-page/configure-items", test_configure_items);
  ADD ("/fields-page/no-right-no-page", test_no_right_no_page);

  return g_test_run ();
}
