/* crm-people.c — the transaction every call of the administration runs in
 *
 * Whatever a call changes (a user deactivated, a role taken away, a
 * permission switched off, a department deleted with its role), the last
 * check is the same: some active user can still manage users. Asking it
 * of the result, rather than guessing per call, leaves no path around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-people-private.h"
#include "crm-permission-private.h"

gboolean
_crm_people_begin (CrmSession  *session,
                   GError     **error)
{
  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error))
    return FALSE;
  return _crm_store_begin (crm_session_get_store (session), error);
}

gboolean
_crm_people_fail (CrmSession *session)
{
  _crm_store_rollback (crm_session_get_store (session));
  return FALSE;
}

gboolean
_crm_people_step (CrmSession    *session,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  return _crm_store_step_done (crm_session_get_store (session), stmt, error);
}

int
_crm_people_changes (CrmSession *session)
{
  return sqlite3_changes (_crm_store_get_db (crm_session_get_store (session)));
}

/* Is some active user an administrator, or given USERS_MANAGE by a role? */
static gboolean
someone_manages_users (CrmStore  *store,
                       gboolean  *answer,
                       GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  *answer = FALSE;
  stmt = _crm_store_prepare (store, "SELECT id, is_admin FROM users WHERE active = 1", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (sqlite3_column_int (stmt, 1))
        *answer = TRUE;
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);

  for (guint i = 0; !*answer && i < ids->len; i++)
    *answer = _crm_user_has_permission (store, g_array_index (ids, gint64, i),
                                        CRM_PERMISSION_USERS_MANAGE, 0);
  return TRUE;
}

gboolean
_crm_people_commit (CrmSession  *session,
                    const char  *refusal,
                    GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  gboolean ok;

  if (!someone_manages_users (store, &ok, error))
    return _crm_people_fail (session);
  if (!ok)
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                           refusal != NULL ? refusal
                                           : _("Someone must remain able to manage users: "
                                               "this change would leave nobody who can"));
      return _crm_people_fail (session);
    }
  _crm_store_note_change (store, CRM_CHANGE_CATALOG, 0, 0);
  return _crm_store_commit (store, error);
}

gboolean
_crm_people_migrate (CrmStore  *store,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean has_photo = FALSE;
  int rc;

  stmt = _crm_store_prepare (store, "SELECT 1 FROM pragma_table_info ('users') WHERE name = 'photo_file_id'",
                             error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  has_photo = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);

  if (!has_photo &&
      !_crm_store_exec (store,
                        "ALTER TABLE users ADD COLUMN photo_file_id INTEGER "
                        "  REFERENCES files (id) ON DELETE SET NULL", error))
    return FALSE;
  return _crm_store_exec (store,
                          "CREATE INDEX IF NOT EXISTS departments_parent ON departments (parent_id, sort);"
                          "CREATE INDEX IF NOT EXISTS role_assignments_user ON role_assignments (user_id);"
                          "CREATE INDEX IF NOT EXISTS role_assignments_department "
                          "  ON role_assignments (department_id);", error);
}
