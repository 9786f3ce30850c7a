/* crm-user-dialog.c — add a user, or change one
 *
 * The form is sent to the core as one CrmUserConfig, roles included, so
 * a change lands whole or not at all; what the core refuses (a login
 * taken, an e-mail that is not one, the last one able to manage users)
 * shows at the top and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-user-dialog.h"
#include "crm-widget-map.h"

struct _CrmUserDialog
{
  AdwWindow            parent_instance;

  CrmSession          *session;
  gint64               user_id;       /* 0 when adding */
  gint64               photo_file_id;
  GArray              *photo_picks;   /* of gint64: photos stored here */
  gboolean             active;
  GPtrArray           *role_checks;        /* GtkCheckButton, "crm-id" data */
  GPtrArray           *department_checks;  /* GtkCheckButton, "crm-id" data */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkButton           *active_button;
  GtkSwitch           *admin_switch;
  AdwAvatar           *avatar;
  AdwPreferencesGroup *departments_group;
  AdwEntryRow         *email_row;
  GtkLabel            *error_label;
  GtkRevealer         *error_revealer;
  AdwEntryRow         *login_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *position_row;
  GtkButton           *remove_photo_button;
  AdwPreferencesGroup *roles_group;
  GtkButton           *save_button;
  AdwWindowTitle      *window_title;
};

G_DEFINE_FINAL_TYPE (CrmUserDialog, crm_user_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------------ */

static CrmCatalog *
get_catalog (CrmUserDialog *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static void
show_error (CrmUserDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* "user-role-" and the code, in the widget map's letters. */
static char *
widget_name_for (const char *prefix,
                 const char *code)
{
  char *name = g_strconcat (prefix, code, NULL);

  g_strdelimit (name, "_.", '-');
  return g_ascii_strdown (g_steal_pointer (&name), -1);
}

static GtkWidget *
add_check_row (AdwPreferencesGroup *group,
               GPtrArray           *checks,
               gint64               id,
               const char          *title,
               const char          *widget_name,
               guint                depth,
               gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (check, widget_name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The tree shows in the indentation of the checks. */
  gtk_widget_set_margin_start (check, 18 * depth);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data_full (G_OBJECT (check), "crm-id", g_memdup2 (&id, sizeof id), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
  return row;
}

static GArray *
checked_ids (GPtrArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_array_append_vals (ids, g_object_get_data (g_ptr_array_index (checks, i), "crm-id"), 1);
  return ids;
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
update_avatar (CrmUserDialog *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  adw_avatar_set_text (self->avatar, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if (self->photo_file_id != 0)
    bytes = crm_file_load (self->session, self->photo_file_id, NULL, NULL, NULL);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, NULL);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_photo_button), self->photo_file_id != 0);
}

static void
fill_lists (CrmUserDialog *self,
            CrmUser       *user)
{
  g_autoptr(GPtrArray) roles = crm_role_list (self->session, NULL);
  g_autoptr(GPtrArray) departments = crm_department_list (self->session, NULL);
  GArray *mine = user != NULL ? crm_user_get_departments (user) : NULL;

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      CrmRole *role = g_ptr_array_index (roles, i);
      g_autofree char *name = widget_name_for ("user-role-", crm_role_get_code (role));
      /* A new user starts as an employee, as the core would make them. */
      gboolean active = user != NULL ? array_has (crm_role_get_users (role), crm_user_get_id (user))
                                     : g_str_equal (crm_role_get_code (role), "employee");

      add_check_row (self->roles_group, self->role_checks, crm_role_get_id (role),
                     crm_role_get_name (role), name, 0, active);
    }

  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (departments, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, crm_department_get_id (department));
      g_autofree char *name = widget_name_for ("user-department-", number);

      add_check_row (self->departments_group, self->department_checks, crm_department_get_id (department),
                     crm_department_get_name (department), name, crm_department_get_depth (department),
                     array_has (mine, crm_department_get_id (department)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->departments_group), departments != NULL && departments->len > 0);
}

static void
fill (CrmUserDialog *self)
{
  CrmUser *user = self->user_id != 0 ? crm_catalog_get_user (get_catalog (self), self->user_id) : NULL;

  if (user != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), crm_user_get_name (user));
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), crm_user_get_login (user));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), crm_user_get_email (user) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->position_row), crm_user_get_position (user) ?: "");
      gtk_switch_set_active (self->admin_switch, crm_user_is_admin (user));
      self->photo_file_id = crm_user_get_photo_file_id (user);
      self->active = crm_user_is_active (user);
      adw_window_title_set_title (self->window_title, _("Edit User"));
      adw_window_title_set_subtitle (self->window_title, crm_user_get_name (user));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_button_set_label (self->active_button, self->active ? _("_Deactivate User…") : _("_Activate User"));
      if (self->active)
        gtk_widget_add_css_class (GTK_WIDGET (self->active_button), "destructive-action");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->active_button), "suggested-action");
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add User"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_widget_set_visible (GTK_WIDGET (self->active_button), FALSE);
    }
  fill_lists (self, user);
  update_avatar (self);
}

/* ---- Actions -------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  crm_user_dialog_save (CRM_USER_DIALOG (widget));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmUserDialog *self = CRM_USER_DIALOG (widget);

  self->photo_file_id = 0;
  update_avatar (self);
}

/* Photos picked here and not kept leave at once (the core keeps the one a
 * save claimed). */
static void
discard_photos (CrmUserDialog *self,
                gint64         keep_id)
{
  for (guint i = self->photo_picks->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (self->photo_picks, gint64, i - 1);

      if (id == keep_id)
        continue;
      if (!crm_file_discard (self->session, id, &error))
        g_debug ("A picked photo was left to the sweep: %s", error->message);
      g_array_remove_index_fast (self->photo_picks, i - 1);
    }
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CrmUserDialog   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  gint64 id;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  /* Only what GTK can draw: the avatar must show it. */
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      show_error (self, _("This file is not a picture Clientele can show"));
      return;
    }
  basename = g_file_get_basename (file);
  content_type = g_content_type_guess (basename, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  id = crm_file_add (self->session, basename, mime_type ? mime_type : "application/octet-stream", bytes, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  self->photo_file_id = id;
  g_array_append_val (self->photo_picks, id);
  discard_photos (self, id);
  show_error (self, NULL);
  update_avatar (self);
}

static void
choose_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmUserDialog *self = CRM_USER_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
set_active (CrmUserDialog *self,
            gboolean       active)
{
  g_autoptr(GError) error = NULL;

  if (!crm_user_set_active (self->session, self->user_id, active, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->user_id);
  /* After the confirmation, which is ours, has finished closing. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
confirm_deactivate_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CrmUserDialog    *self)
{
  if (g_str_equal (response, "deactivate"))
    set_active (self, FALSE);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmUserDialog *self = CRM_USER_DIALOG (widget);
  CrmUser *user = crm_catalog_get_user (get_catalog (self), self->user_id);
  GtkWidget *dialog;

  if (user == NULL)
    return;
  if (!self->active)
    {
      set_active (self, TRUE);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: the name of the user */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Deactivate %s?"), crm_user_get_name (user));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("They will no longer be able to work in Clientele. Their elements, "
                                 "comments and history stay, and they can be activated again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "deactivate", _("_Deactivate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "deactivate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  crm_widget_map_name_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "deactivate", NULL);
  gtk_widget_set_name (dialog, "deactivate-user-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_deactivate_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Signal callbacks --------------------------------------------------------- */

static void
name_changed_cb (CrmUserDialog *self)
{
  adw_avatar_set_text (self->avatar, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_user_dialog_dispose (GObject *object)
{
  CrmUserDialog *self = CRM_USER_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_USER_DIALOG);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  g_clear_pointer (&self->department_checks, g_ptr_array_unref);
  if (self->session != NULL)
    discard_photos (self, 0);
  g_clear_pointer (&self->photo_picks, g_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_user_dialog_parent_class)->dispose (object);
}

static void
crm_user_dialog_class_init (CrmUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_user_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, active_button);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, admin_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, avatar);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, departments_group);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmUserDialog, window_title);

  gtk_widget_class_install_action (widget_class, "user.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "user.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_install_action (widget_class, "user.remove-photo", NULL, remove_photo_action);
  gtk_widget_class_install_action (widget_class, "user.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "user.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_user_dialog_init (CrmUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->role_checks = g_ptr_array_new ();
  self->department_checks = g_ptr_array_new ();
  self->photo_picks = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->active = TRUE;
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
}

/* ---- Public API ---------------------------------------------------------------- */

CrmUserDialog *
crm_user_dialog_new (GtkWindow  *parent,
                     CrmSession *session,
                     gint64      user_id)
{
  CrmUserDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_USER_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->user_id = user_id;
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gint64
crm_user_dialog_get_user_id (CrmUserDialog *self)
{
  g_return_val_if_fail (CRM_IS_USER_DIALOG (self), 0);
  return self->user_id;
}

gboolean
crm_user_dialog_save (CrmUserDialog *self)
{
  g_autoptr(CrmUserConfig) config = crm_user_config_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_USER_DIALOG (self), FALSE);

  config->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  config->login = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row)));
  config->email = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  config->position = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->position_row)));
  config->photo_file_id = self->photo_file_id;
  config->is_admin = gtk_switch_get_active (self->admin_switch);
  g_clear_pointer (&config->departments, g_array_unref);
  config->departments = checked_ids (self->department_checks);
  config->roles = checked_ids (self->role_checks);

  if (self->user_id == 0)
    id = crm_user_create (self->session, config, &error);
  else
    id = crm_user_update (self->session, self->user_id, config, &error) ? self->user_id : 0;
  if (id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  self->user_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
