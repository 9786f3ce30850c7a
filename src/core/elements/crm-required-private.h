/* crm-required-private.h — when a field must be filled
 *
 * One rule for the draft that refuses a save and for the card that
 * offers the fields it lacks (crm_layout_get_required_unshown ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-catalog.h"

G_BEGIN_DECLS

/* Whether @field must be filled on an element at @stage_id of
 * @pipeline_id (both 0 for types without stages). */
gboolean _crm_field_is_required_at (CrmCatalog *catalog,
                                    CrmField   *field,
                                    gint64      pipeline_id,
                                    gint64      stage_id);

G_END_DECLS
