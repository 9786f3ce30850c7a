/* test-window.c — the window on a small demo database, under Xvfb
 *
 * Opens a deal's card and checks what a person would see: the title, the
 * layout's sections and field rows, the stage bar, the timeline; writes a
 * comment through the composer and finds it at the top; goes back to the
 * list and searches it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-kanban-board.h"
#include "crm-section-group.h"
#include "crm-stage-bar.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  CrmWindow   *window;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (200);

/* ---- Helpers ------------------------------------------------------------- */

static gboolean
card_is_mapped (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);

  return card != NULL && gtk_widget_get_mapped (card) &&
         crm_card_get_element (CRM_CARD (card)) != NULL;
}

static gboolean
has_children (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_first_child (data) != NULL;
}

static gboolean
list_is_mapped (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "element-list");

  return list != NULL && gtk_widget_get_mapped (list);
}

/* The deals come first, as a kanban. */
static gboolean
browse_is_mapped (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *board = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_KANBAN_BOARD);

  return list_is_mapped (data) || (board != NULL && gtk_widget_get_mapped (board));
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);

  fixture->window = crm_window_new (NULL, fixture->db.session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (crm_ui_test_iterate_until (browse_is_mapped, fixture, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_card_shows_layout (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  GListModel *sections;
  guint n_sections_shown = 0;

  crm_window_open_element (fixture->window, crm_element_get_id (deal));
  g_assert_true (crm_ui_test_iterate_until (card_is_mapped, fixture, 5000));

  card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);
  g_assert_cmpint (crm_card_get_element_id (CRM_CARD (card)), ==, crm_element_get_id (deal));

  /* The title, large. */
  g_assert_true (crm_ui_test_has_label_with_text (card, crm_element_get_title (deal)));

  /* Each section that has fields, titled like it, with a row per field
   * (named after the field's code) showing the field's label. */
  layout = crm_layout_resolve (fixture->db.session,
                               crm_element_get_entity_type_id (deal),
                               crm_element_get_pipeline_id (deal),
                               0, &error);
  g_assert_no_error (error);

  sections = crm_layout_get_sections (layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      if (g_list_model_get_n_items (fields) == 0)
        continue;

      n_sections_shown++;
      g_assert_true (crm_ui_test_has_label_with_text (card, crm_layout_section_get_title (section)));

      for (guint k = 0; k < g_list_model_get_n_items (fields); k++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, k);
          g_autofree char *row_name = g_strdup_printf ("field-row-%s", crm_field_get_code (field));

          /* Widget names use dashes: "close_date" → "field-row-close-date". */
          g_strdelimit (row_name, "_", '-');

          g_ptr_array_set_size (rows, 0);
          crm_ui_test_collect_by_name (card, row_name, rows);
          g_assert_cmpuint (rows->len, ==, 1);
          g_assert_true (crm_ui_test_has_label_with_text (g_ptr_array_index (rows, 0), crm_field_get_label (field)));
        }
    }

  /* People who may shape the card see every section, empty ones too:
   * fields can be dropped there. */
  crm_ui_test_collect_by_type (card, CRM_TYPE_SECTION_GROUP, groups);
  g_assert_cmpuint (n_sections_shown, >, 0);
  g_assert_cmpuint (groups->len, ==, g_list_model_get_n_items (sections));
}

static void
test_card_stage_bar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  CrmPipeline *pipeline;
  GtkWidget *bar;
  guint n_chips = 0;
  guint n_current = 0;

  crm_window_open_element (fixture->window, crm_element_get_id (deal));
  g_assert_true (crm_ui_test_iterate_until (card_is_mapped, fixture, 5000));

  pipeline = crm_catalog_get_pipeline (catalog, crm_element_get_pipeline_id (deal));
  g_assert_nonnull (pipeline);

  bar = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_STAGE_BAR);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpint (crm_stage_bar_get_stage_id (CRM_STAGE_BAR (bar)), ==, crm_element_get_stage_id (deal));

  for (GtkWidget *chip = gtk_widget_get_first_child (bar); chip; chip = gtk_widget_get_next_sibling (chip))
    {
      n_chips++;
      if (gtk_widget_has_css_class (chip, "current"))
        n_current++;
    }

  g_assert_cmpuint (n_chips, ==, g_list_model_get_n_items (crm_pipeline_get_stages (pipeline)));
  g_assert_cmpuint (n_current, ==, 1);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} ModelCheck;

static gboolean
model_has_n_items (gpointer data)
{
  ModelCheck *check = data;

  return g_list_model_get_n_items (check->model) == check->n_items;
}

static void
test_card_comment (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  g_autoptr(CrmTimelineEntry) first = NULL;
  const char *text = "Cliente pediu a proposta revisada até sexta-feira.";
  GtkWidget *composer;
  GtkWidget *send;
  GtkWidget *timeline;
  GListModel *model;
  GtkTextBuffer *buffer;
  ModelCheck check;
  guint n_before;

  crm_window_open_element (fixture->window, crm_element_get_id (deal));
  g_assert_true (crm_ui_test_iterate_until (card_is_mapped, fixture, 5000));

  timeline = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "timeline-list");
  composer = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "composer-text");
  send = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "send-button");
  g_assert_true (GTK_IS_LIST_VIEW (timeline));
  g_assert_true (GTK_IS_TEXT_VIEW (composer));
  g_assert_true (GTK_IS_BUTTON (send));

  /* The demo gave the deal a history, and rows show it. */
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (timeline)));
  n_before = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_before, >, 0);
  g_assert_true (crm_ui_test_iterate_until (has_children, timeline, 5000));
  /* Rows near the end ask for the next page, on an idle: count after it. */
  crm_ui_test_iterate_for (200);
  n_before = g_list_model_get_n_items (model);

  /* Nothing to send yet. */
  g_assert_false (gtk_widget_is_sensitive (send));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer));
  gtk_text_buffer_set_text (buffer, text, -1);
  crm_ui_test_iterate_for (50);
  g_assert_true (gtk_widget_is_sensitive (send));

  /* A button activated from the keyboard clicks after a short flash. */
  check.model = model;
  check.n_items = n_before + 1;
  gtk_widget_activate (send);
  g_assert_true (crm_ui_test_iterate_until (model_has_n_items, &check, 3000));

  /* At the top, put there by the store's change notification. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 1);
  first = g_list_model_get_item (model, 0);
  g_assert_true (CRM_IS_TIMELINE_ENTRY (first));
  g_assert_cmpint (crm_timeline_entry_get_kind (first), ==, CRM_ENTRY_COMMENT);
  g_assert_cmpstr (crm_timeline_entry_get_text (first), ==, text);

  /* The composer is empty again, and its button off. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (send));

  /* And a row shows it. */
  crm_ui_test_iterate_for (100);
  g_assert_true (crm_ui_test_has_label_with_text (timeline, text));
}

typedef struct
{
  GtkColumnView *view;
  gint64         id;
  guint          n_all;
} SearchCheck;

/* Fewer rows than without a search, and the one searched for among them. */
static gboolean
search_found (gpointer data)
{
  SearchCheck *check = data;
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (check->view));
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (n_items == 0 || n_items >= check->n_all)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (model, i);

      if (crm_element_get_id (element) == check->id)
        return TRUE;
    }

  return FALSE;
}

static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CrmElement) company = crm_ui_test_load_first_element (&fixture->db, "company");
  g_autoptr(CrmElement) found = NULL;
  GtkWidget *column_view;
  GtkWidget *list_view;
  GtkWidget *search;
  GListModel *model;
  SearchCheck check;

  crm_window_show_entity_type (fixture->window, "company");
  g_assert_true (crm_ui_test_iterate_until (list_is_mapped, fixture, 5000));

  column_view = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "element-list");
  search = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "search-entry");
  g_assert_true (GTK_IS_COLUMN_VIEW (column_view));
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));

  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);

  /* The whole title finds that company, and not all the others. */
  check.view = GTK_COLUMN_VIEW (column_view);
  check.id = crm_element_get_id (company);
  check.n_all = g_list_model_get_n_items (model);
  gtk_editable_set_text (GTK_EDITABLE (search), crm_element_get_title (company));
  g_assert_true (crm_ui_test_iterate_until (search_found, &check, 3000));

  /* Opening a row shows its card; back returns to the list. */
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  found = g_list_model_get_item (model, 0);
  list_view = crm_ui_test_find_by_type (column_view, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  g_assert_true (crm_ui_test_iterate_until (card_is_mapped, fixture, 5000));
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (fixture->window), crm_element_get_title (found)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_true (crm_ui_test_iterate_until (list_is_mapped, fixture, 5000));
}

static gboolean
list_has_rows (gpointer data)
{
  GtkWidget *column_view = data;
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  GtkWidget *list_view = crm_ui_test_find_by_type (column_view, GTK_TYPE_LIST_VIEW);

  /* Shown, and with a row widget for the element. */
  return gtk_widget_get_mapped (column_view) && model != NULL && g_list_model_get_n_items (model) == 1 &&
         list_view != NULL && crm_ui_test_has_label_with_text (list_view, "Zebra zero 1");
}

static gboolean
stack_shows_no_results (gpointer data)
{
  GtkWidget *column_view = data;
  GtkWidget *stack = gtk_widget_get_ancestor (column_view, GTK_TYPE_STACK);

  /* Once any transition is over. */
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "no-results") == 0 &&
         !gtk_widget_get_mapped (column_view);
}

/* A list that finds nothing shows "No results"; an element that arrives
 * and matches brings the list back. The list must hear of the new row
 * before it is shown again (GTK 4.8 aborts otherwise). */
static void
test_list_fills_while_hidden (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *column_view;
  GtkWidget *search;

  crm_window_show_entity_type (fixture->window, "quote");
  /* Quotes have stages: they show as a kanban until the list is chosen. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window),
                                                                             "view-list")), TRUE);
  g_assert_true (crm_ui_test_iterate_until (list_is_mapped, fixture, 5000));
  column_view = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "element-list");
  search = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "search-entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "zebra");
  g_assert_true (crm_ui_test_iterate_until (stack_shows_no_results, column_view, 3000));

  draft = crm_element_draft_new (fixture->db.session, "quote", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Zebra zero 1", &error));
  g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (crm_ui_test_iterate_until (list_has_rows, column_view, 3000));
}

static void
test_open_reference (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  g_autofree char *good = g_strdup_printf ("deal:%" G_GINT64_FORMAT, crm_element_get_id (deal));
  g_autofree char *wrong_type = g_strdup_printf ("contact:%" G_GINT64_FORMAT, crm_element_get_id (deal));
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_window_open_reference (fixture->window, "deal", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_false (crm_window_open_reference (fixture->window, "spaceship:1", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (crm_window_open_reference (fixture->window, wrong_type, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (crm_window_open_reference (fixture->window, "deal:999999", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crm_window_open_reference (fixture->window, good, &error));
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_iterate_until (card_is_mapped, fixture, 5000));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window/card-shows-layout", Fixture, NULL,
              fixture_set_up, test_card_shows_layout, fixture_tear_down);
  g_test_add ("/ui/window/card-stage-bar", Fixture, NULL,
              fixture_set_up, test_card_stage_bar, fixture_tear_down);
  g_test_add ("/ui/window/card-comment", Fixture, NULL,
              fixture_set_up, test_card_comment, fixture_tear_down);
  g_test_add ("/ui/window/list-and-search", Fixture, NULL,
              fixture_set_up, test_list_and_search, fixture_tear_down);
  g_test_add ("/ui/window/list-fills-while-hidden", Fixture, NULL,
              fixture_set_up, test_list_fills_while_hidden, fixture_tear_down);
  g_test_add ("/ui/window/open-reference", Fixture, NULL,
              fixture_set_up, test_open_reference, fixture_tear_down);

  return g_test_run ();
}
