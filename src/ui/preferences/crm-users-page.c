/* crm-users-page.c — Preferences: Users and permissions
 *
 * Users, the department tree and the roles, each a boxed list rebuilt
 * from the core after every change of the catalog (ours or another
 * program's on the same database). Every change goes through the core,
 * which checks it again; a refusal shows as a toast and the page shows
 * what is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-user-dialog.h"
#include "crm-users-page-private.h"
#include "crm-widget-map.h"

G_DEFINE_FINAL_TYPE (CrmUsersPage, crm_users_page, ADW_TYPE_PREFERENCES_PAGE)

static void refresh (CrmUsersPage *self);

/* ---- Shared with the other files --------------------------------------------- */

void
_crm_users_page_toast (CrmUsersPage *self,
                       const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static gboolean
refresh_cb (gpointer data)
{
  CrmUsersPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

void
_crm_users_page_queue_refresh (CrmUsersPage *self)
{
  /* Not now: the switch or row that caused it may be in the middle of
   * its own signal, and a rebuild would take it away under it. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

char *
_crm_users_page_widget_name (const char *prefix,
                             const char *key)
{
  g_autofree char *name = g_strconcat (prefix, key, NULL);

  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = '-';
  return g_ascii_strdown (name, -1);
}

typedef struct
{
  CrmUsersPage    *page;
  CrmNameCallback  callback;
  gint64           id;
  GtkEntry        *entry;
} Prompt;

static void
prompt_free (gpointer data)
{
  Prompt *prompt = data;

  g_object_unref (prompt->page);
  g_free (prompt);
}

static void
prompt_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Prompt           *prompt)
{
  if (!g_str_equal (response, "accept"))
    return;
  prompt->callback (prompt->page,
                    prompt->entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (prompt->entry)) : NULL,
                    prompt->id);
}

static void
prompt_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *text != '\0');
}

static void
prompt_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "accept"))
    {
      adw_message_dialog_response (dialog, "accept");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static AdwMessageDialog *
new_prompt (CrmUsersPage    *self,
            const char      *heading,
            const char      *body,
            const char      *accept_label,
            AdwResponseAppearance appearance,
            CrmNameCallback  callback,
            gint64           id,
            Prompt         **out)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  Prompt *prompt = g_new0 (Prompt, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", appearance);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  crm_widget_map_name_responses (dialog, "cancel", "accept", NULL);

  prompt->page = g_object_ref (self);
  prompt->callback = callback;
  prompt->id = id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (prompt_response_cb), prompt,
                         (GClosureNotify) (void (*) (void)) prompt_free, 0);
  *out = prompt;
  return dialog;
}

void
_crm_users_page_ask_name (CrmUsersPage    *self,
                          const char      *heading,
                          const char      *initial,
                          const char      *accept_label,
                          CrmNameCallback  callback,
                          gint64           id)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  Prompt *prompt;

  dialog = new_prompt (self, heading, NULL, accept_label, ADW_RESPONSE_SUGGESTED, callback, id, &prompt);
  gtk_widget_set_name (GTK_WIDGET (dialog), "name-prompt-dialog");
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "name-prompt-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  prompt->entry = GTK_ENTRY (entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (prompt_entry_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (prompt_entry_activate_cb), dialog, 0);
  prompt_entry_changed_cb (GTK_EDITABLE (entry), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_crm_users_page_confirm (CrmUsersPage    *self,
                         const char      *heading,
                         const char      *body,
                         const char      *accept_label,
                         CrmNameCallback  callback,
                         gint64           id)
{
  AdwMessageDialog *dialog;
  Prompt *prompt;

  dialog = new_prompt (self, heading, body, accept_label, ADW_RESPONSE_DESTRUCTIVE, callback, id, &prompt);
  adw_message_dialog_set_default_response (dialog, "cancel");
  gtk_widget_set_name (GTK_WIDGET (dialog), "confirm-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Users ------------------------------------------------------------------- */

static char *
describe_user (CrmUsersPage *self,
               CrmUser      *user)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (self->session));
  g_autoptr(GString) text = g_string_new (crm_user_get_login (user));
  GArray *departments = crm_user_get_departments (user);

  if (crm_user_is_admin (user))
    g_string_append_printf (text, " · %s", _("Full access"));
  for (guint i = 0; self->roles != NULL && i < self->roles->len; i++)
    {
      CrmRole *role = g_ptr_array_index (self->roles, i);
      GArray *users = crm_role_get_users (role);

      for (guint j = 0; j < users->len; j++)
        if (g_array_index (users, gint64, j) == crm_user_get_id (user))
          g_string_append_printf (text, " · %s", crm_role_get_name (role));
    }
  for (guint i = 0; i < departments->len; i++)
    {
      const char *name = crm_catalog_get_department_name (catalog, g_array_index (departments, gint64, i));

      if (name != NULL)
        g_string_append_printf (text, " · %s", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_avatar (CrmUsersPage *self,
               CrmUser      *user)
{
  GtkWidget *avatar = adw_avatar_new (32, crm_user_get_name (user), TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (crm_user_get_photo_file_id (user) != 0)
    bytes = crm_file_load (self->session, crm_user_get_photo_file_id (user), NULL, NULL, NULL);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture != NULL)
    adw_avatar_set_custom_image (ADW_AVATAR (avatar), GDK_PAINTABLE (texture));
  return avatar;
}

static void
user_row_activated_cb (AdwActionRow *row,
                       CrmUsersPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "crm-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "users.edit", "x", id);
}

static void
fill_users (CrmUsersPage *self)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (crm_session_get_store (self->session)));
  guint n = g_list_model_get_n_items (users);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);
      g_autofree char *name = _crm_users_page_widget_name ("user-row-", crm_user_get_login (user));
      g_autofree char *subtitle = describe_user (self, user);
      gint64 id = crm_user_get_id (user);
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_user_get_name (user));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_avatar (self, user));
      if (!crm_user_is_active (user))
        {
          GtkWidget *label = gtk_label_new (_("Deactivated"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "crm-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (user_row_activated_cb), self, 0);
      adw_preferences_group_add (self->users_group, row);
      g_ptr_array_add (self->user_rows, row);
    }
}

static void
user_saved_cb (CrmUserDialog *dialog,
               gint64         user_id,
               CrmUsersPage  *self)
{
  /* The change notification rebuilt the page already; when the database
   * sent none (nothing changed), nothing is lost either. */
  _crm_users_page_queue_refresh (self);
}

static void
open_user_dialog (CrmUsersPage *self,
                  gint64        user_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CrmUserDialog *dialog;

  dialog = crm_user_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, user_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (user_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_user_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_user_dialog (CRM_USERS_PAGE (widget), 0);
}

static void
edit_user_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_user_dialog (CRM_USERS_PAGE (widget), g_variant_get_int64 (parameter));
}

/* ---- Refreshing -------------------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
refresh (CrmUsersPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean may_manage = crm_session_has_permission (self->session, CRM_PERMISSION_USERS_MANAGE, 0);

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  self->departments = crm_department_list (self->session, &error);
  if (self->departments != NULL)
    self->roles = crm_role_list (self->session, &error);
  if (error != NULL)
    _crm_users_page_toast (self, error->message);

  clear_rows (self->users_group, self->user_rows);
  clear_rows (self->departments_group, self->department_rows);
  clear_rows (self->roles_group, self->role_rows);
  fill_users (self);
  if (self->departments != NULL)
    _crm_users_page_fill_departments (self);
  if (self->roles != NULL)
    _crm_users_page_fill_roles (self);

  /* Someone else may have taken the right away meanwhile. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), may_manage);
}

static void
store_changed_cb (CrmStore     *store,
                  CrmChange    *change,
                  CrmUsersPage *self)
{
  if (crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    _crm_users_page_queue_refresh (self);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_users_page_dispose (GObject *object)
{
  CrmUsersPage *self = CRM_USERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_USERS_PAGE);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->user_rows, g_ptr_array_unref);
  g_clear_pointer (&self->department_rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded_roles, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_users_page_parent_class)->dispose (object);
}

static void
crm_users_page_class_init (CrmUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_users_page_dispose;

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmUsersPage, departments_group);
  gtk_widget_class_bind_template_child (widget_class, CrmUsersPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, CrmUsersPage, users_group);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_user_action);
  gtk_widget_class_install_action (widget_class, "users.edit", "x", edit_user_action);
  _crm_users_page_tree_class_init (widget_class);
  _crm_users_page_roles_class_init (widget_class);
}

static void
crm_users_page_init (CrmUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* AdwPreferencesPage:name is the page's own, not the widget's. */
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "users");
  gtk_widget_set_name (GTK_WIDGET (self), "users-page");
  self->user_rows = g_ptr_array_new ();
  self->department_rows = g_ptr_array_new ();
  self->role_rows = g_ptr_array_new ();
  self->expanded_roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* ---- Public API ---------------------------------------------------------------- */

AdwPreferencesPage *
crm_users_page_new (CrmSession *session)
{
  CrmUsersPage *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  if (!crm_session_has_permission (session, CRM_PERMISSION_USERS_MANAGE, 0))
    return NULL;

  self = g_object_new (CRM_TYPE_USERS_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (crm_session_get_store (session), "changed",
                           G_CALLBACK (store_changed_cb), self, 0);
  refresh (self);
  return ADW_PREFERENCES_PAGE (self);
}
