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

GtkWidget        *crm_timeline_row_new          (void);
/* Who pins, edits and deletes through the row's menu. */
void              crm_timeline_row_set_session  (CrmTimelineRow   *self,
                                                 CrmSession       *session);
/* @now: the time the relative time ("5 minutes ago") is counted from. */
void              crm_timeline_row_set_entry    (CrmTimelineRow   *self,
                                                 CrmTimelineEntry *entry,
                                                 GDateTime        *now);
CrmTimelineEntry *crm_timeline_row_get_entry    (CrmTimelineRow   *self);
/* Counts the relative time again from @now. */
void              crm_timeline_row_update_time  (CrmTimelineRow   *self,
                                                 GDateTime        *now);
/* Whether a pinned entry shows a pin beside its author (default TRUE). */
void              crm_timeline_row_set_show_pin (CrmTimelineRow   *self,
                                                 gboolean          show_pin);
/* Whether the comment's text is being edited, and its editor then. */
gboolean          crm_timeline_row_get_editing  (CrmTimelineRow   *self);
GtkTextView      *crm_timeline_row_get_editor   (CrmTimelineRow   *self);

G_END_DECLS
