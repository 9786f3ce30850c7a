/* crm-list-editor.c — a drop-down (one item) or a check list (several)
 *
 * The drop-down starts with "None" so a value can be taken away again;
 * long lists get a search. Values keep the order of the field's items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-list-editor.h"
#include "crm-value-input.h"

/* More items than fit a popover comfortably: offer a search. */
#define SEARCH_THRESHOLD 10

struct _CrmListEditor
{
  GtkWidget    parent_instance;

  CrmField    *field;
  GtkDropDown *drop_down;  /* single */
  GPtrArray   *checks;     /* multiple: GtkCheckButton per item, same order */
  gboolean     loading;
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmListEditor, crm_list_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static GPtrArray *
get_items (CrmListEditor *self)
{
  return crm_field_get_options (self->field)->items;
}

static gboolean
values_have_key (GPtrArray  *values,
                 const char *key)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);

      if (g_strcmp0 (value->text, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
crm_list_editor_set_values (CrmValueInput *input,
                            GPtrArray     *values)
{
  CrmListEditor *self = CRM_LIST_EDITOR (input);
  GPtrArray *items = get_items (self);
  guint selected = 0;

  self->loading = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (items, i);
      gboolean chosen = values_have_key (values, item->key);

      if (self->checks != NULL)
        gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
      else if (chosen && selected == 0)
        selected = i + 1;
    }
  if (self->drop_down != NULL)
    gtk_drop_down_set_selected (self->drop_down, selected);
  self->loading = FALSE;
}

static GPtrArray *
crm_list_editor_get_values (CrmValueInput  *input,
                            GError        **error)
{
  CrmListEditor *self = CRM_LIST_EDITOR (input);
  GPtrArray *items = get_items (self);
  GPtrArray *values = crm_value_array_new ();

  if (self->drop_down != NULL)
    {
      guint selected = gtk_drop_down_get_selected (self->drop_down);

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= items->len)
        {
          const CrmListItem *item = g_ptr_array_index (items, selected - 1);

          g_ptr_array_add (values, crm_value_new_text (CRM_FIELD_TYPE_LIST, item->key));
        }
      return values;
    }

  for (guint i = 0; i < items->len && i < self->checks->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (items, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        g_ptr_array_add (values, crm_value_new_text (CRM_FIELD_TYPE_LIST, item->key));
    }
  return values;
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_list_editor_set_values;
  iface->get_values = crm_list_editor_get_values;
}

static void
changed_cb (CrmListEditor *self)
{
  if (!self->loading)
    crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
crm_list_editor_dispose (GObject *object)
{
  CrmListEditor *self = CRM_LIST_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->drop_down = NULL;
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_list_editor_parent_class)->dispose (object);
}

static void
crm_list_editor_class_init (CrmListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_list_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_list_editor_init (CrmListEditor *self)
{
}

static void
build_drop_down (CrmListEditor *self)
{
  GPtrArray *items = get_items (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  /* Translators: the choice of a list field that clears it */
  gtk_string_list_append (labels, C_("list value", "None"));
  for (guint i = 0; i < items->len; i++)
    gtk_string_list_append (labels, ((CrmListItem *) g_ptr_array_index (items, i))->label);

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  if (items->len > SEARCH_THRESHOLD)
    {
      gtk_drop_down_set_expression (self->drop_down,
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (self->drop_down, TRUE);
    }
  gtk_widget_set_halign (GTK_WIDGET (self->drop_down), GTK_ALIGN_START);
  gtk_widget_set_name (GTK_WIDGET (self->drop_down), "list-drop-down");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (self->field),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->drop_down), GTK_WIDGET (self));
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (changed_cb), self);
}

static void
build_check_list (CrmListEditor *self)
{
  GPtrArray *items = get_items (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (items, i);
      GtkWidget *check = gtk_check_button_new_with_label (item->label);

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed_cb), self);
      g_ptr_array_add (self->checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_field_get_label (self->field),
                                  -1);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

GtkWidget *
crm_list_editor_new (CrmField *field,
                     gboolean  multiple)
{
  CrmListEditor *self;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_LIST_EDITOR, NULL);
  self->field = g_object_ref (field);
  if (multiple)
    build_check_list (self);
  else
    build_drop_down (self);
  return GTK_WIDGET (self);
}
