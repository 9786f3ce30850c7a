/* test-field-dialog.c — the Create field / Configure field dialog, under Xvfb
 *
 * Fills the dialog through its widgets as a person would (found by their
 * names), then asks the core what was written: a list field with its items
 * in the order they were moved into, placed in the section it was created
 * from; refusals that keep the dialog open and write nothing; a system
 * field renamed and made required from a stage, its visibility locked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-field-dialog.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  GtkWindow   *parent;
  gint64       deal_type_id;
  gint64       section_id;
  gint64       saved_id;
  guint        n_saved;
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

static GPtrArray *
get_item_rows (GtkWidget *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();

  crm_ui_test_collect_by_name (dialog, "list-item-row", rows);
  return rows;
}

/* "clicked" at once: activate() waits for the press animation. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
set_text (GtkWidget  *dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_named (dialog, name)), text);
}

static void
select_type (GtkWidget    *dialog,
             CrmFieldType  type)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_named (dialog, "field-type"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (g_strcmp0 (label, crm_field_type_get_label (type)) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("The type “%s” is not offered", crm_field_type_get_label (type));
}

static void
add_item (GtkWidget  *dialog,
          const char *label)
{
  set_text (dialog, "list-item-entry", label);
  click (get_named (dialog, "list-add-button"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (dialog, "list-item-entry"))), ==, "");
}

static void
assert_item_labels (GtkWidget  *dialog,
                    const char *first,
                    ...)
{
  g_autoptr(GPtrArray) rows = get_item_rows (dialog);
  const char *label = first;
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (; label != NULL; label = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, rows->len);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_ui_test_find_by_name (rows->pdata[i], "list-item-label"))), ==, label);
    }
  va_end (args);
  g_assert_cmpuint (i, ==, rows->len);
}

static gboolean
can_save (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (get_named (dialog, "dialog-create-button"));
}

static guint
count_fields (Fixture *fixture)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);

  return g_list_model_get_n_items (crm_catalog_get_fields (catalog, fixture->deal_type_id));
}

static CrmLayoutSection *
find_section (Fixture *fixture,
              gint64   section_id)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  CrmPipeline *pipeline;
  GListModel *sections;

  pipeline = crm_catalog_get_default_pipeline (crm_store_get_catalog (fixture->db.store), fixture->deal_type_id);
  layout = crm_layout_resolve (fixture->db.session, fixture->deal_type_id, crm_pipeline_get_id (pipeline), 0, &error);
  g_assert_no_error (error);

  sections = crm_layout_get_sections (layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);

      if (section_id == 0 || crm_layout_section_get_id (section) == section_id)
        return g_steal_pointer (&section);
    }
  return NULL;
}

static void
saved_cb (CrmFieldDialog *dialog,
          gint64          field_id,
          Fixture        *fixture)
{
  fixture->saved_id = field_id;
  fixture->n_saved++;
}

static CrmFieldDialog *
open_dialog (Fixture        *fixture,
             CrmFieldDialog *dialog)
{
  g_object_ref (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_ui_test_iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->parent);
  return dialog;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CrmLayoutSection) section = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->deal_type_id = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));

  section = find_section (fixture, 0);
  g_assert_nonnull (section);
  fixture->section_id = crm_layout_section_get_id (section);

  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->parent, 800, 700);
  gtk_window_present (fixture->parent);
  crm_ui_test_iterate_for (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  crm_ui_test_destroy_window (&fixture->parent, 50);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_create_list_field (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new ();
  g_autoptr(CrmLayoutSection) section = NULL;
  CrmFieldDialog *dialog;
  GtkWidget *root;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  CrmField *field;
  const CrmFieldOptions *options;
  const CrmListItem *item;
  GListModel *fields;
  gint64 user_id;
  guint n_before = count_fields (fixture);

  dialog = open_dialog (fixture, crm_field_dialog_new_create (fixture->parent, fixture->db.session,
                                                              fixture->deal_type_id, fixture->section_id));
  root = GTK_WIDGET (dialog);

  /* Nothing typed yet: Create waits for a label. */
  g_assert_false (can_save (root));

  select_type (root, CRM_FIELD_TYPE_LIST);
  set_text (root, "field-label", "Porte da frota");
  g_assert_true (gtk_widget_get_visible (get_named (root, "field-multiple")));
  gtk_switch_set_active (GTK_SWITCH (get_named (root, "field-multiple")), TRUE);

  /* A list without items is no choice at all. */
  g_assert_false (can_save (root));
  g_assert_true (gtk_widget_get_visible (get_named (root, "field-options-error")));

  add_item (root, "Pequena");
  add_item (root, "Média");
  add_item (root, "Grande");
  assert_item_labels (root, "Pequena", "Média", "Grande", NULL);
  g_assert_true (can_save (root));
  g_assert_false (gtk_widget_get_visible (get_named (root, "field-options-error")));

  /* From the keyboard: each row's menu moves it; the first cannot go up. */
  rows = get_item_rows (root);
  gtk_widget_activate_action (rows->pdata[0], "item.move-up", NULL);
  assert_item_labels (root, "Pequena", "Média", "Grande", NULL);
  g_assert_true (gtk_widget_activate_action (rows->pdata[2], "item.move-up", NULL));
  assert_item_labels (root, "Pequena", "Grande", "Média", NULL);
  g_assert_true (gtk_widget_activate_action (rows->pdata[1], "item.move-up", NULL));
  assert_item_labels (root, "Grande", "Pequena", "Média", NULL);
  g_assert_true (gtk_widget_activate_action (rows->pdata[1], "item.move-down", NULL));
  assert_item_labels (root, "Grande", "Média", "Pequena", NULL);

  /* Renamed in place. */
  gtk_editable_set_text (GTK_EDITABLE (crm_ui_test_find_by_name (rows->pdata[1], "list-item-label")), "Média frota");
  assert_item_labels (root, "Grande", "Média frota", "Pequena", NULL);

  /* The default is the item itself, whatever its place. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (root, "list-default-item")), 2);
  g_assert_true (gtk_widget_activate_action (rows->pdata[2], "item.move-up", NULL));
  assert_item_labels (root, "Grande", "Pequena", "Média frota", NULL);

  /* Only one person may see it. */
  gtk_switch_set_active (GTK_SWITCH (get_named (root, "field-visible-everyone")), FALSE);
  g_assert_false (can_save (root));
  crm_ui_test_collect_by_name (root, "visible-user", users);
  g_assert_cmpuint (users->len, >, 1);
  gtk_widget_activate (users->pdata[1]);
  g_assert_true (can_save (root));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (get_named (root, "dialog-create-button"));
  crm_ui_test_iterate_for (100);

  /* Saved, and closed. */
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, >, 0);
  g_assert_false (gtk_widget_get_visible (root));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_ptr_array_set_size (users, 0);
  g_assert_finalize_object (root);
  g_assert_null (dialog);

  /* The core has it, items in the order they were put in. */
  g_assert_cmpuint (count_fields (fixture), ==, n_before + 1);
  field = crm_catalog_get_field (catalog, fixture->saved_id);
  g_assert_nonnull (field);
  g_assert_cmpstr (crm_field_get_label (field), ==, "Porte da frota");
  g_assert_cmpint (crm_field_get_field_type (field), ==, CRM_FIELD_TYPE_LIST);
  g_assert_true (crm_field_is_multiple (field));
  g_assert_false (crm_field_is_system (field));
  options = crm_field_get_options (field);
  g_assert_cmpuint (options->items->len, ==, 3);
  g_assert_cmpstr (((CrmListItem *) options->items->pdata[0])->label, ==, "Grande");
  g_assert_cmpstr (((CrmListItem *) options->items->pdata[1])->label, ==, "Pequena");
  g_assert_cmpstr (((CrmListItem *) options->items->pdata[2])->label, ==, "Média frota");
  item = crm_field_options_find_item (options, options->default_value);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->label, ==, "Média frota");

  g_assert_cmpuint (crm_field_get_visible_users (field)->len, ==, 1);
  user_id = g_array_index (crm_field_get_visible_users (field), gint64, 0);
  g_assert_nonnull (crm_catalog_get_user (catalog, user_id));
  g_assert_cmpuint (crm_field_get_visible_departments (field)->len, ==, 0);

  /* Placed last in the section it was created from. */
  section = find_section (fixture, fixture->section_id);
  g_assert_nonnull (section);
  fields = crm_layout_section_get_fields (section);
  g_assert_cmpuint (g_list_model_get_n_items (fields), >, 0);
  {
    g_autoptr(CrmField) last = g_list_model_get_item (fields, g_list_model_get_n_items (fields) - 1);

    g_assert_cmpint (crm_field_get_id (last), ==, fixture->saved_id);
  }
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  CrmFieldDialog *dialog;
  GtkWidget *root, *revealer;
  guint n_before = count_fields (fixture);

  dialog = open_dialog (fixture, crm_field_dialog_new_create (fixture->parent, fixture->db.session,
                                                              fixture->deal_type_id, fixture->section_id));
  root = GTK_WIDGET (dialog);

  /* An empty label, or only spaces: nothing to create. */
  set_text (root, "field-label", "   ");
  g_assert_false (can_save (root));
  gtk_widget_activate_action (root, "dialog.save", NULL);
  crm_ui_test_iterate_for (20);
  g_assert_true (gtk_widget_get_visible (root));
  g_assert_cmpuint (count_fields (fixture), ==, n_before);

  /* The same item twice: the core's own words, under the options. */
  select_type (root, CRM_FIELD_TYPE_LIST);
  set_text (root, "field-label", "Cor");
  add_item (root, "Azul");
  add_item (root, "Verde");
  add_item (root, "azul");
  g_assert_false (can_save (root));
  g_assert_true (gtk_widget_get_visible (get_named (root, "field-options-error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_named (root, "field-options-error"))), "azul"));
  rows = get_item_rows (root);
  g_assert_true (gtk_widget_has_css_class (rows->pdata[0], "error"));
  g_assert_false (gtk_widget_has_css_class (rows->pdata[1], "error"));
  g_assert_true (gtk_widget_has_css_class (rows->pdata[2], "error"));

  /* Removing the repeat clears it. */
  g_assert_true (gtk_widget_activate_action (rows->pdata[2], "item.remove", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  assert_item_labels (root, "Azul", "Verde", NULL);
  g_assert_true (can_save (root));

  /* A default that is not a number, for a number field. */
  select_type (root, CRM_FIELD_TYPE_INTEGER);
  set_text (root, "field-default", "muitos");
  g_assert_false (can_save (root));
  set_text (root, "field-default", "12");
  g_assert_true (can_save (root));

  /* What only the write can tell: the section went away meanwhile. The
   * core refuses; the dialog says why and stays open. */
  g_assert_true (crm_layout_delete_section (fixture->db.session, fixture->section_id, &error));
  g_assert_no_error (error);
  click (get_named (root, "dialog-create-button"));
  crm_ui_test_iterate_for (100);

  revealer = get_named (root, "dialog-error");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (root, "dialog-error-label"))), !=, "");
  g_assert_true (gtk_widget_get_visible (root));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_fields (fixture), ==, n_before);

  /* Escape (window.close) cancels, writing nothing. */
  g_assert_true (gtk_widget_activate_action (root, "window.close", NULL));
  crm_ui_test_iterate_for (50);
  g_assert_false (gtk_widget_get_visible (root));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_finalize_object (root);
}

static CrmField *
find_system_field (Fixture *fixture)
{
  GListModel *fields = crm_catalog_get_fields (crm_store_get_catalog (fixture->db.store), fixture->deal_type_id);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      if (crm_field_is_system (field) && !crm_field_is_read_only (field) &&
          crm_field_get_required_mode (field) == CRM_REQUIRED_NEVER)
        return field;
    }
  g_error ("Deals have no system field to configure");
  return NULL;
}

static void
test_configure_system_field (Fixture       *fixture,
                             gconstpointer  user_data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  CrmField *field = find_system_field (fixture);
  gint64 field_id = crm_field_get_id (field);
  CrmFieldDialog *dialog;
  GtkWidget *root;
  GListModel *pipelines, *stages;
  g_autoptr(CrmPipeline) pipeline = NULL;
  g_autoptr(CrmStage) stage = NULL;
  AdwComboRow *required;

  dialog = open_dialog (fixture, crm_field_dialog_new_configure (fixture->parent, fixture->db.session, field));
  root = GTK_WIDGET (dialog);

  /* The type never changes; the label starts as it is. */
  g_assert_false (gtk_widget_get_visible (get_named (root, "field-type")));
  g_assert_true (gtk_widget_get_visible (get_named (root, "field-type-info")));
  g_assert_false (gtk_widget_is_visible (get_named (root, "field-multiple")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (root, "field-label"))), ==,
                   crm_field_get_label (field));
  g_assert_true (can_save (root));

  /* System fields are seen by everyone: the control says so, locked. */
  g_assert_false (gtk_widget_is_sensitive (get_named (root, "field-visible-everyone")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get_named (root, "field-visible-everyone"))));

  set_text (root, "field-label", "Assunto do negócio");

  /* Required from the third stage of the default pipeline on. */
  pipelines = crm_catalog_get_pipelines (catalog, fixture->deal_type_id);
  g_assert_cmpuint (g_list_model_get_n_items (pipelines), >, 0);
  pipeline = g_list_model_get_item (pipelines, 0);
  stages = crm_pipeline_get_stages (pipeline);
  g_assert_cmpuint (g_list_model_get_n_items (stages), >, 2);
  stage = g_list_model_get_item (stages, 2);

  required = ADW_COMBO_ROW (get_named (root, "field-required"));
  g_assert_false (gtk_widget_get_visible (get_named (root, "field-required-stage")));
  adw_combo_row_set_selected (required, 2);
  g_assert_true (gtk_widget_get_visible (get_named (root, "field-required-stage")));
  g_assert_cmpint (gtk_widget_get_visible (get_named (root, "field-required-pipeline")), ==,
                   g_list_model_get_n_items (pipelines) > 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (root, "field-required-pipeline")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_named (root, "field-required-stage")), 2);
  g_assert_true (can_save (root));

  /* Enter in the label saves. */
  g_signal_emit_by_name (get_named (root, "field-label"), "entry-activated");
  crm_ui_test_iterate_for (100);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, ==, field_id);
  g_assert_false (gtk_widget_get_visible (root));
  g_assert_finalize_object (root);

  /* The catalog reloaded: ask it again. */
  field = crm_catalog_get_field (catalog, field_id);
  g_assert_cmpstr (crm_field_get_label (field), ==, "Assunto do negócio");
  g_assert_cmpint (crm_field_get_required_mode (field), ==, CRM_REQUIRED_FROM_STAGE);
  g_assert_cmpint (crm_field_get_required_stage_id (field), ==, crm_stage_get_id (stage));
  g_assert_cmpuint (crm_field_get_visible_users (field)->len, ==, 0);

  /* Opened again, it shows what was saved. */
  dialog = open_dialog (fixture, crm_field_dialog_new_configure (fixture->parent, fixture->db.session, field));
  root = GTK_WIDGET (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_named (root, "field-required"))), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_named (root, "field-required-stage"))), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_ui_test_iterate_for (50);
  g_assert_finalize_object (root);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/field-dialog/create-list-field", Fixture, NULL,
              fixture_set_up, test_create_list_field, fixture_tear_down);
  g_test_add ("/ui/field-dialog/create-refused", Fixture, NULL,
              fixture_set_up, test_create_refused, fixture_tear_down);
  g_test_add ("/ui/field-dialog/configure-system-field", Fixture, NULL,
              fixture_set_up, test_configure_system_field, fixture_tear_down);

  return g_test_run ();
}
