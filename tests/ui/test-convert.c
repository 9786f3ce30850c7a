/* test-convert.c — the card's Create menu, the conversion dialog and the
 * Dependencies tab on a small demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-convert-dialog.h"
#include "crm-dependencies-view.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  gint64       lead;
  GtkWindow   *window;
  CrmCard     *card;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (50);

static guint
count_created_from (Fixture    *fixture,
                    gint64      source,
                    const char *type_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = crm_relations_list (fixture->db.session, source, &error);
  gint64 type_id = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, type_code));
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      CrmRelation *relation = g_ptr_array_index (relations, i);

      if (crm_relation_get_kind (relation) == CRM_RELATION_CREATED &&
          crm_element_get_entity_type_id (crm_relation_get_element (relation)) == type_id)
        n++;
    }
  return n;
}

static void
on_created_cb (CrmConvertDialog *dialog,
               gint64            id,
               gint64           *out)
{
  *out = id;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->lead = crm_ui_test_first_element_id (&fixture->db, "lead");

  fixture->card = CRM_CARD (crm_card_new (fixture->db.session));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->card));
  gtk_window_present (fixture->window);

  g_assert_true (crm_card_load (fixture->card, fixture->lead, &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->card), (gpointer *) &fixture->card);
  crm_ui_test_destroy_window (&fixture->window, 100);
  g_assert_null (fixture->card);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_create_menu (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *button = crm_ui_test_find_by_name (GTK_WIDGET (fixture->card), "create-button");
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  /* The first of the header's actions. */
  g_assert_null (gtk_widget_get_prev_sibling (button));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (popover), "create-contact"));
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (popover), "create-company"));
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (popover), "convert-lead"));
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (popover), "create-invoice"));

  /* Nothing required is missing: the deal is made at once. */
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "deal"), ==, 0);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  crm_ui_test_iterate_for (50);
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (popover), "create-deal"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->card), "card.create", "s", "deal");
  crm_ui_test_iterate_for (100);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "deal"), ==, 1);
  g_assert_null (crm_ui_test_find_message_dialog ());
}

static void
test_dialog_asks_required (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Prazo de entrega");
  const char *targets[] = { "deal", NULL };
  CrmConvertDialog *dialog;
  GtkWidget *editor, *entry;
  g_autofree char *name = NULL;
  GPtrArray *shown;
  gint64 field_id, created = 0;

  config->required_mode = CRM_REQUIRED_ALWAYS;
  field_id = crm_field_create_full (fixture->db.session,
                                    crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal")),
                                    CRM_FIELD_TYPE_STRING, FALSE, NULL, config, 0, 0, &error);
  g_assert_no_error (error);

  dialog = crm_convert_dialog_new (fixture->window, fixture->db.session, fixture->lead, targets, FALSE);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_ui_test_iterate_for (50);

  /* Exactly the field the deal lacks, with its editor. */
  shown = crm_convert_dialog_get_shown_fields (dialog);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (crm_field_get_id (g_ptr_array_index (shown, 0)), ==, field_id);
  name = g_strdup_printf ("convert-field-uf_%" G_GINT64_FORMAT, field_id);
  editor = crm_ui_test_find_by_name (GTK_WIDGET (dialog), name);
  g_assert_nonnull (editor);

  /* Empty, Create refuses and the field stays. */
  g_assert_false (crm_convert_dialog_create (dialog));
  g_assert_cmpuint (crm_convert_dialog_get_shown_fields (dialog)->len, ==, 1);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "deal"), ==, 0);

  editor = crm_ui_test_find_by_name (GTK_WIDGET (dialog), name);
  entry = crm_ui_test_find_by_type (editor, GTK_TYPE_TEXT);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "30 dias");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (crm_convert_dialog_create (dialog));
  crm_ui_test_iterate_for (100);
  g_assert_null (dialog);
  g_assert_cmpint (created, >, 0);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "deal"), ==, 1);
}

static void
test_dialog_choose (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *targets[] = { "contact", "company", "deal", NULL };
  CrmConvertDialog *dialog;
  GtkWidget *company;
  gint64 created = 0;

  /* The contact needs a first name: give the demo's lead one, whatever
   * the demo made of it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmElement) lead = crm_element_load (fixture->db.session, fixture->lead, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (fixture->db.session, lead);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "name", "Marina", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, fixture->lead);
    g_assert_no_error (error);
  }

  dialog = crm_convert_dialog_new (fixture->window, fixture->db.session, fixture->lead, targets, TRUE);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_ui_test_iterate_for (50);

  company = crm_ui_test_find_by_name (GTK_WIDGET (dialog), "convert-check-company");
  g_assert_true (GTK_IS_CHECK_BUTTON (company));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (company)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (company), FALSE);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (crm_convert_dialog_create (dialog));
  crm_ui_test_iterate_for (100);
  g_assert_null (dialog);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "contact"), ==, 1);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "deal"), ==, 1);
  g_assert_cmpuint (count_created_from (fixture, fixture->lead, "company"), ==, 0);
}

static void
test_dependencies (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *targets[] = { "deal", NULL };
  g_autoptr(CrmConversion) conversion = crm_conversion_new (fixture->db.session, fixture->lead, targets, &error);
  g_autoptr(GArray) ids = NULL;
  CrmDependenciesView *view;
  g_autofree char *name = NULL;
  guint before;

  view = CRM_DEPENDENCIES_VIEW (crm_ui_test_find_by_type (GTK_WIDGET (fixture->card), CRM_TYPE_DEPENDENCIES_VIEW));
  g_assert_nonnull (view);
  before = crm_dependencies_view_get_n_rows (view);

  /* A conversion elsewhere shows at once. */
  g_assert_no_error (error);
  ids = crm_conversion_run (conversion, &error);
  g_assert_no_error (error);
  crm_ui_test_iterate_for (50);
  g_assert_cmpuint (crm_dependencies_view_get_n_rows (view), ==, before + 1);
  name = g_strdup_printf ("dependency-%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (view), name));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/convert/create-menu", test_create_menu);
  ADD ("/convert/dialog-asks-required", test_dialog_asks_required);
  ADD ("/convert/dialog-choose", test_dialog_choose);
  ADD ("/convert/dependencies", test_dependencies);
#undef ADD

  return g_test_run ();
}
