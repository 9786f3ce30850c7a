/* crm-timeline-pane.h — the right side of a card: composer and timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_PANE (crm_timeline_pane_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelinePane, crm_timeline_pane, CRM, TIMELINE_PANE, GtkWidget)

GtkWidget  *crm_timeline_pane_new            (void);
/* Shows the timeline of @element_id (0 for none) as @session sees it. */
void        crm_timeline_pane_set_element    (CrmTimelinePane *self,
                                              CrmSession      *session,
                                              gint64           element_id);
gint64      crm_timeline_pane_get_element_id (CrmTimelinePane *self);
GListModel *crm_timeline_pane_get_model      (CrmTimelinePane *self);

G_END_DECLS
