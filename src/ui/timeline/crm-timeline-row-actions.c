/* crm-timeline-row-actions.c — what a timeline row's menu does
 *
 * Pin and unpin any entry; edit and delete one's own comments. The core
 * checks authorship again, and its refusals become toasts. The editor is
 * built the first time the row edits and kept for its next edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-timeline-row-private.h"
#include "crm-window.h"
#include "crm-widget-map.h"

/* Takes @message. */
static void
show_error (GtkWidget *widget,
            char      *message)
{
  g_autofree char *owned = message;
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), owned);
  else
    g_message ("%s", owned);
}

static gboolean
is_own_comment (CrmTimelineRow *self)
{
  return self->entry != NULL && self->session != NULL &&
         crm_timeline_entry_get_kind (self->entry) == CRM_ENTRY_COMMENT &&
         crm_timeline_entry_get_author_id (self->entry) == crm_session_get_user_id (self->session);
}

void
_crm_timeline_row_update_actions (CrmTimelineRow *self)
{
  gboolean editing = crm_timeline_row_get_editing (self);
  gboolean pinned = self->entry != NULL && crm_timeline_entry_is_pinned (self->entry);
  gboolean has_entry = self->entry != NULL && self->session != NULL;
  gboolean own = is_own_comment (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.pin", has_entry && !pinned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.unpin", has_entry && pinned);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", own && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel", editing);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), has_entry);
}

/* ---- Editing ------------------------------------------------------------- */

static void
editor_save_cb (CrmTimelineRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "row.save", NULL);
}

static void
editor_cancel_cb (CrmTimelineRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "row.cancel", NULL);
}

static void
start_editing (CrmTimelineRow *self)
{
  if (self->editor == NULL)
    {
      self->editor = CRM_COMMENT_EDITOR (crm_comment_editor_new ());
      gtk_widget_set_margin_top (GTK_WIDGET (self->editor), 3);
      g_signal_connect_object (self->editor, "save", G_CALLBACK (editor_save_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->editor, "cancel", G_CALLBACK (editor_cancel_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->content_box, GTK_WIDGET (self->editor));
    }

  crm_comment_editor_set_text (self->editor, crm_timeline_entry_get_text (self->entry));

  gtk_widget_set_visible (GTK_WIDGET (self->text_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));

  _crm_timeline_row_update_actions (self);
  _crm_timeline_row_notify_editing (self);
}

void
_crm_timeline_row_stop_editing (CrmTimelineRow *self)
{
  gboolean had_focus;

  if (!crm_timeline_row_get_editing (self))
    return;

  had_focus = gtk_widget_has_focus (GTK_WIDGET (crm_comment_editor_get_text_view (self->editor)));

  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label),
                          *gtk_label_get_text (self->text_label) != '\0');
  /* Keyboard users go on from the row's menu, not from nowhere. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));

  _crm_timeline_row_update_actions (self);
  _crm_timeline_row_notify_editing (self);
}

/* ---- Deleting ------------------------------------------------------------ */

typedef struct
{
  CrmSession *session;
  gint64      entry_id;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_clear_object (&request->session);
  g_free (request);
}

/* The row may show another entry by now: the request remembers which. */
static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!crm_timeline_delete_comment (request->session, request->entry_id, &error))
    /* Translators: a toast; %s says why */
    show_error (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog))),
                g_strdup_printf (_("Could not delete the comment: %s"), error->message));
}

/* ---- Actions ------------------------------------------------------------- */

static void
set_pinned (CrmTimelineRow *self,
            gboolean        pinned)
{
  g_autoptr(GError) error = NULL;

  if (self->entry == NULL || self->session == NULL)
    return;

  if (!crm_timeline_set_pinned (self->session, crm_timeline_entry_get_id (self->entry), pinned, &error))
    show_error (GTK_WIDGET (self),
                pinned ?
                /* Translators: a toast; %s says why */
                g_strdup_printf (_("Could not pin the entry: %s"), error->message) :
                /* Translators: a toast; %s says why */
                g_strdup_printf (_("Could not unpin the entry: %s"), error->message));
}

static void
pin_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_pinned (CRM_TIMELINE_ROW (widget), TRUE);
}

static void
unpin_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_pinned (CRM_TIMELINE_ROW (widget), FALSE);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (widget);

  if (is_own_comment (self) && !crm_timeline_row_get_editing (self))
    start_editing (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (widget);
  g_autoptr(CrmTimelineRow) keep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 entry_id;

  if (!crm_timeline_row_get_editing (self) || self->entry == NULL)
    return;

  text = crm_comment_editor_dup_text (self->editor);

  /* Unchanged: nothing to write, and no "(edited)" for it. */
  if (g_strcmp0 (g_strstrip (text), crm_timeline_entry_get_text (self->entry)) == 0)
    {
      _crm_timeline_row_stop_editing (self);
      return;
    }

  /* The store's notification may unbind, recycle or drop this row
   * before the call returns. */
  keep = g_object_ref (self);
  entry_id = crm_timeline_entry_get_id (self->entry);

  if (!crm_timeline_edit_comment (self->session, entry_id, text, &error))
    {
      /* Translators: a toast; %s says why */
      show_error (widget, g_strdup_printf (_("Could not save the comment: %s"), error->message));
      return;
    }

  if (self->entry != NULL && crm_timeline_entry_get_id (self->entry) == entry_id &&
      crm_timeline_row_get_editing (self))
    {
      gtk_label_set_text (self->text_label, text);
      _crm_timeline_row_stop_editing (self);
    }
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _crm_timeline_row_stop_editing (CRM_TIMELINE_ROW (widget));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (widget);
  DeleteRequest *request;
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (!is_own_comment (self))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Comment?"),
                                                       _("The comment will be removed from the timeline for everyone.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  crm_widget_map_name_responses (dialog, "cancel", "delete", NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "delete-comment-dialog");
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  request = g_new0 (DeleteRequest, 1);
  request->session = g_object_ref (self->session);
  request->entry_id = crm_timeline_entry_get_id (self->entry);
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (delete_response_cb), request,
                         (GClosureNotify) delete_request_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
menu_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->menu_button)))
    gtk_menu_button_popup (self->menu_button);
}

/* The popover is only built when someone opens the menu. */
void
_crm_timeline_row_create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CrmTimelineRow *self = CRM_TIMELINE_ROW (user_data);

  gtk_menu_button_set_menu_model (button, self->row_menu);
}

/* ---- Private API --------------------------------------------------------- */

void
_crm_timeline_row_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "row.pin", NULL, pin_action_cb);
  gtk_widget_class_install_action (widget_class, "row.unpin", NULL, unpin_action_cb);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "row.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "row.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "row.menu", NULL, menu_action_cb);

  /* The usual keys for a context menu, wherever the focus is in the row. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "row.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "row.menu", NULL);
}
