/* crm-history-view.h — the History tab: every field change of an element,
 * and the card as it was at a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_HISTORY_VIEW (crm_history_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmHistoryView, crm_history_view, CRM, HISTORY_VIEW, GtkWidget)

GtkWidget     *crm_history_view_new             (void);
/* Lists the field changes of @element_id (0 for none) as @session sees them. */
void           crm_history_view_set_element     (CrmHistoryView *self,
                                                 CrmSession     *session,
                                                 gint64          element_id);
/* Shows the card as it was at @when (local time) instead of the list of
 * changes; NULL goes back to the present. The date button does it too. */
void           crm_history_view_set_as_of       (CrmHistoryView *self,
                                                 GDateTime      *when);
GDateTime     *crm_history_view_get_as_of       (CrmHistoryView *self);
GtkColumnView *crm_history_view_get_column_view (CrmHistoryView *self);
/* Of CrmTimelineEntry, in the order shown. */
GListModel    *crm_history_view_get_model       (CrmHistoryView *self);

G_END_DECLS
