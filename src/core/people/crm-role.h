/* crm-role.h — roles: named sets of permissions given to users and to
 * whole departments (with their sub-departments)
 *
 * The writes need CRM_PERMISSION_USERS_MANAGE and change everything or
 * nothing (see crm-people.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-session.h"

G_BEGIN_DECLS

/* "Manage fields", translated. */
const char *crm_permission_get_label   (CrmPermission permission);
/* Can it be given for some entity types only? (Not USERS_MANAGE or
 * TYPES_MANAGE, which are about the whole CRM.) */
gboolean    crm_permission_is_per_type (CrmPermission permission);

#define CRM_TYPE_ROLE (crm_role_get_type ())

G_DECLARE_FINAL_TYPE (CrmRole, crm_role, CRM, ROLE, GObject)

gint64      crm_role_get_id          (CrmRole       *self);
const char *crm_role_get_code        (CrmRole       *self);
/* Translated for the built-in roles until someone renames them. */
const char *crm_role_get_name        (CrmRole       *self);
/* Administrator and Employee: renamed, never deleted. */
gboolean    crm_role_is_builtin      (CrmRole       *self);
/* Does the role give @permission on @entity_type_id (0: on every type,
 * the one row that covers all)? */
gboolean    crm_role_grants          (CrmRole       *self,
                                      CrmPermission  permission,
                                      gint64         entity_type_id);
/* Ids of the users and departments it is given to. */
GArray     *crm_role_get_users       (CrmRole       *self);
GArray     *crm_role_get_departments (CrmRole       *self);

/* Of CrmRole, by name (the built-in ones first). */
GPtrArray  *crm_role_list            (CrmSession    *session,
                                      GError       **error);

gint64      crm_role_create          (CrmSession    *session,
                                      const char    *name,
                                      GError       **error);
gboolean    crm_role_rename          (CrmSession    *session,
                                      gint64         role_id,
                                      const char    *name,
                                      GError       **error);
gboolean    crm_role_delete          (CrmSession    *session,
                                      gint64         role_id,
                                      GError       **error);
/* Grants or takes @permission on @entity_type_id (0: on every type).
 * Taking it on one type from a role that had it on all leaves it on the
 * others. */
gboolean    crm_role_set_permission  (CrmSession    *session,
                                      gint64         role_id,
                                      CrmPermission  permission,
                                      gint64         entity_type_id,
                                      gboolean       granted,
                                      GError       **error);
gboolean    crm_role_assign_user     (CrmSession    *session,
                                      gint64         role_id,
                                      gint64         user_id,
                                      gboolean       assigned,
                                      GError       **error);
gboolean    crm_role_assign_department (CrmSession  *session,
                                        gint64       role_id,
                                        gint64       department_id,
                                        gboolean     assigned,
                                        GError     **error);

G_END_DECLS
