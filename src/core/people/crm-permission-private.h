/* crm-permission-private.h — permissions as the database stores them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-session.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* "element.read", "users.manage" … as in role_permissions.permission. */
const char *_crm_permission_to_code   (CrmPermission  permission);
gboolean    _crm_permission_from_code (const char    *code,
                                       CrmPermission *permission);
/* Through a role given to the user or to one of their departments or
 * those departments' parents; ignores is_admin and active. */
gboolean    _crm_user_has_permission  (CrmStore      *store,
                                       gint64         user_id,
                                       CrmPermission  permission,
                                       gint64         entity_type_id);

G_END_DECLS
