/* crm-fields-pane-fill.c — building a card's sections over several frames
 *
 * A card of 200 fields would take many frames to build and lay out at
 * once. The pane builds the first screenful of sections when an element is
 * shown, and the rest a few milliseconds a frame from the second frame on;
 * the old card's sections are hidden at once and disposed of the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group.h"

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

GtkWidget *
_crm_fields_pane_create_gap (gboolean first)
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
void
_crm_fields_pane_start_filling (CrmFieldsPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!_crm_fields_pane_has_pending (self) && self->dead_sections->len == 0)
    return;

  self->pending_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;
  if (self->fill_tick_id == 0)
    self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

void
_crm_fields_pane_stop_filling (CrmFieldsPane *self)
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
int
_crm_fields_pane_append_next_section (CrmFieldsPane *self)
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
  gtk_box_append (self->sections_box, _crm_fields_pane_create_gap (FALSE));
  apply_group_editors (self, CRM_SECTION_GROUP (group));

  /* A header, and a row of two lines per field. */
  return 48 + 56 * MAX (n_fields, 1);
}

gboolean
_crm_fields_pane_has_pending (CrmFieldsPane *self)
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
  gboolean was_pending = _crm_fields_pane_has_pending (self);
  gint64 end;

  if (gdk_frame_clock_get_frame_counter (clock) <= self->pending_frame + 1)
    return G_SOURCE_CONTINUE;

  /* A few milliseconds a frame, so scrolling stays smooth meanwhile. */
  end = g_get_monotonic_time () + 4000;
  while (_crm_fields_pane_has_pending (self) && g_get_monotonic_time () < end)
    _crm_fields_pane_append_next_section (self);
  while (self->dead_sections->len > 0 && g_get_monotonic_time () < end)
    drop_dead_section (self);

  if (_crm_fields_pane_has_pending (self) || self->dead_sections->len > 0)
    return G_SOURCE_CONTINUE;

  self->fill_tick_id = 0;
  g_clear_object (&self->pending_sections);
  if (was_pending)
    _crm_fields_pane_notify_complete (self);

  return G_SOURCE_REMOVE;
}

void
_crm_fields_pane_clear_sections (CrmFieldsPane *self)
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

