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
  GMenuModel    *item_menu;
  GtkListBox    *items_list;
};

G_DEFINE_FINAL_TYPE (CrmListItemsEditor, crm_list_items_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Rows ---------------------------------------------------------------- */

static GtkWidget *
get_item_row (CrmListItemsEditor *self,
              guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, index);

  if (row == NULL || row == GTK_LIST_BOX_ROW (self->add_row))
    return NULL;
  return GTK_WIDGET (row);
}

static const char *
get_row_key (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "crm-key");
}

static GtkEditable *
get_row_editable (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "crm-label");
}

static const char *
get_row_label (GtkWidget *row)
{
  return gtk_editable_get_text (get_row_editable (row));
}

static void
set_row_item (GtkWidget  *row,
              const char *key,
              const char *label)
{
  g_object_set_data_full (G_OBJECT (row), "crm-key", g_strdup (key), g_free);
  if (g_strcmp0 (get_row_label (row), label) != 0)
    gtk_editable_set_text (get_row_editable (row), label);
}

static void
update_row_actions (CrmListItemsEditor *self)
{
  guint n = crm_list_items_editor_get_n_items (self);

  for (guint i = 0; i < n; i++)
    {
      GActionMap *actions = g_object_get_data (G_OBJECT (get_item_row (self, i)), "crm-actions");

      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, "move-up")), i > 0);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, "move-down")), i + 1 < n);
    }
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
      GtkWidget *row = get_item_row (self, i);

      g_ptr_array_add (labels, (gpointer) get_row_label (row));
      if (g_strcmp0 (get_row_key (row), self->default_key) == 0)
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
    gtk_widget_add_css_class (get_item_row (self, index), "crm-drop-above");
  else
    gtk_widget_add_css_class (get_item_row (self, n - 1), "crm-drop-below");
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

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, row);
}

/* The icon is the row's handle and label lifted off the list, only as wide
 * as the label so the drop indicator stays in sight beside it. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkWidget *list, *copy, *box, *image, *label;
  graphene_point_t point;

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, -1, gtk_widget_get_height (row));

  copy = gtk_list_box_row_new ();
  gtk_widget_add_css_class (copy, "crm-list-item-row");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  image = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_set_margin_end (image, 6);
  label = gtk_label_new (get_row_label (row));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (copy), box);
  gtk_list_box_append (GTK_LIST_BOX (list), copy);

  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), list);

  if (gtk_widget_compute_point (handle, row, &GRAPHENE_POINT_INIT (0, 0), &point))
    gdk_drag_set_hotspot (drag, (int) point.x + 8, (int) point.y + 8);

  gtk_widget_add_css_class (row, "crm-drag-source");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkWidget     *row)
{
  gtk_widget_remove_css_class (row, "crm-drag-source");
}

/* ---- Row actions --------------------------------------------------------- */

static CrmListItemsEditor *
get_editor (GtkWidget *row)
{
  return CRM_LIST_ITEMS_EDITOR (gtk_widget_get_ancestor (row, CRM_TYPE_LIST_ITEMS_EDITOR));
}

/* Keyboard moves keep the focus on the moved item, so Move Up can be
 * repeated from the same place. */
static void
move_by (GtkWidget *row,
         int        delta)
{
  CrmListItemsEditor *self = get_editor (row);
  int from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = from + delta;
  GtkWidget *target;

  if (to < 0 || (guint) to >= crm_list_items_editor_get_n_items (self))
    return;

  crm_list_items_editor_move_item (self, from, to);
  target = get_item_row (self, to);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (target), "crm-menu-button"));
}

static void
move_up_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       row)
{
  move_by (row, -1);
}

static void
move_down_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       row)
{
  move_by (row, 1);
}

static void
remove_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       row)
{
  CrmListItemsEditor *self = get_editor (row);

  gtk_list_box_remove (self->items_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  items_changed (self);
}

static void
item_text_changed_cb (CrmListItemsEditor *self)
{
  if (!self->syncing)
    items_changed (self);
}

static void
rename_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       row)
{
  GtkWidget *label = GTK_WIDGET (get_row_editable (row));

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_widget_grab_focus (label);
}

/* A row of our own rather than an AdwEntryRow: an entry row without a title
 * sets its text off-centre, and "Item" over every item is noise. The label
 * turns into an entry when clicked or from the Rename button. */
static GtkWidget *
create_item_row (CrmListItemsEditor *self,
                 const char         *key,
                 const char         *label)
{
  static const GActionEntry entries[] = {
    { "rename", rename_cb },
    { "move-up", move_up_cb },
    { "move-down", move_down_cb },
    { "remove", remove_cb },
  };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  GtkDragSource *source;
  GtkWidget *row, *box, *handle, *text, *rename, *menu_button;

  row = gtk_list_box_row_new ();
  gtk_widget_set_name (row, "list-item-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "crm-list-item-row");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_widget_set_tooltip_text (handle, _("Drag to change the order"));
  /* Where an action row's prefix would end. */
  gtk_widget_set_margin_end (handle, 6);
  gtk_box_append (GTK_BOX (box), handle);

  text = gtk_editable_label_new (label);
  gtk_widget_set_name (text, "list-item-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  /* Translators: the accessible name of a list item's name. */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item"),
                                  -1);
  g_signal_connect_swapped (text, "changed", G_CALLBACK (item_text_changed_cb), self);
  gtk_box_append (GTK_BOX (box), text);
  g_object_set_data (G_OBJECT (row), "crm-label", text);
  set_row_item (row, key, label);

  rename = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_tooltip_text (rename, _("Rename"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (rename), "item.rename");
  gtk_widget_set_valign (rename, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rename, "flat");
  gtk_box_append (GTK_BOX (box), rename);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), self->item_menu);
  gtk_widget_set_tooltip_text (menu_button, _("Item Menu"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (box), menu_button);
  g_object_set_data (G_OBJECT (row), "crm-menu-button", menu_button);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "item", G_ACTION_GROUP (actions));
  g_object_set_data_full (G_OBJECT (row), "crm-actions", g_object_ref (actions), g_object_unref);

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
  GtkWidget *row;

  if (self->syncing)
    return;

  g_clear_pointer (&self->default_key, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      (row = get_item_row (self, selected - 1)) != NULL)
    self->default_key = g_strdup (get_row_key (row));
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
  gtk_widget_class_bind_template_child (widget_class, CrmListItemsEditor, item_menu);
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
        taken = g_strcmp0 (get_row_key (get_item_row (self, i)), key) == 0;
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
      GtkWidget *row = get_item_row (self, i);

      g_ptr_array_add (keys, g_strdup (get_row_key (row)));
      g_ptr_array_add (labels, g_strdup (get_row_label (row)));
    }

  key = g_ptr_array_steal_index (keys, from);
  label = g_ptr_array_steal_index (labels, from);
  g_ptr_array_insert (keys, to, key);
  g_ptr_array_insert (labels, to, label);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    set_row_item (get_item_row (self, i), keys->pdata[i], labels->pdata[i]);
  self->syncing = FALSE;

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
      GtkWidget *row = get_item_row (self, i);
      g_autofree char *label = g_strstrip (g_strdup (get_row_label (row)));

      crm_field_options_add_item (options, get_row_key (row), label);
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
      char *folded = fold_label (get_row_label (get_item_row (self, i)));

      g_hash_table_insert (counts, folded,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) + 1));
    }

  /* The core words the message for repeated labels; they are only marked
   * here. An empty label gets words of ours: the core's names the key. */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = get_item_row (self, i);
      g_autofree char *folded = fold_label (get_row_label (row));
      gboolean empty = *folded == '\0';

      if (empty && message == NULL)
        message = g_strdup (_("Every item needs a name"));
      if (empty || GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) > 1)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  return message;
}
