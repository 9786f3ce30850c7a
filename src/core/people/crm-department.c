/* crm-department.c — a department, and the tree of them as stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-department-private.h"
#include "crm-store-private.h"

struct _CrmDepartment
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gint64   parent_id;
  gint64   head_id;
  guint    depth;
};

G_DEFINE_FINAL_TYPE (CrmDepartment, crm_department, G_TYPE_OBJECT)

static void
crm_department_finalize (GObject *object)
{
  CrmDepartment *self = (CrmDepartment *)object;

  g_free (self->name);

  G_OBJECT_CLASS (crm_department_parent_class)->finalize (object);
}

static void
crm_department_class_init (CrmDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_department_finalize;
}

static void
crm_department_init (CrmDepartment *self)
{
}

/* ---- The tree ----------------------------------------------------------------- */

/* Appends @parent_id's children from @all (in stored order) and theirs. */
static void
walk (GPtrArray *all,
      gint64     parent_id,
      guint      depth,
      GPtrArray *out)
{
  /* The depth bound stops a cycle someone wrote by hand. */
  if (depth > 64)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      CrmDepartment *department = g_ptr_array_index (all, i);

      if (department->parent_id != parent_id)
        continue;
      department->depth = depth;
      g_ptr_array_add (out, g_object_ref (department));
      walk (all, department->id, depth + 1, out);
    }
}

GPtrArray *
_crm_department_load (CrmStore  *store,
                      GError   **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT id, name, ifnull (parent_id, 0), ifnull (head_id, 0) FROM departments "
                             "ORDER BY sort, name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmDepartment *department = g_object_new (CRM_TYPE_DEPARTMENT, NULL);

      department->id = sqlite3_column_int64 (stmt, 0);
      department->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      department->parent_id = sqlite3_column_int64 (stmt, 2);
      department->head_id = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (all, department);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  walk (all, 0, 0, out);
  return g_steal_pointer (&out);
}

/* ---- Public API ----------------------------------------------------------------- */

GPtrArray *
crm_department_list (CrmSession  *session,
                     GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  return _crm_department_load (crm_session_get_store (session), error);
}

gint64
crm_department_get_id (CrmDepartment *self)
{
  g_return_val_if_fail (CRM_IS_DEPARTMENT (self), 0);
  return self->id;
}

const char *
crm_department_get_name (CrmDepartment *self)
{
  g_return_val_if_fail (CRM_IS_DEPARTMENT (self), NULL);
  return self->name;
}

gint64
crm_department_get_parent_id (CrmDepartment *self)
{
  g_return_val_if_fail (CRM_IS_DEPARTMENT (self), 0);
  return self->parent_id;
}

gint64
crm_department_get_head_id (CrmDepartment *self)
{
  g_return_val_if_fail (CRM_IS_DEPARTMENT (self), 0);
  return self->head_id;
}

guint
crm_department_get_depth (CrmDepartment *self)
{
  g_return_val_if_fail (CRM_IS_DEPARTMENT (self), 0);
  return self->depth;
}
