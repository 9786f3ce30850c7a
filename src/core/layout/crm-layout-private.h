/* crm-layout-private.h — layout steps other core files run inside their
 * own transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-layout.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Checks the session may edit the layout holding @section_id and gives
 * that layout's id and entity type. */
gboolean _crm_layout_check_section (CrmSession  *session,
                                    gint64       section_id,
                                    gint64      *layout_id,
                                    gint64      *entity_type_id,
                                    GError     **error);
/* Places (or moves) a field, and notes the layout change. */
gboolean _crm_layout_place         (CrmStore    *store,
                                    gint64       layout_id,
                                    gint64       entity_type_id,
                                    gint64       section_id,
                                    gint64       field_id,
                                    guint        position,
                                    GError     **error);

G_END_DECLS
