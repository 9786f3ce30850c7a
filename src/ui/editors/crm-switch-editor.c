/* crm-switch-editor.c — a switch for yes-or-no fields
 *
 * A switch is always on or off, but a field can also have no value: until
 * the person flips it, an empty field stays empty, so opening and saving
 * the card does not write "No" into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-switch-editor.h"
#include "crm-value-input.h"

struct _CrmSwitchEditor
{
  GtkWidget  parent_instance;

  CrmField  *field;
  GtkSwitch *toggle;
  gboolean   has_value;
  gboolean   loading;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmSwitchEditor, crm_switch_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static void
crm_switch_editor_set_values (CrmValueInput *input,
                              GPtrArray     *values)
{
  CrmSwitchEditor *self = CRM_SWITCH_EDITOR (input);
  const CrmValue *value = values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;

  self->loading = TRUE;
  self->has_value = value != NULL;
  gtk_switch_set_active (self->toggle, value != NULL && value->number != 0);
  self->loading = FALSE;
}

static GPtrArray *
crm_switch_editor_get_values (CrmValueInput  *input,
                              GError        **error)
{
  CrmSwitchEditor *self = CRM_SWITCH_EDITOR (input);
  GPtrArray *values = crm_value_array_new ();

  if (self->has_value)
    g_ptr_array_add (values, crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN,
                                                   gtk_switch_get_active (self->toggle)));
  return values;
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_switch_editor_set_values;
  iface->get_values = crm_switch_editor_get_values;
}

static void
active_cb (CrmSwitchEditor *self)
{
  if (self->loading)
    return;
  self->has_value = TRUE;
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
crm_switch_editor_dispose (GObject *object)
{
  CrmSwitchEditor *self = CRM_SWITCH_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->toggle = NULL;
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_switch_editor_parent_class)->dispose (object);
}

static void
crm_switch_editor_class_init (CrmSwitchEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_switch_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_switch_editor_init (CrmSwitchEditor *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->toggle), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->toggle), GTK_WIDGET (self));
  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (active_cb), self);
}

GtkWidget *
crm_switch_editor_new (CrmField *field)
{
  CrmSwitchEditor *self;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_SWITCH_EDITOR, NULL);
  self->field = g_object_ref (field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (field),
                                  -1);
  return GTK_WIDGET (self);
}
