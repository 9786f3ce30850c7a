/* crm-people-private.h — what the administration's files share: one
 * transaction per call, checked for USERS_MANAGE on the way in and for
 * someone left to manage users on the way out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-session.h"
#include "crm-store-private.h"

G_BEGIN_DECLS

/* Migration 6: users may have a photo (a file, claimed like a file
 * field's value); departments, role assignments get the indexes the tree
 * and the permission checks look them up by. Tests that rewind
 * user_version to an older schema keep the column: it is added only when
 * missing. */
gboolean _crm_people_migrate (CrmStore  *store,
                              GError   **error);
/* Checks USERS_MANAGE and opens the call's transaction. */
gboolean _crm_people_begin  (CrmSession  *session,
                             GError     **error);
/* Refuses (PERMISSION_DENIED, @refusal) a change that leaves no active
 * user able to manage users, then notes CRM_CHANGE_CATALOG (the catalog
 * reloads users and departments) and commits. Rolls back on failure. */
gboolean _crm_people_commit (CrmSession  *session,
                             const char  *refusal,
                             GError     **error);
/* Rolls back the call's transaction; returns FALSE. */
gboolean _crm_people_fail   (CrmSession  *session);
/* Runs @stmt (bound by the caller) to its end. */
gboolean _crm_people_step   (CrmSession    *session,
                             sqlite3_stmt  *stmt,
                             GError       **error);
/* The number of rows the last statement changed. */
int      _crm_people_changes (CrmSession  *session);

G_END_DECLS
