/* test-fields-pane.c — shaping a card's layout in its fields pane, under Xvfb
 *
 * Opens a demo deal in the real window and drives the pane the way its
 * menus, buttons and drops do: moves fields and sections, hides a field
 * and deletes a section then undoes both through the toast, renames,
 * adds a section, shows and hides fields through Select Field. After each
 * step the layout is resolved from the core again and the pane must show
 * exactly that. A user without layout rights sees no editing controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-field-picker.h"
#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group.h"
#include "crm-window.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb  db;
  CrmWindow   *window;
  gint64       deal_id;
  gint64       deal_type;
  gint64       pipeline_id;
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

static CrmLayout *
resolve (Fixture    *fixture,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout;

  layout = crm_layout_resolve (session != NULL ? session : fixture->db.session,
                               fixture->deal_type, fixture->pipeline_id, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);

  return layout;
}

static char *
code_of (CrmField *field)
{
  return g_strdup (crm_field_get_code (field));
}

/* "About deal:title,stage,amount|More:pipeline,…" */
static char *
describe_layout (CrmLayout *layout)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      g_string_append_printf (out, "%s%s:", i > 0 ? "|" : "", crm_layout_section_get_title (section));
      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);
          g_autofree char *code = code_of (field);

          g_string_append_printf (out, "%s%s", j > 0 ? "," : "", code);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
get_groups (Fixture *fixture)
{
  GPtrArray *groups = g_ptr_array_new ();

  crm_ui_test_collect_by_type (GTK_WIDGET (get_pane (fixture)), CRM_TYPE_SECTION_GROUP, groups);

  return groups;
}

/* The same description, read from the pane's widgets. */
static char *
describe_pane (Fixture *fixture)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) groups = get_groups (fixture);

  for (guint i = 0; i < groups->len; i++)
    {
      CrmSectionGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *name = g_strdup_printf ("section-title-%" G_GINT64_FORMAT,
                                               crm_section_group_get_section_id (group));
      GtkWidget *title = crm_ui_test_find_by_name (GTK_WIDGET (group), name);

      g_assert_true (GTK_IS_LABEL (title));
      g_string_append_printf (out, "%s%s:", i > 0 ? "|" : "", gtk_label_get_text (GTK_LABEL (title)));
      for (guint j = 0; j < crm_section_group_get_n_rows (group); j++)
        {
          CrmFieldRow *row = crm_section_group_get_row (group, j);
          g_autofree char *code = code_of (crm_field_row_get_field (row));

          g_string_append_printf (out, "%s%s", j > 0 ? "," : "", code);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Each of @widgets (siblings' descendants) has a size, and sits below
 * the one before it. */
static gboolean
laid_out_in_order (GPtrArray *widgets)
{
  double bottom = -1;

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      graphene_rect_t bounds;

      if (gtk_widget_get_height (widget) <= 0 ||
          !gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds) ||
          bounds.origin.y < bottom)
        return FALSE;
      bottom = bounds.origin.y + bounds.size.height;
    }

  return TRUE;
}

typedef struct
{
  Fixture    *fixture;
  const char *expected;   /* NULL: whatever the core says */
} PaneCheck;

/* The pane was rebuilt and shows what the core resolves (and, when
 * given, what the test expects). */
static gboolean
pane_shows_layout (gpointer data)
{
  PaneCheck *check = data;
  g_autoptr(CrmLayout) layout = resolve (check->fixture, NULL);
  g_autofree char *core = describe_layout (layout);
  g_autofree char *pane = describe_pane (check->fixture);

  g_autoptr(GPtrArray) groups = get_groups (check->fixture);

  if (check->expected != NULL && g_strcmp0 (core, check->expected) != 0)
    return FALSE;

  /* Laid out too, in their new order (sections and rows are kept from
   * one layout to the next): drops are found by position. */
  if (!laid_out_in_order (groups))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      CrmSectionGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint j = 0; j < crm_section_group_get_n_rows (group); j++)
        g_ptr_array_add (rows, crm_section_group_get_row (group, j));
      if (!laid_out_in_order (rows))
        return FALSE;
    }

  return g_strcmp0 (core, pane) == 0;
}

static void
assert_pane_shows (Fixture    *fixture,
                   const char *expected)
{
  PaneCheck check = { fixture, expected };

  if (!crm_ui_test_iterate_until (pane_shows_layout, &check, 3000))
    {
      g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
      g_autofree char *core = describe_layout (layout);
      g_autofree char *pane = describe_pane (fixture);

      g_error ("expected «%s»\n     core «%s»\n     pane «%s»", expected ? expected : "(core)", core, pane);
    }
}

static char *
current_layout (Fixture *fixture)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);

  return describe_layout (layout);
}

/* The core's layout matches @pattern ("About deal:stage,title*"). */
static void
assert_layout_like (Fixture    *fixture,
                    const char *pattern)
{
  g_autofree char *layout = current_layout (fixture);

  if (!g_pattern_match_simple (pattern, layout))
    g_error ("layout «%s» is not like «%s»", layout, pattern);
}

static gboolean
layout_contains (Fixture    *fixture,
                 const char *text)
{
  g_autofree char *layout = current_layout (fixture);

  return strstr (layout, text) != NULL;
}

/* Enter in an entry. */
static void
activate_entry (GtkWidget *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static CrmSectionGroup *
get_group (Fixture *fixture,
           guint    index)
{
  g_autoptr(GPtrArray) groups = get_groups (fixture);

  g_assert_cmpuint (index, <, groups->len);

  return g_ptr_array_index (groups, index);
}

static GtkWidget *
get_named (Fixture    *fixture,
           const char *name)
{
  GtkWidget *widget = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);

  return widget;
}

static CrmFieldRow *
get_row (Fixture    *fixture,
         const char *code)
{
  g_autofree char *name = g_strdup_printf ("field-row-%s", code);

  return CRM_FIELD_ROW (get_named (fixture, name));
}

/* The deal's card, its rows laid out (drops are found by position). */
static gboolean
card_shows_deal (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *card = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), CRM_TYPE_CARD);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  graphene_rect_t bounds;

  if (card == NULL || !gtk_widget_get_mapped (card) ||
      crm_card_get_element_id (CRM_CARD (card)) != fixture->deal_id)
    return FALSE;

  crm_ui_test_collect_by_type (card, CRM_TYPE_FIELD_ROW, rows);

  return rows->len > 1 &&
         gtk_widget_compute_bounds (g_ptr_array_index (rows, 1), card, &bounds) &&
         bounds.origin.y > 0 && bounds.size.height > 0;
}

static void
open_window (Fixture    *fixture,
             CrmSession *session)
{
  fixture->window = crm_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  crm_window_open_element (fixture->window, fixture->deal_id);
  g_assert_true (crm_ui_test_iterate_until (card_shows_deal, fixture, 5000));
  /* The first resolve creates the standard layout; the card reloads. */
  crm_ui_test_iterate_for (100);
  g_assert_true (card_shows_deal (fixture));
}

/* The Undo button of the toast on show. */
static GtkWidget *
find_undo_button (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *overlay = crm_ui_test_find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
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

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CrmElement) deal = NULL;

  crm_ui_test_open_demo (&fixture->db, "clientele-pane-XXXXXX", &small_size);
  fixture->deal_type = crm_entity_type_get_id (crm_ui_test_get_entity_type (&fixture->db, "deal"));
  deal = crm_ui_test_load_first_element (&fixture->db, "deal");
  fixture->deal_id = crm_element_get_id (deal);
  fixture->pipeline_id = crm_element_get_pipeline_id (deal);
}

static void
close_window (Fixture *fixture)
{
  crm_ui_test_destroy_window ((GtkWindow **) &fixture->window, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_shows_layout (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autofree char *description = NULL;
  CrmSectionGroup *first;

  open_window (fixture, fixture->db.session);
  layout = resolve (fixture, NULL);
  description = describe_layout (layout);

  /* The demo's deal layout: two sections, each with its fields. */
  g_assert_true (g_str_has_prefix (description, "About deal:title,stage,amount"));
  assert_pane_shows (fixture, description);

  /* The desktop user is an administrator: every editing control shows. */
  first = get_group (fixture, 0);
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "add-section-button")));
  {
    g_autofree char *handle = g_strdup_printf ("section-handle-%" G_GINT64_FORMAT, crm_section_group_get_section_id (first));
    g_autofree char *select = g_strdup_printf ("select-field-%" G_GINT64_FORMAT, crm_section_group_get_section_id (first));
    g_autofree char *create = g_strdup_printf ("create-field-%" G_GINT64_FORMAT, crm_section_group_get_section_id (first));

    g_assert_true (gtk_widget_get_visible (get_named (fixture, handle)));
    g_assert_true (gtk_widget_get_visible (get_named (fixture, select)));
    g_assert_true (gtk_widget_get_visible (get_named (fixture, create)));
  }
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "field-handle-amount")));
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "field-menu-amount")));
  g_assert_true (GTK_IS_LABEL (get_named (fixture, "field-value-amount")));
}

static gboolean
title_menu_has_focus (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *menu = crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "field-menu-title");

  return menu != NULL && focus != NULL && (focus == menu || gtk_widget_is_ancestor (focus, menu));
}

static void
test_move_fields (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  gint64 more_id;

  open_window (fixture, fixture->db.session);
  before = current_layout (fixture);
  g_assert_true (g_str_has_prefix (before, "About deal:title,stage,amount,close_date,contact,company|More:pipeline,"));

  /* Move down, from the gear menu. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-down", NULL);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "About deal:stage,title,amount*");
  /* The focus follows the moved row's menu, for the next key press. */
  g_assert_true (crm_ui_test_iterate_until (title_menu_has_focus, fixture, 3000));

  /* Move up, back. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-up", NULL);
  assert_pane_shows (fixture, before);

  /* The first row cannot go up, the last cannot go down. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "company")), "row.move-down", NULL);
  crm_ui_test_iterate_for (50);
  assert_pane_shows (fixture, before);

  /* Move to section: at the end of the other one. */
  more_id = crm_section_group_get_section_id (get_group (fixture, 1));
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "amount")), "row.move-to-section", "x", more_id);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "About deal:title,stage,close_date,contact,company|More:*");
  assert_layout_like (fixture, "*,amount");
}

static void
test_drop_fields (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  CrmLayoutDragItem item = { CRM_LAYOUT_DRAG_FIELD, 0 };
  CrmLayoutDropSpot spot;
  CrmSectionGroup *about;
  CrmSectionGroup *more;
  GtkWidget *sections_box;
  graphene_rect_t bounds;
  CrmFieldsPane *pane;
  CrmField *title;

  open_window (fixture, fixture->db.session);
  pane = get_pane (fixture);
  about = get_group (fixture, 0);
  sections_box = gtk_widget_get_parent (GTK_WIDGET (about));
  title = crm_field_row_get_field (get_row (fixture, "title"));
  item.id = crm_field_get_id (title);

  /* Over the upper half of the fourth row of About deal: before it. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (crm_section_group_get_row (about, 3)), sections_box, &bounds));
  g_assert_true (crm_layout_drop_locate (sections_box, &item, 20, bounds.origin.y + 5, &spot));
  g_assert_cmpint (spot.kind, ==, CRM_LAYOUT_DRAG_FIELD);
  g_assert_cmpint (spot.section_id, ==, crm_section_group_get_section_id (about));
  g_assert_cmpuint (spot.index, ==, 3);
  _crm_fields_pane_move_field (pane, spot.id, spot.section_id, spot.index);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "About deal:stage,amount,title,close_date*");

  /* Over the header of More: first there. */
  more = get_group (fixture, 1);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (more), sections_box, &bounds));
  g_assert_true (crm_layout_drop_locate (sections_box, &item, 20, bounds.origin.y + 2, &spot));
  g_assert_cmpint (spot.section_id, ==, crm_section_group_get_section_id (more));
  g_assert_cmpuint (spot.index, ==, 0);
  _crm_fields_pane_move_field (pane, spot.id, spot.section_id, spot.index);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "*|More:title,pipeline*");

  /* Into an empty section, added through Add Section. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture, "add-section-entry")), "Extra");
  activate_entry (get_named (fixture, "add-section-entry"));
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "*|Extra:");
  {
    g_autoptr(GPtrArray) groups = get_groups (fixture);
    CrmSectionGroup *extra = g_ptr_array_index (groups, groups->len - 1);

    g_assert_cmpuint (crm_section_group_get_n_rows (extra), ==, 0);
    sections_box = gtk_widget_get_parent (GTK_WIDGET (extra));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (extra), sections_box, &bounds));
    g_assert_true (crm_layout_drop_locate (sections_box, &item, 20, bounds.origin.y + bounds.size.height / 2, &spot));
    g_assert_cmpint (spot.section_id, ==, crm_section_group_get_section_id (extra));
    g_assert_cmpuint (spot.index, ==, 0);

    /* While hovering, the empty list shows where it lands. */
    crm_section_group_show_drop (extra, 0);
    g_assert_true (gtk_widget_has_css_class (crm_ui_test_find_by_type (GTK_WIDGET (extra), GTK_TYPE_LIST_BOX), "crm-drop-into"));
    crm_section_group_show_drop (extra, -1);

    _crm_fields_pane_move_field (get_pane (fixture), spot.id, spot.section_id, spot.index);
  }
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "*|Extra:title");

  /* An empty name adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (get_named (fixture, "add-section-entry")), "   ");
  activate_entry (get_named (fixture, "add-section-entry"));
  crm_ui_test_iterate_for (50);
  g_assert_true (gtk_widget_has_css_class (get_named (fixture, "add-section-entry"), "error"));
  assert_layout_like (fixture, "*|Extra:title");
  g_assert_no_error (error);
}

static void
test_move_sections (Fixture       *fixture,
                    gconstpointer  user_data)
{
  CrmLayoutDragItem item = { CRM_LAYOUT_DRAG_SECTION, 0 };
  CrmLayoutDropSpot spot;
  GtkWidget *sections_box;
  graphene_rect_t bounds;
  CrmSectionGroup *more;

  open_window (fixture, fixture->db.session);
  assert_layout_like (fixture, "About deal:*");

  /* From the handle's menu. */
  gtk_widget_activate_action (GTK_WIDGET (get_group (fixture, 0)), "section.move-down", NULL);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "More:*");
  assert_layout_like (fixture, "*|About deal:*");

  /* A drop over the upper half of the second section: before it. */
  more = get_group (fixture, 0);
  item.id = crm_section_group_get_section_id (more);
  sections_box = gtk_widget_get_parent (GTK_WIDGET (more));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (get_group (fixture, 1)), sections_box, &bounds));
  g_assert_true (crm_layout_drop_locate (sections_box, &item, 20, bounds.origin.y + 10, &spot));
  g_assert_cmpuint (spot.index, ==, 1);
  /* Right where it is: nothing to write. */
  _crm_fields_pane_move_section (get_pane (fixture), spot.id, spot.index);
  crm_ui_test_iterate_for (50);
  assert_layout_like (fixture, "More:*");

  /* Below the last one's middle: after it. */
  g_assert_true (crm_layout_drop_locate (sections_box, &item, 20, bounds.origin.y + bounds.size.height - 5, &spot));
  g_assert_cmpuint (spot.index, ==, 2);
  _crm_fields_pane_move_section (get_pane (fixture), spot.id, spot.index);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "About deal:*");
}

static void
test_hide_undo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *before = NULL;

  open_window (fixture, fixture->db.session);
  before = current_layout (fixture);

  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "amount")), "row.hide", NULL);
  assert_pane_shows (fixture, NULL);
  g_assert_false (layout_contains (fixture, "amount"));
  g_assert_null (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "field-row-amount"));

  /* Undo puts it back where it was. */
  click_undo (fixture);
  assert_pane_shows (fixture, before);
}

/* Clicks the dialog's button labelled @label: it answers and closes. */
static void
respond (const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  AdwMessageDialog *dialog = crm_ui_test_find_message_dialog ();

  g_assert_nonnull (dialog);
  crm_ui_test_collect_by_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        return;
      }

  g_error ("no button %s in the dialog", label);
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

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autofree char *before = NULL;

  open_window (fixture, fixture->db.session);
  before = current_layout (fixture);

  /* Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (get_group (fixture, 0)), "section.delete", NULL);
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 3000));
  respond ("_Cancel");
  g_assert_true (crm_ui_test_iterate_until (no_dialog, NULL, 3000));
  crm_ui_test_iterate_for (50);
  assert_pane_shows (fixture, before);

  /* Delete: the section goes, its fields become hidden. */
  gtk_widget_activate_action (GTK_WIDGET (get_group (fixture, 0)), "section.delete", NULL);
  g_assert_true (crm_ui_test_iterate_until (has_dialog, NULL, 3000));
  respond ("_Delete");
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "More:*");
  layout = resolve (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (crm_layout_get_hidden_fields (layout)), >=, 6);

  /* Undo brings it back, in its place, with its fields in order. */
  click_undo (fixture);
  assert_pane_shows (fixture, before);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) controllers = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *entry_name = NULL;
  g_autofree char *title_name = NULL;
  g_autoptr(GListModel) observed = NULL;
  CrmSectionGroup *group;
  GtkWidget *entry;
  gboolean handled = FALSE;
  gint64 section_id;

  open_window (fixture, fixture->db.session);
  before = current_layout (fixture);
  group = get_group (fixture, 0);
  section_id = crm_section_group_get_section_id (group);
  entry_name = g_strdup_printf ("section-title-entry-%" G_GINT64_FORMAT, section_id);
  title_name = g_strdup_printf ("section-title-%" G_GINT64_FORMAT, section_id);

  /* The pencil turns the title into an entry. */
  gtk_widget_activate_action (GTK_WIDGET (group), "section.rename", NULL);
  g_assert_true (crm_section_group_is_renaming (group));
  entry = get_named (fixture, entry_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "About deal");

  /* Empty: refused, marked, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  activate_entry (entry);
  crm_ui_test_iterate_for (50);
  g_assert_true (crm_section_group_is_renaming (group));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  assert_layout_like (fixture, before);

  /* Escape: back to the title, unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Something else");
  observed = gtk_widget_observe_controllers (entry);
  for (guint i = 0; i < g_list_model_get_n_items (observed); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (observed, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  g_assert_true (handled);
  g_assert_false (crm_section_group_is_renaming (group));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, title_name))), ==, "About deal");
  assert_layout_like (fixture, before);

  /* Enter saves. */
  gtk_widget_activate_action (GTK_WIDGET (group), "section.rename", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Resumo do negócio");
  activate_entry (entry);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "Resumo do negócio:*");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (fixture, title_name))), ==, "Resumo do negócio");
}

static gboolean
picker_is_visible (gpointer data)
{
  GtkWidget *picker = crm_ui_test_find_by_type (GTK_WIDGET (get_pane (data)), CRM_TYPE_FIELD_PICKER);

  return picker != NULL && gtk_widget_get_mapped (picker);
}

static void
test_picker (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  GtkWidget *search;
  GtkWidget *check;
  GtkWidget *amount;
  CrmSectionGroup *more;

  open_window (fixture, fixture->db.session);
  before = current_layout (fixture);
  /* Created by is a field the demo layout does not show. */
  g_assert_null (strstr (before, "created_by"));

  more = get_group (fixture, 1);
  gtk_widget_activate_action (GTK_WIDGET (more), "section.select-field", NULL);
  g_assert_true (crm_ui_test_iterate_until (picker_is_visible, fixture, 3000));

  /* Every field, checked when shown. */
  amount = get_named (fixture, "field-picker-amount");
  check = get_named (fixture, "field-picker-created-by");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (amount)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* The search narrows the list. */
  search = get_named (fixture, "field-picker-search");
  gtk_editable_set_text (GTK_EDITABLE (search), "creat");
  crm_ui_test_iterate_for (300);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW)));
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_ancestor (amount, GTK_TYPE_LIST_BOX_ROW)));

  /* Checking shows it at the end of this section; the popover stays. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  assert_pane_shows (fixture, NULL);
  assert_layout_like (fixture, "*,created_by");
  g_assert_true (picker_is_visible (fixture));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_named (fixture, "field-picker-created-by"))));

  /* Unchecking hides it again. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (fixture, "field-picker-created-by")), FALSE);
  assert_pane_shows (fixture, before);

  /* Unchecking a shown field hides it wherever it is. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_named (fixture, "field-picker-amount")), FALSE);
  assert_pane_shows (fixture, NULL);
  g_assert_false (layout_contains (fixture, "amount"));
  gtk_popover_popdown (GTK_POPOVER (crm_ui_test_find_by_type (GTK_WIDGET (get_pane (fixture)), CRM_TYPE_FIELD_PICKER)));
}

static void
test_rebuild_keeps_editor (Fixture       *fixture,
                           gconstpointer  user_data)
{
  CrmEditSession *edit_session;
  CrmValueEditor *editor;

  open_window (fixture, fixture->db.session);
  edit_session = _crm_fields_pane_get_edit_session (get_pane (fixture));
  g_assert_nonnull (edit_session);

  /* Clicking the value (activating the row) edits it in place. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (GTK_WIDGET (get_row (fixture, "amount")), GTK_TYPE_LIST_BOX),
                         "row-activated", get_row (fixture, "amount"));
  crm_ui_test_iterate_for (50);
  editor = crm_edit_session_get_editor (edit_session, crm_field_get_id (crm_field_row_get_field (get_row (fixture, "amount"))));
  g_assert_nonnull (editor);
  g_assert_true (crm_field_row_get_editor (get_row (fixture, "amount")) == editor);
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "field-value-amount")));

  /* A layout change rebuilds the pane; the editor moves into the new row. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "title")), "row.move-down", NULL);
  assert_pane_shows (fixture, NULL);
  g_assert_true (crm_edit_session_is_active (edit_session));
  g_assert_true (crm_field_row_get_editor (get_row (fixture, "amount")) == editor);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (editor)) != NULL);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor), GTK_WIDGET (get_row (fixture, "amount"))));

  /* Cancel shows the value again. */
  crm_edit_session_cancel (edit_session);
  crm_ui_test_iterate_for (50);
  g_assert_null (crm_field_row_get_editor (get_row (fixture, "amount")));
  g_assert_true (gtk_widget_get_visible (get_named (fixture, "field-value-amount")));
}

static void
test_no_layout_rights (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CrmSession) employee = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *pane = NULL;

  /* Resolve once, so the standard layout exists, then add an employee. */
  layout = resolve (fixture, NULL);
  g_clear_object (&layout);
  crm_ui_test_close_store (&fixture->db);
  exec_raw (fixture->db.path,
            "INSERT INTO users (id, login, name, created_at) VALUES (70, 'lia', 'Lia', '2026-01-01');"
            "INSERT INTO role_assignments (role_id, user_id) SELECT id, 70 FROM roles WHERE code = 'employee';");
  crm_ui_test_open_store (&fixture->db);
  employee = crm_session_new (fixture->db.store, 70, &error);
  g_assert_no_error (error);
  g_assert_false (crm_session_has_permission (employee, CRM_PERMISSION_LAYOUT_EDIT_STANDARD, fixture->deal_type));

  open_window (fixture, employee);
  layout = resolve (fixture, employee);
  before = describe_layout (layout);
  crm_ui_test_iterate_for (100);
  pane = describe_pane (fixture);
  g_assert_cmpstr (pane, ==, before);

  /* The fields as before, and none of the controls that shape the layout. */
  g_assert_nonnull (crm_ui_test_find_by_name (GTK_WIDGET (fixture->window), "field-row-amount"));
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "add-section-button")));
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "field-handle-amount")));
  g_assert_false (gtk_widget_get_visible (get_named (fixture, "field-menu-amount")));
  groups = get_groups (fixture);
  for (guint i = 0; i < groups->len; i++)
    {
      gint64 id = crm_section_group_get_section_id (g_ptr_array_index (groups, i));
      const char *prefixes[] = { "section-handle", "section-rename", "section-delete", "select-field", "create-field" };

      for (guint j = 0; j < G_N_ELEMENTS (prefixes); j++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefixes[j], id);

          g_assert_false (gtk_widget_is_visible (get_named (fixture, name)));
        }
    }

  /* The actions are off too: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (get_row (fixture, "amount")), "row.hide", NULL);
  gtk_widget_activate_action (GTK_WIDGET (g_ptr_array_index (groups, 0)), "section.move-down", NULL);
  crm_ui_test_iterate_for (50);
  assert_layout_like (fixture, before);

  close_window (fixture);
  g_clear_object (&layout);
  g_assert_finalize_object (g_steal_pointer (&employee));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/fields-pane/shows-layout", Fixture, NULL,
              fixture_set_up, test_shows_layout, fixture_tear_down);
  g_test_add ("/ui/fields-pane/move-fields", Fixture, NULL,
              fixture_set_up, test_move_fields, fixture_tear_down);
  g_test_add ("/ui/fields-pane/drop-fields", Fixture, NULL,
              fixture_set_up, test_drop_fields, fixture_tear_down);
  g_test_add ("/ui/fields-pane/move-sections", Fixture, NULL,
              fixture_set_up, test_move_sections, fixture_tear_down);
  g_test_add ("/ui/fields-pane/hide-undo", Fixture, NULL,
              fixture_set_up, test_hide_undo, fixture_tear_down);
  g_test_add ("/ui/fields-pane/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/ui/fields-pane/rename", Fixture, NULL,
              fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/ui/fields-pane/picker", Fixture, NULL,
              fixture_set_up, test_picker, fixture_tear_down);
  g_test_add ("/ui/fields-pane/rebuild-keeps-editor", Fixture, NULL,
              fixture_set_up, test_rebuild_keeps_editor, fixture_tear_down);
  g_test_add ("/ui/fields-pane/no-layout-rights", Fixture, NULL,
              fixture_set_up, test_no_layout_rights, fixture_tear_down);

  return g_test_run ();
}
