/* crm-department-manage.c — creating, renaming, moving and deleting
 * departments
 *
 * Each call checks what it needs against the tree as the database holds
 * it inside its own transaction, not against the catalog, so two
 * administrators moving departments at once cannot build a cycle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-department-private.h"
#include "crm-error.h"
#include "crm-people-private.h"
#include "crm-util-private.h"

/* ---- Looking in the tree ---------------------------------------------------------- */

static CrmDepartment *
find_in (GPtrArray *tree,
         gint64     id)
{
  for (guint i = 0; i < tree->len; i++)
    if (crm_department_get_id (g_ptr_array_index (tree, i)) == id)
      return g_ptr_array_index (tree, i);
  return NULL;
}

static gboolean
exists_or_fail (GPtrArray  *tree,
                gint64      id,
                GError    **error)
{
  if (find_in (tree, id) != NULL)
    return TRUE;
  g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This department no longer exists"));
  return FALSE;
}

/* Is @id @ancestor_id or below it? */
static gboolean
is_under (GPtrArray *tree,
          gint64     id,
          gint64     ancestor_id)
{
  for (guint depth = 0; id != 0 && depth <= 64; depth++)
    {
      CrmDepartment *department = find_in (tree, id);

      if (id == ancestor_id)
        return TRUE;
      id = department != NULL ? crm_department_get_parent_id (department) : 0;
    }
  return FALSE;
}

/* Refuses a name a sibling under @parent_id (other than @self_id) has. */
static gboolean
check_sibling_name (GPtrArray   *tree,
                    gint64       parent_id,
                    gint64       self_id,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < tree->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (tree, i);
      g_autofree char *other = NULL;

      if (crm_department_get_parent_id (department) != parent_id ||
          crm_department_get_id (department) == self_id)
        continue;
      other = g_utf8_casefold (crm_department_get_name (department), -1);
      if (g_str_equal (folded, other))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       _("There is already a department called “%s” there"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* The ids of @parent_id's children in order, without @except. */
static GArray *
children_of (GPtrArray *tree,
             gint64     parent_id,
             gint64     except)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < tree->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (tree, i);
      gint64 id = crm_department_get_id (department);

      if (crm_department_get_parent_id (department) == parent_id && id != except)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Stores @ids as @parent_id's children, in this order. */
static gboolean
write_children (CrmSession  *session,
                gint64       parent_id,
                GArray      *ids,
                GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _crm_store_prepare (crm_session_get_store (session),
                                               "UPDATE departments SET parent_id = nullif (?2, 0), sort = ?3 "
                                               "WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, parent_id);
      sqlite3_bind_int (stmt, 3, i);
      if (!_crm_people_step (session, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Opens the transaction and loads the tree in it. */
static GPtrArray *
begin_with_tree (CrmSession  *session,
                 GError     **error)
{
  GPtrArray *tree;

  if (!_crm_people_begin (session, error))
    return NULL;
  tree = _crm_department_load (crm_session_get_store (session), error);
  if (tree == NULL)
    _crm_people_fail (session);
  return tree;
}

/* ---- Public API ------------------------------------------------------------------ */

gint64
crm_department_create (CrmSession  *session,
                       const char  *name,
                       gint64       parent_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) tree = NULL;
  g_autofree char *clean = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      (clean = _crm_clean_name (name, _("Give the department a name"), error)) == NULL ||
      (tree = begin_with_tree (session, error)) == NULL)
    return 0;
  if ((parent_id != 0 && !exists_or_fail (tree, parent_id, error)) ||
      !check_sibling_name (tree, parent_id, 0, clean, error))
    return _crm_people_fail (session);

  store = crm_session_get_store (session);
  stmt = _crm_store_prepare (store,
                             "INSERT INTO departments (name, parent_id, sort) VALUES (?1, nullif (?2, 0), "
                             "  (SELECT ifnull (max (sort), -1) + 1 FROM departments "
                             "   WHERE ifnull (parent_id, 0) = ?2))", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  if (!_crm_people_commit (session, NULL, error))
    return 0;
  return id;
}

gboolean
crm_department_rename (CrmSession  *session,
                       gint64       department_id,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GPtrArray) tree = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      (clean = _crm_clean_name (name, _("Give the department a name"), error)) == NULL ||
      (tree = begin_with_tree (session, error)) == NULL)
    return FALSE;
  if (!exists_or_fail (tree, department_id, error) ||
      !check_sibling_name (tree, crm_department_get_parent_id (find_in (tree, department_id)),
                           department_id, clean, error))
    return _crm_people_fail (session);

  stmt = _crm_store_prepare (crm_session_get_store (session),
                             "UPDATE departments SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session, NULL, error);
}

gboolean
crm_department_move (CrmSession  *session,
                     gint64       department_id,
                     gint64       parent_id,
                     guint        position,
                     GError     **error)
{
  g_autoptr(GPtrArray) tree = NULL;
  g_autoptr(GArray) siblings = NULL;
  CrmDepartment *department;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((tree = begin_with_tree (session, error)) == NULL)
    return FALSE;
  if (!exists_or_fail (tree, department_id, error) ||
      (parent_id != 0 && !exists_or_fail (tree, parent_id, error)))
    return _crm_people_fail (session);
  if (is_under (tree, parent_id, department_id))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A department cannot be moved into itself or into one of its sub-departments"));
      return _crm_people_fail (session);
    }
  department = find_in (tree, department_id);
  if (!check_sibling_name (tree, parent_id, department_id, crm_department_get_name (department), error))
    return _crm_people_fail (session);

  siblings = children_of (tree, parent_id, department_id);
  g_array_insert_val (siblings, MIN (position, siblings->len), department_id);
  if (!write_children (session, parent_id, siblings, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session, NULL, error);
}

gboolean
crm_department_set_head (CrmSession  *session,
                         gint64       department_id,
                         gint64       user_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) tree = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((tree = begin_with_tree (session, error)) == NULL)
    return FALSE;
  if (!exists_or_fail (tree, department_id, error))
    return _crm_people_fail (session);
  if (user_id != 0 &&
      crm_catalog_get_user (crm_store_get_catalog (crm_session_get_store (session)), user_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This user no longer exists"));
      return _crm_people_fail (session);
    }
  stmt = _crm_store_prepare (crm_session_get_store (session),
                             "UPDATE departments SET head_id = nullif (?2, 0) WHERE id = ?1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, department_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session, NULL, error);
}

gboolean
crm_department_delete (CrmSession  *session,
                       gint64       department_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) tree = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GArray) siblings = NULL;
  g_autofree char *field = NULL;
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gint64 parent_id;
  guint at;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((tree = begin_with_tree (session, error)) == NULL)
    return FALSE;
  if (!exists_or_fail (tree, department_id, error))
    return _crm_people_fail (session);

  /* Its visibility rows would go with it (ON DELETE CASCADE), and a field
   * left with none is visible to everyone. */
  stmt = _crm_store_prepare (store,
                             "SELECT f.label FROM field_visibility v JOIN fields f ON f.id = v.field_id "
                             "WHERE v.department_id = ? ORDER BY f.id LIMIT 1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, department_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    field = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (field != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                   _("The field “%s” is visible to this department: change who may see it "
                     "before deleting the department"), field);
      return _crm_people_fail (session);
    }

  /* Its sub-departments take its place among its siblings. */
  parent_id = crm_department_get_parent_id (find_in (tree, department_id));
  siblings = children_of (tree, parent_id, 0);
  moved = children_of (tree, department_id, 0);
  for (at = 0; at < siblings->len && g_array_index (siblings, gint64, at) != department_id; at++)
    ;
  g_array_remove_index (siblings, at);
  g_array_insert_vals (siblings, at, moved->data, moved->len);
  if (!write_children (session, parent_id, siblings, error))
    return _crm_people_fail (session);

  stmt = _crm_store_prepare (store, "DELETE FROM departments WHERE id = ?", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, department_id);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             _("The roles given to this department are what lets anyone manage users: "
                               "give that right to someone else first"),
                             error);
}
