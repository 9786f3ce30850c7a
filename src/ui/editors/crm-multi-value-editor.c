/* crm-multi-value-editor.c — repeated rows for fields with several values
 *
 * Each row holds the single-value input of the field's type; phones,
 * e-mails and messengers put a drop-down of kinds (work, mobile …) in
 * front of it. Empty rows are no values, so "Add" then leaving the new
 * row empty changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "crm-multi-value-editor.h"
#include "crm-value-input.h"

typedef struct
{
  GtkWidget     *box;
  GtkDropDown   *kind_drop_down;  /* NULL for types without kinds */
  CrmValueInput *input;
} Row;

struct _CrmMultiValueEditor
{
  GtkWidget     parent_instance;

  CrmSession   *session;
  CrmField     *field;
  GPtrArray    *rows;        /* of Row */
  GtkSizeGroup *kind_group;  /* kind drop-downs, so the entries line up */
  GtkWidget    *add_button;  /* NULL for a single value */
};

static void value_input_iface_init (CrmValueInputInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmMultiValueEditor, crm_multi_value_editor, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CRM_TYPE_VALUE_INPUT,
                                                      value_input_iface_init))

static CrmFieldType
get_type (CrmMultiValueEditor *self)
{
  return crm_field_get_field_type (self->field);
}

static guint
find_kind (CrmMultiValueEditor *self,
           const char          *kind)
{
  const char * const *kinds = crm_field_type_get_kinds (get_type (self));

  for (guint i = 0; kind != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], kind))
      return i;
  return find_kind (self, crm_field_type_get_default_kind (get_type (self)));
}

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
input_changed_cb (CrmMultiValueEditor *self)
{
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
input_activate_cb (CrmMultiValueEditor *self)
{
  crm_value_input_emit_activate (CRM_VALUE_INPUT (self));
}

static void
remove_clicked_cb (GtkButton           *button,
                   CrmMultiValueEditor *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->box != box)
        continue;
      if (row->kind_drop_down != NULL)
        gtk_size_group_remove_widget (self->kind_group, GTK_WIDGET (row->kind_drop_down));
      gtk_widget_unparent (row->box);
      g_ptr_array_remove_index (self->rows, i);
      /* Keep the keyboard near where it was. */
      if (self->rows->len > 0)
        {
          Row *next = g_ptr_array_index (self->rows, MIN (i, self->rows->len - 1));

          gtk_widget_grab_focus (GTK_WIDGET (next->input));
        }
      else if (self->add_button != NULL)
        gtk_widget_grab_focus (self->add_button);
      crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
      return;
    }
}

static Row *
add_row (CrmMultiValueEditor *self,
         const CrmValue      *value)
{
  const char * const *kinds = crm_field_type_get_kinds (get_type (self));
  Row *row = g_new0 (Row, 1);
  g_autoptr(GPtrArray) values = crm_value_array_new ();

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (row->box, "crm-value-row");

  if (kinds[0] != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; kinds[i] != NULL; i++)
        gtk_string_list_append (labels, crm_field_kind_get_label (get_type (self), kinds[i]));
      row->kind_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
      gtk_widget_set_name (GTK_WIDGET (row->kind_drop_down), "kind-drop-down");
      gtk_widget_set_valign (GTK_WIDGET (row->kind_drop_down), GTK_ALIGN_START);
      /* Translators: the kind of a phone number, e-mail address or messenger (work, mobile …) */
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->kind_drop_down), _("Kind"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->kind_drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
      gtk_drop_down_set_selected (row->kind_drop_down, find_kind (self, value ? value->kind : NULL));
      g_signal_connect_object (row->kind_drop_down, "notify::selected",
                               G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_size_group_add_widget (self->kind_group, GTK_WIDGET (row->kind_drop_down));
      gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->kind_drop_down));
    }

  row->input = CRM_VALUE_INPUT (crm_value_input_new_single (self->session, self->field));
  gtk_widget_set_hexpand (GTK_WIDGET (row->input), TRUE);
  if (value != NULL)
    g_ptr_array_add (values, crm_value_copy (value));
  crm_value_input_set_values (row->input, values);
  g_signal_connect_object (row->input, "changed", G_CALLBACK (input_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->input, "activate", G_CALLBACK (input_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->input));

  if (self->add_button != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_name (remove, "remove-value-button");
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: removes one phone number, e-mail address … */
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (row->box), remove);
    }

  gtk_widget_insert_before (row->box, GTK_WIDGET (self), self->add_button);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_clicked_cb (CrmMultiValueEditor *self)
{
  Row *row = add_row (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (row->input));
  crm_value_input_emit_changed (CRM_VALUE_INPUT (self));
}

static void
clear_rows (CrmMultiValueEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->kind_drop_down != NULL)
        gtk_size_group_remove_widget (self->kind_group, GTK_WIDGET (row->kind_drop_down));
      gtk_widget_unparent (row->box);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
crm_multi_value_editor_set_values (CrmValueInput *input,
                                   GPtrArray     *values)
{
  CrmMultiValueEditor *self = CRM_MULTI_VALUE_EDITOR (input);

  clear_rows (self);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      add_row (self, g_ptr_array_index (values, i));
      if (self->add_button == NULL)
        break;
    }
  /* Something to type into straight away. */
  if (self->rows->len == 0)
    add_row (self, NULL);
}

static GPtrArray *
crm_multi_value_editor_get_values (CrmValueInput  *input,
                                   GError        **error)
{
  CrmMultiValueEditor *self = CRM_MULTI_VALUE_EDITOR (input);
  g_autoptr(GPtrArray) values = crm_value_array_new ();
  const char * const *kinds = crm_field_type_get_kinds (get_type (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GPtrArray) row_values = crm_value_input_get_values (row->input, error);

      if (row_values == NULL)
        return NULL;
      for (guint j = 0; j < row_values->len; j++)
        {
          CrmValue *value = crm_value_copy (g_ptr_array_index (row_values, j));

          if (row->kind_drop_down != NULL)
            {
              guint selected = gtk_drop_down_get_selected (row->kind_drop_down);

              if (selected < g_strv_length ((char **) kinds))
                crm_value_set_kind (value, kinds[selected]);
            }
          g_ptr_array_add (values, value);
        }
    }
  return g_steal_pointer (&values);
}

static void
value_input_iface_init (CrmValueInputInterface *iface)
{
  iface->set_values = crm_multi_value_editor_set_values;
  iface->get_values = crm_multi_value_editor_get_values;
}

static void
crm_multi_value_editor_dispose (GObject *object)
{
  CrmMultiValueEditor *self = CRM_MULTI_VALUE_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->rows, 0);
  self->add_button = NULL;
  g_clear_object (&self->kind_group);
  g_clear_object (&self->session);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_multi_value_editor_parent_class)->dispose (object);
}

static void
crm_multi_value_editor_finalize (GObject *object)
{
  CrmMultiValueEditor *self = CRM_MULTI_VALUE_EDITOR (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (crm_multi_value_editor_parent_class)->finalize (object);
}

static void
crm_multi_value_editor_class_init (CrmMultiValueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_multi_value_editor_dispose;
  object_class->finalize = crm_multi_value_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
crm_multi_value_editor_init (CrmMultiValueEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->kind_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

GtkWidget *
crm_multi_value_editor_new (CrmSession *session,
                            CrmField   *field)
{
  CrmMultiValueEditor *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_MULTI_VALUE_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->field = g_object_ref (field);

  if (crm_field_is_multiple (field))
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      /* Translators: adds one more phone number, e-mail address … */
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      self->add_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->add_button), content);
      gtk_widget_set_name (self->add_button, "add-value-button");
      gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
      gtk_widget_add_css_class (self->add_button, "flat");
      g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
      gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));
    }

  crm_multi_value_editor_set_values (CRM_VALUE_INPUT (self), NULL);
  return GTK_WIDGET (self);
}

guint
crm_multi_value_editor_get_n_rows (CrmMultiValueEditor *self)
{
  g_return_val_if_fail (CRM_IS_MULTI_VALUE_EDITOR (self), 0);
  return self->rows->len;
}
