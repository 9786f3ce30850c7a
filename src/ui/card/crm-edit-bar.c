/* crm-edit-bar.c — Save and Cancel at the bottom of the fields pane
 *
 * Slides up while values are being edited, and says what blocks a save
 * in one message (the editors of those fields are marked in the pane).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "clientele-resources.h"
#include "crm-edit-bar.h"

struct _CrmEditBar
{
  GtkWidget       parent_instance;

  GtkButton      *cancel_button;
  GtkLabel       *error_label;
  GtkRevealer    *revealer;
  GtkButton      *save_button;

  CrmEditSession *session;
};

G_DEFINE_FINAL_TYPE (CrmEditBar, crm_edit_bar, GTK_TYPE_WIDGET)

static void
set_error (CrmEditBar *self,
           const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
update (CrmEditBar *self)
{
  gboolean active = self->session != NULL && crm_edit_session_is_active (self->session);

  gtk_revealer_set_reveal_child (self->revealer, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit.save", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit.cancel", active);
  if (!active)
    set_error (self, NULL);
}

static void
session_active_cb (CrmEditBar *self)
{
  update (self);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  CrmEditBar *self = CRM_EDIT_BAR (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  /* The message arrives through "failed", as for Enter in an editor. */
  crm_edit_session_save (self->session, &error);
}

static void
session_failed_cb (CrmEditBar *self,
                   const char *message)
{
  set_error (self, message);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CrmEditBar *self = CRM_EDIT_BAR (widget);

  if (self->session != NULL)
    crm_edit_session_cancel (self->session);
}

static void
crm_edit_bar_dispose (GObject *object)
{
  CrmEditBar *self = CRM_EDIT_BAR (object);

  crm_edit_bar_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_EDIT_BAR);

  G_OBJECT_CLASS (crm_edit_bar_parent_class)->dispose (object);
}

static void
crm_edit_bar_class_init (CrmEditBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_edit_bar_dispose;

  /* Pulls the resources' object file, and its constructor, into
   * whatever links this static library. */
  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-edit-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmEditBar, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmEditBar, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmEditBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmEditBar, save_button);

  gtk_widget_class_install_action (widget_class, "edit.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "edit.cancel", NULL, cancel_cb);
  /* Escape on the bar's own buttons cancels, as it does in an editor. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "edit.cancel", NULL);
}

static void
crm_edit_bar_init (CrmEditBar *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+S saves from anywhere in the window while editing; the action is
   * disabled otherwise, so the key goes on to whoever else wants it. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                               gtk_named_action_new ("edit.save"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  update (self);
}

GtkWidget *
crm_edit_bar_new (void)
{
  return g_object_new (CRM_TYPE_EDIT_BAR, NULL);
}

void
crm_edit_bar_set_session (CrmEditBar     *self,
                          CrmEditSession *session)
{
  g_return_if_fail (CRM_IS_EDIT_BAR (self));
  g_return_if_fail (session == NULL || CRM_IS_EDIT_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::active",
                               G_CALLBACK (session_active_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "failed",
                               G_CALLBACK (session_failed_cb), self, G_CONNECT_SWAPPED);
    }
  update (self);
}
