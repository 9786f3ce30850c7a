/* crm-section-group-rows.c — the field rows of a section, kept as it changes
 *
 * A section shown again, for another element or after a layout change,
 * keeps the row of each field it still has: the row shows the new value,
 * and moves to the field's new place. Only fields new to the section get
 * a row; the rows of fields gone from it are removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-fields-pane-private.h"
#include "crm-section-group-private.h"

/* Rows sort by their place in the section: reordering them takes no
 * widget out of the list, so the focus, an editor and a drag stay. */
int
_crm_section_group_compare_rows (GtkListBoxRow *a,
                                 GtkListBoxRow *b,
                                 gpointer       user_data)
{
  guint index_a = CRM_IS_FIELD_ROW (a) ? crm_field_row_get_index (CRM_FIELD_ROW (a)) : 0;
  guint index_b = CRM_IS_FIELD_ROW (b) ? crm_field_row_get_index (CRM_FIELD_ROW (b)) : 0;

  return (index_a > index_b) - (index_a < index_b);
}

static CrmFieldRow *
take_row (GPtrArray *rows,
          gint64     field_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (crm_field_row_get_field_id (g_ptr_array_index (rows, i)) == field_id)
      return g_ptr_array_steal_index (rows, i);

  return NULL;
}

/* The rows of the fields of @section, in its order: those of the same
 * field as before stay and show the new values, the others come and go. */
GPtrArray *
_crm_section_group_show_rows (GtkListBox       *list_box,
                              GPtrArray        *rows,
                              CrmLayoutSection *section,
                              GListModel       *sections,
                              CrmElement       *element,
                              CrmFieldRowFlags  flags)
{
  GListModel *fields = crm_layout_section_get_fields (section);
  guint n_fields = g_list_model_get_n_items (fields);
  g_autoptr(GPtrArray) old_rows = rows;
  GPtrArray *new_rows = g_ptr_array_sized_new (n_fields);
  GtkWidget *child;
  guint i = 0;

  for (guint j = 0; j < n_fields; j++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, j);
      CrmFieldRow *row = take_row (old_rows, crm_field_get_id (field));

      if (row != NULL && !crm_field_row_update (row, field, element, j, n_fields, sections, flags))
        {
          _crm_fields_pane_release_focus_in (GTK_WIDGET (row));
          gtk_list_box_remove (list_box, GTK_WIDGET (row));
          row = NULL;
        }

      if (row == NULL)
        {
          row = CRM_FIELD_ROW (crm_field_row_new (field, element, section, j, n_fields, sections, flags));
          gtk_list_box_append (list_box, GTK_WIDGET (row));
        }

      g_ptr_array_add (new_rows, row);
    }

  for (guint j = 0; j < old_rows->len; j++)
    {
      _crm_fields_pane_release_focus_in (g_ptr_array_index (old_rows, j));
      gtk_list_box_remove (list_box, g_ptr_array_index (old_rows, j));
    }

  /* New rows were inserted in their place; the old ones may have moved. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_FIELD_ROW (child))
      {
        if (i >= new_rows->len || g_ptr_array_index (new_rows, i) != (gpointer) child)
          break;
        i++;
      }
  if (child != NULL)
    gtk_list_box_invalidate_sort (list_box);

  return new_rows;
}
