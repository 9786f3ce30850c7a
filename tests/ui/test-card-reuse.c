/* test-card-reuse.c — one card after another in the same widgets, under Xvfb
 *
 * Opening another element of the same layout must not build the card
 * again: the same CrmSectionGroup and CrmFieldRow instances show the new
 * element's values, and the timeline's list view keeps its model and
 * only shows other entries. An element of another layout gets groups of
 * its own, and the old ones are disposed of; a layout change keeps the
 * rows of the fields that stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-field-row.h"
#include "crm-fields-pane.h"
#include "crm-section-group.h"
#include "crm-stage-bar.h"
#include "crm-timeline-pane.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  CrmWindow   *window;
  gint64       shown_id;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (100);

/* ---- Helpers ------------------------------------------------------------- */

static CrmFieldsPane *
get_pane (Fixture *fixture)
{
  GtkWidget *pane = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_FIELDS_PANE);

  g_assert_nonnull (pane);

  return CRM_FIELDS_PANE (pane);
}

/* The groups of the pane, shown or not. */
static GPtrArray *
get_groups (Fixture *fixture)
{
  GPtrArray *groups = g_ptr_array_new ();

  crm_ui_test_collect_by_type (GTK_WIDGET (get_pane (fixture)), CRM_TYPE_SECTION_GROUP, groups);

  return groups;
}

static GPtrArray *
get_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  crm_ui_test_collect_by_type (GTK_WIDGET (get_pane (fixture)), CRM_TYPE_FIELD_ROW, rows);

  return rows;
}

/* The card shows @fixture->shown_id, every section of it, laid out, and
 * no group of another card waits to be disposed of. */
static gboolean
card_is_complete (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);
  g_autoptr(GPtrArray) groups = NULL;

  if (card == NULL || !gtk_widget_get_mapped (card) ||
      crm_card_get_element_id (CRM_CARD (card)) != fixture->shown_id ||
      !crm_fields_pane_is_complete (get_pane (fixture)))
    return FALSE;

  groups = get_groups (fixture);
  for (guint i = 0; i < groups->len; i++)
    if (!gtk_widget_get_visible (g_ptr_array_index (groups, i)) ||
        gtk_widget_get_height (g_ptr_array_index (groups, i)) <= 0)
      return FALSE;

  return groups->len > 0;
}

static void
open_element (Fixture *fixture,
              gint64   id)
{
  fixture->shown_id = id;
  crm_window_open_element (fixture->window, id);
  g_assert_true (crm_ui_test_iterate_until (card_is_complete, fixture, 5000));
}

/* Two deals the same layout shows: of the same pipeline. */
static void
find_two_deals (Fixture *fixture,
                gint64  *first,
                gint64  *second)
{
  g_autoptr(CrmElementListModel) model = NULL;
  g_autoptr(CrmElement) one = NULL;
  gint64 type_id = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));

  model = crm_element_list_model_new (fixture->db.session, type_id);
  one = g_list_model_get_item (G_LIST_MODEL (model), 0);
  *first = crm_element_get_id (one);
  *second = 0;

  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CrmElement) other = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (crm_element_get_pipeline_id (other) == crm_element_get_pipeline_id (one))
        {
          *second = crm_element_get_id (other);
          return;
        }
    }

  g_error ("the demo has no two deals in one pipeline");
}

/* What the row of @field shows for @element (links are marked up, and
 * read alike here: only plain values are compared). */
static gboolean
shows_value_of (CrmFieldRow *row,
                CrmElement  *element)
{
  CrmField *field = crm_field_row_get_field (row);
  CrmFieldType type = crm_field_get_field_type (field);
  g_autofree char *code = g_strdup (crm_field_get_code (field));
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *label;

  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("field-value-%s", code);
  label = crm_ui_test_find_by_name (GTK_WIDGET (row), name);
  g_assert_true (GTK_IS_LABEL (label));

  if (type == CRM_FIELD_TYPE_URL || type == CRM_FIELD_TYPE_EMAIL ||
      type == CRM_FIELD_TYPE_PHONE || type == CRM_FIELD_TYPE_LINK)
    return TRUE;

  expected = crm_element_format_field (element, field);
  if (expected == NULL || *expected == '\0')
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), _("Not filled")) == 0;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), expected) == 0;
}

/* The stage chips, and the one marked current. */
static GPtrArray *
get_chips (Fixture    *fixture,
           GtkWidget **current)
{
  GtkWidget *bar = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_STAGE_BAR);
  GPtrArray *chips = g_ptr_array_new ();

  g_assert_nonnull (bar);
  *current = NULL;
  for (GtkWidget *chip = gtk_widget_get_first_child (bar); chip; chip = gtk_widget_get_next_sibling (chip))
    {
      g_ptr_array_add (chips, chip);
      if (gtk_widget_has_css_class (chip, "current"))
        *current = chip;
    }

  return chips;
}

static CrmElement *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (fixture->db.session, id, &error);

  g_assert_no_error (error);

  return element;
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  guint *n_finalized = data;

  (*n_finalized)++;
}

typedef struct
{
  guint *counter;
  guint  expected;
} Count;

static gboolean
count_reached (gpointer data)
{
  Count *count = data;

  return *count->counter == count->expected;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-reuse-XXXXXX", &small_size);

  fixture->window = crm_window_new (NULL, fixture->db.session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
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
test_same_layout_keeps_widgets (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups_before = NULL;
  g_autoptr(GPtrArray) rows_before = NULL;
  g_autoptr(GPtrArray) groups_after = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(GPtrArray) chips_before = NULL;
  g_autoptr(GPtrArray) chips_after = NULL;
  g_autoptr(CrmElement) second = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (fixture->db.store);
  g_autofree char *stage_name = NULL;
  GtkWidget *current;
  GtkWidget *timeline;
  GtkSelectionModel *timeline_model;
  GtkWidget *title;
  gint64 first_id, second_id;
  guint n_differ = 0;

  find_two_deals (fixture, &first_id, &second_id);
  open_element (fixture, first_id);
  /* The first open resolves (and so creates) the standard layout: the
   * card reloads once. */
  crm_ui_test_iterate_for (100);
  g_assert_true (card_is_complete (fixture));

  groups_before = get_groups (fixture);
  rows_before = get_rows (fixture);
  g_assert_cmpuint (groups_before->len, >=, 2);
  g_assert_cmpuint (rows_before->len, >, 5);
  for (guint i = 0; i < rows_before->len; i++)
    g_object_ref (g_ptr_array_index (rows_before, i));
  g_ptr_array_set_free_func (rows_before, g_object_unref);

  timeline = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "timeline-list");
  g_assert_true (GTK_IS_LIST_VIEW (timeline));
  timeline_model = gtk_list_view_get_model (GTK_LIST_VIEW (timeline));
  chips_before = get_chips (fixture, &current);
  g_assert_cmpuint (chips_before->len, >, 1);

  open_element (fixture, second_id);

  /* The very same widgets, in the same order … */
  groups_after = get_groups (fixture);
  rows_after = get_rows (fixture);
  g_assert_cmpuint (groups_after->len, ==, groups_before->len);
  for (guint i = 0; i < groups_after->len; i++)
    g_assert_true (g_ptr_array_index (groups_after, i) == g_ptr_array_index (groups_before, i));
  g_assert_cmpuint (rows_after->len, ==, rows_before->len);
  for (guint i = 0; i < rows_after->len; i++)
    g_assert_true (g_ptr_array_index (rows_after, i) == g_ptr_array_index (rows_before, i));

  /* … showing the second deal's values. */
  second = load (fixture, second_id);
  for (guint i = 0; i < rows_after->len; i++)
    {
      CrmFieldRow *row = g_ptr_array_index (rows_after, i);
      g_autofree char *text = crm_element_format_field (second, crm_field_row_get_field (row));

      g_assert_true (shows_value_of (row, second));
      if (text != NULL && *text != '\0')
        n_differ++;
    }
  g_assert_cmpuint (n_differ, >, 0);
  title = crm_ui_test_find_by_name (GTK_WIDGET (get_pane (fixture)), "field-value-title");
  g_assert_true (GTK_IS_LABEL (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, crm_element_get_title (second));

  /* The same stage chips, the second deal's stage marked. */
  chips_after = get_chips (fixture, &current);
  g_assert_cmpuint (chips_after->len, ==, chips_before->len);
  for (guint i = 0; i < chips_after->len; i++)
    g_assert_true (g_ptr_array_index (chips_after, i) == g_ptr_array_index (chips_before, i));
  g_assert_nonnull (current);
  stage_name = g_strdup_printf ("stage-chip-%s", crm_stage_get_code (crm_catalog_get_stage (catalog, crm_element_get_stage_id (second))));
  g_strdelimit (stage_name, "_", '-');
  g_assert_cmpstr (gtk_widget_get_name (current), ==, stage_name);

  /* The timeline keeps its view and model, and lists the second deal's
   * entries. */
  g_assert_true (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "timeline-list") == timeline);
  g_assert_true (gtk_list_view_get_model (GTK_LIST_VIEW (timeline)) == timeline_model);
  if (g_list_model_get_n_items (G_LIST_MODEL (timeline_model)) > 0)
    {
      g_autoptr(CrmTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (timeline_model), 0);

      g_assert_cmpint (crm_timeline_entry_get_element_id (entry), ==, second_id);
    }
}

static void
test_other_layout_rebuilds (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) deal_groups = NULL;
  g_autoptr(GPtrArray) contact_groups = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CrmElement) contact = NULL;
  guint n_finalized = 0;
  Count count;

  open_element (fixture, crm_ui_test_first_element_id (&fixture->db, "deal"));
  crm_ui_test_iterate_for (100);
  g_assert_true (card_is_complete (fixture));
  deal_groups = get_groups (fixture);
  for (guint i = 0; i < deal_groups->len; i++)
    g_object_weak_ref (g_ptr_array_index (deal_groups, i), weak_notify_cb, &n_finalized);

  /* A contact: another type, another layout, other sections. */
  open_element (fixture, crm_ui_test_first_element_id (&fixture->db, "contact"));
  crm_ui_test_iterate_for (100);
  g_assert_true (card_is_complete (fixture));

  contact_groups = get_groups (fixture);
  g_assert_cmpuint (contact_groups->len, >, 0);
  for (guint i = 0; i < contact_groups->len; i++)
    for (guint j = 0; j < deal_groups->len; j++)
      g_assert_true (g_ptr_array_index (contact_groups, i) != g_ptr_array_index (deal_groups, j));

  /* The deal's groups are gone, over a few frames. */
  count.counter = &n_finalized;
  count.expected = deal_groups->len;
  g_ptr_array_set_size (deal_groups, 0);
  g_assert_true (crm_ui_test_iterate_until (count_reached, &count, 3000));

  contact = load (fixture, fixture->shown_id);
  rows = get_rows (fixture);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (shows_value_of (g_ptr_array_index (rows, i), contact));
}

static void
test_layout_change_keeps_rows (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows_before = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) deal = NULL;
  CrmFieldRow *amount = NULL;
  guint n_finalized = 0;
  Count count;

  open_element (fixture, crm_ui_test_first_element_id (&fixture->db, "deal"));
  crm_ui_test_iterate_for (100);
  g_assert_true (card_is_complete (fixture));

  rows_before = get_rows (fixture);
  for (guint i = 0; i < rows_before->len; i++)
    if (g_strcmp0 (crm_field_get_code (crm_field_row_get_field (g_ptr_array_index (rows_before, i))), "amount") == 0)
      amount = g_ptr_array_index (rows_before, i);
  g_assert_nonnull (amount);
  g_object_weak_ref (G_OBJECT (amount), weak_notify_cb, &n_finalized);

  /* Hiding a field, as its gear menu does. */
  deal = load (fixture, fixture->shown_id);
  layout = crm_layout_resolve (fixture->db.session, crm_element_get_entity_type_id (deal),
                               crm_element_get_pipeline_id (deal), 0, &error);
  g_assert_no_error (error);
  g_assert_true (crm_layout_hide_field (fixture->db.session, crm_layout_get_id (layout),
                                        crm_field_get_id (crm_field_row_get_field (amount)), &error));
  g_assert_no_error (error);

  /* Its row goes; every other row stays. */
  count.counter = &n_finalized;
  count.expected = 1;
  amount = NULL;
  g_assert_true (crm_ui_test_iterate_until (count_reached, &count, 3000));
  rows_after = get_rows (fixture);
  g_assert_cmpuint (rows_after->len, ==, rows_before->len - 1);
  for (guint i = 0; i < rows_after->len; i++)
    g_assert_true (g_ptr_array_find (rows_before, g_ptr_array_index (rows_after, i), NULL));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/card-reuse/same-layout-keeps-widgets", Fixture, NULL,
              fixture_set_up, test_same_layout_keeps_widgets, fixture_tear_down);
  g_test_add ("/ui/card-reuse/other-layout-rebuilds", Fixture, NULL,
              fixture_set_up, test_other_layout_rebuilds, fixture_tear_down);
  g_test_add ("/ui/card-reuse/layout-change-keeps-rows", Fixture, NULL,
              fixture_set_up, test_layout_change_keeps_rows, fixture_tear_down);

  return g_test_run ();
}
