/* crm-role.c — a role as stored: its permissions and who has it
 *
 * The writes are in crm-role-manage.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-permission-private.h"
#include "crm-role.h"
#include "crm-store-private.h"

typedef struct
{
  CrmPermission permission;
  gint64        entity_type_id;  /* 0: every type */
} Grant;

struct _CrmRole
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  GArray  *grants;       /* of Grant */
  GArray  *users;
  GArray  *departments;
};

G_DEFINE_FINAL_TYPE (CrmRole, crm_role, G_TYPE_OBJECT)

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static void
crm_role_finalize (GObject *object)
{
  CrmRole *self = (CrmRole *)object;

  g_free (self->code);
  g_free (self->name);
  g_clear_pointer (&self->grants, g_array_unref);
  g_clear_pointer (&self->users, g_array_unref);
  g_clear_pointer (&self->departments, g_array_unref);

  G_OBJECT_CLASS (crm_role_parent_class)->finalize (object);
}

static void
crm_role_class_init (CrmRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_role_finalize;
}

static void
crm_role_init (CrmRole *self)
{
  self->grants = g_array_new (FALSE, FALSE, sizeof (Grant));
  self->users = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* ---- Loading ------------------------------------------------------------------ */

static gboolean
load_grants (CrmStore    *store,
             GHashTable  *by_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT role_id, permission, ifnull (entity_type_id, 0) FROM role_permissions "
                             "WHERE field_id IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmRole *role = g_hash_table_lookup (by_id, ID_KEY (sqlite3_column_int64 (stmt, 0)));
      Grant grant;

      /* A code this version does not know (a newer one wrote it) stays
       * stored and unused. */
      if (role == NULL ||
          !_crm_permission_from_code ((const char *)sqlite3_column_text (stmt, 1), &grant.permission))
        continue;
      grant.entity_type_id = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (role->grants, grant);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);

  stmt = _crm_store_prepare (store,
                             "SELECT role_id, ifnull (user_id, 0), ifnull (department_id, 0) "
                             "FROM role_assignments ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmRole *role = g_hash_table_lookup (by_id, ID_KEY (sqlite3_column_int64 (stmt, 0)));
      gint64 user_id = sqlite3_column_int64 (stmt, 1);
      gint64 department_id = sqlite3_column_int64 (stmt, 2);

      if (role == NULL)
        continue;
      if (user_id != 0)
        g_array_append_val (role->users, user_id);
      else
        g_array_append_val (role->departments, department_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return TRUE;
}

/* ---- Public API ----------------------------------------------------------------- */

GPtrArray *
crm_role_list (CrmSession  *session,
               GError     **error)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  CrmStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  store = crm_session_get_store (session);
  stmt = _crm_store_prepare (store,
                             "SELECT id, code, name, label_msgid FROM roles "
                             "ORDER BY code NOT IN ('administrator', 'employee'), "
                             "  code <> 'administrator', name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmRole *role = g_object_new (CRM_TYPE_ROLE, NULL);
      const char *name = (const char *)sqlite3_column_text (stmt, 2);

      role->id = sqlite3_column_int64 (stmt, 0);
      role->code = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      role->name = g_strdup (sqlite3_column_int (stmt, 3) ? g_dgettext (GETTEXT_PACKAGE, name) : name);
      g_ptr_array_add (roles, role);
      g_hash_table_insert (by_id, ID_KEY (role->id), role);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  if (!load_grants (store, by_id, error))
    return NULL;
  return g_steal_pointer (&roles);
}

gint64
crm_role_get_id (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), 0);
  return self->id;
}

const char *
crm_role_get_code (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), NULL);
  return self->code;
}

const char *
crm_role_get_name (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), NULL);
  return self->name;
}

gboolean
crm_role_is_builtin (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), FALSE);
  return g_str_equal (self->code, "administrator") || g_str_equal (self->code, "employee");
}

gboolean
crm_role_grants (CrmRole       *self,
                 CrmPermission  permission,
                 gint64         entity_type_id)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), FALSE);

  for (guint i = 0; i < self->grants->len; i++)
    {
      const Grant *grant = &g_array_index (self->grants, Grant, i);

      if (grant->permission == permission &&
          (grant->entity_type_id == 0 || grant->entity_type_id == entity_type_id))
        return TRUE;
    }
  return FALSE;
}

GArray *
crm_role_get_users (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), NULL);
  return self->users;
}

GArray *
crm_role_get_departments (CrmRole *self)
{
  g_return_val_if_fail (CRM_IS_ROLE (self), NULL);
  return self->departments;
}
