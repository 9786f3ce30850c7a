/* crm-session.c — who is acting, and what they may do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-permission-private.h"
#include "crm-session-private.h"
#include "crm-store-private.h"

struct _CrmSession
{
  GObject   parent_instance;

  CrmStore        *store;
  gint64           user_id;
  const CrmLocale *locale;   /* NULL: the process's, read when asked */
};

G_DEFINE_FINAL_TYPE (CrmSession, crm_session, G_TYPE_OBJECT)

static void
crm_session_finalize (GObject *object)
{
  CrmSession *self = (CrmSession *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_session_parent_class)->finalize (object);
}

static void
crm_session_class_init (CrmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_session_finalize;
}

static void
crm_session_init (CrmSession *self)
{
}

CrmSession *
crm_session_new (CrmStore  *store,
                 gint64     user_id,
                 GError   **error)
{
  CrmSession *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  /* Another program on the same database may have added the user since
   * this store loaded its catalog. */
  if (crm_catalog_get_user (crm_store_get_catalog (store), user_id) == NULL)
    _crm_catalog_reload (crm_store_get_catalog (store), NULL);
  if (crm_catalog_get_user (crm_store_get_catalog (store), user_id) == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);

      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("There is no user with the number %s"), number);
      return NULL;
    }

  self = g_object_new (CRM_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->user_id = user_id;
  return self;
}

static gboolean
find_user (CrmStore    *store,
           const char  *login,
           gint64      *user_id,
           gboolean    *active,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store, "SELECT id, active FROM users WHERE login = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *user_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (active != NULL)
    *active = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || _crm_store_set_error (store, error);
}

static CrmSession *
new_for_active (CrmStore    *store,
                const char  *login,
                gint64       user_id,
                gboolean     active,
                GError     **error)
{
  if (!active)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("The user “%s” has been deactivated; an administrator can activate them again"),
                   login);
      return NULL;
    }
  return crm_session_new (store, user_id, error);
}

CrmSession *
crm_session_new_for_login (CrmStore    *store,
                           const char  *login,
                           GError     **error)
{
  gint64 user_id = 0;
  gboolean active = FALSE;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  if (!find_user (store, login, &user_id, &active, error))
    return NULL;
  if (user_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("There is no user with the login “%s” in this database"), login);
      return NULL;
    }
  return new_for_active (store, login, user_id, active, error);
}

CrmSession *
crm_session_new_for_desktop_user (CrmStore  *store,
                                  GError   **error)
{
  const char *login = g_get_user_name ();
  const char *real_name = g_get_real_name ();
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 user_id = 0;
  gboolean active = FALSE;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (!find_user (store, login, &user_id, &active, error))
    return NULL;
  if (user_id != 0)
    return new_for_active (store, login, user_id, active, error);

  /* g_get_real_name () answers "Unknown" when the passwd entry has none. */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = login;

  if (!_crm_store_begin (store, error))
    return NULL;

  /* Asked again under the write lock: another program starting on the
   * same database may have created the user meanwhile. */
  if (!find_user (store, login, &user_id, &active, error))
    goto failed;
  if (user_id != 0)
    {
      _crm_store_rollback (store);
      return new_for_active (store, login, user_id, active, error);
    }

  now = _crm_store_now ();
  /* Only the very first user becomes an administrator by themselves. */
  stmt = _crm_store_prepare (store,
                             "INSERT INTO users (login, name, is_admin, created_at) "
                             "VALUES (?, ?, NOT EXISTS (SELECT 1 FROM users), ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, real_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  user_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  stmt = _crm_store_prepare (store,
                             "INSERT INTO role_assignments (role_id, user_id) "
                             "SELECT id, ?1 FROM roles WHERE code = "
                             "  CASE (SELECT is_admin FROM users WHERE id = ?1) "
                             "  WHEN 1 THEN 'administrator' ELSE 'employee' END", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, user_id, 0);
  if (!_crm_store_commit (store, error))
    return NULL;

  return crm_session_new (store, user_id, error);

failed:
  _crm_store_rollback (store);
  return NULL;
}

CrmStore *
crm_session_get_store (CrmSession *self)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), NULL);
  return self->store;
}

gint64
crm_session_get_user_id (CrmSession *self)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), 0);
  return self->user_id;
}

CrmUser *
crm_session_get_user (CrmSession *self)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), NULL);
  return crm_catalog_get_user (crm_store_get_catalog (self->store), self->user_id);
}

const CrmLocale *
crm_session_get_locale (CrmSession *self)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), NULL);
  return self->locale != NULL ? self->locale : crm_locale_get_default ();
}

void
crm_session_set_locale (CrmSession      *self,
                        const CrmLocale *locale)
{
  g_return_if_fail (CRM_IS_SESSION (self));
  self->locale = locale;
}

gboolean
crm_session_is_admin (CrmSession *self)
{
  CrmUser *user;

  g_return_val_if_fail (CRM_IS_SESSION (self), FALSE);

  user = crm_session_get_user (self);
  return user != NULL && crm_user_is_active (user) && crm_user_is_admin (user);
}

gboolean
crm_session_can_see_field (CrmSession *self,
                           CrmField   *field)
{
  CrmCatalog *catalog;
  GArray *users, *departments, *mine;
  CrmUser *user;

  g_return_val_if_fail (CRM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);

  users = crm_field_get_visible_users (field);
  departments = crm_field_get_visible_departments (field);
  if (users->len == 0 && departments->len == 0)
    return TRUE;
  if (crm_session_is_admin (self))
    return TRUE;

  for (guint i = 0; i < users->len; i++)
    if (g_array_index (users, gint64, i) == self->user_id)
      return TRUE;

  /* A field visible to a department is visible to its sub-departments. */
  catalog = crm_store_get_catalog (self->store);
  user = crm_session_get_user (self);
  if (user == NULL)
    return FALSE;
  mine = crm_user_get_departments (user);
  for (guint i = 0; i < mine->len; i++)
    {
      g_autoptr(GArray) chain = crm_catalog_get_department_ancestors (catalog, g_array_index (mine, gint64, i));

      for (guint j = 0; j < chain->len; j++)
        for (guint k = 0; k < departments->len; k++)
          if (g_array_index (chain, gint64, j) == g_array_index (departments, gint64, k))
            return TRUE;
    }
  return FALSE;
}

gboolean
crm_session_has_permission (CrmSession    *self,
                            CrmPermission  permission,
                            gint64         entity_type_id)
{
  CrmUser *user;

  g_return_val_if_fail (CRM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (permission < CRM_PERMISSION_LAST, FALSE);

  /* Asked of the catalog at every call: a deactivation by another
   * administrator takes effect at the next change notification. */
  user = crm_session_get_user (self);
  if (user == NULL || !crm_user_is_active (user))
    return FALSE;
  if (crm_user_is_admin (user))
    return TRUE;

  return _crm_user_has_permission (self->store, self->user_id, permission, entity_type_id);
}

gboolean
crm_session_check_permission (CrmSession     *self,
                              CrmPermission   permission,
                              gint64          entity_type_id,
                              GError        **error)
{
  if (crm_session_has_permission (self, permission, entity_type_id))
    return TRUE;

  switch (permission)
    {
    case CRM_PERMISSION_ELEMENT_READ:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to see these elements"));
      break;
    case CRM_PERMISSION_ELEMENT_WRITE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to change these elements"));
      break;
    case CRM_PERMISSION_ELEMENT_DELETE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to delete these elements"));
      break;
    case CRM_PERMISSION_LAYOUT_EDIT_STANDARD:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to change the standard card layout"));
      break;
    case CRM_PERMISSION_LAYOUT_PERSONAL:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to use a personal card layout"));
      break;
    case CRM_PERMISSION_FIELDS_MANAGE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to manage fields"));
      break;
    case CRM_PERMISSION_VIEWS_MANAGE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to manage card views"));
      break;
    case CRM_PERMISSION_PIPELINES_MANAGE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to manage pipelines and stages"));
      break;
    case CRM_PERMISSION_USERS_MANAGE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to manage users"));
      break;
    case CRM_PERMISSION_ELEMENT_READ_ALL:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You may only see the elements you are responsible for or created"));
      break;
    case CRM_PERMISSION_TYPES_MANAGE:
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to manage entity types"));
      break;
    case CRM_PERMISSION_LAST:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
crm_session_reads_all (CrmSession *self,
                       gint64      entity_type_id)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), FALSE);

  return crm_session_has_permission (self, CRM_PERMISSION_ELEMENT_READ, entity_type_id) &&
         crm_session_has_permission (self, CRM_PERMISSION_ELEMENT_READ_ALL, entity_type_id);
}

gboolean
crm_session_can_read_element (CrmSession *self,
                              gint64      entity_type_id,
                              gint64      responsible_id,
                              gint64      created_by)
{
  g_return_val_if_fail (CRM_IS_SESSION (self), FALSE);

  if (!crm_session_has_permission (self, CRM_PERMISSION_ELEMENT_READ, entity_type_id))
    return FALSE;
  if (responsible_id == self->user_id || created_by == self->user_id)
    return TRUE;
  return crm_session_has_permission (self, CRM_PERMISSION_ELEMENT_READ_ALL, entity_type_id);
}

gboolean
_crm_session_check_element (CrmSession     *self,
                            CrmPermission   permission,
                            gint64          entity_type_id,
                            gint64          responsible_id,
                            gint64          created_by,
                            GError        **error)
{
  if (!crm_session_check_permission (self, CRM_PERMISSION_ELEMENT_READ, entity_type_id, error))
    return FALSE;
  if (!crm_session_can_read_element (self, entity_type_id, responsible_id, created_by))
    return crm_session_check_permission (self, CRM_PERMISSION_ELEMENT_READ_ALL, entity_type_id, error);
  return permission == CRM_PERMISSION_ELEMENT_READ ||
         crm_session_check_permission (self, permission, entity_type_id, error);
}

gboolean
_crm_session_check_element_id (CrmSession     *self,
                               CrmPermission   permission,
                               gint64          element_id,
                               gint64         *entity_type_id,
                               GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 type_id = 0, responsible_id = 0, created_by = 0;
  int rc;

  stmt = _crm_store_prepare (self->store,
                             "SELECT entity_type_id, responsible_id, created_by FROM elements WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      type_id = sqlite3_column_int64 (stmt, 0);
      responsible_id = sqlite3_column_int64 (stmt, 1);
      created_by = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _crm_store_set_error (self->store, error);

  if (type_id == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, element_id);

      /* The number is formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The element %s does not exist or was deleted"), number);
      return FALSE;
    }
  if (entity_type_id != NULL)
    *entity_type_id = type_id;
  return _crm_session_check_element (self, permission, type_id, responsible_id, created_by, error);
}
