/* crm-timeline-pane-private.h — what the timeline pane's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crm-timeline-pane.h"

G_BEGIN_DECLS

struct _CrmTimelinePane
{
  GtkWidget          parent_instance;

  CrmSession        *session;
  CrmTimelineModel  *model;
  GtkSliceListModel *slice;
  gint64             element_id;
  gulong             store_changed_id;
  guint              scroll_idle_id;
  guint              clock_id;
  guint              grow_idle_id;
  gboolean           pinned_expanded;

  /* Template widgets */
  GtkTextView       *composer_text;
  GtkListView       *list_view;
  GtkBox            *pinned_list;
  GtkButton         *pinned_more_button;
  GtkWidget         *pinned_section;
  GtkLabel          *placeholder_label;
  GtkScrolledWindow *scrolled_window;
  GtkButton         *send_button;
  GtkStack          *stack;
};

/* crm-timeline-pane-pinned.c: reads the pinned entries again. */
void _crm_timeline_pane_update_pinned (CrmTimelinePane *self);

G_END_DECLS
