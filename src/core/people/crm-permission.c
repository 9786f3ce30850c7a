/* crm-permission.c — what each permission is called, stored as and who
 * holds it
 *
 * A role given to a department reaches its members and the members of its
 * sub-departments, as a field visible to a department is.
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
  const char *code;
  const char *label;
  gboolean    per_type;
} PermissionInfo;

static const PermissionInfo permissions[] = {
  [CRM_PERMISSION_ELEMENT_READ] = { "element.read", N_("See elements"), TRUE },
  [CRM_PERMISSION_ELEMENT_WRITE] = { "element.write", N_("Create and change elements"), TRUE },
  [CRM_PERMISSION_ELEMENT_DELETE] = { "element.delete", N_("Delete elements"), TRUE },
  [CRM_PERMISSION_LAYOUT_EDIT_STANDARD] = { "layout.edit_standard", N_("Edit the standard card layout"), TRUE },
  [CRM_PERMISSION_LAYOUT_PERSONAL] = { "layout.personal", N_("Use a personal card layout"), TRUE },
  [CRM_PERMISSION_FIELDS_MANAGE] = { "fields.manage", N_("Manage fields"), TRUE },
  [CRM_PERMISSION_VIEWS_MANAGE] = { "views.manage", N_("Manage card views"), TRUE },
  [CRM_PERMISSION_PIPELINES_MANAGE] = { "pipelines.manage", N_("Manage pipelines and stages"), TRUE },
  [CRM_PERMISSION_USERS_MANAGE] = { "users.manage", N_("Manage users and permissions"), FALSE },
  [CRM_PERMISSION_ELEMENT_READ_ALL] = { "element.read_all", N_("See every element, not only one’s own"), TRUE },
  [CRM_PERMISSION_TYPES_MANAGE] = { "types.manage", N_("Manage entity types"), FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (permissions) == CRM_PERMISSION_LAST);

const char *
_crm_permission_to_code (CrmPermission permission)
{
  g_return_val_if_fail (permission < CRM_PERMISSION_LAST, NULL);
  return permissions[permission].code;
}

gboolean
_crm_permission_from_code (const char    *code,
                           CrmPermission *permission)
{
  for (guint i = 0; i < G_N_ELEMENTS (permissions); i++)
    if (g_strcmp0 (permissions[i].code, code) == 0)
      {
        *permission = i;
        return TRUE;
      }
  return FALSE;
}

const char *
crm_permission_get_label (CrmPermission permission)
{
  g_return_val_if_fail (permission < CRM_PERMISSION_LAST, NULL);
  return g_dgettext (GETTEXT_PACKAGE, permissions[permission].label);
}

gboolean
crm_permission_is_per_type (CrmPermission permission)
{
  g_return_val_if_fail (permission < CRM_PERMISSION_LAST, FALSE);
  return permissions[permission].per_type;
}

gboolean
_crm_user_has_permission (CrmStore      *store,
                          gint64         user_id,
                          CrmPermission  permission,
                          gint64         entity_type_id)
{
  sqlite3_stmt *stmt;
  gboolean granted;

  /* UNION, not UNION ALL: a cycle written by hand ends the walk. */
  stmt = _crm_store_prepare (store,
                             "WITH RECURSIVE mine (id) AS ("
                             "  SELECT department_id FROM user_departments WHERE user_id = ?3 "
                             "  UNION SELECT d.parent_id FROM departments d JOIN mine ON d.id = mine.id "
                             "    WHERE d.parent_id IS NOT NULL) "
                             "SELECT EXISTS (SELECT 1 FROM role_permissions p "
                             "  JOIN role_assignments a ON a.role_id = p.role_id "
                             "  WHERE p.permission = ?1 "
                             "    AND (p.entity_type_id IS NULL OR p.entity_type_id = ?2) "
                             "    AND (a.user_id = ?3 OR a.department_id IN (SELECT id FROM mine)))",
                             NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, permissions[permission].code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_type_id);
  sqlite3_bind_int64 (stmt, 3, user_id);
  granted = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return granted;
}
