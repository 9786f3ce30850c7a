/* crm-timeline-row.h — one entry of a card's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_ROW (crm_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelineRow, crm_timeline_row, CRM, TIMELINE_ROW, GtkWidget)

GtkWidget        *crm_timeline_row_new       (void);
/* @now: the time the relative time ("5 minutes ago") is counted from. */
void              crm_timeline_row_set_entry (CrmTimelineRow   *self,
                                              CrmTimelineEntry *entry,
                                              GDateTime        *now);
CrmTimelineEntry *crm_timeline_row_get_entry (CrmTimelineRow   *self);

G_END_DECLS
