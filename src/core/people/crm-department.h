/* crm-department.h — the departments of the company, as a tree, and how
 * the administration changes them
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

#define CRM_TYPE_DEPARTMENT (crm_department_get_type ())

G_DECLARE_FINAL_TYPE (CrmDepartment, crm_department, CRM, DEPARTMENT, GObject)

gint64      crm_department_get_id        (CrmDepartment *self);
const char *crm_department_get_name      (CrmDepartment *self);
/* 0 for a top-level department. */
gint64      crm_department_get_parent_id (CrmDepartment *self);
/* Its head (a user id), or 0. */
gint64      crm_department_get_head_id   (CrmDepartment *self);
/* How deep in the tree: 0 for a top-level department. */
guint       crm_department_get_depth     (CrmDepartment *self);

/* Of CrmDepartment, every department as the tree shows them: each after
 * its parent, siblings in their order. */
GPtrArray  *crm_department_list          (CrmSession     *session,
                                          GError        **error);

/* The new department's id, last among its siblings (@parent_id 0: at the
 * top), or 0 with an error. */
gint64      crm_department_create        (CrmSession     *session,
                                          const char     *name,
                                          gint64          parent_id,
                                          GError        **error);
gboolean    crm_department_rename        (CrmSession     *session,
                                          gint64          department_id,
                                          const char     *name,
                                          GError        **error);
/* Puts the department under @parent_id (0: at the top) at @position
 * among its new siblings (G_MAXUINT or past the end: last). Moves within
 * the same parent reorder. Refused under itself or its own descendants. */
gboolean    crm_department_move          (CrmSession     *session,
                                          gint64          department_id,
                                          gint64          parent_id,
                                          guint           position,
                                          GError        **error);
/* @user_id 0 leaves the department without a head. */
gboolean    crm_department_set_head      (CrmSession     *session,
                                          gint64          department_id,
                                          gint64          user_id,
                                          GError        **error);
/* Its sub-departments move up to its parent; its members leave it and
 * the roles given to it go. Refused while a field is visible to it. */
gboolean    crm_department_delete        (CrmSession     *session,
                                          gint64          department_id,
                                          GError        **error);

G_END_DECLS
