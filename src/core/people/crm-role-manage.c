/* crm-role-manage.c — creating, renaming and deleting roles, switching
 * their permissions, giving them to users and departments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-people-private.h"
#include "crm-permission-private.h"
#include "crm-role.h"
#include "crm-util-private.h"

/* ---- Checks ----------------------------------------------------------------------- */

/* The role's code, or NULL with NOT_FOUND. */
static char *
find_role (CrmSession  *session,
           gint64       role_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  char *code = NULL;

  stmt = _crm_store_prepare (crm_session_get_store (session), "SELECT code FROM roles WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, role_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (code == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This role no longer exists"));
  return code;
}

static gboolean
check_unique_name (CrmSession  *session,
                   gint64       role_id,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GPtrArray) roles = crm_role_list (session, error);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (roles == NULL)
    return FALSE;
  for (guint i = 0; i < roles->len; i++)
    {
      CrmRole *role = g_ptr_array_index (roles, i);
      g_autofree char *other = g_utf8_casefold (crm_role_get_name (role), -1);

      if (crm_role_get_id (role) != role_id && g_str_equal (folded, other))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       _("There is already a role called “%s”"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs @sql with ?1 … ?3 bound to @a, @b, @c (0 binds NULL to ?3). */
static gboolean
run (CrmSession  *session,
     const char  *sql,
     gint64       a,
     gint64       b,
     gint64       c,
     GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (crm_session_get_store (session), sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, a);
  if (n >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (n >= 3 && c != 0)
    sqlite3_bind_int64 (stmt, 3, c);
  return _crm_people_step (session, stmt, error);
}

/* ---- Roles ---------------------------------------------------------------------- */

gint64
crm_role_create (CrmSession  *session,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      (clean = _crm_clean_name (name, _("Give the role a name"), error)) == NULL ||
      !_crm_people_begin (session, error))
    return 0;
  if (!check_unique_name (session, 0, clean, error))
    return _crm_people_fail (session);

  store = crm_session_get_store (session);
  /* The code only has to be stable and unique; the row id makes it so. */
  stmt = _crm_store_prepare (store, "INSERT INTO roles (code, name) VALUES ('role_new', ?)", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  if (!run (session, "UPDATE roles SET code = 'role_' || id WHERE id = ?1", id, 0, 0, error))
    return _crm_people_fail (session);
  if (!_crm_people_commit (session, NULL, error))
    return 0;
  return id;
}

gboolean
crm_role_rename (CrmSession  *session,
                 gint64       role_id,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      (clean = _crm_clean_name (name, _("Give the role a name"), error)) == NULL ||
      !_crm_people_begin (session, error))
    return FALSE;
  if ((code = find_role (session, role_id, error)) == NULL ||
      !check_unique_name (session, role_id, clean, error))
    return _crm_people_fail (session);

  stmt = _crm_store_prepare (crm_session_get_store (session),
                             "UPDATE roles SET name = ?2, label_msgid = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, role_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session, NULL, error);
}

gboolean
crm_role_delete (CrmSession  *session,
                 gint64       role_id,
                 GError     **error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!_crm_people_begin (session, error))
    return FALSE;
  if ((code = find_role (session, role_id, error)) == NULL)
    return _crm_people_fail (session);
  /* New users get the employee role by its code; the administrator role
   * is the way back for whoever needs every right. */
  if (g_str_equal (code, "administrator") || g_str_equal (code, "employee"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("The built-in roles can be renamed and changed, but not deleted"));
      return _crm_people_fail (session);
    }
  /* Its permissions and assignments go with it (ON DELETE CASCADE). */
  if (!run (session, "DELETE FROM roles WHERE id = ?1", role_id, 0, 0, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             _("This role is what lets anyone manage users: "
                               "give that right to someone else before deleting it"),
                             error);
}

/* ---- Permissions ------------------------------------------------------------------ */

/* ?1 role, ?2 permission code, ?3 entity type. */
#define DELETE_ALL \
  "DELETE FROM role_permissions WHERE role_id = ?1 AND permission = ?2 AND field_id IS NULL"
#define DELETE_ONE \
  "DELETE FROM role_permissions WHERE role_id = ?1 AND permission = ?2 AND entity_type_id = ?3 " \
  "AND field_id IS NULL"
#define INSERT_ALL \
  "INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2)"
#define INSERT_ONE \
  "INSERT OR IGNORE INTO role_permissions (role_id, permission, entity_type_id) VALUES (?1, ?2, ?3)"
#define INSERT_OTHERS \
  "INSERT INTO role_permissions (role_id, permission, entity_type_id) " \
  "SELECT ?1, ?2, id FROM entity_types WHERE id <> ?3"

static gboolean
run_permission (CrmSession     *session,
                const char     *sql,
                gint64          role_id,
                CrmPermission   permission,
                gint64          entity_type_id,
                GError        **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (crm_session_get_store (session), sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, role_id);
  sqlite3_bind_text (stmt, 2, _crm_permission_to_code (permission), -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, entity_type_id);
  return _crm_people_step (session, stmt, error);
}

gboolean
crm_role_set_permission (CrmSession     *session,
                         gint64          role_id,
                         CrmPermission   permission,
                         gint64          entity_type_id,
                         gboolean        granted,
                         GError        **error)
{
  g_autofree char *code = NULL;
  CrmCatalog *catalog;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gboolean had_all = FALSE;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (permission < CRM_PERMISSION_LAST, FALSE);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error))
    return FALSE;
  if (entity_type_id != 0 && !crm_permission_is_per_type (permission))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("This permission is about the whole CRM and cannot be given per kind of element"));
      return FALSE;
    }
  if (entity_type_id != 0 && crm_catalog_get_entity_type (catalog, entity_type_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return FALSE;
    }
  if (!_crm_people_begin (session, error))
    return FALSE;
  if ((code = find_role (session, role_id, error)) == NULL)
    return _crm_people_fail (session);

  stmt = _crm_store_prepare (store,
                             "SELECT EXISTS (SELECT 1 FROM role_permissions WHERE role_id = ?1 "
                             "  AND permission = ?2 AND entity_type_id IS NULL AND field_id IS NULL)", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, role_id);
  sqlite3_bind_text (stmt, 2, _crm_permission_to_code (permission), -1, SQLITE_STATIC);
  had_all = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  /* On every type one row, else one row per type. */
  if (entity_type_id == 0)
    ok = run_permission (session, DELETE_ALL, role_id, permission, 0, error) &&
         (!granted || run_permission (session, INSERT_ALL, role_id, permission, 0, error));
  else if (granted)
    ok = had_all || run_permission (session, INSERT_ONE, role_id, permission, entity_type_id, error);
  else if (had_all)
    ok = run_permission (session, DELETE_ALL, role_id, permission, 0, error) &&
         run_permission (session, INSERT_OTHERS, role_id, permission, entity_type_id, error);
  else
    ok = run_permission (session, DELETE_ONE, role_id, permission, entity_type_id, error);
  if (!ok)
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             _("Someone must remain able to manage users: "
                               "give that right to another role first"),
                             error);
}

/* ---- Assignments ------------------------------------------------------------------- */

static gboolean
assign (CrmSession  *session,
        gint64       role_id,
        gint64       user_id,
        gint64       department_id,
        gboolean     assigned,
        GError     **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  g_autofree char *code = NULL;
  const char *sql;

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error))
    return FALSE;
  if (user_id != 0 && crm_catalog_get_user (catalog, user_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This user no longer exists"));
      return FALSE;
    }
  if (department_id != 0 && crm_catalog_get_department_name (catalog, department_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This department no longer exists"));
      return FALSE;
    }
  if (!_crm_people_begin (session, error))
    return FALSE;
  if ((code = find_role (session, role_id, error)) == NULL)
    return _crm_people_fail (session);

  if (user_id != 0)
    sql = assigned ? "INSERT OR IGNORE INTO role_assignments (role_id, user_id) VALUES (?1, ?2)"
                   : "DELETE FROM role_assignments WHERE role_id = ?1 AND user_id = ?2";
  else
    sql = assigned ? "INSERT OR IGNORE INTO role_assignments (role_id, department_id) VALUES (?1, ?2)"
                   : "DELETE FROM role_assignments WHERE role_id = ?1 AND department_id = ?2";
  if (!run (session, sql, role_id, user_id != 0 ? user_id : department_id, 0, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             _("Someone must remain able to manage users: "
                               "give that right to someone else before taking this role away"),
                             error);
}

gboolean
crm_role_assign_user (CrmSession  *session,
                      gint64       role_id,
                      gint64       user_id,
                      gboolean     assigned,
                      GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (user_id != 0, FALSE);
  return assign (session, role_id, user_id, 0, assigned, error);
}

gboolean
crm_role_assign_department (CrmSession  *session,
                            gint64       role_id,
                            gint64       department_id,
                            gboolean     assigned,
                            GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (department_id != 0, FALSE);
  return assign (session, role_id, 0, department_id, assigned, error);
}
