/* crm-session-private.h — the element checks every read and write path
 * of the core shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-session.h"

G_BEGIN_DECLS

/* Refuses (PERMISSION_DENIED) @permission on an element with these
 * columns: ELEMENT_READ, its own or ELEMENT_READ_ALL, then @permission. */
gboolean _crm_session_check_element    (CrmSession     *self,
                                        CrmPermission   permission,
                                        gint64          entity_type_id,
                                        gint64          responsible_id,
                                        gint64          created_by,
                                        GError        **error);
/* The same for the element as stored now; NOT_FOUND when it is gone.
 * Sets @entity_type_id (may be NULL) on success. */
gboolean _crm_session_check_element_id (CrmSession     *self,
                                        CrmPermission   permission,
                                        gint64          element_id,
                                        gint64         *entity_type_id,
                                        GError        **error);

G_END_DECLS
