/* test-layout-unseen.c — shaping a card around a field one cannot see
 *
 * A custom field only the administrator may see sits second in About
 * deal. Lia, who may shape the standard layout, opens the deal in the
 * real window: she moves fields from the row menu and by a drop, hides
 * one and deletes the section then undoes both. Each lands where she saw
 * it, and the administrator's layout shows the unseen field where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-section-group.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

#define LIA 70

typedef struct
{
  CrmUiTestDb  db;
  CrmSession  *lia;
  CrmWindow   *window;
  gint64       deal_id;
  gint64       deal_type;
  gint64       pipeline_id;
  char        *secret_code;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (20);

/* ---- Helpers ------------------------------------------------------------- */

static CrmLayout *
resolve (Fixture    *fixture,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session, fixture->deal_type, fixture->pipeline_id, 0, &error);

  g_assert_no_error (error);
  return layout;
}

/* "title|secret|stage…": the first section as @session sees it. */
static char *
describe (Fixture    *fixture,
          CrmSession *session)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, session);
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (crm_layout_get_sections (layout), 0);
  GListModel *fields = crm_layout_section_get_fields (section);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      const char *code = crm_field_get_code (field);

      g_string_append_printf (out, "%s%s", i ? "|" : "",
                              g_str_equal (code, fixture->secret_code) ? "secret" : code);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same, read from the rows of the pane's first section. */
static char *
describe_pane (Fixture *fixture)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  CrmSectionGroup *first;

  crm_ui_test_collect_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_SECTION_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (groups, i)))
      {
        first = g_ptr_array_index (groups, i);
        for (guint j = 0; j < crm_section_group_get_n_rows (first); j++)
          g_string_append_printf (out, "%s%s", j ? "|" : "",
                                  crm_field_get_code (crm_field_row_get_field (crm_section_group_get_row (first, j))));
        break;
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *admin;   /* what the administrator sees */
  const char *lia;     /* what Lia's pane shows */
} Expected;

static gboolean
layout_is (gpointer data)
{
  Expected *expected = data;
  g_autofree char *admin = describe (expected->fixture, expected->fixture->db.session);
  g_autofree char *pane = describe_pane (expected->fixture);

  return g_str_equal (admin, expected->admin) && g_str_equal (pane, expected->lia);
}

static void
assert_layout (Fixture    *fixture,
               const char *admin,
               const char *lia)
{
  Expected expected = { fixture, admin, lia };

  if (!crm_ui_test_iterate_until (layout_is, &expected, 3000))
    {
      g_autofree char *now = describe (fixture, fixture->db.session);
      g_autofree char *pane = describe_pane (fixture);

      g_error ("expected «%s» / «%s», got «%s» / «%s»", admin, lia, now, pane);
    }
}

static CrmFieldRow *
get_row (Fixture    *fixture,
         const char *code)
{
  g_autofree char *name = g_strdup_printf ("field-row-%s", code);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* The last card's rows may wait, hidden, for their disposal. */
  crm_ui_test_collect_by_name (GTK_WIDGET (fixture->window), name, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (rows, i)))
      return g_ptr_array_index (rows, i);
  g_error ("no row %s", name);
}

static GtkWidget *
find_undo_button (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *overlay = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  crm_ui_test_collect_by_type (overlay, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Undo") == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
has_undo_button (gpointer data)
{
  return find_undo_button (data) != NULL;
}

static void
click_undo (Fixture *fixture)
{
  g_assert_true (crm_ui_test_iterate_until (has_undo_button, fixture, 3000));
  g_signal_emit_by_name (find_undo_button (fixture), "clicked");
}

static gboolean
card_shows_deal (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);
  GtkWidget *row = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "field-row-amount");

  return card != NULL && gtk_widget_get_mapped (card) &&
         crm_card_get_element_id (CRM_CARD (card)) == fixture->deal_id &&
         row != NULL && gtk_widget_get_height (row) > 0;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Margem interna");
  g_autoptr(CrmElement) deal = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayoutSection) about = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 admin_id, secret;

  crm_ui_test_open_demo (&fixture->db, "clientele-unseen-XXXXXX", &small_size);
  fixture->deal_type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  fixture->deal_id = crm_element_get_id (deal);
  fixture->pipeline_id = crm_element_get_pipeline_id (deal);

  layout = resolve (fixture, fixture->db.session);
  about = g_list_model_get_item (crm_layout_get_sections (layout), 0);
  admin_id = crm_session_get_user_id (fixture->db.session);
  config->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (config->visible_users, admin_id);
  secret = crm_field_create_full (fixture->db.session, fixture->deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL,
                                  config, crm_layout_section_get_id (about), 1, &error);
  g_assert_no_error (error);
  fixture->secret_code = g_strdup (crm_field_get_code (crm_catalog_get_field (crm_store_get_catalog (fixture->db.store),
                                                                              secret)));
  g_clear_object (&deal);

  crm_ui_test_close_store (&fixture->db);
  g_assert_cmpint (sqlite3_open (fixture->db.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO users (id, login, name, created_at) VALUES (70, 'lia', 'Lia', '2026-01-01');"
                                 "INSERT INTO roles (id, code, name) VALUES (40, 'layout_editor', 'Layout editor');"
                                 "INSERT INTO role_permissions (role_id, permission) VALUES "
                                 "  (40, 'element.read'), (40, 'element.read_all'), (40, 'element.write'), (40, 'layout.edit_standard');"
                                 "INSERT INTO role_assignments (role_id, user_id) VALUES (40, 70);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  crm_ui_test_open_store (&fixture->db);
  fixture->lia = crm_session_new (fixture->db.store, LIA, &error);
  g_assert_no_error (error);

  fixture->window = crm_window_new (NULL, fixture->lia);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_window_open_element (fixture->window, fixture->deal_id);
  g_assert_true (crm_ui_test_iterate_until (card_shows_deal, fixture, 5000));
  assert_layout (fixture, "title|secret|stage|amount|close_date|contact|company",
                 "title|stage|amount|close_date|contact|company");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
  g_assert_finalize_object (g_steal_pointer (&fixture->lia));
  g_free (fixture->secret_code);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_moves (Fixture       *fixture,
            gconstpointer  user_data)
{
  CrmSectionGroup *about;

  /* One down, past the field she does not see. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-down", NULL);
  assert_layout (fixture, "secret|stage|title|amount|close_date|contact|company",
                 "stage|title|amount|close_date|contact|company");

  /* And back up: the unseen field keeps its place. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-up", NULL);
  assert_layout (fixture, "secret|title|stage|amount|close_date|contact|company",
                 "title|stage|amount|close_date|contact|company");

  /* A drop before her fourth row. */
  about = CRM_SECTION_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (get_row (fixture, "title")), CRM_TYPE_SECTION_GROUP));
  _crm_fields_pane_move_field (CRM_FIELDS_PANE (crm_ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                           CRM_TYPE_FIELDS_PANE)),
                               crm_field_row_get_field_id (get_row (fixture, "stage")),
                               crm_section_group_get_section_id (about), 4);
  assert_layout (fixture, "secret|title|amount|close_date|stage|contact|company",
                 "title|amount|close_date|stage|contact|company");
}

static void
test_hide_undo (Fixture       *fixture,
                gconstpointer  user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.hide", NULL);
  assert_layout (fixture, "secret|stage|amount|close_date|contact|company",
                 "stage|amount|close_date|contact|company");

  /* Back before the field that followed it, the unseen one. */
  click_undo (fixture);
  assert_layout (fixture, "title|secret|stage|amount|close_date|contact|company",
                 "title|stage|amount|close_date|contact|company");
}

static gboolean
has_dialog (gpointer data)
{
  return crm_ui_test_find_message_dialog () != NULL;
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *about = gtk_widget_get_ancestor (GTK_WIDGET (get_row (fixture, "title")), CRM_TYPE_SECTION_GROUP);

  gtk_widget_activate_action (about, "section.delete", NULL);
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 3000));
  crm_ui_test_collect_by_type (GTK_WIDGET (crm_ui_test_find_message_dialog ()), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Delete") == 0)
      {
        /* It answers and closes: the buttons go with it. */
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        break;
      }
  assert_layout (fixture, "pipeline|deal_type|source|source_description|start_date|probability|responsible|comments",
                 "pipeline|deal_type|source|source_description|start_date|probability|responsible|comments");

  /* Every field comes back, the one she never saw too. */
  click_undo (fixture);
  assert_layout (fixture, "title|secret|stage|amount|close_date|contact|company",
                 "title|stage|amount|close_date|contact|company");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/layout-unseen/moves", Fixture, NULL,
              fixture_set_up, test_moves, fixture_tear_down);
  g_test_add ("/ui/layout-unseen/hide-undo", Fixture, NULL,
              fixture_set_up, test_hide_undo, fixture_tear_down);
  g_test_add ("/ui/layout-unseen/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);

  return g_test_run ();
}
