/* crm-required-block.c — required fields the card does not show, to fill
 * in while editing
 *
 * A field can be required at the element's stage and be placed in no
 * section of the layout its user sees; the core then refuses every save
 * and the card would have no row to fill it in. While values are being
 * edited the pane shows this block above its sections, styled as one: a
 * boxed list under a title and a line saying why, a row per field with
 * the field's editor from the edit session, so Save can succeed. The
 * fields come from the core (crm_layout_get_required_unshown ()); an
 * editor of a field the layout stopped showing mid-edit lands here too,
 * so nothing being saved is out of sight. The block fades away when the
 * edits end.
 *
 * Appearing above the rows, it pushes them down, the one being edited
 * too: the pane scrolls so that one stays in sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-resources.h"
#include "crm-required-block.h"

typedef struct
{
  CrmField       *field;
  GtkWidget      *row;
  GtkBox         *content_box;
  CrmValueEditor *editor;   /* the edit session's */
} Item;

struct _CrmRequiredBlock
{
  GtkWidget       parent_instance;

  CrmSession     *session;
  CrmEditSession *edit_session;
  CrmElement     *element;
  CrmLayout      *layout;
  GPtrArray      *items;     /* of Item */
  gboolean        updating;
  /* Keeping the focused widget in sight (see keep_focus_in_view ()) */
  guint           scroll_tick_id;
  GtkAdjustment  *watched_adjustment;
  GtkWidget      *watched_focus;

  /* Template widgets */
  GtkLabel       *description_label;
  GtkListBox     *list_box;
  GtkRevealer    *revealer;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (CrmRequiredBlock, crm_required_block, GTK_TYPE_WIDGET)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->field);
  g_clear_object (&item->editor);
  g_free (item);
}

/* The editors belong to the edit session: each leaves its row before the
 * row goes, so disposing of the row does not take it along. */
static void
clear_items (CrmRequiredBlock *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (gtk_widget_get_parent (GTK_WIDGET (item->editor)) == GTK_WIDGET (item->content_box))
        gtk_box_remove (item->content_box, GTK_WIDGET (item->editor));
      gtk_list_box_remove (self->list_box, item->row);
    }
  g_ptr_array_set_size (self->items, 0);
}

static void
place_editor (Item *item)
{
  GtkWidget *editor = GTK_WIDGET (item->editor);

  if (gtk_widget_get_parent (editor) == GTK_WIDGET (item->content_box))
    return;
  /* From a row the pane showed it in before the layout changed. */
  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);
  gtk_box_append (item->content_box, editor);
}

/* As a field row looks while it edits: the label small above the editor. */
static void
add_item (CrmRequiredBlock *self,
          CrmField         *field,
          CrmValueEditor   *editor)
{
  Item *item = g_new0 (Item, 1);
  g_autofree char *code = g_strdup (crm_field_get_code (field));
  g_autofree char *name = NULL;
  GtkWidget *label;
  GtkWidget *box;

  item->field = g_object_ref (field);
  item->editor = g_object_ref (editor);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", crm_field_get_label (field),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "css-classes", (const char *[]) { "caption", "dim-label", "crm-field-label", NULL },
                        NULL);
  item->content_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_hexpand (GTK_WIDGET (item->content_box), TRUE);
  gtk_box_append (item->content_box, label);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->content_box));

  item->row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                            "title", crm_field_get_label (field),
                            "use-markup", FALSE,
                            "activatable", FALSE,
                            "focusable", FALSE,
                            "css-classes", (const char *[]) { "crm-field-row", "crm-editing", NULL },
                            "child", box,
                            NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (item->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_strdelimit (code, "_", '-');
  name = g_strdup_printf ("required-row-%s", code);
  gtk_widget_set_name (item->row, name);

  place_editor (item);
  gtk_list_box_append (self->list_box, item->row);
  g_ptr_array_add (self->items, item);
}

static GHashTable *
collect_shown (CrmLayout *layout)
{
  GHashTable *shown = g_hash_table_new (NULL, NULL);
  GListModel *sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          g_hash_table_add (shown, GSIZE_TO_POINTER (crm_field_get_id (field)));
        }
    }
  return shown;
}

static gboolean
has_field (GPtrArray *fields,
           CrmField  *field)
{
  for (guint i = 0; i < fields->len; i++)
    if (crm_field_get_id (g_ptr_array_index (fields, i)) == crm_field_get_id (field))
      return TRUE;
  return FALSE;
}

/* The fields to list: what the core says is missing and unshown, then
 * the other edits the layout gives no row. */
static GPtrArray *
collect_fields (CrmRequiredBlock *self)
{
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  GPtrArray *editors;

  if (self->edit_session == NULL || self->element == NULL || self->layout == NULL ||
      !crm_edit_session_is_active (self->edit_session) || !crm_element_has_values (self->element))
    return g_ptr_array_new_with_free_func (g_object_unref);

  fields = crm_layout_get_required_unshown (self->layout, self->session, self->element, 0, &error);
  if (fields == NULL)
    {
      /* The card shows the layout of the element's own kind: a refusal
       * here only means they are being swapped. */
      g_debug ("No required fields to offer: %s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }

  shown = collect_shown (self->layout);
  editors = crm_edit_session_get_editors (self->edit_session);
  for (guint i = 0; i < editors->len; i++)
    {
      CrmField *field = crm_value_editor_get_field (g_ptr_array_index (editors, i));

      if (!g_hash_table_contains (shown, GSIZE_TO_POINTER (crm_field_get_id (field))) && !has_field (fields, field))
        g_ptr_array_add (fields, g_object_ref (field));
    }
  return fields;
}

/* The scrolled content the block sits in, and its adjustment. */
static GtkWidget *
get_content (CrmRequiredBlock  *self,
             GtkAdjustment    **adjustment)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;

  if (!GTK_IS_VIEWPORT (viewport))
    return NULL;
  if (adjustment != NULL)
    *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  return gtk_viewport_get_child (GTK_VIEWPORT (viewport));
}

static void
stop_keeping_in_view (CrmRequiredBlock *self)
{
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  if (self->watched_adjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watched_adjustment, self);
      g_clear_object (&self->watched_adjustment);
    }
  g_clear_weak_pointer (&self->watched_focus);
}

/* Once laid out anew (the tick after a layout change), the focused
 * widget back in sight. */
static gboolean
keep_focus_in_view_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  CrmRequiredBlock *self = CRM_REQUIRED_BLOCK (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment = NULL;
  GtkWidget *content = get_content (self, &adjustment);
  GtkWidget *shown;
  graphene_rect_t bounds;

  if (content == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, content) ||
      gtk_widget_is_ancestor (focus, widget) ||
      (self->watched_focus != NULL && focus != self->watched_focus))
    {
      /* The person went elsewhere: theirs to scroll now. */
      stop_keeping_in_view (self);
      return G_SOURCE_REMOVE;
    }

  g_set_weak_pointer (&self->watched_focus, focus);

  /* The whole editor, frame and all, when the focus is in one; in the
   * content's coordinates, which the adjustment counts in; not before it
   * is laid out. */
  shown = gtk_widget_get_ancestor (focus, CRM_TYPE_VALUE_EDITOR);
  if (!gtk_widget_compute_bounds (shown != NULL ? shown : focus, content, &bounds) || bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);

  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
adjustment_changed_cb (CrmRequiredBlock *self)
{
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), keep_focus_in_view_cb, NULL, NULL);
}

/* The block pushes down the rows under it, the edited one too, and the
 * Save / Cancel bar shrinks the pane as it slides up: while the focus
 * stays where it is, each change of the pane's layout brings it back in
 * sight. Scrolling changes no layout, so the person can scroll away. */
static void
keep_focus_in_view (CrmRequiredBlock *self)
{
  GtkAdjustment *adjustment = NULL;

  if (get_content (self, &adjustment) == NULL)
    return;
  if (self->watched_adjustment != adjustment)
    {
      stop_keeping_in_view (self);
      self->watched_adjustment = g_object_ref (adjustment);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_clear_weak_pointer (&self->watched_focus);
  adjustment_changed_cb (self);
}

static void
update (CrmRequiredBlock *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  gboolean same;

  /* Asking the session for editors tells us of them again. */
  if (self->updating)
    return;
  self->updating = TRUE;

  fields = collect_fields (self);
  for (guint i = 0; i < fields->len; )
    {
      CrmValueEditor *editor = crm_edit_session_edit_field (self->edit_session, g_ptr_array_index (fields, i));

      if (editor == NULL)
        {
          /* Not this person's to write. */
          g_ptr_array_remove_index (fields, i);
          continue;
        }
      g_ptr_array_add (editors, editor);
      i++;
    }

  same = fields->len == self->items->len;
  for (guint i = 0; same && i < fields->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      same = crm_field_get_id (item->field) == crm_field_get_id (g_ptr_array_index (fields, i)) &&
             item->editor == g_ptr_array_index (editors, i);
    }

  if (same)
    {
      /* The same rows keep the focus and what is typed in them. */
      for (guint i = 0; i < self->items->len; i++)
        place_editor (g_ptr_array_index (self->items, i));
    }
  else if (fields->len > 0)
    {
      clear_items (self);
      for (guint i = 0; i < fields->len; i++)
        add_item (self, g_ptr_array_index (fields, i), g_ptr_array_index (editors, i));
      keep_focus_in_view (self);
    }

  /* Emptied, the rows stay while the block fades away. */
  if (fields->len > 0)
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, fields->len > 0);
  if (fields->len == 0)
    stop_keeping_in_view (self);
  self->updating = FALSE;
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
editing_changed_cb (CrmRequiredBlock *self)
{
  update (self);
}

/* A refused save: to the first field of ours that blocks it, which may
 * be far above. */
static void
failed_cb (CrmRequiredBlock *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer))
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (crm_value_editor_get_invalid (item->editor))
        {
          gtk_widget_child_focus (GTK_WIDGET (item->editor), GTK_DIR_TAB_FORWARD);
          return;
        }
    }
}

static void
child_revealed_cb (CrmRequiredBlock *self)
{
  /* A fading revealer keeps its size: once faded, it takes none. */
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    {
      clear_items (self);
      gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_required_block_dispose (GObject *object)
{
  CrmRequiredBlock *self = CRM_REQUIRED_BLOCK (object);

  crm_required_block_set_card (self, NULL, NULL, NULL, NULL);
  stop_keeping_in_view (self);
  if (self->items != NULL)
    clear_items (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REQUIRED_BLOCK);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_required_block_parent_class)->dispose (object);
}

static void
crm_required_block_class_init (CrmRequiredBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_required_block_dispose;

  (void) clientele_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-required-block.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequiredBlock, description_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRequiredBlock, list_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRequiredBlock, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmRequiredBlock, title_label);

  gtk_widget_class_set_css_name (widget_class, "crm-required-block");
}

static void
crm_required_block_init (CrmRequiredBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (item_free);
  gtk_widget_set_name (GTK_WIDGET (self), "required-block");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_label, NULL,
                                  -1);
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (child_revealed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_required_block_new (void)
{
  return g_object_new (CRM_TYPE_REQUIRED_BLOCK, NULL);
}

void
crm_required_block_set_card (CrmRequiredBlock *self,
                             CrmSession       *session,
                             CrmEditSession   *edit_session,
                             CrmElement       *element,
                             CrmLayout        *layout)
{
  g_return_if_fail (CRM_IS_REQUIRED_BLOCK (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));
  g_return_if_fail (edit_session == NULL || CRM_IS_EDIT_SESSION (edit_session));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));
  g_return_if_fail (layout == NULL || CRM_IS_LAYOUT (layout));

  if (self->edit_session != edit_session)
    {
      if (self->edit_session != NULL)
        g_signal_handlers_disconnect_by_data (self->edit_session, self);
      g_set_object (&self->edit_session, edit_session);
      if (edit_session != NULL)
        {
          g_signal_connect_object (edit_session, "editing-changed",
                                   G_CALLBACK (editing_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (edit_session, "failed",
                                   G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
        }
    }
  g_set_object (&self->session, session);
  g_set_object (&self->element, element);
  g_set_object (&self->layout, layout);

  /* Disposed of, the block lets go without asking for editors. */
  if (self->items != NULL)
    update (self);
}

GPtrArray *
crm_required_block_get_fields (CrmRequiredBlock *self)
{
  GPtrArray *fields;

  g_return_val_if_fail (CRM_IS_REQUIRED_BLOCK (self), NULL);

  fields = g_ptr_array_new_with_free_func (g_object_unref);
  if (!gtk_revealer_get_reveal_child (self->revealer))
    return fields;
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (fields, g_object_ref (((Item *) g_ptr_array_index (self->items, i))->field));
  return fields;
}
