/* test-card-tabs.c — a demo deal's card: its tabs and the History tab
 *
 * History lists the deal's field changes, newest first, and sorts by any
 * column; the tab menu hides History and the layout remembers it; the
 * configure mode moves History before General, and a reload keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-card-tabs.h"
#include "crm-history-view.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  CrmElement  *deal;
  GtkWindow   *window;
  CrmCard     *card;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (200);

/* ---- Helpers ------------------------------------------------------------- */

static GtkWidget *
find_in_card (Fixture    *fixture,
              const char *name)
{
  return crm_ui_test_find_by_name (GTK_WIDGET (fixture->card), name);
}

/* What a click does, without waiting for a pointer. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static CrmLayout *
resolve_layout (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout;

  layout = crm_layout_resolve (fixture->db.session,
                               crm_element_get_entity_type_id (fixture->deal),
                               crm_element_get_pipeline_id (fixture->deal),
                               0, &error);
  g_assert_no_error (error);

  return layout;
}

static gboolean
is_before (GtkWidget *a,
           GtkWidget *b)
{
  g_assert_true (gtk_widget_get_parent (a) == gtk_widget_get_parent (b));

  for (GtkWidget *w = gtk_widget_get_next_sibling (a); w; w = gtk_widget_get_next_sibling (w))
    if (w == b)
      return TRUE;

  return FALSE;
}

static gboolean
history_tab_gone (gpointer data)
{
  GtkWidget *tab = find_in_card (data, "tab-history");

  return tab == NULL || !gtk_widget_get_visible (tab);
}

static gboolean
history_tab_shown (gpointer data)
{
  return !history_tab_gone (data);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} ModelCheck;

static gboolean
model_has_more (gpointer data)
{
  ModelCheck *check = data;

  return g_list_model_get_n_items (check->model) > check->n_items;
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static char *
dup_label (CrmTimelineEntry *entry)
{
  g_autofree char *label = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_assert_true (crm_timeline_entry_get_change (entry, &label, &old_text, &new_text));

  return g_steal_pointer (&label);
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->deal = crm_ui_test_load_first_element (&fixture->db, "deal");

  fixture->card = CRM_CARD (crm_card_new (fixture->db.session));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->card));
  gtk_window_present (fixture->window);

  g_assert_true (crm_card_load (fixture->card, crm_element_get_id (fixture->deal), &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->card), (gpointer *) &fixture->card);
  crm_ui_test_destroy_window (&fixture->window, 100);
  g_assert_null (fixture->card);

  g_assert_finalize_object (fixture->deal);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_tabs_shown (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *general = find_in_card (fixture, "tab-general");
  GtkWidget *history = find_in_card (fixture, "tab-history");

  /* General, Dependencies and History, in the default order, and
   * nothing empty. */
  g_assert_true (GTK_IS_TOGGLE_BUTTON (general));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (history));
  g_assert_true (is_before (general, history));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (find_in_card (fixture, "tab-dependencies")));
  g_assert_null (find_in_card (fixture, "tab-products"));
  g_assert_null (find_in_card (fixture, "tab-documents"));

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (general)));
  g_assert_true (gtk_widget_get_visible (find_in_card (fixture, "tabs-menu-button")));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmTimelineEntry) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_label = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  CrmField *title_field;
  GtkColumnViewColumn *field_column;
  GtkColumnView *view;
  GtkWidget *history;
  GListModel *model;
  ModelCheck check;

  history = find_in_card (fixture, "history-view");
  g_assert_true (CRM_IS_HISTORY_VIEW (history));

  click (find_in_card (fixture, "tab-history"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_in_card (fixture, "tab-history"))));
  crm_ui_test_iterate_for (100);
  g_assert_true (gtk_widget_get_mapped (history));

  model = crm_history_view_get_model (CRM_HISTORY_VIEW (history));
  check.model = model;
  check.n_items = g_list_model_get_n_items (model);

  /* Edits made elsewhere show, the last one at the top. */
  draft = crm_element_draft_new_for (fixture->db.session, fixture->deal);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "comments", "Cliente pediu desconto.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, crm_element_get_id (fixture->deal));
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_iterate_until (model_has_more, &check, 3000));
  g_clear_object (&draft);

  check.n_items = g_list_model_get_n_items (model);
  draft = crm_element_draft_new_for (fixture->db.session, fixture->deal);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Renovação anual — revisada", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, crm_element_get_id (fixture->deal));
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_iterate_until (model_has_more, &check, 3000));

  title_field = crm_catalog_find_field (catalog, crm_element_get_entity_type_id (fixture->deal), "title");
  g_assert_nonnull (title_field);

  first = g_list_model_get_item (model, 0);
  first_label = dup_label (first);
  g_assert_cmpstr (first_label, ==, crm_field_get_label (title_field));

  /* Newest first. */
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmTimelineEntry) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CrmTimelineEntry) b = g_list_model_get_item (model, i);

      int cmp = g_date_time_compare (crm_timeline_entry_get_created_at (a),
                                     crm_timeline_entry_get_created_at (b));

      g_assert_true (cmp > 0 || (cmp == 0 && crm_timeline_entry_get_id (a) > crm_timeline_entry_get_id (b)));
    }

  /* By field, as a click on the header would. */
  view = crm_history_view_get_column_view (CRM_HISTORY_VIEW (history));
  field_column = find_column (view, g_dgettext (GETTEXT_PACKAGE, "Field"));
  g_assert_nonnull (field_column);
  gtk_column_view_sort_by_column (view, field_column, GTK_SORT_ASCENDING);
  crm_ui_test_iterate_for (50);

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmTimelineEntry) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CrmTimelineEntry) b = g_list_model_get_item (model, i);
      g_autofree char *label_a = dup_label (a);
      g_autofree char *label_b = dup_label (b);
      g_autofree char *fold_a = g_utf8_casefold (label_a, -1);
      g_autofree char *fold_b = g_utf8_casefold (label_b, -1);

      g_assert_cmpint (g_utf8_collate (fold_a, fold_b), <=, 0);
    }
}

static void
test_history_empty (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmElement) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *history = find_in_card (fixture, "history-view");
  gint64 id;

  draft = crm_element_draft_new (fixture->db.session, "deal", &error);
  g_assert_no_error (error);
  crm_element_draft_set_input_by_code (draft, "title", "Negócio sem histórico", &error);
  g_assert_no_error (error);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);

  g_assert_true (crm_card_load (fixture->card, id, &error));
  click (find_in_card (fixture, "tab-history"));
  crm_ui_test_iterate_for (100);

  /* A status page says so, rather than an empty table. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_history_view_get_model (CRM_HISTORY_VIEW (history))), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (crm_history_view_get_column_view (CRM_HISTORY_VIEW (history)))));
}

static void
test_hide_history (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CrmLayout) layout = NULL;
  GtkWidget *menu_button = find_in_card (fixture, "tabs-menu-button");

  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  click (find_in_card (fixture, "tab-history"));
  crm_ui_test_iterate_for (50);

  /* The menu's check item for History. */
  g_assert_true (gtk_widget_activate_action (menu_button, "tab-shown.history", NULL));
  g_assert_true (crm_ui_test_iterate_until (history_tab_gone, fixture, 3000));

  layout = resolve_layout (fixture);
  g_assert_true (crm_layout_is_tab_hidden (layout, CRM_TAB_HISTORY));
  g_assert_false (crm_layout_is_tab_hidden (layout, CRM_TAB_GENERAL));

  /* The page it showed went with it. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_in_card (fixture, "tab-general"))));

  /* General cannot be hidden: asking does nothing. */
  gtk_widget_activate_action (menu_button, "tab-shown.general", NULL);
  crm_ui_test_iterate_for (50);
  g_clear_object (&layout);
  layout = resolve_layout (fixture);
  g_assert_false (crm_layout_is_tab_hidden (layout, CRM_TAB_GENERAL));

  /* And back. */
  g_assert_true (gtk_widget_activate_action (menu_button, "tab-shown.history", NULL));
  g_assert_true (crm_ui_test_iterate_until (history_tab_shown, fixture, 3000));
  g_clear_object (&layout);
  layout = resolve_layout (fixture);
  g_assert_false (crm_layout_is_tab_hidden (layout, CRM_TAB_HISTORY));
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *tabs = gtk_widget_get_ancestor (find_in_card (fixture, "tabs-menu-button"), CRM_TYPE_CARD_TABS);
  GtkWidget *done;
  GArray *order;
  int general_at = -1, history_at = -1;

  g_assert_nonnull (tabs);

  gtk_widget_activate_action (tabs, "tabs.configure", NULL);
  g_assert_true (crm_card_tabs_get_configuring (CRM_CARD_TABS (tabs)));
  crm_ui_test_iterate_for (50);

  /* Chips, in the current order, and Done. */
  g_assert_true (gtk_widget_get_mapped (find_in_card (fixture, "tab-chip-general")));
  g_assert_true (gtk_widget_get_mapped (find_in_card (fixture, "tab-chip-history")));
  g_assert_true (is_before (find_in_card (fixture, "tab-chip-general"), find_in_card (fixture, "tab-chip-history")));
  done = find_in_card (fixture, "tabs-done-button");
  g_assert_true (gtk_widget_get_mapped (done));

  /* The keyboard's way: History two steps to the left, past
   * Dependencies. */
  gtk_widget_activate_action (tabs, "tabs.move-left", "s", "history");
  crm_ui_test_iterate_for (50);
  gtk_widget_activate_action (tabs, "tabs.move-left", "s", "history");
  crm_ui_test_iterate_for (50);

  layout = resolve_layout (fixture);
  order = crm_layout_get_tabs (layout);
  for (guint i = 0; i < order->len; i++)
    {
      if (g_array_index (order, CrmTab, i) == CRM_TAB_GENERAL)
        general_at = i;
      if (g_array_index (order, CrmTab, i) == CRM_TAB_HISTORY)
        history_at = i;
    }
  g_assert_cmpint (history_at, >=, 0);
  g_assert_cmpint (history_at, <, general_at);
  g_assert_true (is_before (find_in_card (fixture, "tab-chip-history"), find_in_card (fixture, "tab-chip-general")));

  /* Still configuring after the card read the layout again. */
  g_assert_true (crm_card_tabs_get_configuring (CRM_CARD_TABS (tabs)));
  click (done);
  crm_ui_test_iterate_for (50);
  g_assert_false (crm_card_tabs_get_configuring (CRM_CARD_TABS (tabs)));
  g_assert_true (is_before (find_in_card (fixture, "tab-history"), find_in_card (fixture, "tab-general")));

  /* A card opened again shows the stored order. */
  crm_card_clear (fixture->card);
  g_assert_true (crm_card_load (fixture->card, crm_element_get_id (fixture->deal), &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (50);
  g_assert_true (is_before (find_in_card (fixture, "tab-history"), find_in_card (fixture, "tab-general")));
  /* General is still the page a card opens on. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_in_card (fixture, "tab-general"))));

  /* Moving right at the end changes nothing. */
  gtk_widget_activate_action (tabs, "tabs.configure", NULL);
  gtk_widget_activate_action (tabs, "tabs.move-right", "s", "general");
  crm_ui_test_iterate_for (50);
  g_assert_true (is_before (find_in_card (fixture, "tab-chip-history"), find_in_card (fixture, "tab-chip-general")));
}

/* Without the right to edit the standard layout: tabs to switch, no menu
 * to change them. */
static void
test_no_permission (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (fixture->db.store));
  g_autoptr(CrmSession) employee = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card, *tabs, *menu_button;
  GtkWindow *window;

  for (guint i = 0; i < g_list_model_get_n_items (users) && employee == NULL; i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);

      if (!crm_user_is_admin (user))
        employee = crm_session_new (fixture->db.store, crm_user_get_id (user), &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (employee);
  g_assert_false (crm_session_has_permission (employee, CRM_PERMISSION_LAYOUT_EDIT_STANDARD,
                                              crm_element_get_entity_type_id (fixture->deal)));

  card = crm_card_new (employee);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, card);
  gtk_window_present (window);
  g_assert_true (crm_card_load (CRM_CARD (card), crm_element_get_id (fixture->deal), &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (100);

  g_assert_true (gtk_widget_get_mapped (crm_ui_test_find_by_name (card, "tab-history")));
  menu_button = crm_ui_test_find_by_name (card, "tabs-menu-button");
  g_assert_false (gtk_widget_get_visible (menu_button));

  /* Asked anyway, nothing changes. */
  tabs = gtk_widget_get_ancestor (menu_button, CRM_TYPE_CARD_TABS);
  gtk_widget_activate_action (tabs, "tabs.configure", NULL);
  g_assert_false (crm_card_tabs_get_configuring (CRM_CARD_TABS (tabs)));

  crm_ui_test_destroy_window (&window, 100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/card-tabs/shown", Fixture, NULL,
              fixture_set_up, test_tabs_shown, fixture_tear_down);
  g_test_add ("/ui/card-tabs/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/ui/card-tabs/history-empty", Fixture, NULL,
              fixture_set_up, test_history_empty, fixture_tear_down);
  g_test_add ("/ui/card-tabs/hide-history", Fixture, NULL,
              fixture_set_up, test_hide_history, fixture_tear_down);
  g_test_add ("/ui/card-tabs/reorder", Fixture, NULL,
              fixture_set_up, test_reorder, fixture_tear_down);
  g_test_add ("/ui/card-tabs/no-permission", Fixture, NULL,
              fixture_set_up, test_no_permission, fixture_tear_down);

  return g_test_run ();
}
