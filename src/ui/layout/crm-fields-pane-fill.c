/* crm-fields-pane-fill.c — a card's sections, kept from one card to the next
 *
 * Building the widgets of a card of 200 fields, and laying them out, takes
 * many frames. So the pane keeps them: each CrmSectionGroup stays, by its
 * section's id, for as long as the layout has that section, and shows the
 * values of whichever element the card opens next; only sections and
 * fields new to the layout get new widgets, and only those gone from it
 * are disposed of.
 *
 * Another element shows its first screenful of sections at once; the
 * others wait hidden (they would show the last element's values) and come
 * back a few milliseconds a frame from the second frame on. Sections gone
 * from the layout are hidden at once and disposed of the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-field-row.h"
#include "crm-fields-pane-private.h"
#include "crm-layout-dnd.h"
#include "crm-section-group.h"

/* The drop gap under each section, for drags between sections. */
#define GAP_KEY "crm-fields-pane-gap"

void
_crm_fields_pane_release_focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
}

/* Each row shows its field's editor while the session edits it, and its
 * value otherwise. */
static void
apply_group_editors (CrmFieldsPane   *self,
                     CrmSectionGroup *group)
{
  for (guint i = 0; i < crm_section_group_get_n_rows (group); i++)
    {
      CrmFieldRow *row = crm_section_group_get_row (group, i);
      CrmValueEditor *editor = NULL;

      if (self->edit_session != NULL)
        editor = crm_edit_session_get_editor (self->edit_session, crm_field_row_get_field_id (row));
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

/* Out of the layout: hidden now, disposed of on the next frames. */
static void
retire_group (CrmFieldsPane *self,
              GtkWidget     *group)
{
  GtkWidget *gap = g_object_get_data (G_OBJECT (group), GAP_KEY);

  _crm_fields_pane_release_focus_in (group);
  if (gap != NULL && gtk_widget_get_parent (gap) == GTK_WIDGET (self->sections_box))
    gtk_box_remove (self->sections_box, gap);
  g_object_set_data (G_OBJECT (group), GAP_KEY, NULL);
  gtk_widget_set_visible (group, FALSE);
  g_ptr_array_add (self->dead_sections, g_object_ref (group));
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
  self->pending_after = NULL;
}

void
_crm_fields_pane_begin_sections (CrmFieldsPane    *self,
                                 GListModel       *sections,
                                 CrmFieldRowFlags  flags,
                                 gboolean          wait_hidden)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  guint n_sections = sections != NULL ? g_list_model_get_n_items (sections) : 0;
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n_sections, 1));
  GHashTableIter iter;
  gpointer group;

  _crm_fields_pane_stop_filling (self);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);

      ids[i] = crm_layout_section_get_id (section);
      g_hash_table_add (wanted, &ids[i]);
    }

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    {
      gint64 id = crm_section_group_get_section_id (group);

      if (!g_hash_table_contains (wanted, &id))
        {
          g_ptr_array_add (gone, g_object_ref (group));
          g_hash_table_iter_remove (&iter);
        }
      else if (wait_hidden)
        {
          _crm_fields_pane_release_focus_in (group);
          gtk_widget_set_visible (group, FALSE);
          gtk_widget_set_visible (g_object_get_data (G_OBJECT (group), GAP_KEY), FALSE);
        }
    }

  for (guint i = 0; i < gone->len; i++)
    {
      retire_group (self, g_ptr_array_index (gone, i));
      g_object_unref (g_ptr_array_index (gone, i));
    }

  if (sections == NULL)
    return;

  self->pending_sections = g_object_ref (sections);
  self->pending_flags = flags;
  self->pending_index = 0;
  self->pending_after = self->first_gap;
}

/* Shows the next section of the layout (with the gap under it), in the
 * group it had or a new one; returns its height, as best known now, 0
 * for one not shown. */
int
_crm_fields_pane_append_next_section (CrmFieldsPane *self)
{
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (self->pending_sections, self->pending_index);
  guint index = self->pending_index++;
  guint n_fields = g_list_model_get_n_items (crm_layout_section_get_fields (section));
  gint64 id = crm_layout_section_get_id (section);
  GtkWidget *group;
  GtkWidget *gap;
  int height = 0;

  /* Empty sections only matter to those who can fill them. */
  if (!self->can_edit_layout && n_fields == 0)
    {
      group = g_hash_table_lookup (self->groups, &id);
      if (group != NULL)
        {
          g_object_ref (group);
          g_hash_table_remove (self->groups, &id);
          retire_group (self, group);
          g_object_unref (group);
        }
      return 0;
    }

  group = g_hash_table_lookup (self->groups, &id);
  if (group != NULL &&
      !crm_section_group_update (CRM_SECTION_GROUP (group), section, index, self->pending_sections,
                                 self->element, self->pending_flags))
    {
      g_object_ref (group);
      g_hash_table_remove (self->groups, &id);
      retire_group (self, group);
      g_object_unref (group);
      group = NULL;
    }

  if (group != NULL)
    {
      gap = g_object_get_data (G_OBJECT (group), GAP_KEY);
      /* As tall as on the last card, give or take a wrapped line. */
      height = gtk_widget_get_height (group) + gtk_widget_get_height (gap);
      gtk_box_reorder_child_after (self->sections_box, group, self->pending_after);
      gtk_box_reorder_child_after (self->sections_box, gap, group);
      gtk_widget_set_visible (group, TRUE);
      gtk_widget_set_visible (gap, TRUE);
    }
  else
    {
      group = crm_section_group_new (section, index, self->pending_sections, self->element, self->pending_flags);
      gap = _crm_fields_pane_create_gap (FALSE);
      g_object_set_data (G_OBJECT (group), GAP_KEY, gap);
      gtk_box_insert_child_after (self->sections_box, group, self->pending_after);
      gtk_box_insert_child_after (self->sections_box, gap, group);
      g_hash_table_insert (self->groups, g_memdup2 (&id, sizeof id), g_object_ref (group));
    }

  self->pending_after = gap;
  apply_group_editors (self, CRM_SECTION_GROUP (group));

  /* New: a header, and a row of two lines per field. */
  return height > 0 ? height : 48 + 56 * MAX (n_fields, 1);
}

gboolean
_crm_fields_pane_has_pending (CrmFieldsPane *self)
{
  return self->pending_sections != NULL &&
         self->pending_index < g_list_model_get_n_items (self->pending_sections);
}

static void
drop_dead_section (CrmFieldsPane *self)
{
  GtkWidget *dead = g_ptr_array_steal_index (self->dead_sections, self->dead_sections->len - 1);

  if (gtk_widget_get_parent (dead) == GTK_WIDGET (self->sections_box))
    gtk_box_remove (self->sections_box, dead);
  g_object_unref (dead);
}

/* A few sections a frame, from the second frame on: the first one shows
 * the card as soon as it can. */
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
  self->pending_after = NULL;
  if (was_pending)
    _crm_fields_pane_notify_complete (self);

  return G_SOURCE_REMOVE;
}

void
_crm_fields_pane_rebuild (CrmFieldsPane *self,
                          gboolean       keep_scroll)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scroll = keep_scroll ? gtk_adjustment_get_value (vadjustment) : 0;
  CrmFieldRowFlags flags = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  crm_required_block_set_card (self->required_block, self->session, self->edit_session, self->element, self->layout);

  gtk_widget_set_visible (GTK_WIDGET (self->add_section_button),
                          self->element != NULL && self->layout != NULL && self->can_edit_layout);

  /* Another card: what had the focus shows something else now. */
  if (!keep_scroll)
    _crm_fields_pane_release_focus (self);

  if (self->element == NULL || self->layout == NULL)
    {
      _crm_fields_pane_begin_sections (self, NULL, 0, FALSE);
      if (self->picker != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->picker));
      gtk_adjustment_set_value (vadjustment, 0);
      _crm_fields_pane_start_filling (self);
      return;
    }

  if (self->can_edit_layout)
    flags |= CRM_FIELD_ROW_EDIT_LAYOUT;
  if (self->can_manage_fields)
    flags |= CRM_FIELD_ROW_MANAGE_FIELD;
  if (self->can_write_values)
    flags |= CRM_FIELD_ROW_WRITE_VALUE;

  /* Shown again (after a change), it keeps its place, focus and editors:
   * all at once. Another element: the first screenful now, the others on
   * the next frames. */
  _crm_fields_pane_begin_sections (self, crm_layout_get_sections (self->layout), flags, !keep_scroll);
  if (keep_scroll)
    {
      while (_crm_fields_pane_has_pending (self))
        _crm_fields_pane_append_next_section (self);
    }
  else
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled_window));
      int filled = 0;

      if (height <= 0)
        height = 800;

      while (_crm_fields_pane_has_pending (self) && filled < height)
        filled += _crm_fields_pane_append_next_section (self);
    }

  if (!_crm_fields_pane_has_pending (self))
    _crm_fields_pane_stop_filling (self);
  _crm_fields_pane_start_filling (self);

  gtk_adjustment_set_value (vadjustment, scroll);
  _crm_fields_pane_update_picker (self);
  if (!_crm_fields_pane_has_pending (self))
    _crm_fields_pane_notify_complete (self);
}

void
_crm_fields_pane_complete (CrmFieldsPane *self)
{
  g_return_if_fail (CRM_IS_FIELDS_PANE (self));

  if (!_crm_fields_pane_has_pending (self))
    return;

  while (_crm_fields_pane_has_pending (self))
    _crm_fields_pane_append_next_section (self);
  g_clear_object (&self->pending_sections);
  _crm_fields_pane_notify_complete (self);
}

void
_crm_fields_pane_release_focus (CrmFieldsPane *self)
{
  _crm_fields_pane_release_focus_in (GTK_WIDGET (self->sections_box));
}
