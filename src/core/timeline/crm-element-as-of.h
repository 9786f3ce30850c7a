/* crm-element-as-of.h — a card as it was at a given time
 *
 * The values are rebuilt from today's by undoing, newest first, every
 * field change and stage change the timeline holds after that time. The
 * snapshot is read-only: drafts refuse it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-element.h"

G_BEGIN_DECLS

/* The element as @session's user would have seen it at @when, with the
 * values they may see now. NOT_FOUND (and nothing else loaded) when the
 * element did not exist yet then, or does not exist. */
CrmElement *crm_element_load_as_of     (CrmSession  *session,
                                        gint64       element_id,
                                        GDateTime   *when,
                                        GError     **error);
/* The time a snapshot shows; NULL for an element loaded as it is. */
GDateTime  *crm_element_get_as_of      (CrmElement  *self);
/* FALSE when the snapshot cannot tell the field's values then: changes
 * logged before Clientele kept them in full came between. Such a field
 * shows no values. TRUE for every field of a current element. */
gboolean    crm_element_is_value_known (CrmElement  *self,
                                        CrmField    *field);

G_END_DECLS
