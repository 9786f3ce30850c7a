/* crm-users-page-tree.c — the department tree of the Users page
 *
 * Each department is a row, indented by its depth. Dropping a row on the
 * middle of another puts it under that one; on its top or bottom edge,
 * beside it. The same moves are in each row's menu (Move Up, Move Down,
 * Move To), for the keyboard, with the department's head. The core
 * refuses a cycle; the refusal shows as a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-users-page-private.h"

/* ---- Looking in the tree ------------------------------------------------------- */

static CrmDepartment *
find_department (CrmUsersPage *self,
                 gint64        id)
{
  for (guint i = 0; self->departments != NULL && i < self->departments->len; i++)
    if (crm_department_get_id (g_ptr_array_index (self->departments, i)) == id)
      return g_ptr_array_index (self->departments, i);
  return NULL;
}

/* Where @id is among its siblings. */
static guint
sibling_index (CrmUsersPage *self,
               gint64        id,
               guint        *n_siblings)
{
  CrmDepartment *department = find_department (self, id);
  gint64 parent = department != NULL ? crm_department_get_parent_id (department) : 0;
  guint index = 0, n = 0;

  for (guint i = 0; i < self->departments->len; i++)
    {
      CrmDepartment *other = g_ptr_array_index (self->departments, i);

      if (crm_department_get_parent_id (other) != parent)
        continue;
      if (crm_department_get_id (other) == id)
        index = n;
      n++;
    }
  if (n_siblings != NULL)
    *n_siblings = n;
  return index;
}

static gboolean
is_under (CrmUsersPage *self,
          gint64        id,
          gint64        ancestor)
{
  for (guint depth = 0; id != 0 && depth <= 64; depth++)
    {
      CrmDepartment *department = find_department (self, id);

      if (id == ancestor)
        return TRUE;
      id = department != NULL ? crm_department_get_parent_id (department) : 0;
    }
  return FALSE;
}

static guint
count_members (CrmUsersPage *self,
               gint64        department_id)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (crm_session_get_store (self->session)));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);
      GArray *mine = crm_user_get_departments (user);

      for (guint j = 0; j < mine->len; j++)
        if (g_array_index (mine, gint64, j) == department_id)
          n++;
    }
  return n;
}

/* ---- Moving ------------------------------------------------------------------ */

static void
move (CrmUsersPage *self,
      gint64        id,
      gint64        parent_id,
      guint         position)
{
  g_autoptr(GError) error = NULL;

  if (!crm_department_move (self->session, id, parent_id, position, &error))
    _crm_users_page_toast (self, error->message);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CrmUsersPage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 onto = *(gint64 *) g_object_get_data (G_OBJECT (row), "crm-id");
  gint64 dragged = g_value_get_int64 (value);
  CrmDepartment *department = find_department (self, onto);
  int height = gtk_widget_get_height (row);
  guint index;

  if (department == NULL || dragged == onto)
    return FALSE;

  /* The edges put it beside, the middle under. */
  index = sibling_index (self, onto, NULL);
  if (y < height / 4.0 || y > height * 3 / 4.0)
    {
      gint64 parent = crm_department_get_parent_id (department);
      CrmDepartment *moved = find_department (self, dragged);

      if (y > height * 3 / 4.0)
        index++;
      /* Its own slot among the same siblings is taken out first. */
      if (moved != NULL && crm_department_get_parent_id (moved) == parent &&
          sibling_index (self, dragged, NULL) < index)
        index--;
      move (self, dragged, parent, index);
    }
  else
    move (self, dragged, onto, G_MAXUINT);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrmUsersPage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_INT64, *(gint64 *) g_object_get_data (G_OBJECT (row), "crm-id"));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CrmUsersPage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

/* ---- Actions -------------------------------------------------------------------- */

static void
create_named_cb (CrmUsersPage *self,
                 const char   *name,
                 gint64        parent_id)
{
  g_autoptr(GError) error = NULL;

  if (crm_department_create (self->session, name, parent_id, &error) == 0)
    _crm_users_page_toast (self, error->message);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  gint64 parent = g_variant_get_int64 (parameter);

  _crm_users_page_ask_name (self, parent == 0 ? _("New Department") : _("New Sub-department"),
                            NULL, _("_Add"), create_named_cb, parent);
}

static void
renamed_cb (CrmUsersPage *self,
            const char   *name,
            gint64        id)
{
  g_autoptr(GError) error = NULL;

  if (!crm_department_rename (self->session, id, name, &error))
    _crm_users_page_toast (self, error->message);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  CrmDepartment *department = find_department (self, g_variant_get_int64 (parameter));

  if (department != NULL)
    _crm_users_page_ask_name (self, _("Rename Department"), crm_department_get_name (department),
                              _("_Rename"), renamed_cb, crm_department_get_id (department));
}

static void
deleted_cb (CrmUsersPage *self,
            const char   *name,
            gint64        id)
{
  g_autoptr(GError) error = NULL;

  if (!crm_department_delete (self->session, id, &error))
    _crm_users_page_toast (self, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  CrmDepartment *department = find_department (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;

  if (department == NULL)
    return;
  /* Translators: the department's name */
  heading = g_strdup_printf (_("Delete %s?"), crm_department_get_name (department));
  _crm_users_page_confirm (self, heading,
                           _("Its sub-departments move up in its place; its people stay, "
                             "outside it, and lose the roles given to it."),
                           _("_Delete"), deleted_cb, crm_department_get_id (department));
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gint64 id, parent;

  g_variant_get (parameter, "(xx)", &id, &parent);
  move (CRM_USERS_PAGE (widget), id, parent, G_MAXUINT);
}

static void
set_head_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id, user_id;

  g_variant_get (parameter, "(xx)", &id, &user_id);
  if (!crm_department_set_head (self->session, id, user_id, &error))
    _crm_users_page_toast (self, error->message);
}

static void
move_by (CrmUsersPage *self,
         gint64        id,
         int           delta)
{
  CrmDepartment *department = find_department (self, id);
  guint n, index;

  if (department == NULL)
    return;
  index = sibling_index (self, id, &n);
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    return;
  move (self, id, crm_department_get_parent_id (department), index + delta);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (CRM_USERS_PAGE (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (CRM_USERS_PAGE (widget), g_variant_get_int64 (parameter), 1);
}

/* ---- Rows ----------------------------------------------------------------------- */

/* No head, then every active user; the row's subtitle names the head. */
static GMenuModel *
create_head_menu (CrmUsersPage  *self,
                  CrmDepartment *department)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (crm_session_get_store (self->session)));
  gint64 id = crm_department_get_id (department);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("No Head"), NULL);
  g_menu_item_set_action_and_target_value (item, "departments.set-head", g_variant_new ("(xx)", id, (gint64) 0));
  g_menu_append_item (menu, item);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);
      g_autoptr(GMenuItem) row = NULL;

      if (!crm_user_is_active (user))
        continue;
      row = g_menu_item_new (crm_user_get_name (user), NULL);
      g_menu_item_set_action_and_target_value (row, "departments.set-head",
                                               g_variant_new ("(xx)", id, crm_user_get_id (user)));
      g_menu_append_item (menu, row);
    }
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GMenuModel *
create_menu (CrmUsersPage  *self,
             CrmDepartment *department)
{
  gint64 id = crm_department_get_id (department);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) targets = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  guint n, index = sibling_index (self, id, &n);

  item = g_menu_item_new (_("Add _Sub-department…"), NULL);
  g_menu_item_set_action_and_target_value (item, "departments.add", g_variant_new_int64 (id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (item, "departments.rename", g_variant_new_int64 (id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  if (index > 0)
    {
      item = g_menu_item_new (_("Move _Up"), NULL);
      g_menu_item_set_action_and_target_value (item, "departments.move-up", g_variant_new_int64 (id));
      g_menu_append_item (order, item);
      g_clear_object (&item);
    }
  if (index + 1 < n)
    {
      item = g_menu_item_new (_("Move _Down"), NULL);
      g_menu_item_set_action_and_target_value (item, "departments.move-down", g_variant_new_int64 (id));
      g_menu_append_item (order, item);
      g_clear_object (&item);
    }

  /* Move To: the top level and every department it may go under. */
  if (crm_department_get_parent_id (department) != 0)
    {
      item = g_menu_item_new (_("Top Level"), NULL);
      g_menu_item_set_action_and_target_value (item, "departments.move-to", g_variant_new ("(xx)", id, (gint64) 0));
      g_menu_append_item (targets, item);
      g_clear_object (&item);
    }
  for (guint i = 0; i < self->departments->len; i++)
    {
      CrmDepartment *other = g_ptr_array_index (self->departments, i);
      gint64 other_id = crm_department_get_id (other);
      g_autofree char *label = NULL;

      if (is_under (self, other_id, id) || other_id == crm_department_get_parent_id (department))
        continue;
      /* Two spaces per level: the menu shows the tree too. */
      label = g_strdup_printf ("%*s%s", 2 * crm_department_get_depth (other), "", crm_department_get_name (other));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "departments.move-to", g_variant_new ("(xx)", id, other_id));
      g_menu_append_item (targets, item);
      g_clear_object (&item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (targets)) > 0)
    g_menu_append_submenu (order, _("Move _To"), G_MENU_MODEL (targets));
  if (g_menu_model_get_n_items (G_MENU_MODEL (order)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  g_menu_append_submenu (danger, _("_Head"), create_head_menu (self, department));
  item = g_menu_item_new (_("_Delete…"), NULL);
  g_menu_item_set_action_and_target_value (item, "departments.delete", g_variant_new_int64 (id));
  g_menu_append_item (danger, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static char *
describe (CrmUsersPage  *self,
          CrmDepartment *department)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (self->session));
  CrmUser *head = crm_catalog_get_user (catalog, crm_department_get_head_id (department));
  guint n = count_members (self, crm_department_get_id (department));
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);

  if (head == NULL)
    return g_steal_pointer (&people);
  /* Translators: "3 people · Head: Mariana Costa" */
  return g_strdup_printf (_("%s · Head: %s"), people, crm_user_get_name (head));
}

static GtkWidget *
create_row (CrmUsersPage  *self,
            CrmDepartment *department)
{
  gint64 id = crm_department_get_id (department);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *name = _crm_users_page_widget_name ("department-row-", number);
  g_autofree char *menu_name = _crm_users_page_widget_name ("department-menu-", number);
  g_autofree char *subtitle = describe (self, department);
  g_autoptr(GMenuModel) menu = create_menu (self, department);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *button = gtk_menu_button_new ();
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_department_get_name (department));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "crm-id", g_memdup2 (&id, sizeof id), g_free);

  /* The tree shows in the indentation. */
  gtk_widget_set_margin_start (handle, 24 * crm_department_get_depth (department));
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_cursor_from_name (row, "grab");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);

  gtk_widget_set_name (button, menu_name);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Department Menu"));
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

void
_crm_users_page_fill_departments (CrmUsersPage *self)
{
  for (guint i = 0; i < self->departments->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (self->departments, i));

      adw_preferences_group_add (self->departments_group, row);
      g_ptr_array_add (self->department_rows, row);
    }
  if (self->departments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No departments yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->departments_group, row);
      g_ptr_array_add (self->department_rows, row);
    }
}

void
_crm_users_page_tree_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "departments.add", "x", add_action);
  gtk_widget_class_install_action (widget_class, "departments.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "departments.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "departments.move-to", "(xx)", move_to_action);
  gtk_widget_class_install_action (widget_class, "departments.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "departments.set-head", "(xx)", set_head_action);
  gtk_widget_class_install_action (widget_class, "departments.move-down", "x", move_down_action);
}
