/* crm-ui-test-utils.c — what every widget test sets up and looks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crm-ui-test-utils.h"

/* ---- Database ------------------------------------------------------------ */

/* A new directory from @dir_template, a store in it, a session of the
 * desktop user, and the demo data of @size. */
void
crm_ui_test_open_demo (CrmUiTestDb       *db,
                       const char        *dir_template,
                       const CrmDemoSize *size)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "test.db", NULL);

  crm_ui_test_open_store (db);
  crm_demo_fill (db->session, size, 2026, &error);
  g_assert_no_error (error);
}

void
crm_ui_test_open_store (CrmUiTestDb *db)
{
  g_autoptr(GError) error = NULL;

  db->store = crm_store_open (db->path, &error);
  g_assert_no_error (error);
  db->session = crm_session_new_for_desktop_user (db->store, &error);
  g_assert_no_error (error);
}

/* Nothing else may hold the session or the store. */
void
crm_ui_test_close_store (CrmUiTestDb *db)
{
  g_assert_finalize_object (g_steal_pointer (&db->session));
  g_assert_finalize_object (g_steal_pointer (&db->store));
}

/* Closes the store and removes the directory with all it holds. */
void
crm_ui_test_close (CrmUiTestDb *db)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  crm_ui_test_close_store (db);

  dir = g_dir_open (db->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (db->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (db->dir);

  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

CrmEntityType *
crm_ui_test_get_entity_type (CrmUiTestDb *db,
                             const char  *code)
{
  CrmEntityType *entity_type;

  entity_type = crm_catalog_find_entity_type (crm_store_get_catalog (db->store), code);
  g_assert_nonnull (entity_type);

  return entity_type;
}

/* The first element of the type @code in the list's order. */
gint64
crm_ui_test_first_element_id (CrmUiTestDb *db,
                              const char  *code)
{
  g_autoptr(CrmElementListModel) model = NULL;
  g_autoptr(CrmElement) row = NULL;

  model = crm_element_list_model_new (db->session,
                                      crm_entity_type_get_id (crm_ui_test_get_entity_type (db, code)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);

  return crm_element_get_id (row);
}

/* The same, loaded with all its values. */
CrmElement *
crm_ui_test_load_first_element (CrmUiTestDb *db,
                                const char  *code)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element;

  element = crm_element_load (db->session, crm_ui_test_first_element_id (db, code), &error);
  g_assert_no_error (error);

  return element;
}

/* ---- Main loop ----------------------------------------------------------- */

void
crm_ui_test_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Whether @done came true within @timeout_ms. */
gboolean
crm_ui_test_iterate_until (gboolean (*done) (gpointer data),
                           gpointer   data,
                           guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (done (data))
        return TRUE;

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return done (data);
}

/* Destroys *@window and checks it is gone once the loop ran @settle_ms. */
void
crm_ui_test_destroy_window (GtkWindow **window,
                            guint       settle_ms)
{
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_destroy (*window);
  crm_ui_test_iterate_for (settle_ms);
  g_assert_null (*window);
}

/* The message dialog on show, if any. */
AdwMessageDialog *
crm_ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* ---- Widget tree --------------------------------------------------------- */

/* The first widget named @name, @root first, then depth first. */
GtkWidget *
crm_ui_test_find_by_name (GtkWidget  *root,
                          const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crm_ui_test_find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
crm_ui_test_collect_by_name (GtkWidget  *root,
                             const char *name,
                             GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    crm_ui_test_collect_by_name (child, name, found);
}

/* Popovers included. */
void
crm_ui_test_collect_by_type (GtkWidget *root,
                             GType      type,
                             GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    crm_ui_test_collect_by_type (child, type, found);
}

GtkWidget *
crm_ui_test_find_by_type (GtkWidget *root,
                          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  crm_ui_test_collect_by_type (root, type, found);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The entries a person types into, not those inside popovers. */
void
crm_ui_test_collect_entries (GtkWidget *root,
                             GPtrArray *found)
{
  if (GTK_IS_POPOVER (root))
    return;
  if (GTK_IS_ENTRY (root))
    {
      g_ptr_array_add (found, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    crm_ui_test_collect_entries (child, found);
}

/* Any label under @root, shown or not, popovers included. */
gboolean
crm_ui_test_has_label_with_text (GtkWidget  *root,
                                 const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  crm_ui_test_collect_by_type (root, GTK_TYPE_LABEL, labels);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}
