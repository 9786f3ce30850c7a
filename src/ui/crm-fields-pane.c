/* crm-fields-pane.c — the left side of a card: sections of field rows
 *
 * Each section of the resolved layout is a CrmSectionGroup: a boxed list
 * of CrmFieldRows under its title. Those who may shape the layout drag
 * sections and fields by their handles (crm-layout-dnd.c), rename, delete
 * and add sections, and show or hide fields; crm-fields-pane-actions.c
 * makes the core calls. Under the sections sits Add Section; under the
 * scrolled area, the Save / Cancel bar of in-place editing.
 *
 * The card calls crm_fields_pane_set_element () again after every change
 * it hears of. For the same element the pane is rebuilt on the next idle,
 * not at once: the change may come from a row's own action or drop
 * handler, and those widgets must outlive it. The rebuild keeps the
 * scroll position and the editors of an edit in progress — they belong to
 * the edit session and move into the new rows — so a layout change, or an
 * element saved elsewhere, never takes away what is being typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-edit-bar.h"
#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group.h"

G_DEFINE_FINAL_TYPE (CrmFieldsPane, crm_fields_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean has_pending (CrmFieldsPane *self);

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* In the sections shown: those of the last card wait hidden for their
 * disposal (see clear_sections ()). */
static GtkWidget *
find_in_sections (CrmFieldsPane *self,
                  const char    *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      found = find_by_name (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every CrmFieldRow, section by section. */
static GPtrArray *
collect_rows (CrmFieldsPane *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_SECTION_GROUP (child) && gtk_widget_get_visible (child))
      for (guint i = 0; i < crm_section_group_get_n_rows (CRM_SECTION_GROUP (child)); i++)
        g_ptr_array_add (rows, crm_section_group_get_row (CRM_SECTION_GROUP (child), i));

  return rows;
}

static CrmFieldRow *
find_row (CrmFieldsPane *self,
          gint64         field_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* The row may be in a section still to come. */
  _crm_fields_pane_complete (self);
  rows = collect_rows (self);

  for (guint i = 0; i < rows->len; i++)
    if (crm_field_row_get_field_id (g_ptr_array_index (rows, i)) == field_id)
      return g_ptr_array_index (rows, i);

  return NULL;
}

/* Each row shows its field's editor while the session edits it. */
static void
apply_editors (CrmFieldsPane *self)
{
  g_autoptr(GPtrArray) rows = collect_rows (self);

  for (guint i = 0; i < rows->len; i++)
    {
      CrmFieldRow *row = g_ptr_array_index (rows, i);
      CrmValueEditor *editor = NULL;

      if (self->edit_session != NULL)
        editor = crm_edit_session_get_editor (self->edit_session, crm_field_row_get_field_id (row));
      crm_field_row_set_editor (row, editor);
    }
}

static void
apply_group_editors (CrmFieldsPane   *self,
                     CrmSectionGroup *group)
{
  if (self->edit_session == NULL)
    return;

  for (guint i = 0; i < crm_section_group_get_n_rows (group); i++)
    {
      CrmFieldRow *row = crm_section_group_get_row (group, i);
      CrmValueEditor *editor = crm_edit_session_get_editor (self->edit_session, crm_field_row_get_field_id (row));

      if (editor != NULL)
        crm_field_row_set_editor (row, editor);
    }
}

static GtkWidget *
create_gap (gboolean first)
{
  GtkWidget *gap = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (line, TRUE);
  gtk_widget_add_css_class (line, "crm-drop-line");
  gtk_box_append (GTK_BOX (gap), line);
  gtk_widget_add_css_class (gap, CRM_LAYOUT_DROP_GAP_CLASS);
  if (first)
    gtk_widget_add_css_class (gap, "first");

  return gap;
}

static gboolean fill_tick_cb (GtkWidget     *widget,
                              GdkFrameClock *clock,
                              gpointer       user_data);

/* On the frames after the next one: that one shows the card. */
static void
start_filling (CrmFieldsPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!has_pending (self) && self->dead_sections->len == 0)
    return;

  self->pending_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;
  if (self->fill_tick_id == 0)
    self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

static void
stop_filling (CrmFieldsPane *self)
{
  if (self->fill_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
      self->fill_tick_id = 0;
    }
  g_clear_object (&self->pending_sections);
  self->pending_index = 0;
}

/* Appends the next section of the layout (with the gap under it);
 * returns its estimated height, 0 for one not shown. */
static int
append_next_section (CrmFieldsPane *self)
{
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (self->pending_sections, self->pending_index);
  guint index = self->pending_index++;
  guint n_fields = g_list_model_get_n_items (crm_layout_section_get_fields (section));
  GtkWidget *group;

  /* Empty sections only matter to those who can fill them. */
  if (!self->can_edit_layout && n_fields == 0)
    return 0;

  group = crm_section_group_new (section, index, self->pending_sections, self->element, self->pending_flags);
  gtk_box_append (self->sections_box, group);
  gtk_box_append (self->sections_box, create_gap (FALSE));
  apply_group_editors (self, CRM_SECTION_GROUP (group));

  /* A header, and a row of two lines per field. */
  return 48 + 56 * MAX (n_fields, 1);
}

static gboolean
has_pending (CrmFieldsPane *self)
{
  return self->pending_sections != NULL &&
         self->pending_index < g_list_model_get_n_items (self->pending_sections);
}

/* A few sections a frame, from the second frame on: the first one shows
 * the card as soon as it can. */
static void
drop_dead_section (CrmFieldsPane *self)
{
  GtkWidget *dead = g_ptr_array_steal_index (self->dead_sections, self->dead_sections->len - 1);

  if (gtk_widget_get_parent (dead) == GTK_WIDGET (self->sections_box))
    gtk_box_remove (self->sections_box, dead);
  g_object_unref (dead);
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  gboolean was_pending = has_pending (self);
  gint64 end;

  if (gdk_frame_clock_get_frame_counter (clock) <= self->pending_frame + 1)
    return G_SOURCE_CONTINUE;

  /* A few milliseconds a frame, so scrolling stays smooth meanwhile. */
  end = g_get_monotonic_time () + 4000;
  while (has_pending (self) && g_get_monotonic_time () < end)
    append_next_section (self);
  while (self->dead_sections->len > 0 && g_get_monotonic_time () < end)
    drop_dead_section (self);

  if (has_pending (self) || self->dead_sections->len > 0)
    return G_SOURCE_CONTINUE;

  self->fill_tick_id = 0;
  g_clear_object (&self->pending_sections);
  if (was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);

  return G_SOURCE_REMOVE;
}

static void
clear_sections (CrmFieldsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* Losing its focused widget, GTK would hand the focus to the first
   * section's handle and scroll up to it: let the focus go first (it
   * comes back through _crm_fields_pane_focus_later ()). */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sections_box)))
    gtk_root_set_focus (root, NULL);

  /* Disposing of a card's rows costs as much as building them: hide them
   * now, dispose of them on the next frames (see fill_tick_cb ()). */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (CRM_IS_SECTION_GROUP (child))
        {
          if (gtk_widget_get_visible (child))
            {
              gtk_widget_set_visible (child, FALSE);
              g_ptr_array_add (self->dead_sections, g_object_ref (child));
            }
        }
      else
        {
          gtk_box_remove (self->sections_box, child);
        }

      child = next;
    }
}

static GtkWidget *
find_select_button (CrmFieldsPane *self)
{
  g_autofree char *name = NULL;

  name = g_strdup_printf ("select-field-%" G_GINT64_FORMAT, crm_field_picker_get_section_id (self->picker));

  return find_in_sections (self, name);
}

/* Points the Select Field popover at its section's button: a new one
 * after each rebuild. The button may be scrolled out of sight; the
 * popover then points at the nearest edge of the scrolled area (GTK 4.8
 * finds no monitor for an anchor off the screen). */
static void
point_picker (CrmFieldsPane *self,
              GtkWidget     *button)
{
  GtkWidget *viewport = GTK_WIDGET (self->scrolled_window);
  graphene_rect_t bounds;
  GdkRectangle rect;
  GdkRectangle old;
  int height = gtk_widget_get_height (viewport);

  /* In the scrolled window's coordinates, which are the pane's: it sits
   * at the pane's top left. */
  if (!gtk_widget_compute_bounds (button, viewport, &bounds))
    return;

  rect.x = (int) bounds.origin.x;
  rect.width = (int) bounds.size.width;
  rect.height = MIN ((int) bounds.size.height, MAX (height, 1));
  rect.y = CLAMP ((int) bounds.origin.y, 0, MAX (height - rect.height, 0));

  if (!gtk_popover_get_pointing_to (GTK_POPOVER (self->picker), &old) ||
      !gdk_rectangle_equal (&rect, &old))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->picker), &rect);
}

/* After a change: the checks again, or away if its section went. */
static void
update_picker (CrmFieldsPane *self)
{
  GtkWidget *button;

  if (self->picker == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->picker)))
    return;

  button = find_select_button (self);
  if (button == NULL || self->layout == NULL || !self->can_edit_layout)
    {
      gtk_popover_popdown (GTK_POPOVER (self->picker));
      return;
    }

  crm_field_picker_set_layout (self->picker, self->session, self->layout,
                               crm_field_picker_get_section_id (self->picker));
  point_picker (self, button);
}

/* Focus moves once the new widget is laid out: the viewport scrolls to
 * the focus, and a widget not yet allocated sits at the very top. */
static gboolean
refocus_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  GtkWidget *focus = NULL;

  /* The widget to focus may be one the coming rebuild replaces. */
  if (self->rebuild_id != 0)
    return G_SOURCE_CONTINUE;

  if (self->refocus_name != NULL)
    {
      focus = find_in_sections (self, self->refocus_name);
      if (focus == NULL && has_pending (self))
        {
          _crm_fields_pane_complete (self);
          return G_SOURCE_CONTINUE;
        }
    }

  if (focus != NULL && gtk_widget_get_mapped (focus) && gtk_widget_get_height (focus) == 0)
    return G_SOURCE_CONTINUE;

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->refocus_name, g_free);
  self->refocus_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
rebuild (CrmFieldsPane *self,
         gboolean       keep_scroll)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scroll = keep_scroll ? gtk_adjustment_get_value (vadjustment) : 0;
  CrmFieldRowFlags flags = 0;
  GListModel *sections;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  stop_filling (self);
  clear_sections (self);

  gtk_widget_set_visible (GTK_WIDGET (self->add_section_button),
                          self->element != NULL && self->layout != NULL && self->can_edit_layout);

  if (self->element == NULL || self->layout == NULL)
    {
      if (self->picker != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->picker));
      gtk_adjustment_set_value (vadjustment, 0);
      start_filling (self);
      return;
    }

  if (self->can_edit_layout)
    flags |= CRM_FIELD_ROW_EDIT_LAYOUT;
  if (self->can_manage_fields)
    flags |= CRM_FIELD_ROW_MANAGE_FIELD;
  if (self->can_write_values)
    flags |= CRM_FIELD_ROW_WRITE_VALUE;

  sections = crm_layout_get_sections (self->layout);
  self->pending_sections = g_object_ref (sections);
  self->pending_flags = flags;
  self->pending_index = 0;

  gtk_box_append (self->sections_box, create_gap (TRUE));

  /* Shown again (after a change), it keeps its place, focus and editors:
   * all at once. Another element: the first screenful and one more
   * section now, the others on the next frames. */
  if (keep_scroll)
    {
      while (has_pending (self))
        append_next_section (self);
    }
  else
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled_window));
      int filled = 0;
      guint n_more = 1;

      if (height <= 0)
        height = 800;

      while (has_pending (self) && (filled < height || n_more-- > 0))
        filled += append_next_section (self);
    }

  if (!has_pending (self))
    g_clear_object (&self->pending_sections);
  start_filling (self);

  gtk_adjustment_set_value (vadjustment, scroll);
  update_picker (self);
  if (!has_pending (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  CrmFieldsPane *self = user_data;

  self->rebuild_id = 0;
  rebuild (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
update_permissions (CrmFieldsPane *self)
{
  CrmPermission layout_permission;
  gint64 type_id;

  self->can_edit_layout = FALSE;
  self->can_manage_fields = FALSE;
  self->can_write_values = FALSE;

  if (self->session == NULL || self->layout == NULL)
    return;

  type_id = crm_layout_get_entity_type_id (self->layout);
  /* A personal layout is its owner's to shape. */
  layout_permission = crm_layout_get_scope (self->layout) == CRM_LAYOUT_PERSONAL
                      ? CRM_PERMISSION_LAYOUT_PERSONAL
                      : CRM_PERMISSION_LAYOUT_EDIT_STANDARD;

  self->can_edit_layout = crm_session_has_permission (self->session, layout_permission, type_id);
  self->can_manage_fields = self->can_edit_layout &&
                            crm_session_has_permission (self->session, CRM_PERMISSION_FIELDS_MANAGE, type_id);
  self->can_write_values = crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_WRITE, type_id);
}

/* ---- Callbacks ----------------------------------------------------------- */

static void
editing_changed_cb (CrmFieldsPane *self)
{
  apply_editors (self);
}

static void
drop_cb (const CrmLayoutDropSpot *spot,
         gpointer                 user_data)
{
  CrmFieldsPane *self = user_data;

  if (!self->can_edit_layout)
    return;

  if (spot->kind == CRM_LAYOUT_DRAG_SECTION)
    _crm_fields_pane_move_section (self, spot->id, spot->index);
  else
    _crm_fields_pane_move_field (self, spot->id, spot->section_id, spot->index);
}

static void
add_section_show_cb (CrmFieldsPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_section_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_section_entry));
}

static void
add_section_changed_cb (CrmFieldsPane *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_section_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_section_entry), NULL);
}

static void
add_section_activate_cb (CrmFieldsPane *self)
{
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->add_section_entry));

  if (!_crm_fields_pane_add_section (self, title, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_section_entry), "error");
      if (error != NULL)
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_section_entry), error->message);
      gtk_widget_error_bell (GTK_WIDGET (self->add_section_entry));
      return;
    }

  gtk_popover_popdown (self->add_section_popover);
}

/* ---- GtkWidget ----------------------------------------------------------- */

/* The scrolled sections, and under them the edit bar (when it shows). */
static void
crm_fields_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  int scrolled_min = 0, scrolled_nat = 0;
  int bar_min = 0, bar_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->scrolled_window), orientation, -1,
                      &scrolled_min, &scrolled_nat, NULL, NULL);
  if (self->edit_bar != NULL && gtk_widget_should_layout (self->edit_bar))
    gtk_widget_measure (self->edit_bar, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                        &bar_min, &bar_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = scrolled_min + bar_min;
      *natural = scrolled_nat + bar_nat;
    }
  else
    {
      *minimum = MAX (scrolled_min, bar_min);
      *natural = MAX (scrolled_nat, bar_nat);
    }
}

static void
crm_fields_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (widget);
  int bar_height = 0;

  if (self->edit_bar != NULL && gtk_widget_should_layout (self->edit_bar))
    {
      gtk_widget_measure (self->edit_bar, GTK_ORIENTATION_VERTICAL, width, NULL, &bar_height, NULL, NULL);
      bar_height = MIN (bar_height, height);
      gtk_widget_allocate (self->edit_bar, width, bar_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, height - bar_height)));
    }

  gtk_widget_allocate (GTK_WIDGET (self->scrolled_window), width, height - bar_height, -1, NULL);

  /* A popover of a custom widget follows it only when presented. */
  if (self->picker != NULL && gtk_widget_get_visible (GTK_WIDGET (self->picker)))
    {
      GtkWidget *button = find_select_button (self);

      if (button != NULL)
        point_picker (self, button);
      gtk_popover_present (GTK_POPOVER (self->picker));
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
crm_fields_pane_dispose (GObject *object)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  stop_filling (self);
  g_clear_pointer (&self->dead_sections, g_ptr_array_unref);
  if (self->refocus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refocus_tick_id);
      self->refocus_tick_id = 0;
    }

  if (self->edit_session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edit_session, self);
      crm_edit_session_set_element (self->edit_session, NULL);
    }

  if (self->picker != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->picker));
      self->picker = NULL;
    }
  g_clear_pointer (&self->edit_bar, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FIELDS_PANE);

  g_clear_object (&self->edit_session);
  g_clear_object (&self->element);
  g_clear_object (&self->layout);
  g_clear_object (&self->session);
  g_clear_pointer (&self->refocus_name, g_free);

  G_OBJECT_CLASS (crm_fields_pane_parent_class)->dispose (object);
}

static void
crm_fields_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmFieldsPane *self = CRM_FIELDS_PANE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, crm_fields_pane_is_complete (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_fields_pane_class_init (CrmFieldsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_fields_pane_dispose;
  object_class->get_property = crm_fields_pane_get_property;

  /* Every section of the layout is shown (see fill_tick_cb ()). */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = crm_fields_pane_measure;
  widget_class->size_allocate = crm_fields_pane_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-fields-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, add_section_popover);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CrmFieldsPane, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, add_section_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_section_show_cb);

  gtk_widget_class_set_css_name (widget_class, "crm-fields-pane");
}

static void
crm_fields_pane_init (CrmFieldsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dead_sections = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_name (GTK_WIDGET (self->add_section_button), "add-section-button");
  gtk_widget_set_name (GTK_WIDGET (self->add_section_entry), "add-section-entry");
  gtk_widget_set_name (GTK_WIDGET (self), "fields-pane");

  self->edit_bar = crm_edit_bar_new ();
  gtk_widget_set_parent (self->edit_bar, GTK_WIDGET (self));

  crm_layout_drop_attach (self->scrolled_window, GTK_WIDGET (self->sections_box), drop_cb, self);
}

/* ---- Private API --------------------------------------------------------- */

CrmEditSession *
_crm_fields_pane_get_edit_session (CrmFieldsPane *self)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), NULL);

  return self->edit_session;
}

void
_crm_fields_pane_complete (CrmFieldsPane *self)
{
  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (!has_pending (self))
    return;

  while (has_pending (self))
    append_next_section (self);
  g_clear_object (&self->pending_sections);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

void
_crm_fields_pane_focus_later (CrmFieldsPane *self,
                              const char    *name)
{
  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  g_free (self->refocus_name);
  self->refocus_name = g_strdup (name);
  if (self->refocus_tick_id == 0)
    self->refocus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), refocus_tick_cb, NULL, NULL);
}

void
_crm_fields_pane_select_field (CrmFieldsPane *self,
                               gint64         section_id,
                               GtkWidget     *button)
{
  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (self->layout == NULL || !self->can_edit_layout)
    return;

  if (self->picker == NULL)
    {
      self->picker = CRM_FIELD_PICKER (crm_field_picker_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->picker), GTK_WIDGET (self));
    }

  /* From the keyboard the button may be out of sight: show it. */
  gtk_widget_grab_focus (button);
  crm_field_picker_set_layout (self->picker, self->session, self->layout, section_id);
  point_picker (self, button);
  gtk_popover_popup (GTK_POPOVER (self->picker));
}

void
_crm_fields_pane_edit_field (CrmFieldsPane *self,
                             gint64         field_id)
{
  CrmValueEditor *editor;
  CrmFieldRow *row;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  row = find_row (self, field_id);
  if (row == NULL || self->edit_session == NULL)
    return;

  editor = crm_edit_session_edit_field (self->edit_session, crm_field_row_get_field (row));
  if (editor == NULL)
    return;

  crm_field_row_set_editor (row, editor);
  gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
}

/* ---- Public API ---------------------------------------------------------- */

GtkWidget *
crm_fields_pane_new (void)
{
  return g_object_new (CRM_TYPE_FIELDS_PANE, NULL);
}

void
crm_fields_pane_set_element (CrmFieldsPane *self,
                             CrmSession    *session,
                             CrmElement    *element,
                             CrmLayout     *layout)
{
  gint64 element_id;
  gboolean same;

  g_return_if_fail (CRM_IS_FIELDS_PANE (self));
  g_return_if_fail (session == NULL || CRM_IS_SESSION (session));
  g_return_if_fail (element == NULL || CRM_IS_ELEMENT (element));
  g_return_if_fail (layout == NULL || CRM_IS_LAYOUT (layout));

  element_id = element != NULL ? crm_element_get_id (element) : 0;
  same = element_id != 0 && element_id == self->element_id && layout != NULL;

  if (session != NULL && session != self->session)
    {
      if (self->edit_session != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->edit_session, self);
          crm_edit_session_set_element (self->edit_session, NULL);
          g_clear_object (&self->edit_session);
        }

      g_set_object (&self->session, session);
      self->edit_session = crm_edit_session_new (session);
      g_signal_connect_swapped (self->edit_session, "editing-changed", G_CALLBACK (editing_changed_cb), self);
      crm_edit_bar_set_session (CRM_EDIT_BAR (self->edit_bar), self->edit_session);
    }

  g_set_object (&self->element, element);
  g_set_object (&self->layout, layout);
  self->element_id = element_id;
  update_permissions (self);

  if (self->edit_session != NULL)
    crm_edit_session_set_element (self->edit_session, element);

  if (same)
    {
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
      return;
    }

  rebuild (self, FALSE);
}

gboolean
crm_fields_pane_is_complete (CrmFieldsPane *self)
{
  g_return_val_if_fail (CRM_IS_FIELDS_PANE (self), FALSE);

  return !has_pending (self);
}
