/* crm-fields-pane-picker.c — the pane's one Select Field popover
 *
 * One popover serves every section, so it stays open while several fields
 * are checked, and follows its section's button across rebuilds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-field-picker.h"
#include "crm-fields-pane-private.h"

static GtkWidget *
find_select_button (CrmFieldsPane *self)
{
  g_autofree char *name = NULL;

  name = g_strdup_printf ("select-field-%" G_GINT64_FORMAT, crm_field_picker_get_section_id (self->picker));

  return _crm_fields_pane_find (self, name);
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
void
_crm_fields_pane_update_picker (CrmFieldsPane *self)
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

/* A popover of a custom widget follows it only when presented: at every
 * allocation of the pane. */
void
_crm_fields_pane_present_picker (CrmFieldsPane *self)
{
  GtkWidget *button;

  if (self->picker == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->picker)))
    return;

  button = find_select_button (self);
  if (button != NULL)
    point_picker (self, button);
  gtk_popover_present (GTK_POPOVER (self->picker));
}
