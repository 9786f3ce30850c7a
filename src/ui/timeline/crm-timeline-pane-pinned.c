/* crm-timeline-pane-pinned.c — the pinned entries above a card's timeline
 *
 * Pinned entries repeat above the list in a small section of their own:
 * the first few, and the others behind Show All. They are read again
 * whenever an entry of the element changes; rows are kept by entry, so a
 * comment being edited here survives someone else's comment arriving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "crm-timeline-pane-private.h"
#include "crm-timeline-row.h"

/* Pinned rows shown before "Show All". */
#define PINNED_FOLDED 3

static CrmTimelineRow *
find_pinned_row (CrmTimelinePane *self,
                 gint64           entry_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pinned_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CrmTimelineEntry *entry = crm_timeline_row_get_entry (CRM_TIMELINE_ROW (child));

      if (entry != NULL && crm_timeline_entry_get_id (entry) == entry_id)
        return CRM_TIMELINE_ROW (child);
    }

  return NULL;
}

/* Rows are kept by entry, so a comment being edited in this section
 * survives someone else's comment arriving. */
void
_crm_timeline_pane_update_pinned (CrmTimelinePane *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (self->session != NULL && self->element_id != 0)
    {
      entries = crm_timeline_query_pinned (self->session, self->element_id, &error);
      if (entries == NULL)
        g_message ("Could not read the pinned entries: %s", error->message);
    }

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CrmTimelineEntry *entry = g_ptr_array_index (entries, i);
      CrmTimelineRow *row = find_pinned_row (self, crm_timeline_entry_get_id (entry));
      g_autofree char *name = NULL;

      if (row == NULL)
        {
          row = CRM_TIMELINE_ROW (crm_timeline_row_new ());
          crm_timeline_row_set_show_pin (row, FALSE);
          gtk_widget_add_css_class (GTK_WIDGET (row), "crm-pinned-row");
        }

      g_ptr_array_add (rows, g_object_ref (row));
      crm_timeline_row_set_session (row, self->session);
      crm_timeline_row_set_entry (row, entry, now);

      name = g_strdup_printf ("timeline-pin-%" G_GINT64_FORMAT, crm_timeline_entry_get_id (entry));
      gtk_widget_set_name (GTK_WIDGET (row), name);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pinned_list))))
    gtk_box_remove (self->pinned_list, child);

  for (guint i = 0; i < rows->len; i++)
    {
      gtk_box_append (self->pinned_list, g_ptr_array_index (rows, i));
      gtk_widget_set_visible (g_ptr_array_index (rows, i), self->pinned_expanded || i < PINNED_FOLDED);
    }

  gtk_widget_set_visible (self->pinned_section, rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->pinned_more_button), rows->len > PINNED_FOLDED);
  if (rows->len > PINNED_FOLDED)
    {
      g_autofree char *label = NULL;

      if (self->pinned_expanded)
        label = g_strdup (_("Show Fewer"));
      else
        /* Translators: a button above the pinned timeline entries; %u counts them all */
        label = g_strdup_printf (_("Show All (%u)"), rows->len);
      gtk_button_set_label (self->pinned_more_button, label);
    }
}

