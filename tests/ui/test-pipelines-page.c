/* test-pipelines-page.c — Preferences › Pipelines and Stages, under Xvfb
 *
 * A stage added shows before the success stage with the focus in its
 * name, and the name typed is saved; a stage moved with its row's action
 * moves in the database, and moves stay within the stage's part; a stage
 * holding deals is deleted through the confirmation, which moves them to
 * the stage chosen there; a pipeline is created, renamed and deleted with
 * its deals moved; a refused rename is a toast with nothing written; an
 * employee gets no page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-pipelines-page.h"
#include "crm-preferences-window.h"

#include "crm-test-utils.h"
#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb           db;
  CrmPreferencesWindow *window;
  GtkWidget            *page;
  gint64                deal_type;
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

static gboolean
has_widget (gpointer data)
{
  gpointer *args = data;

  return crm_ui_test_find_by_name (args[0], args[1]) != NULL;
}

static void
wait_for_widget (Fixture    *fixture,
                 const char *name)
{
  gpointer args[] = { fixture->page, (gpointer) name };

  g_assert_true (crm_ui_test_iterate_until (has_widget, args, 2000));
}

static CrmPipeline *
shown_pipeline (Fixture *fixture)
{
  return crm_catalog_get_pipeline (crm_store_get_catalog (fixture->db.store),
                                   crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page)));
}

/* The codes of the shown pipeline's stages as stored, in order. */
static char *
stored_order (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (code, ',') FROM (SELECT code FROM stages "
                                          "WHERE pipeline_id = %" G_GINT64_FORMAT " ORDER BY sort)",
                                          crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page)));

  return crm_test_query_text (fixture->db.path, sql);
}

/* The rows the list shows, top to bottom, by their stage codes. */
static char *
shown_order (Fixture *fixture)
{
  GtkWidget *list = get_named (fixture->page, "stages-list");
  GString *order = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *name = gtk_widget_get_name (child);

      if (g_str_has_prefix (name, "stage-row-"))
        g_string_append_printf (order, "%s%s", order->len ? "," : "", name + strlen ("stage-row-"));
    }
  return g_string_free (order, FALSE);
}

static gint64
count_in_stage (Fixture    *fixture,
                const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM elements e JOIN stages s ON s.id = e.stage_id "
                                          "WHERE s.pipeline_id = %" G_GINT64_FORMAT " AND s.code = '%s'",
                                          crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page)),
                                          code);

  return crm_test_query_int (fixture->db.path, sql);
}

static void
respond (const char *response)
{
  g_autofree char *name = g_strdup_printf ("response-%s", response);

  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  click (get_named (GTK_WIDGET (crm_ui_test_find_message_dialog ()), name));
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 2000));
  crm_ui_test_iterate_for (50);
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->deal_type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));

  fixture->window = crm_preferences_window_new (NULL, fixture->db.session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_ui_test_iterate_for (150);
  fixture->page = get_named (GTK_WIDGET (fixture->window), "pipelines-page");
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
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_add_and_rename (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *order = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *name;

  /* Deals first, their default pipeline, its seven stages. */
  g_assert_cmpint (crm_pipeline_get_entity_type_id (shown_pipeline (fixture)), ==, fixture->deal_type);
  g_assert_true (crm_pipeline_is_default (shown_pipeline (fixture)));
  g_assert_true (gtk_widget_get_visible (get_named (fixture->page, "pipeline-switcher-admin")));
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture->page, "stage-delete-won")));
  g_assert_false (gtk_widget_is_sensitive (get_named (fixture->page, "stage-semantics-won")));

  click (get_named (fixture->page, "add-stage"));
  wait_for_widget (fixture, "stage-row-new-stage");
  order = stored_order (fixture);
  g_assert_cmpstr (order, ==, "new,preparation,prepayment,executing,final_invoice,new_stage,won,lost");
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "new,preparation,prepayment,executing,final-invoice,new-stage,won,lost");

  /* Its name is being edited: what is typed is saved. */
  name = get_named (fixture->page, "stage-name-new-stage");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Negociação");
  g_signal_emit_by_name (name, "activate");
  crm_ui_test_iterate_for (50);
  g_assert_true (crm_ui_test_has_label_with_text (fixture->page, "No elements"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM stages WHERE code = 'new_stage' AND name = 'Negociação' "
                                            "AND pipeline_id = %" G_GINT64_FORMAT,
                                            crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page)));

    g_assert_cmpint (crm_test_query_int (fixture->db.path, sql), ==, 1);
  }

  /* A name another stage has: a toast, the old name back, nothing written. */
  before = crm_test_dump_db (fixture->db.path);
  name = get_named (fixture->page, "stage-name-new-stage");
  gtk_editable_set_text (GTK_EDITABLE (name), "deal WON");
  g_signal_emit_by_name (name, "activate");
  crm_ui_test_iterate_for (100);
  after = crm_test_dump_db (fixture->db.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window),
                                                  "There is already a stage called “deal WON” in this pipeline"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (fixture->page, "stage-name-new-stage"))), ==,
                   "Negociação");
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *order = NULL;
  g_autofree char *order2 = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (gtk_widget_activate_action (get_named (fixture->page, "stage-row-executing"), "stage.move-up", NULL));
  crm_ui_test_iterate_for (50);
  order = stored_order (fixture);
  g_assert_cmpstr (order, ==, "new,preparation,executing,prepayment,final_invoice,won,lost");
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "new,preparation,executing,prepayment,final-invoice,won,lost");
  /* The focus stays on the moved row, for the next Alt+↑. */
  g_assert_true (gtk_widget_has_focus (get_named (fixture->page, "stage-row-executing")));

  g_assert_true (gtk_widget_activate_action (get_named (fixture->page, "stage-row-new"), "stage.move-down", NULL));
  crm_ui_test_iterate_for (50);
  order2 = stored_order (fixture);
  g_assert_cmpstr (order2, ==, "preparation,new,executing,prepayment,final_invoice,won,lost");

  /* Within its part only: the last stage in progress cannot go down past
   * the success stage, nor a failure stage up before it. */
  {
    const char *refused[][2] = {
      { "stage-row-final-invoice", "stage.move-down" },
      { "stage-row-lost", "stage.move-up" },
      { "stage-row-won", "stage.move-up" },
      { "stage-row-won", "stage.move-down" },
      { "stage-row-preparation", "stage.move-up" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *still = NULL;

        gtk_widget_activate_action (get_named (fixture->page, refused[i][0]), refused[i][1], NULL);
        crm_ui_test_iterate_for (30);
        still = stored_order (fixture);
        g_assert_cmpstr (still, ==, order2);
      }
  }
}

static void
test_delete_with_move (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *target;
  gint64 n_new, n_moved;
  guint index = 0;

  /* Deals in "new", so deleting it asks where they go. */
  n_new = count_in_stage (fixture, "new");
  n_moved = count_in_stage (fixture, "executing");
  if (n_new == 0)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE elements SET stage_id = (SELECT id FROM stages WHERE code = 'new' "
                                              "AND pipeline_id = %" G_GINT64_FORMAT ") WHERE id IN (SELECT id FROM "
                                              "elements WHERE pipeline_id = %" G_GINT64_FORMAT " LIMIT 2)",
                                              crm_pipeline_get_id (shown_pipeline (fixture)),
                                              crm_pipeline_get_id (shown_pipeline (fixture)));

      crm_test_exec_sql (fixture->db.path, sql);
      n_new = count_in_stage (fixture, "new");
      n_moved = count_in_stage (fixture, "executing");
    }
  g_assert_cmpint (n_new, >, 0);

  click (get_named (fixture->page, "stage-delete-new"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  dialog = crm_ui_test_find_message_dialog ();
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "delete-stage-dialog");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "It holds "));
  target = get_named (GTK_WIDGET (dialog), "stage-delete-target");
  /* Choose "In progress" (executing) among the other six. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (target))); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (target))), i),
                     "In progress"))
      index = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (target), index);
  respond ("delete");

  g_assert_null (crm_ui_test_find_by_name (fixture->page, "stage-row-new"));
  g_assert_cmpint (count_in_stage (fixture, "new"), ==, 0);
  g_assert_cmpint (count_in_stage (fixture, "executing"), ==, n_moved + n_new);

  /* An empty stage: just asked, no choice. */
  g_assert_cmpint (crm_stage_create (fixture->db.session, crm_pipeline_get_id (shown_pipeline (fixture)), "Vazia",
                                     "#123456", CRM_STAGE_FAILURE, &error), >, 0);
  wait_for_widget (fixture, "stage-row-vazia");
  click (get_named (fixture->page, "stage-delete-vazia"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (crm_ui_test_find_message_dialog ()), "stage-delete-target"));
  g_assert_cmpstr (adw_message_dialog_get_body (crm_ui_test_find_message_dialog ()), ==, "It holds no elements.");
  respond ("delete");
  g_assert_null (crm_ui_test_find_by_name (fixture->page, "stage-row-vazia"));
}

static void
test_pipelines (Fixture       *fixture,
                gconstpointer  user_data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  GtkWidget *entry, *switcher;
  gint64 general, created;
  gint64 n;

  general = crm_pipeline_get_id (shown_pipeline (fixture));

  /* New: named in the dialog, then shown with the deal's stages. */
  click (get_named (fixture->page, "add-pipeline"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  entry = get_named (GTK_WIDGET (crm_ui_test_find_message_dialog ()), "pipeline-name-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Vendas B2B");
  respond ("save");
  created = crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page));
  g_assert_cmpint (created, !=, general);
  g_assert_cmpstr (crm_pipeline_get_name (crm_catalog_get_pipeline (catalog, created)), ==, "Vendas B2B");
  switcher = get_named (fixture->page, "pipeline-switcher-admin");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (switcher))), ==,
                   "Vendas B2B");
  g_assert_nonnull (crm_ui_test_find_by_name (fixture->page, "stage-row-won"));

  /* Renamed. */
  click (get_named (fixture->page, "pipeline-rename"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  entry = get_named (GTK_WIDGET (crm_ui_test_find_message_dialog ()), "pipeline-name-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Vendas B2B");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Atacado");
  respond ("save");
  g_assert_cmpstr (crm_pipeline_get_name (crm_catalog_get_pipeline (catalog, created)), ==, "Atacado");

  /* General, holding deals, deleted: its deals go to Atacado's first stage. */
  crm_pipelines_page_show (CRM_PIPELINES_PAGE (fixture->page), fixture->deal_type, general);
  crm_ui_test_iterate_for (50);
  n = crm_pipeline_count_elements (fixture->db.session, general, NULL);
  g_assert_cmpint (n, >, 0);
  click (get_named (fixture->page, "pipeline-delete"));
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 2000));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (crm_ui_test_find_message_dialog ())), ==, "delete-pipeline-dialog");
  {
    GtkWidget *target = get_named (GTK_WIDGET (crm_ui_test_find_message_dialog ()), "pipeline-delete-target");
    GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (target));

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Atacado"))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (target), i);
  }
  respond ("delete");
  g_assert_null (crm_catalog_get_pipeline (catalog, general));
  g_assert_cmpint (crm_pipeline_count_elements (fixture->db.session, created, NULL), >=, n);
  g_assert_cmpint (crm_pipelines_page_get_pipeline (CRM_PIPELINES_PAGE (fixture->page)), !=, general);
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window), "“General” was deleted"));
}

static void
test_leads_and_employee (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) employee = NULL;
  CrmEntityType *leads = crm_ui_test_get_entity_type (&fixture->db, "lead");

  /* Leads have one pipeline: no switcher, no New Pipeline. */
  crm_pipelines_page_show (CRM_PIPELINES_PAGE (fixture->page), crm_entity_type_get_id (leads), 0);
  crm_ui_test_iterate_for (50);
  g_assert_false (gtk_widget_get_visible (get_named (fixture->page, "pipeline-switcher-admin")));
  g_assert_false (gtk_widget_get_visible (get_named (fixture->page, "add-pipeline")));
  g_assert_nonnull (crm_ui_test_find_by_name (fixture->page, "stage-row-converted"));

  crm_test_exec_sql (fixture->db.path,
                     "INSERT INTO users (id, login, name, created_at) "
                     "VALUES (90, 'vera', 'Vera Lúcia', '2026-01-01T00:00:00Z');"
                     "INSERT INTO role_assignments (role_id, user_id) "
                     "SELECT id, 90 FROM roles WHERE code = 'employee';");
  employee = crm_session_new (fixture->db.store, 90, &error);
  g_assert_no_error (error);
  g_assert_null (crm_pipelines_page_new (employee));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pipelines-page/add-and-rename", test_add_and_rename);
  ADD ("/pipelines-page/reorder", test_reorder);
  ADD ("/pipelines-page/delete-with-move", test_delete_with_move);
  ADD ("/pipelines-page/pipelines", test_pipelines);
  ADD ("/pipelines-page/leads-and-employee", test_leads_and_employee);

  return g_test_run ();
}
