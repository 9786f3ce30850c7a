/* crm-entity-type-manage-private.h — what crm-entity-type-manage.c asks of
 * crm-entity-type-stages.c, inside its own transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The first column of the one row of @sql, bound to @param; -1 on error. */
gint64   _crm_entity_type_query_int      (CrmStore    *store,
                                          const char  *sql,
                                          gint64       param,
                                          GError     **error);
/* The default pipeline, its first stage for every element, the pipeline and
 * stage fields shown after the title in the standard layouts; with
 * @has_pipelines the layouts the type had become the pipeline's. */
gboolean _crm_entity_type_add_stages     (CrmStore    *store,
                                          gint64       type_id,
                                          gboolean     has_pipelines,
                                          GError     **error);
/* For a type without elements: its pipelines, stages and their fields go,
 * rules required from a stage are dropped, and the default pipeline's
 * layouts become the type's. */
gboolean _crm_entity_type_remove_stages  (CrmStore    *store,
                                          gint64       type_id,
                                          GError     **error);

G_END_DECLS
