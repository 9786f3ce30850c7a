/* crm-text-editor.c — multi-line text that grows with what is written
 *
 * No scrolled window: the fields pane scrolls, and a text view inside a
 * scrolling pane that scrolls too is hard to use. Enter is a new line;
 * Ctrl+Enter saves like Enter does in an entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-text-editor.h"
#include "crm-value-input.h"

struct _CrmTextEditor
{
  GtkWidget    parent_instance;

  CrmField    *field;
  GtkTextView *text_view;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmTextEditor, crm_text_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static void
crm_text_editor_set_values (CrmValueInput *input,
                            GPtrArray     *values)
{
  CrmTextEditor *self = CRM_TEXT_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_set_text (buffer, value && value->text ? value->text : "", -1);
}

static GPtrArray *
crm_text_editor_get_values (CrmValueInput  *input,
                            GError        **error)
{
  CrmTextEditor *self = CRM_TEXT_EDITOR (input);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return crm_value_input_parse_text (self->field, NULL, text, error);
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_text_editor_set_values;
  iface->get_values = crm_text_editor_get_values;
}

static void
changed_cb (CrmTextEditor *self)
{
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static gboolean
key_pressed_cb (CrmTextEditor   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      crm_value_input_emit_activate (CRM_VALUE_INPUT (self));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
crm_text_editor_dispose (GObject *object)
{
  CrmTextEditor *self = CRM_TEXT_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->text_view = NULL;
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_text_editor_parent_class)->dispose (object);
}

static void
crm_text_editor_class_init (CrmTextEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_text_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_text_editor_init (CrmTextEditor *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *controller;

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 8);
  gtk_text_view_set_left_margin (self->text_view, 9);
  gtk_text_view_set_right_margin (self->text_view, 9);
  /* Room for three lines before it grows. */
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 72);
  gtk_widget_add_css_class (frame, "crm-text-editor");
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (frame, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (changed_cb), self);
}

GtkWidget *
crm_text_editor_new (CrmField *field)
{
  CrmTextEditor *self;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_TEXT_EDITOR, NULL);
  self->field = g_object_ref (field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (field),
                                  -1);
  return GTK_WIDGET (self);
}
