/* crm-timeline-model.h — an element's timeline, newest first, paged
 *
 * A CrmPagedModel: loads one page at a time with keyset pagination on
 * (created_at, id): the next page is fetched when a view asks for an item
 * near the end of what is loaded, so n_items grows as the view scrolls.
 * New, edited and deleted entries arrive through the store's change
 * notification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-paged-model.h"
#include "crm-session.h"
#include "crm-timeline-entry.h"

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_MODEL (crm_timeline_model_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelineModel, crm_timeline_model, CRM, TIMELINE_MODEL, CrmPagedModel)

CrmTimelineModel *crm_timeline_model_new         (CrmSession       *session,
                                                  gint64            element_id);
gint64            crm_timeline_model_get_element_id (CrmTimelineModel *self);
guint             crm_timeline_model_get_page_size  (CrmTimelineModel *self);
void              crm_timeline_model_set_page_size  (CrmTimelineModel *self,
                                                     guint             page_size);
gboolean          crm_timeline_model_has_more    (CrmTimelineModel *self);
/* Loads the next page now (the model does it by itself when asked for
 * items near its end); returns how many entries arrived. */
guint             crm_timeline_model_load_more   (CrmTimelineModel *self);

/* One page, without a model: entries older than (before_time, before_id),
 * or the newest when before_time is NULL. For benchmarks and exports. */
GPtrArray        *crm_timeline_query_page        (CrmSession       *session,
                                                  gint64            element_id,
                                                  const char       *before_time,
                                                  gint64            before_id,
                                                  guint             limit,
                                                  GError          **error);

G_END_DECLS
