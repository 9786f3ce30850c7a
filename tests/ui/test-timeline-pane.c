/* test-timeline-pane.c — a deal's timeline pane on a small demo database
 *
 * Posts a comment, pins it and finds it in the pinned section; edits it
 * through the row's actions and sees "(edited)"; deletes it after the
 * confirmation; checks that another user's comment offers no Edit or
 * Delete; reads a fresh entry's relative time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-timeline-pane.h"
#include "crm-timeline-row.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb      db;
  gint64           other_user_id;
  gint64           deal_id;
  GtkWindow       *window;
  CrmTimelinePane *pane;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (200);

/* ---- Helpers ------------------------------------------------------------- */

static GtkWidget *
find_named_for_entry (GtkWidget  *root,
                      const char *prefix,
                      gint64      entry_id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, entry_id);

  return crm_ui_test_find_by_name (root, name);
}

/* The row of @entry_id in the paged list, not in the pinned section. */
static CrmTimelineRow *
find_list_row (Fixture *fixture,
               gint64   entry_id)
{
  GtkWidget *list = crm_ui_test_find_by_name (GTK_WIDGET (fixture->pane), "timeline-list");
  GtkWidget *menu = find_named_for_entry (list, "comment-menu", entry_id);

  if (menu == NULL)
    return NULL;

  return CRM_TIMELINE_ROW (gtk_widget_get_ancestor (menu, CRM_TYPE_TIMELINE_ROW));
}

static gboolean
has_visible_label (GtkWidget  *root,
                   const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_visible_label (child, text))
      return TRUE;

  return FALSE;
}

/* A popover menu's items are model buttons holding a label with the
 * item's text; those hidden-when their action is disabled do not show. */
static gboolean
menu_shows_item (GtkWidget  *root,
                 const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (menu_shows_item (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
open_row_menu (CrmTimelineRow *row,
               gint64          entry_id)
{
  GtkWidget *button = find_named_for_entry (GTK_WIDGET (row), "comment-menu", entry_id);
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  crm_ui_test_iterate_for (100);

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);

  return GTK_WIDGET (popover);
}

/* A popover that opened under the pointer started GTK's tooltip delay
 * (no click came to cancel it); GTK 4.8 would look for the popover's
 * surface once the row is recycled. Let the delay run out first. */
static void
close_row_menu (GtkWidget *popover)
{
  gtk_popover_popdown (GTK_POPOVER (popover));
  crm_ui_test_iterate_for (600);
}

static CrmTimelineEntry *
load_entry (Fixture *fixture,
            gint64   entry_id)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  page = crm_timeline_query_page (fixture->db.session, fixture->deal_id, NULL, 0, 1000, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < page->len; i++)
    if (crm_timeline_entry_get_id (g_ptr_array_index (page, i)) == entry_id)
      return g_object_ref (g_ptr_array_index (page, i));

  return NULL;
}

typedef struct
{
  Fixture *fixture;
  gint64   entry_id;
} EntryCheck;

static gboolean
list_row_exists (gpointer data)
{
  EntryCheck *check = data;

  return find_list_row (check->fixture, check->entry_id) != NULL;
}

static gboolean
list_row_gone (gpointer data)
{
  return !list_row_exists (data);
}

static gboolean
pinned_row_shown (gpointer data)
{
  EntryCheck *check = data;
  GtkWidget *row = find_named_for_entry (GTK_WIDGET (check->fixture->pane), "timeline-pin", check->entry_id);

  return row != NULL && gtk_widget_get_mapped (row);
}

static gboolean
pinned_row_gone (gpointer data)
{
  return !pinned_row_shown (data);
}

static gboolean
list_row_says_edited (gpointer data)
{
  EntryCheck *check = data;
  CrmTimelineRow *row = find_list_row (check->fixture, check->entry_id);

  /* Translators' "(edited)" of the app's own catalog. */
  return row != NULL && has_visible_label (GTK_WIDGET (row), g_dgettext (GETTEXT_PACKAGE, "(edited)"));
}

static gboolean
dialog_shown (gpointer data)
{
  return crm_ui_test_find_message_dialog () != NULL;
}

static gint64
post_comment (Fixture    *fixture,
              const char *text)
{
  GtkWidget *composer = crm_ui_test_find_by_name (GTK_WIDGET (fixture->pane), "composer-text");
  GListModel *model = crm_timeline_pane_get_model (fixture->pane);
  g_autoptr(CrmTimelineEntry) first = NULL;
  EntryCheck check = { fixture, 0 };

  g_assert_true (GTK_IS_TEXT_VIEW (composer));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)), text, -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "timeline.send", NULL);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (crm_timeline_entry_get_text (first), ==, text);

  check.entry_id = crm_timeline_entry_get_id (first);
  g_assert_true (crm_ui_test_iterate_until (list_row_exists, &check, 3000));

  return check.entry_id;
}

/* ---- Fixture ------------------------------------------------------------- */

/* A second person, written straight into the database like an import
 * from another installation would. */
static gint64
add_other_user (const char *path)
{
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO users (login, name, is_admin, created_at) "
                                 "VALUES ('outra.pessoa', 'Outra Pessoa', 1, '2026-01-01T00:00:00.000Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  id = sqlite3_last_insert_rowid (db);
  sqlite3_close (db);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-ui-XXXXXX", &small_size);

  /* The catalog reads users once: add the other one while closed. */
  crm_ui_test_close_store (&fixture->db);
  fixture->other_user_id = add_other_user (fixture->db.path);
  crm_ui_test_open_store (&fixture->db);

  fixture->deal_id = crm_ui_test_first_element_id (&fixture->db, "deal");

  fixture->pane = CRM_TIMELINE_PANE (crm_timeline_pane_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  gtk_window_present (fixture->window);

  crm_timeline_pane_set_element (fixture->pane, fixture->db.session, fixture->deal_id);
  crm_ui_test_iterate_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->pane), (gpointer *) &fixture->pane);
  crm_ui_test_destroy_window (&fixture->window, 100);
  g_assert_null (fixture->pane);

  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_pin (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) pinned = NULL;
  g_autoptr(GError) error = NULL;
  EntryCheck check = { fixture, 0 };
  CrmTimelineRow *row;
  GtkWidget *popover;

  check.entry_id = post_comment (fixture, "Fixar: proposta enviada por e-mail.");
  g_assert_false (pinned_row_shown (&check));

  /* The menu offers Pin, not Unpin. */
  row = find_list_row (fixture, check.entry_id);
  popover = open_row_menu (row, check.entry_id);
  g_assert_true (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Pin to Top")));
  g_assert_false (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Unpin")));
  g_assert_true (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Edit")));
  close_row_menu (popover);

  gtk_widget_activate_action (GTK_WIDGET (row), "row.pin", NULL);
  g_assert_true (crm_ui_test_iterate_until (pinned_row_shown, &check, 3000));

  pinned = crm_timeline_query_pinned (fixture->db.session, fixture->deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pinned->len, ==, 1);
  g_assert_cmpint (crm_timeline_entry_get_id (g_ptr_array_index (pinned, 0)), ==, check.entry_id);

  /* Unpinned from the pinned section's own row. */
  row = CRM_TIMELINE_ROW (find_named_for_entry (GTK_WIDGET (fixture->pane), "timeline-pin", check.entry_id));
  gtk_widget_activate_action (GTK_WIDGET (row), "row.unpin", NULL);
  g_assert_true (crm_ui_test_iterate_until (pinned_row_gone, &check, 3000));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *edited = "Proposta revisada:\nnovo prazo na sexta-feira.";
  g_autoptr(CrmTimelineEntry) entry = NULL;
  EntryCheck check = { fixture, 0 };
  CrmTimelineRow *row;
  GtkTextView *editor;

  check.entry_id = post_comment (fixture, "Proposta enviada.");
  row = find_list_row (fixture, check.entry_id);
  g_assert_false (list_row_says_edited (&check));

  /* Cancel leaves the text as it was. */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  g_assert_true (crm_timeline_row_get_editing (row));
  editor = crm_timeline_row_get_editor (row);
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor), "descartado", -1);
  gtk_widget_activate_action (GTK_WIDGET (row), "row.cancel", NULL);
  g_assert_false (crm_timeline_row_get_editing (row));
  entry = load_entry (fixture, check.entry_id);
  g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, "Proposta enviada.");
  g_clear_object (&entry);

  /* Save writes it through the core, which marks it edited. */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  editor = crm_timeline_row_get_editor (row);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor), edited, -1);
  /* The row may be rebound or dropped by the store's notification. */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.save", NULL);
  row = NULL;

  entry = load_entry (fixture, check.entry_id);
  g_assert_cmpstr (crm_timeline_entry_get_text (entry), ==, edited);
  g_assert_nonnull (crm_timeline_entry_get_edited_at (entry));

  g_assert_true (crm_ui_test_iterate_until (list_row_says_edited, &check, 3000));
  row = find_list_row (fixture, check.entry_id);
  g_assert_true (has_visible_label (GTK_WIDGET (row), edited));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CrmTimelineEntry) entry = NULL;
  EntryCheck check = { fixture, 0 };
  AdwMessageDialog *dialog;
  CrmTimelineRow *row;

  check.entry_id = post_comment (fixture, "Comentário por engano.");
  row = find_list_row (fixture, check.entry_id);
  gtk_widget_activate_action (GTK_WIDGET (row), "row.pin", NULL);
  g_assert_true (crm_ui_test_iterate_until (pinned_row_shown, &check, 3000));

  /* Cancelling the confirmation keeps it. */
  row = find_list_row (fixture, check.entry_id);
  gtk_widget_activate_action (GTK_WIDGET (row), "row.delete", NULL);
  g_assert_true (crm_ui_test_iterate_until (dialog_shown, NULL, 3000));
  dialog = crm_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  crm_ui_test_iterate_for (100);
  entry = load_entry (fixture, check.entry_id);
  g_assert_nonnull (entry);

  gtk_widget_activate_action (GTK_WIDGET (row), "row.delete", NULL);
  g_assert_true (crm_ui_test_iterate_until (dialog_shown, NULL, 3000));
  dialog = crm_ui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (crm_ui_test_iterate_until (list_row_gone, &check, 3000));
  g_assert_true (crm_ui_test_iterate_until (pinned_row_gone, &check, 3000));
  g_clear_object (&entry);
  entry = load_entry (fixture, check.entry_id);
  g_assert_null (entry);
}

static void
test_other_author (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CrmSession) other = NULL;
  g_autoptr(GError) error = NULL;
  EntryCheck check = { fixture, 0 };
  CrmTimelineRow *row;
  GtkWidget *popover;

  other = crm_session_new (fixture->db.store, fixture->other_user_id, &error);
  g_assert_no_error (error);

  check.entry_id = crm_timeline_add_comment (other, fixture->deal_id, "Escrito por outra pessoa.", &error);
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_iterate_until (list_row_exists, &check, 3000));

  row = find_list_row (fixture, check.entry_id);
  g_assert_true (has_visible_label (GTK_WIDGET (row), "Outra Pessoa"));

  /* Pin, yes; Edit and Delete, not even in the menu. */
  popover = open_row_menu (row, check.entry_id);
  g_assert_true (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Pin to Top")));
  g_assert_false (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Edit")));
  g_assert_false (menu_shows_item (popover, g_dgettext (GETTEXT_PACKAGE, "_Delete…")));
  close_row_menu (popover);

  /* Asked anyway, the row does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  g_assert_false (crm_timeline_row_get_editing (row));
  gtk_widget_activate_action (GTK_WIDGET (row), "row.delete", NULL);
  crm_ui_test_iterate_for (100);
  g_assert_null (crm_ui_test_find_message_dialog ());

  /* And the core refuses as well. */
  g_assert_false (crm_timeline_edit_comment (fixture->db.session, check.entry_id, "não", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
}

static void
test_relative_time (Fixture       *fixture,
                    gconstpointer  user_data)
{
  EntryCheck check = { fixture, 0 };
  CrmTimelineRow *row;
  GtkWidget *time_label;

  check.entry_id = post_comment (fixture, "Acabou de chegar.");
  row = find_list_row (fixture, check.entry_id);

  time_label = crm_ui_test_find_by_name (GTK_WIDGET (row), "timeline-time");
  g_assert_true (GTK_IS_LABEL (time_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (time_label)), ==, g_dgettext (GETTEXT_PACKAGE, "now"));
  /* The full date and time, for whoever points at it. */
  g_assert_true (gtk_widget_get_has_tooltip (time_label));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/timeline-pane/pin", Fixture, NULL,
              fixture_set_up, test_pin, fixture_tear_down);
  g_test_add ("/ui/timeline-pane/edit", Fixture, NULL,
              fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/ui/timeline-pane/delete", Fixture, NULL,
              fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/ui/timeline-pane/other-author", Fixture, NULL,
              fixture_set_up, test_other_author, fixture_tear_down);
  g_test_add ("/ui/timeline-pane/relative-time", Fixture, NULL,
              fixture_set_up, test_relative_time, fixture_tear_down);

  return g_test_run ();
}
