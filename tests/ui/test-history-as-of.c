/* test-history-as-of.c — the History tab shows the card as it was on a
 * date picked in its calendar
 *
 * A deal created ten days ago and edited six and three days ago; the
 * History tab's date button picks days (and an hour) between the edits,
 * and the read-only card under the banner shows the values of then, until
 * Back to Present. Expected texts go through the same formatting and
 * translations as the widgets, so the test also runs in pt_BR; with
 * CLIENTELE_TEST_SCREENSHOT_DIR set it leaves screenshots there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-date-time-button.h"
#include "crm-field-row.h"
#include "crm-history-as-of.h"
#include "crm-history-view.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  gint64       deal;
  GDateTime   *today;      /* local midnight */
  GtkWindow   *window;
  CrmCard     *card;
  CrmHistoryView *history;
  CrmDateTimeButton *date_button;
  CrmHistoryAsOf *as_of;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (50);

/* ---- Helpers ------------------------------------------------------------- */

/* @days before today, at @hour local time. */
static GDateTime *
days_ago (Fixture *fixture,
          int      days,
          int      hour)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (fixture->today, -days);

  return g_date_time_add_hours (day, hour);
}

/* Pairs of field code and input, NULL-terminated; "stage" takes a stage
 * id. The first call creates the deal. */
static void
write_at (Fixture   *fixture,
          GDateTime *when,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GDateTime) owned = when;
  const char *code;
  va_list args;

  if (fixture->deal == 0)
    draft = crm_element_draft_new (fixture->db.session, "deal", &error);
  else
    {
      g_autoptr(CrmElement) element = crm_element_load (fixture->db.session, fixture->deal, &error);

      g_assert_no_error (error);
      draft = crm_element_draft_new_for (fixture->db.session, element);
    }
  g_assert_no_error (error);

  va_start (args, when);
  while ((code = va_arg (args, const char *)) != NULL)
    {
      const char *input = va_arg (args, const char *);

      if (g_str_equal (code, "stage"))
        crm_element_draft_set_stage (draft, g_ascii_strtoll (input, NULL, 10));
      else
        g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  crm_element_draft_set_created_at (draft, owned);
  fixture->deal = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
}

static CrmStage *
deal_stage (Fixture    *fixture,
            const char *code)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  gint64 type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_default_pipeline (catalog, type));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return stage;
    }
  g_assert_not_reached ();
}

static char *
money (gint64 minor_units)
{
  g_autoptr(CrmValue) value = crm_value_new_money (minor_units, "BRL");

  return crm_value_format (value, NULL, crm_locale_get_default ());
}

/* Clicks a day in the popover's calendar, as a person would. */
static void
pick_day (Fixture *fixture,
          int      days)
{
  g_autoptr(GDateTime) day = days_ago (fixture, days, 12);

  gtk_calendar_select_day (crm_date_time_button_get_calendar (fixture->date_button), day);
  crm_ui_test_iterate_for (50);
}

static void
set_spin (Fixture    *fixture,
          const char *name,
          int         value)
{
  GtkWidget *button = crm_ui_test_find_by_name (GTK_WIDGET (fixture->date_button), "as-of-button");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  GtkWidget *spin = crm_ui_test_find_by_name (popover, name);

  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  crm_ui_test_iterate_for (50);
}

static void
assert_shown (Fixture    *fixture,
              const char *code,
              const char *text)
{
  g_autofree char *name = g_strdup_printf ("field-value-%s", code);
  GtkWidget *label = crm_ui_test_find_by_name (GTK_WIDGET (fixture->as_of), name);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("CLIENTELE_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  /* Drawn once more, as it is now. */
  gtk_widget_queue_draw (widget);
  crm_ui_test_iterate_for (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *preparation = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);
  fixture->today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                          g_date_time_get_day_of_month (now), 0, 0, 0);

  preparation = g_strdup_printf ("%" G_GINT64_FORMAT, crm_stage_get_id (deal_stage (fixture, "preparation")));
  write_at (fixture, days_ago (fixture, 10, 9), "title", "Renovação anual", "amount", "1000.00 BRL",
            "close_date", "2026-04-30", NULL);
  write_at (fixture, days_ago (fixture, 6, 10), "amount", "1200.00 BRL", "stage", preparation, NULL);
  write_at (fixture, days_ago (fixture, 3, 11), "amount", "1500.00 BRL",
            "title", "Renovação anual — revisada", NULL);

  fixture->card = CRM_CARD (crm_card_new (fixture->db.session));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->card));
  gtk_window_present (fixture->window);
  g_assert_true (crm_card_load (fixture->card, fixture->deal, &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (200);

  g_signal_emit_by_name (crm_ui_test_find_by_name (GTK_WIDGET (fixture->card), "tab-history"), "clicked");
  crm_ui_test_iterate_for (100);
  fixture->history = CRM_HISTORY_VIEW (crm_ui_test_find_by_name (GTK_WIDGET (fixture->card), "history-view"));
  fixture->date_button = CRM_DATE_TIME_BUTTON (crm_ui_test_find_by_type (GTK_WIDGET (fixture->history),
                                                                         CRM_TYPE_DATE_TIME_BUTTON));
  fixture->as_of = CRM_HISTORY_AS_OF (crm_ui_test_find_by_type (GTK_WIDGET (fixture->history),
                                                                CRM_TYPE_HISTORY_AS_OF));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->history)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->as_of)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->card), (gpointer *) &fixture->card);
  crm_ui_test_destroy_window (&fixture->window, 100);
  g_assert_null (fixture->card);

  g_date_time_unref (fixture->today);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_pick_date (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *menu_button = crm_ui_test_find_by_name (GTK_WIDGET (fixture->date_button), "as-of-button");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *old_amount = money (100000);
  g_autofree char *middle_amount = money (120000);
  g_autofree char *new_amount = money (150000);
  g_autofree char *expected_banner = NULL;
  const CrmLocale *locale = crm_locale_get_default ();
  GDateTime *as_of;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  crm_ui_test_iterate_for (100);

  /* The day after the creation: the end of that day. */
  pick_day (fixture, 9);
  as_of = crm_history_view_get_as_of (fixture->history);
  g_assert_nonnull (as_of);
  g_assert_cmpint (g_date_time_get_hour (as_of), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (as_of), ==, 59);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->as_of)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (crm_history_view_get_column_view (fixture->history))));

  assert_shown (fixture, "amount", old_amount);
  assert_shown (fixture, "title", "Renovação anual");
  assert_shown (fixture, "stage", crm_stage_get_name (deal_stage (fixture, "new")));
  {
    g_autofree char *format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);
    g_autofree char *when = g_date_time_format (as_of, format);

    expected_banner = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Card as of %s — read-only"), when);
    g_assert_cmpstr (crm_history_as_of_get_banner (fixture->as_of), ==, expected_banner);
    g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_menu_button_get_child (GTK_MENU_BUTTON (menu_button)))),
                     ==, when);
  }

  /* Read-only: the rows of the card, without handle, menu or editor. */
  crm_ui_test_collect_by_type (GTK_WIDGET (fixture->as_of), CRM_TYPE_FIELD_ROW, rows);
  g_assert_cmpuint (rows->len, >, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_false (gtk_widget_get_visible (crm_field_row_get_menu_button (CRM_FIELD_ROW (row))));
      g_assert_null (crm_field_row_get_editor (CRM_FIELD_ROW (row)));
    }

  save_screenshot (GTK_WIDGET (fixture->window), "history-as-of.png");
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))), "history-as-of-popover.png");

  /* Between the two edits: the first one shows, with its stage. */
  pick_day (fixture, 4);
  assert_shown (fixture, "amount", middle_amount);
  assert_shown (fixture, "stage", crm_stage_get_name (deal_stage (fixture, "preparation")));

  /* The day of the second edit, made at 11:00: before it, then from it on. */
  pick_day (fixture, 3);
  set_spin (fixture, "as-of-hour", 10);
  assert_shown (fixture, "amount", middle_amount);
  assert_shown (fixture, "title", "Renovação anual");
  set_spin (fixture, "as-of-hour", 11);
  set_spin (fixture, "as-of-minute", 0);
  assert_shown (fixture, "amount", new_amount);
  assert_shown (fixture, "title", "Renovação anual — revisada");

  /* Back to the present, from the banner. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  g_signal_emit_by_name (crm_ui_test_find_by_name (GTK_WIDGET (fixture->as_of), "as-of-present"), "clicked");
  crm_ui_test_iterate_for (100);
  g_assert_null (crm_history_view_get_as_of (fixture->history));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->as_of)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (crm_history_view_get_column_view (fixture->history))));
  g_assert_null (crm_history_as_of_get_element (fixture->as_of));
  save_screenshot (GTK_WIDGET (fixture->window), "history-present.png");
}

/* Before the card existed: the reason, and still the way back. */
static void
test_before_creation (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *menu_button = crm_ui_test_find_by_name (GTK_WIDGET (fixture->date_button), "as-of-button");
  GtkWidget *status;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  crm_ui_test_iterate_for (100);
  pick_day (fixture, 12);

  g_assert_null (crm_history_as_of_get_element (fixture->as_of));
  g_assert_null (crm_element_load_as_of (fixture->db.session, fixture->deal,
                                         crm_history_view_get_as_of (fixture->history), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  status = crm_ui_test_find_by_type (GTK_WIDGET (fixture->as_of), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==, error->message);
  g_assert_true (gtk_widget_get_mapped (crm_ui_test_find_by_name (GTK_WIDGET (fixture->as_of), "as-of-present")));
  save_screenshot (GTK_WIDGET (fixture->window), "history-as-of-before.png");

  /* The popover's Now goes back too. */
  g_signal_emit_by_name (crm_ui_test_find_by_name (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                                                   "as-of-now"), "clicked");
  crm_ui_test_iterate_for (100);
  g_assert_null (crm_history_view_get_as_of (fixture->history));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->as_of)));
}

static gint64
other_deal (Fixture *fixture)
{
  gint64 type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  g_autoptr(CrmElementListModel) deals = crm_element_list_model_new (fixture->db.session, type);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      g_autoptr(CrmElement) deal = g_list_model_get_item (G_LIST_MODEL (deals), i);

      if (crm_element_get_id (deal) != fixture->deal)
        return crm_element_get_id (deal);
    }
  g_assert_not_reached ();
}

/* Another card opens in the present. */
static void
test_other_card (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) when = days_ago (fixture, 5, 12);
  g_autoptr(GError) error = NULL;

  crm_history_view_set_as_of (fixture->history, when);
  crm_ui_test_iterate_for (50);
  g_assert_nonnull (crm_history_as_of_get_element (fixture->as_of));

  g_assert_true (crm_card_load (fixture->card, other_deal (fixture), &error));
  g_assert_no_error (error);
  crm_ui_test_iterate_for (100);
  g_assert_null (crm_history_view_get_as_of (fixture->history));
  g_assert_null (crm_history_as_of_get_element (fixture->as_of));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Screenshots are taken as the app looks: in the language asked for
   * (gtk_test_init () set en_US), with its style sheet. */
  if (g_getenv ("CLIENTELE_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_css_provider_load_from_resource (css, "/io/github/clientele/Clientele/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_test_add ("/ui/history-as-of/pick-date", Fixture, NULL,
              fixture_set_up, test_pick_date, fixture_tear_down);
  g_test_add ("/ui/history-as-of/before-creation", Fixture, NULL,
              fixture_set_up, test_before_creation, fixture_tear_down);
  g_test_add ("/ui/history-as-of/other-card", Fixture, NULL,
              fixture_set_up, test_other_card, fixture_tear_down);

  return g_test_run ();
}
