/* crm-relations-private.h — writing relations, for the conversion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-relations.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Inside the caller's transaction: @target_id was created from
 * @source_id. */
gboolean _crm_relation_insert_created_from (CrmStore    *store,
                                            gint64       source_id,
                                            gint64       target_id,
                                            gint64       user_id,
                                            const char  *now,
                                            GError     **error);

G_END_DECLS
