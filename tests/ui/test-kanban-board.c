/* test-kanban-board.c — the kanban board on a small demo database, under Xvfb
 *
 * A column per stage whose header counts and adds up what its model
 * lists; the search filters every column and its count; a drop moves the
 * element, in the database and in both columns; in the window, types
 * with stages open as a kanban, the List toggle is remembered, and a
 * click on a card opens it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-element-list.h"
#include "crm-kanban-board.h"
#include "crm-kanban-card.h"
#include "crm-kanban-column.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb     db;
  GtkWindow      *window;
  CrmKanbanBoard *board;
  gint64          deal_type_id;
} Fixture;

static const CrmDemoSize demo_size = {
  .contacts = 10,
  .companies = 10,
  .deals = 60,
  .leads = 5,
  .quotes = 3,
  .invoices = 3,
  .timeline_entries = 0,
};

/* ---- Helpers ------------------------------------------------------------- */

static CrmCatalog *
catalog (Fixture *fixture)
{
  return crm_store_get_catalog (fixture->db.store);
}

static guint
load_all (GListModel *model)
{
  while (crm_element_list_model_load_more (CRM_ELEMENT_LIST_MODEL (model)) > 0)
    ;
  return g_list_model_get_n_items (model);
}

static GPtrArray *
get_columns (Fixture *fixture)
{
  GPtrArray *columns = g_ptr_array_new ();

  crm_ui_test_collect_by_type (GTK_WIDGET (fixture->board), CRM_TYPE_KANBAN_COLUMN, columns);
  return columns;
}

static gboolean
contains (GListModel *model,
          gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (model, i);

      if (crm_element_get_id (element) == id)
        return TRUE;
    }
  return FALSE;
}

/* The header says what the model lists: its count, and its amounts
 * added up (the demo's are all in reais). */
static void
assert_header_agrees (Fixture         *fixture,
                      CrmKanbanColumn *column)
{
  GListModel *model = crm_kanban_column_get_model (column);
  CrmField *amount = crm_catalog_find_field (catalog (fixture), fixture->deal_type_id, "amount");
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  CrmValue sum = { CRM_FIELD_TYPE_MONEY, 0, NULL, (char *) "BRL", NULL };
  guint n = load_all (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (model, i);
      const CrmValue *value = crm_element_get_value (element, amount);

      if (value != NULL)
        {
          g_assert_cmpstr (value->aux, ==, "BRL");
          sum.number += value->number;
        }
    }
  count = g_strdup_printf ("%u", n);
  total = crm_value_format (&sum, crm_field_get_options (amount), crm_session_get_locale (fixture->db.session));
  g_assert_cmpstr (crm_kanban_column_get_count_text (column), ==, count);
  g_assert_cmpstr (crm_kanban_column_get_total_text (column), ==, total);
}

/* ---- Fixture ------------------------------------------------------------- */

static gboolean
board_is_mapped (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->board));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-kanban-XXXXXX", &demo_size);
  fixture->deal_type_id = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->board = CRM_KANBAN_BOARD (crm_kanban_board_new (fixture->db.session));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->board));
  crm_kanban_board_set_entity_type (fixture->board, crm_ui_test_get_entity_type (&fixture->db, "deal"));
  gtk_window_present (fixture->window);
  g_assert_true (crm_ui_test_iterate_until (board_is_mapped, fixture, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture->board = NULL;
  crm_ui_test_destroy_window (&fixture->window, 100);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_columns (Fixture       *fixture,
              gconstpointer  user_data)
{
  CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog (fixture), crm_kanban_board_get_pipeline (fixture->board));
  GListModel *stages = crm_pipeline_get_stages (pipeline);
  g_autoptr(GPtrArray) columns = get_columns (fixture);
  GtkWidget *switcher = crm_ui_test_find_by_name (GTK_WIDGET (fixture->board), "pipeline-switcher");
  guint n_cards = 0;

  g_assert_true (crm_pipeline_is_default (pipeline));
  g_assert_cmpuint (columns->len, ==, g_list_model_get_n_items (stages));
  for (guint i = 0; i < columns->len; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      CrmKanbanColumn *column = g_ptr_array_index (columns, i);
      g_autofree char *name = g_strdup_printf ("kanban-column-%s", crm_stage_get_code (stage));

      g_strdelimit (name, "_", '-');
      g_assert_cmpint (crm_kanban_column_get_stage_id (column), ==, crm_stage_get_id (stage));
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (column)), ==, name);
      g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (column), crm_stage_get_name (stage)));
      assert_header_agrees (fixture, column);
      n_cards += g_list_model_get_n_items (crm_kanban_column_get_model (column));
    }
  g_assert_cmpuint (n_cards, >, 0);

  /* Deals have several pipelines: the switcher shows, and another
   * pipeline brings its own stages. */
  g_assert_true (gtk_widget_get_visible (switcher));
  if (g_list_model_get_n_items (crm_catalog_get_pipelines (catalog (fixture), fixture->deal_type_id)) > 1)
    {
      g_autoptr(GPtrArray) others = NULL;
      CrmPipeline *other;

      gtk_drop_down_set_selected (GTK_DROP_DOWN (switcher),
                                  gtk_drop_down_get_selected (GTK_DROP_DOWN (switcher)) == 0 ? 1 : 0);
      other = crm_catalog_get_pipeline (catalog (fixture), crm_kanban_board_get_pipeline (fixture->board));
      g_assert_true (other != pipeline);
      others = get_columns (fixture);
      g_assert_cmpuint (others->len, ==, g_list_model_get_n_items (crm_pipeline_get_stages (other)));
      for (guint i = 0; i < others->len; i++)
        assert_header_agrees (fixture, g_ptr_array_index (others, i));
    }
}

/* A card shows its element's title, amount and responsible person. */
static void
test_cards (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  CrmField *amount = crm_catalog_find_field (catalog (fixture), fixture->deal_type_id, "amount");
  CrmKanbanCard *card;
  CrmElement *element;
  g_autofree char *name = NULL;
  g_autofree char *amount_text = NULL;
  CrmUser *user;

  crm_ui_test_iterate_for (50);
  crm_ui_test_collect_by_type (GTK_WIDGET (fixture->board), CRM_TYPE_KANBAN_CARD, cards);
  g_assert_cmpuint (cards->len, >, 0);
  card = g_ptr_array_index (cards, 0);
  element = crm_kanban_card_get_element (card);
  g_assert_nonnull (element);

  name = g_strdup_printf ("kanban-card-%" G_GINT64_FORMAT, crm_element_get_id (element));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (card)), ==, name);
  g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (card), crm_element_get_title (element)));
  amount_text = crm_element_format_field (element, amount);
  if (amount_text != NULL)
    g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (card), amount_text));
  user = crm_catalog_get_user (catalog (fixture), crm_element_get_responsible_id (element));
  if (user != NULL)
    g_assert_true (crm_ui_test_has_label_with_text (GTK_WIDGET (card), crm_user_get_name (user)));
}

/* The first column with a card, and that card's element. */
static CrmKanbanColumn *
find_full_column (Fixture     *fixture,
                  CrmElement **element)
{
  g_autoptr(GPtrArray) columns = get_columns (fixture);

  for (guint i = 0; i < columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (columns, i);
      GListModel *model = crm_kanban_column_get_model (column);

      if (g_list_model_get_n_items (model) > 0)
        {
          *element = g_list_model_get_item (model, 0);
          return column;
        }
    }
  g_assert_not_reached ();
}

typedef struct
{
  Fixture *fixture;
  guint    n_before;
} FilterCheck;

static gboolean
filtered (gpointer data)
{
  FilterCheck *check = data;
  g_autoptr(GPtrArray) columns = get_columns (check->fixture);
  guint n = 0;

  for (guint i = 0; i < columns->len; i++)
    n += g_list_model_get_n_items (crm_kanban_column_get_model (g_ptr_array_index (columns, i)));
  return n > 0 && n < check->n_before;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GPtrArray) columns = get_columns (fixture);
  CrmKanbanColumn *column = find_full_column (fixture, &element);
  FilterCheck check = { fixture, 0 };
  GtkEditable *entry = crm_kanban_board_get_search_entry (fixture->board);

  for (guint i = 0; i < columns->len; i++)
    check.n_before += load_all (crm_kanban_column_get_model (g_ptr_array_index (columns, i)));

  gtk_editable_set_text (entry, crm_element_get_title (element));
  g_assert_true (crm_ui_test_iterate_until (filtered, &check, 3000));
  g_assert_true (contains (crm_kanban_column_get_model (column), crm_element_get_id (element)));
  for (guint i = 0; i < columns->len; i++)
    assert_header_agrees (fixture, g_ptr_array_index (columns, i));

  /* Nothing matches: every column is empty and counts 0. */
  gtk_editable_set_text (entry, "zzxqwv");
  crm_ui_test_iterate_for (400);
  for (guint i = 0; i < columns->len; i++)
    {
      CrmKanbanColumn *each = g_ptr_array_index (columns, i);

      g_assert_cmpuint (g_list_model_get_n_items (crm_kanban_column_get_model (each)), ==, 0);
      g_assert_cmpstr (crm_kanban_column_get_count_text (each), ==, "0");
    }
}

typedef struct
{
  Fixture         *fixture;
  CrmKanbanColumn *from;
  CrmKanbanColumn *to;
  gint64           id;
  char            *count;   /* what the target's header should say */
} MoveCheck;

static gboolean
moved (gpointer data)
{
  MoveCheck *check = data;
  g_autoptr(CrmElement) element = crm_element_load (check->fixture->db.session, check->id, NULL);

  return element != NULL &&
         crm_element_get_stage_id (element) == crm_kanban_column_get_stage_id (check->to) &&
         contains (crm_kanban_column_get_model (check->to), check->id) &&
         !contains (crm_kanban_column_get_model (check->from), check->id) &&
         g_strcmp0 (crm_kanban_column_get_count_text (check->to), check->count) == 0;
}

/* A drop on an in-progress stage that requires nothing more moves the
 * element; both columns and their headers follow. A drop on its own
 * column is no move. */
static void
test_drop_moves (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GPtrArray) columns = get_columns (fixture);
  MoveCheck check = { fixture, NULL, NULL, 0, NULL };

  check.from = find_full_column (fixture, &element);
  check.id = crm_element_get_id (element);
  g_assert_false (crm_kanban_column_drop (check.from, element));

  for (guint i = 0; i < columns->len && check.to == NULL; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (columns, i);
      gint64 stage_id = crm_kanban_column_get_stage_id (column);
      CrmStage *stage = crm_catalog_get_stage (catalog (fixture), stage_id);
      g_autoptr(GPtrArray) missing = crm_element_get_missing_at_stage (fixture->db.session, element, stage_id);

      if (column != check.from && crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS && missing->len == 0)
        check.to = column;
    }
  g_assert_nonnull (check.to);
  check.count = g_strdup_printf ("%u", load_all (crm_kanban_column_get_model (check.to)) + 1);

  g_assert_true (crm_kanban_column_drop (check.to, element));
  g_assert_true (crm_ui_test_iterate_until (moved, &check, 3000));
  assert_header_agrees (fixture, check.from);
  assert_header_agrees (fixture, check.to);
  g_free (check.count);
}

/* ---- In the window ------------------------------------------------------- */

static gboolean
widget_mapped (gpointer data)
{
  return data != NULL && gtk_widget_get_mapped (data);
}

static gboolean
card_shown (gpointer data)
{
  GtkWidget *card = crm_ui_test_find_by_type (data, CRM_TYPE_CARD);

  return card != NULL && gtk_widget_get_mapped (card) && crm_card_get_element (CRM_CARD (card)) != NULL;
}

static gboolean
lists_deal (const char *code)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.clientele.Clientele");
  g_auto(GStrv) codes = g_settings_get_strv (settings, "list-view-types");

  return g_strv_contains ((const char * const *) codes, code);
}

static void
test_window_views (Fixture       *fixture,
                   gconstpointer  user_data)
{
  CrmWindow *window = crm_window_new (NULL, fixture->db.session);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *board, *list, *kanban_button, *list_button, *list_view, *list_entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  crm_window_show_entity_type (window, "deal");

  board = crm_ui_test_find_by_type (GTK_WIDGET (window), CRM_TYPE_KANBAN_BOARD);
  list = crm_ui_test_find_by_name (GTK_WIDGET (window), "element-list");
  kanban_button = crm_ui_test_find_by_name (GTK_WIDGET (window), "view-kanban");
  list_button = crm_ui_test_find_by_name (GTK_WIDGET (window), "view-list");
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, board, 5000));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kanban_button)));
  g_assert_true (gtk_widget_get_mapped (list_button));

  /* The list, remembered; and back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (list_button), TRUE);
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, list, 5000));
  g_assert_true (lists_deal ("deal"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kanban_button), TRUE);
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, board, 5000));
  g_assert_false (lists_deal ("deal"));

  /* What is typed in one view's search is in the other's. */
  list_entry = crm_ui_test_find_by_name (gtk_widget_get_ancestor (list, CRM_TYPE_ELEMENT_LIST), "search-entry");
  g_assert_true (GTK_IS_SEARCH_ENTRY (list_entry));
  g_assert_true (GTK_EDITABLE (list_entry) != crm_kanban_board_get_search_entry (CRM_KANBAN_BOARD (board)));
  gtk_editable_set_text (crm_kanban_board_get_search_entry (CRM_KANBAN_BOARD (board)), "frota");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (list_entry)), ==, "frota");
  gtk_editable_set_text (crm_kanban_board_get_search_entry (CRM_KANBAN_BOARD (board)), "");

  /* Companies have no stages: no toggles, the list. */
  crm_window_show_entity_type (window, "company");
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, list, 5000));
  g_assert_false (gtk_widget_get_mapped (kanban_button));

  /* A click on a card opens it; back returns to the kanban. */
  crm_window_show_entity_type (window, "deal");
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, board, 5000));
  crm_ui_test_iterate_for (50);
  /* A column's list (the pipeline switcher has one too). */
  crm_ui_test_collect_by_type (board, CRM_TYPE_KANBAN_COLUMN, views);
  list_view = NULL;
  for (guint i = 0; i < views->len && list_view == NULL; i++)
    if (g_list_model_get_n_items (crm_kanban_column_get_model (views->pdata[i])) > 0)
      list_view = crm_ui_test_find_by_type (views->pdata[i], GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  g_assert_true (crm_ui_test_iterate_until (card_shown, window, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (crm_ui_test_iterate_until (widget_mapped, board, 5000));

  crm_ui_test_destroy_window ((GtkWindow **) &window, 100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/kanban/columns", test_columns);
  ADD ("/ui/kanban/cards", test_cards);
  ADD ("/ui/kanban/filter", test_filter);
  ADD ("/ui/kanban/drop-moves", test_drop_moves);
  ADD ("/ui/kanban/window-views", test_window_views);
#undef ADD

  return g_test_run ();
}
