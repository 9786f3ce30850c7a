/* crm-field-picker.c — Select Field: show or hide any field of the card
 *
 * Every field of the entity type the user may see, system and custom, by
 * name, each with a check that says whether the card shows it and, beside
 * it, in which section. Checking places the field at the end of the
 * section the popover was opened from (a field shown elsewhere moves
 * there); unchecking hides it. Each check is saved at once, like a drag.
 *
 * The pane owns one picker and refreshes it after every layout change, so
 * it stays open while the person checks several fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-field-picker.h"

struct _CrmFieldPicker
{
  GtkPopover   parent_instance;

  CrmSession  *session;
  gint64       layout_id;
  gint64       section_id;
  /* field id → PickerItem, for the rows now in the list */
  GHashTable  *items;
  char        *search;

  /* Template widgets */
  GtkLabel    *empty_label;
  GtkLabel    *error_label;
  GtkListBox  *list_box;
  GtkSearchEntry *search_entry;
};

G_DEFINE_FINAL_TYPE (CrmFieldPicker, crm_field_picker, GTK_TYPE_POPOVER)

typedef struct
{
  CrmFieldPicker *picker;
  gint64          field_id;
  char           *key;        /* the label, folded, for searching */
  char           *label;
  GtkWidget      *row;
  GtkCheckButton *check;
  GtkLabel       *where;
} PickerItem;

static void
picker_item_free (PickerItem *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  CrmFieldPicker *self = user_data;
  PickerItem *item = g_object_get_data (G_OBJECT (row), "crm-picker-item");
  g_autofree char *needle = NULL;

  if (item == NULL || self->search == NULL || *self->search == '\0')
    return TRUE;

  /* Word starts without accents ("nao" finds "Não"), or anywhere. */
  if (g_str_match_string (self->search, item->label, TRUE))
    return TRUE;

  needle = fold (self->search);

  return strstr (item->key, needle) != NULL;
}

static void
update_empty (CrmFieldPicker *self)
{
  GHashTableIter iter;
  PickerItem *item;
  gboolean any = FALSE;

  g_hash_table_iter_init (&iter, self->items);
  while (!any && g_hash_table_iter_next (&iter, NULL, (gpointer *) &item))
    any = filter_func (GTK_LIST_BOX_ROW (item->row), self);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), !any);
}

static void
set_check (PickerItem *item,
           gboolean    active)
{
  g_signal_handlers_block_matched (item->check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, item);
  gtk_check_button_set_active (item->check, active);
  g_signal_handlers_unblock_matched (item->check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, item);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  PickerItem     *item)
{
  CrmFieldPicker *self = item->picker;
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->session == NULL)
    return;

  if (active)
    ok = crm_layout_place_field_before (self->session, self->section_id, item->field_id, 0, &error);
  else
    ok = crm_layout_hide_field (self->session, self->layout_id, item->field_id, &error);

  if (!ok)
    {
      set_check (item, !active);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static PickerItem *
create_item (CrmFieldPicker *self,
             CrmField       *field)
{
  PickerItem *item = g_new0 (PickerItem, 1);
  g_autofree char *code = g_strdup (crm_field_get_code (field));
  g_autofree char *name = NULL;
  GtkWidget *box;

  item->picker = self;
  item->field_id = crm_field_get_id (field);
  item->label = g_strdup (crm_field_get_label (field));
  item->key = fold (item->label);

  item->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (item->label));
  gtk_widget_set_hexpand (GTK_WIDGET (item->check), TRUE);
  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("field-picker-%s", code);
  gtk_widget_set_name (GTK_WIDGET (item->check), name);
  g_signal_connect (item->check, "toggled", G_CALLBACK (check_toggled_cb), item);

  item->where = g_object_new (GTK_TYPE_LABEL,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              "max-width-chars", 14,
                              "xalign", 1.0f,
                              "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                              NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->where));

  item->row = gtk_list_box_row_new ();
  /* The check is what takes the focus and the click. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  gtk_widget_set_focusable (item->row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), box);
  g_object_set_data (G_OBJECT (item->row), "crm-picker-item", item);

  return item;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  CrmField *field_a = *(CrmField **) a;
  CrmField *field_b = *(CrmField **) b;

  return g_utf8_collate (crm_field_get_label (field_a), crm_field_get_label (field_b));
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
search_changed_cb (CrmFieldPicker *self)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_list_box_invalidate_filter (self->list_box);
  update_empty (self);
}

static void
stop_search_cb (CrmFieldPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
show_cb (CrmFieldPicker *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_field_picker_dispose (GObject *object)
{
  CrmFieldPicker *self = CRM_FIELD_PICKER (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_field_picker_parent_class)->dispose (object);
}

static void
crm_field_picker_finalize (GObject *object)
{
  CrmFieldPicker *self = CRM_FIELD_PICKER (object);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_free (self->search);

  G_OBJECT_CLASS (crm_field_picker_parent_class)->finalize (object);
}

static void
crm_field_picker_class_init (CrmFieldPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_field_picker_dispose;
  object_class->finalize = crm_field_picker_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-field-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldPicker, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldPicker, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
crm_field_picker_init (CrmFieldPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) picker_item_free);
  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "field-picker-search");
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_field_picker_new (void)
{
  return g_object_new (CRM_TYPE_FIELD_PICKER, NULL);
}

void
crm_field_picker_set_layout (CrmFieldPicker *self,
                             CrmSession     *session,
                             CrmLayout      *layout,
                             gint64          section_id)
{
  g_autoptr(GHashTable) shown_in = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  GListModel *sections;
  GListModel *all;
  gboolean same_fields;

  g_return_if_fail (CRM_IS_FIELD_PICKER (self));
  g_return_if_fail (CRM_IS_SESSION (session));
  g_return_if_fail (CRM_IS_LAYOUT (layout));

  g_set_object (&self->session, session);
  self->layout_id = crm_layout_get_id (layout);
  self->section_id = section_id;

  /* field id → the title of the section that shows it */
  shown_in = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sections = crm_layout_get_sections (layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *placed = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (placed); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (placed, j);

          g_hash_table_insert (shown_in, g_memdup2 (&(gint64) { crm_field_get_id (field) }, sizeof (gint64)),
                               g_strdup (crm_layout_section_get_title (section)));
        }
    }

  all = crm_catalog_get_fields (crm_store_get_catalog (crm_session_get_store (session)),
                                crm_layout_get_entity_type_id (layout));
  fields = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      CrmField *field = g_list_model_get_item (all, i);

      if (crm_session_can_see_field (session, field))
        g_ptr_array_add (fields, field);
      else
        g_object_unref (field);
    }
  g_ptr_array_sort (fields, compare_labels);

  /* The same fields as before: only the checks change, so the focus and
   * the scroll stay where the person left them. */
  same_fields = fields->len == g_hash_table_size (self->items);
  for (guint i = 0; same_fields && i < fields->len; i++)
    {
      PickerItem *item = g_hash_table_lookup (self->items, &(gint64) { crm_field_get_id (g_ptr_array_index (fields, i)) });

      same_fields = item != NULL && g_strcmp0 (item->label, crm_field_get_label (g_ptr_array_index (fields, i))) == 0;
    }

  if (!same_fields)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
        gtk_list_box_remove (self->list_box, child);
      g_hash_table_remove_all (self->items);

      for (guint i = 0; i < fields->len; i++)
        {
          PickerItem *item = create_item (self, g_ptr_array_index (fields, i));

          g_hash_table_insert (self->items, &item->field_id, item);
          gtk_list_box_append (self->list_box, item->row);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    {
      gint64 field_id = crm_field_get_id (g_ptr_array_index (fields, i));
      PickerItem *item = g_hash_table_lookup (self->items, &field_id);
      const char *where = g_hash_table_lookup (shown_in, &field_id);

      set_check (item, where != NULL);
      gtk_label_set_text (item->where, where != NULL ? where : "");
    }

  update_empty (self);
}

gint64
crm_field_picker_get_section_id (CrmFieldPicker *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_PICKER (self), 0);

  return self->section_id;
}
