/* crm-list-items-editor.c — the items of a list field, and its default
 *
 * Rows are views of positions, not of items: moving an item rewrites the
 * rows' keys and labels instead of moving widgets, so the focus and an open
 * menu never lose their widget. Keys are generated ("item_1" …) and kept
 * through renames and moves; they are what element values store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-list-item-row.h"
#include "crm-list-items-editor.h"

struct _CrmListItemsEditor
{
  GtkWidget      parent_instance;

  char          *default_key;
  GtkStringList *default_model;
  guint          next_key;
  guint          syncing : 1;

  /* Template widgets */
  GtkButton     *add_button;
  AdwEntryRow   *add_row;
  GtkListBox    *default_list;
  AdwComboRow   *default_row;
  GtkListBox    *items_list;
};

G_DEFINE_FINAL_TYPE (CrmListItemsEditor, crm_list_items_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Rows ---------------------------------------------------------------- */

static CrmListItemRow *
get_item_row (CrmListItemsEditor *self,
              guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, index);

  if (row == NULL || row == GTK_LIST_BOX_ROW (self->add_row))
    return NULL;
  return CRM_LIST_ITEM_ROW (row);
}

static void
update_row_actions (CrmListItemsEditor *self)
{
  guint n = crm_list_items_editor_get_n_items (self);

  for (guint i = 0; i < n; i++)
    crm_list_item_row_set_can_move (get_item_row (self, i), i > 0, i + 1 < n);
}

/* The drop-down lists "None" and then the items; the chosen key survives
 * renames and moves, and is dropped with its item. */
static void
update_default_model (CrmListItemsEditor *self)
{
  guint n = crm_list_items_editor_get_n_items (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_add (labels, (gpointer) C_("list default item", "None"));
  for (guint i = 0; i < n; i++)
    {
      CrmListItemRow *row = get_item_row (self, i);

      g_ptr_array_add (labels, (gpointer) crm_list_item_row_get_label (row));
      if (g_strcmp0 (crm_list_item_row_get_key (row), self->default_key) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  if (selected == 0)
    g_clear_pointer (&self->default_key, g_free);

  self->syncing = TRUE;
  gtk_string_list_splice (self->default_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->default_model)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->default_row, selected);
  self->syncing = FALSE;

  /* Nothing to choose from yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->default_list), n > 0);
}

static void
items_changed (CrmListItemsEditor *self)
{
  update_row_actions (self);
  update_default_model (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Dragging ------------------------------------------------------------ */

static void
clear_drop_indicator (CrmListItemsEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, "crm-drop-above");
      gtk_widget_remove_css_class (child, "crm-drop-below");
    }
}

/* Where an item dropped at @y would land, counting from 0 before removal. */
static guint
get_drop_index (CrmListItemsEditor *self,
                double              y)
{
  guint n = crm_list_items_editor_get_n_items (self);
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->items_list, (int) y);
  graphene_rect_t bounds;
  int index;

  if (row == NULL || row == GTK_LIST_BOX_ROW (self->add_row))
    return y < 0 ? 0 : n;

  index = gtk_list_box_row_get_index (row);
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->items_list), &bounds))
    return index;
  return y < bounds.origin.y + bounds.size.height / 2 ? (guint) index : (guint) index + 1;
}

static GdkDragAction
drop_motion_cb (CrmListItemsEditor *self,
                double              x,
                double              y,
                GtkDropTarget      *target)
{
  guint n = crm_list_items_editor_get_n_items (self);
  guint index = get_drop_index (self, y);

  clear_drop_indicator (self);
  if (n == 0)
    return 0;
  if (index < n)
    gtk_widget_add_css_class (GTK_WIDGET (get_item_row (self, index)), "crm-drop-above");
  else
    gtk_widget_add_css_class (GTK_WIDGET (get_item_row (self, n - 1)), "crm-drop-below");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (CrmListItemsEditor *self,
               GtkDropTarget      *target)
{
  clear_drop_indicator (self);
}

static gboolean
drop_cb (CrmListItemsEditor *self,
         const GValue       *value,
         double              x,
         double              y,
         GtkDropTarget      *target)
{
  GtkListBoxRow *row = g_value_get_object (value);
  guint to = get_drop_index (self, y);
  int from;

  clear_drop_indicator (self);

  /* Only our own rows: another editor's item is not ours to take. */
  if (row == NULL || gtk_widget_get_parent (GTK_WIDGET (row)) != GTK_WIDGET (self->items_list))
    return FALSE;

  from = gtk_list_box_row_get_index (row);
  if (to > (guint) from)
    to--;
  crm_list_items_editor_move_item (self, from, to);
  return TRUE;
}

/* ---- Row requests -------------------------------------------------------- */

/* Keyboard moves keep the focus on the moved item, so Move Up can be
 * repeated from the same place. */
static void
item_move_cb (CrmListItemsEditor *self,
              int                 delta,
              CrmListItemRow     *row)
{
  int from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = from + delta;

  if (to < 0 || (guint) to >= crm_list_items_editor_get_n_items (self))
    return;

  crm_list_items_editor_move_item (self, from, to);
  crm_list_item_row_focus_menu_button (get_item_row (self, to));
}

static void
item_remove_cb (CrmListItemsEditor *self,
                CrmListItemRow     *row)
{
  gtk_list_box_remove (self->items_list, GTK_WIDGET (row));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  items_changed (self);
}

static void
item_label_cb (CrmListItemsEditor *self,
               GParamSpec         *pspec,
               CrmListItemRow     *row)
{
  if (!self->syncing)
    items_changed (self);
}

static GtkWidget *
create_item_row (CrmListItemsEditor *self,
                 const char         *key,
                 const char         *label)
{
  GtkWidget *row = crm_list_item_row_new (key, label);

  g_signal_connect_swapped (row, "move", G_CALLBACK (item_move_cb), self);
  g_signal_connect_swapped (row, "remove", G_CALLBACK (item_remove_cb), self);
  g_signal_connect_swapped (row, "notify::label", G_CALLBACK (item_label_cb), self);

  return row;
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
add_row_changed_cb (CrmListItemsEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *text != '\0');
}

static void
add_row_activated_cb (CrmListItemsEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));

  if (*text == '\0')
    return;

  crm_list_items_editor_add_item (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
default_row_selected_cb (CrmListItemsEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->default_row);
  CrmListItemRow *row;

  if (self->syncing)
    return;

  g_clear_pointer (&self->default_key, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      (row = get_item_row (self, selected - 1)) != NULL)
    self->default_key = g_strdup (crm_list_item_row_get_key (row));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_list_items_editor_dispose (GObject *object)
{
  CrmListItemsEditor *self = CRM_LIST_ITEMS_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_LIST_ITEMS_EDITOR);
  /* dispose_template() only takes the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->default_model);
  g_clear_pointer (&self->default_key, g_free);

  G_OBJECT_CLASS (crm_list_items_editor_parent_class)->dispose (object);
}

static void
crm_list_items_editor_class_init (CrmListItemsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_list_items_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-list-items-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, add_row);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, default_list);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, default_row);
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, items_list);
  gtk_widget_class_bind_template_callback (widget_class, add_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_row_selected_cb);
}

static void
crm_list_items_editor_init (CrmListItemsEditor *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->next_key = 1;
  self->default_model = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->default_row, G_LIST_MODEL (self->default_model));
  update_default_model (self);

  target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->items_list), GTK_EVENT_CONTROLLER (target));
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_list_items_editor_new (void)
{
  return g_object_new (CRM_TYPE_LIST_ITEMS_EDITOR, NULL);
}

guint
crm_list_items_editor_get_n_items (CrmListItemsEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self), 0);

  while (get_item_row (self, n) != NULL)
    n++;
  return n;
}

void
crm_list_items_editor_add_item (CrmListItemsEditor *self,
                                const char         *label)
{
  g_autofree char *key = NULL;
  guint n;
  gboolean taken;

  g_return_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self));
  g_return_if_fail (label != NULL);

  n = crm_list_items_editor_get_n_items (self);
  do
    {
      g_free (key);
      key = g_strdup_printf ("item_%u", self->next_key++);
      taken = FALSE;
      for (guint i = 0; i < n && !taken; i++)
        taken = g_strcmp0 (crm_list_item_row_get_key (get_item_row (self, i)), key) == 0;
    }
  while (taken);

  gtk_list_box_insert (self->items_list, create_item_row (self, key, label), n);
  items_changed (self);
}

void
crm_list_items_editor_move_item (CrmListItemsEditor *self,
                                 guint               from,
                                 guint               to)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n;
  gpointer key, label;

  g_return_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self));

  n = crm_list_items_editor_get_n_items (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  for (guint i = 0; i < n; i++)
    {
      CrmListItemRow *row = get_item_row (self, i);

      g_ptr_array_add (keys, g_strdup (crm_list_item_row_get_key (row)));
      g_ptr_array_add (labels, g_strdup (crm_list_item_row_get_label (row)));
    }

  key = g_ptr_array_steal_index (keys, from);
  label = g_ptr_array_steal_index (labels, from);
  g_ptr_array_insert (keys, to, key);
  g_ptr_array_insert (labels, to, label);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    crm_list_item_row_set_item (get_item_row (self, i), keys->pdata[i], labels->pdata[i]);
  self->syncing = FALSE;

  items_changed (self);
}

void
crm_list_items_editor_set_options (CrmListItemsEditor    *self,
                                   const CrmFieldOptions *options)
{
  CrmListItemRow *row;

  g_return_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self));
  g_return_if_fail (options != NULL);

  while ((row = get_item_row (self, 0)) != NULL)
    gtk_list_box_remove (self->items_list, GTK_WIDGET (row));
  for (guint i = 0; i < options->items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (options->items, i);

      gtk_list_box_insert (self->items_list, create_item_row (self, item->key, item->label), i);
    }
  g_free (self->default_key);
  self->default_key = g_strdup (options->default_value);
  items_changed (self);
}

void
crm_list_items_editor_fill_options (CrmListItemsEditor *self,
                                    CrmFieldOptions    *options)
{
  guint n;

  g_return_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self));
  g_return_if_fail (options != NULL);

  n = crm_list_items_editor_get_n_items (self);
  for (guint i = 0; i < n; i++)
    {
      CrmListItemRow *row = get_item_row (self, i);
      g_autofree char *label = g_strstrip (g_strdup (crm_list_item_row_get_label (row)));

      crm_field_options_add_item (options, crm_list_item_row_get_key (row), label);
    }

  g_free (options->default_value);
  options->default_value = g_strdup (self->default_key);
}

/* Labels folded loosely (case, composition) to find repeats to mark. */
static char *
fold_label (const char *label)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

char *
crm_list_items_editor_check (CrmListItemsEditor *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *message = NULL;
  guint n;

  g_return_val_if_fail (CRM_IS_LIST_ITEMS_EDITOR (self), NULL);

  n = crm_list_items_editor_get_n_items (self);
  if (n == 0)
    return g_strdup (_("Add the items people will choose from"));

  for (guint i = 0; i < n; i++)
    {
      char *folded = fold_label (crm_list_item_row_get_label (get_item_row (self, i)));

      g_hash_table_insert (counts, folded,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) + 1));
    }

  /* The core words the message for repeated labels; they are only marked
   * here. An empty label gets words of ours: the core's names the key. */
  for (guint i = 0; i < n; i++)
    {
      CrmListItemRow *row = get_item_row (self, i);
      g_autofree char *folded = fold_label (crm_list_item_row_get_label (row));
      gboolean empty = *folded == '\0';

      if (empty && message == NULL)
        message = g_strdup (_("Every item needs a name"));
      if (empty || GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) > 1)
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }

  return message;
}
