/* crm-users-page-roles.c — the roles of the Users page: one expander each,
 * with a switch per permission (on every kind of element), a list of the
 * kinds it may be narrowed to, and the departments it is given to
 *
 * A switch or a check is a write; the page is rebuilt from what the core
 * stored once the change arrives, so a refused one goes back by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-users-page-private.h"

/* What a switch or a check stands for. */
typedef struct
{
  gint64        role_id;
  CrmPermission permission;
  gint64        id;          /* entity type or department; 0 for every type */
} Target;

static void
set_target (GObject *object,
            gint64   role_id,
            int      permission,
            gint64   id)
{
  Target *target = g_new0 (Target, 1);

  target->role_id = role_id;
  target->permission = permission;
  target->id = id;
  g_object_set_data_full (object, "crm-target", target, g_free);
}

static CrmRole *
find_role (CrmUsersPage *self,
           gint64        id)
{
  for (guint i = 0; self->roles != NULL && i < self->roles->len; i++)
    if (crm_role_get_id (g_ptr_array_index (self->roles, i)) == id)
      return g_ptr_array_index (self->roles, i);
  return NULL;
}

/* ---- Writes ------------------------------------------------------------------ */

static void
report (CrmUsersPage *self,
        gboolean      done,
        GError       *error)
{
  if (!done)
    {
      _crm_users_page_toast (self, error->message);
      _crm_users_page_queue_refresh (self);
    }
}

static void
permission_switched_cb (GtkSwitch    *button,
                        GParamSpec   *pspec,
                        CrmUsersPage *self)
{
  Target *target = g_object_get_data (G_OBJECT (button), "crm-target");
  g_autoptr(GError) error = NULL;

  report (self, crm_role_set_permission (self->session, target->role_id, target->permission, 0,
                                         gtk_switch_get_active (button), &error), error);
}

static void
type_toggled_cb (GtkCheckButton *check,
                 CrmUsersPage   *self)
{
  Target *target = g_object_get_data (G_OBJECT (check), "crm-target");
  g_autoptr(GError) error = NULL;

  report (self, crm_role_set_permission (self->session, target->role_id, target->permission, target->id,
                                         gtk_check_button_get_active (check), &error), error);
}

static void
department_toggled_cb (GtkCheckButton *check,
                       CrmUsersPage   *self)
{
  Target *target = g_object_get_data (G_OBJECT (check), "crm-target");
  g_autoptr(GError) error = NULL;

  report (self, crm_role_assign_department (self->session, target->role_id, target->id,
                                            gtk_check_button_get_active (check), &error), error);
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             CrmUsersPage   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "crm-id");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded_roles, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded_roles, &id);
}

/* ---- Actions -------------------------------------------------------------------- */

static void
created_cb (CrmUsersPage *self,
            const char   *name,
            gint64        unused)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_role_create (self->session, name, &error);

  if (id == 0)
    _crm_users_page_toast (self, error->message);
  else
    g_hash_table_add (self->expanded_roles, g_memdup2 (&id, sizeof id));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _crm_users_page_ask_name (CRM_USERS_PAGE (widget), _("New Role"), NULL, _("_Add"), created_cb, 0);
}

static void
renamed_cb (CrmUsersPage *self,
            const char   *name,
            gint64        id)
{
  g_autoptr(GError) error = NULL;

  if (!crm_role_rename (self->session, id, name, &error))
    _crm_users_page_toast (self, error->message);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  CrmRole *role = find_role (self, g_variant_get_int64 (parameter));

  if (role != NULL)
    _crm_users_page_ask_name (self, _("Rename Role"), crm_role_get_name (role), _("_Rename"),
                              renamed_cb, crm_role_get_id (role));
}

static void
deleted_cb (CrmUsersPage *self,
            const char   *name,
            gint64        id)
{
  g_autoptr(GError) error = NULL;

  if (!crm_role_delete (self->session, id, &error))
    _crm_users_page_toast (self, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmUsersPage *self = CRM_USERS_PAGE (widget);
  CrmRole *role = find_role (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;

  if (role == NULL)
    return;
  /* Translators: the role's name */
  heading = g_strdup_printf (_("Delete the Role %s?"), crm_role_get_name (role));
  _crm_users_page_confirm (self, heading,
                           _("The people and departments it is given to lose what it lets them do."),
                           _("_Delete"), deleted_cb, crm_role_get_id (role));
}

/* ---- Rows ----------------------------------------------------------------------- */

/* Elements first, then the card, then the administration. */
static const CrmPermission shown_order[] = {
  CRM_PERMISSION_ELEMENT_READ,
  CRM_PERMISSION_ELEMENT_READ_ALL,
  CRM_PERMISSION_ELEMENT_WRITE,
  CRM_PERMISSION_ELEMENT_DELETE,
  CRM_PERMISSION_LAYOUT_PERSONAL,
  CRM_PERMISSION_LAYOUT_EDIT_STANDARD,
  CRM_PERMISSION_VIEWS_MANAGE,
  CRM_PERMISSION_FIELDS_MANAGE,
  CRM_PERMISSION_PIPELINES_MANAGE,
  CRM_PERMISSION_TYPES_MANAGE,
  CRM_PERMISSION_USERS_MANAGE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (shown_order) == CRM_PERMISSION_LAST);

static GtkWidget *
create_check_popover (GtkWidget *button_box)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), button_box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  return popover;
}

/* The kinds of element one permission of @role is narrowed to. */
static GtkWidget *
create_type_button (CrmUsersPage  *self,
                    CrmRole       *role,
                    CrmPermission  permission,
                    GString       *only)
{
  GListModel *types = crm_catalog_get_entity_types (crm_store_get_catalog (crm_session_get_store (self->session)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);
      gint64 type_id = crm_entity_type_get_id (type);
      GtkWidget *check = gtk_check_button_new_with_label (crm_entity_type_get_name_plural (type));
      gboolean granted = crm_role_grants (role, permission, type_id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), granted);
      set_target (G_OBJECT (check), crm_role_get_id (role), permission, type_id);
      g_signal_connect_object (check, "toggled", G_CALLBACK (type_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (box), check);
      if (granted && !crm_role_grants (role, permission, 0))
        g_string_append_printf (only, "%s%s", only->len > 0 ? ", " : "", crm_entity_type_get_name_plural (type));
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), create_check_popover (box));
  gtk_widget_set_tooltip_text (button, _("Kinds of Element"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_permission_row (CrmUsersPage  *self,
                       CrmRole       *role,
                       CrmPermission  permission)
{
  g_autofree char *key = g_strdup_printf ("%s-%u", crm_role_get_code (role), permission);
  g_autofree char *name = _crm_users_page_widget_name ("role-switch-", key);
  g_autoptr(GString) only = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_permission_get_label (permission));
  if (crm_permission_is_per_type (permission))
    {
      g_autofree char *types_name = _crm_users_page_widget_name ("role-types-", key);
      GtkWidget *types = create_type_button (self, role, permission, only);

      gtk_widget_set_name (types, types_name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), types);
    }
  if (only->len > 0)
    {
      /* Translators: "Only for Deals, Leads" */
      g_autofree char *subtitle = g_strdup_printf (_("Only for %s"), only->str);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (button), crm_role_grants (role, permission, 0));
  set_target (G_OBJECT (button), crm_role_get_id (role), permission, 0);
  g_signal_connect_object (button, "notify::active", G_CALLBACK (permission_switched_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
create_departments_row (CrmUsersPage *self,
                        CrmRole      *role)
{
  g_autofree char *name = _crm_users_page_widget_name ("role-departments-", crm_role_get_code (role));
  GArray *given = crm_role_get_departments (role);
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *button = gtk_menu_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Given to Departments"));
  for (guint i = 0; i < self->departments->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (self->departments, i);
      gint64 id = crm_department_get_id (department);
      GtkWidget *check = gtk_check_button_new_with_label (crm_department_get_name (department));
      gboolean active = FALSE;

      for (guint j = 0; j < given->len; j++)
        active = active || g_array_index (given, gint64, j) == id;
      if (active)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", crm_department_get_name (department));
      gtk_widget_set_margin_start (check, 18 * crm_department_get_depth (department));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      set_target (G_OBJECT (check), crm_role_get_id (role), 0, id);
      g_signal_connect_object (check, "toggled", G_CALLBACK (department_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (box), check);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->len > 0 ? names->str : C_("role departments", "None"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_name (button, name);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), create_check_popover (box));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, self->departments->len > 0);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *action,
                    gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static GtkWidget *
create_role_row (CrmUsersPage *self,
                 CrmRole      *role)
{
  gint64 id = crm_role_get_id (role);
  g_autofree char *name = _crm_users_page_widget_name ("role-row-", crm_role_get_code (role));
  guint n_users = crm_role_get_users (role)->len;
  guint n_departments = crm_role_get_departments (role)->len;
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_users),
                                             n_users);
  g_autofree char *teams = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u department", "%u departments",
                                                         n_departments), n_departments);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();

  /* Translators: "Given to 3 people and 1 department" */
  subtitle = g_strdup_printf (_("Given to %s and %s"), people, teams);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_role_get_name (role));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "crm-id", g_memdup2 (&id, sizeof id), g_free);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_icon_button ("document-edit-symbolic", _("Rename"), "roles.rename", id));
  if (!crm_role_is_builtin (role))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                 create_icon_button ("user-trash-symbolic", _("Delete"), "roles.delete", id));

  for (guint i = 0; i < G_N_ELEMENTS (shown_order); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_permission_row (self, role, shown_order[i]));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_departments_row (self, role));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded_roles, &id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

void
_crm_users_page_fill_roles (CrmUsersPage *self)
{
  for (guint i = 0; i < self->roles->len; i++)
    {
      GtkWidget *row = create_role_row (self, g_ptr_array_index (self->roles, i));

      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
}

void
_crm_users_page_roles_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "roles.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "roles.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "roles.delete", "x", delete_action);
}
