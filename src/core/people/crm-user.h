/* crm-user.h — a person who works in the CRM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_USER (crm_user_get_type ())

G_DECLARE_FINAL_TYPE (CrmUser, crm_user, CRM, USER, GObject)

gint64      crm_user_get_id          (CrmUser *self);
const char *crm_user_get_login       (CrmUser *self);
const char *crm_user_get_name        (CrmUser *self);
const char *crm_user_get_email       (CrmUser *self);
const char *crm_user_get_position    (CrmUser *self);
gboolean    crm_user_is_admin        (CrmUser *self);
gboolean    crm_user_is_active       (CrmUser *self);
/* Ids of the departments the user belongs to (not their parents). */
GArray     *crm_user_get_departments (CrmUser *self);
/* The file of their photo (crm_file_load ()), or 0. */
gint64      crm_user_get_photo_file_id (CrmUser *self);

G_END_DECLS
