/* crm-session.h — the acting user of every core call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field.h"
#include "crm-locale.h"
#include "crm-store.h"
#include "crm-user.h"

G_BEGIN_DECLS

#define CRM_TYPE_SESSION (crm_session_get_type ())

G_DECLARE_FINAL_TYPE (CrmSession, crm_session, CRM, SESSION, GObject)

typedef enum
{
  CRM_PERMISSION_ELEMENT_READ,
  CRM_PERMISSION_ELEMENT_WRITE,
  CRM_PERMISSION_ELEMENT_DELETE,
  CRM_PERMISSION_LAYOUT_EDIT_STANDARD,
  CRM_PERMISSION_LAYOUT_PERSONAL,
  CRM_PERMISSION_FIELDS_MANAGE,
  /* Create, assign, edit and delete named card views. */
  CRM_PERMISSION_VIEWS_MANAGE,
  CRM_PERMISSION_PIPELINES_MANAGE,
  CRM_PERMISSION_USERS_MANAGE,
  /* Without it, ELEMENT_READ covers only the elements one is responsible
   * for or created. */
  CRM_PERMISSION_ELEMENT_READ_ALL,
  /* Create, change and delete user-defined entity types. */
  CRM_PERMISSION_TYPES_MANAGE,
  CRM_PERMISSION_LAST,
} CrmPermission;

CrmSession *crm_session_new              (CrmStore      *store,
                                          gint64         user_id,
                                          GError       **error);
/* On first start the database gets one administrator named after the
 * person logged in (g_get_user_name (), g_get_real_name ()); later starts
 * find that user again by login. */
CrmSession *crm_session_new_for_desktop_user (CrmStore  *store,
                                              GError   **error);
/* The user with @login (--user): NOT_FOUND for an unknown login,
 * PERMISSION_DENIED for a deactivated one. */
CrmSession *crm_session_new_for_login    (CrmStore      *store,
                                          const char    *login,
                                          GError       **error);
CrmStore   *crm_session_get_store        (CrmSession    *self);
gint64      crm_session_get_user_id      (CrmSession    *self);
CrmUser    *crm_session_get_user         (CrmSession    *self);
gboolean    crm_session_is_admin         (CrmSession    *self);
/* The conventions the session's reader formats values in: what was set,
 * else the process's (crm_locale_get_default ()). */
const CrmLocale *crm_session_get_locale  (CrmSession      *self);
/* NULL goes back to the process's. */
void        crm_session_set_locale       (CrmSession      *self,
                                          const CrmLocale *locale);
/* May the user see this field's values? (visible_to, admins see all) */
gboolean    crm_session_can_see_field    (CrmSession    *self,
                                          CrmField      *field);
gboolean    crm_session_has_permission   (CrmSession    *self,
                                          CrmPermission  permission,
                                          gint64         entity_type_id);
/* Like has_permission, with a CRM_ERROR_PERMISSION_DENIED error. */
gboolean    crm_session_check_permission (CrmSession    *self,
                                          CrmPermission  permission,
                                          gint64         entity_type_id,
                                          GError       **error);
/* ELEMENT_READ and ELEMENT_READ_ALL on the type: every element, not only
 * one's own. */
gboolean    crm_session_reads_all        (CrmSession    *self,
                                          gint64         entity_type_id);
/* May the user see an element of this type with this responsible and
 * creator? Without ELEMENT_READ_ALL, only their own. */
gboolean    crm_session_can_read_element (CrmSession    *self,
                                          gint64         entity_type_id,
                                          gint64         responsible_id,
                                          gint64         created_by);

G_END_DECLS
