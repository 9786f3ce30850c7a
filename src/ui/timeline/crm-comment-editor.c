/* crm-comment-editor.c — a comment's text being edited, with Save and Cancel
 *
 * A multi-line text, Ctrl+Enter to save and Escape to cancel. The editor
 * only says what was asked ("save", "cancel"); the timeline row it sits in
 * writes the comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-comment-editor.h"

struct _CrmCommentEditor
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkButton   *cancel_button;
  GtkButton   *save_button;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (CrmCommentEditor, crm_comment_editor, GTK_TYPE_WIDGET)

enum {
  SAVE,
  CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Actions ------------------------------------------------------------- */

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[SAVE], 0);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCEL], 0);
}

/* ---- GtkWidget ----------------------------------------------------------- */

static gboolean
crm_comment_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CRM_COMMENT_EDITOR (widget)->text_view));
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_comment_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_COMMENT_EDITOR);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (crm_comment_editor_parent_class)->dispose (object);
}

static void
crm_comment_editor_class_init (CrmCommentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_comment_editor_dispose;

  widget_class->grab_focus = crm_comment_editor_grab_focus;

  signals[SAVE] = g_signal_new ("save",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  signals[CANCEL] = g_signal_new ("cancel",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-comment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCommentEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCommentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCommentEditor, text_view);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-comment-editor");
}

static void
crm_comment_editor_init (CrmCommentEditor *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_name (GTK_WIDGET (self->text_view), "comment-editor");
  gtk_widget_set_name (GTK_WIDGET (self->cancel_button), "comment-cancel-button");
  gtk_widget_set_name (GTK_WIDGET (self->save_button), "comment-save-button");

  /* Capture phase: before the text view turns Ctrl+Enter into a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("editor.cancel")));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_comment_editor_new (void)
{
  return g_object_new (CRM_TYPE_COMMENT_EDITOR, NULL);
}

void
crm_comment_editor_set_text (CrmCommentEditor *self,
                             const char       *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (CRM_IS_COMMENT_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

char *
crm_comment_editor_dup_text (CrmCommentEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CRM_IS_COMMENT_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkTextView *
crm_comment_editor_get_text_view (CrmCommentEditor *self)
{
  g_return_val_if_fail (CRM_IS_COMMENT_EDITOR (self), NULL);

  return self->text_view;
}
