/* crm-user-manage.c — creating, changing and deactivating users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-file-private.h"
#include "crm-people-private.h"
#include "crm-people.h"
#include "crm-util-private.h"
#include "crm-value-private.h"

/* ---- Configurations ------------------------------------------------------------- */

CrmUserConfig *
crm_user_config_new (void)
{
  CrmUserConfig *config = g_new0 (CrmUserConfig, 1);

  config->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  return config;
}

CrmUserConfig *
crm_user_config_new_for (CrmUser *user)
{
  CrmUserConfig *config;
  GArray *departments;

  g_return_val_if_fail (CRM_IS_USER (user), NULL);

  config = crm_user_config_new ();
  config->login = g_strdup (crm_user_get_login (user));
  config->name = g_strdup (crm_user_get_name (user));
  config->email = g_strdup (crm_user_get_email (user));
  config->position = g_strdup (crm_user_get_position (user));
  config->photo_file_id = crm_user_get_photo_file_id (user);
  config->is_admin = crm_user_is_admin (user);
  departments = crm_user_get_departments (user);
  g_array_append_vals (config->departments, departments->data, departments->len);
  return config;
}

void
crm_user_config_free (CrmUserConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->login);
  g_free (config->name);
  g_free (config->email);
  g_free (config->position);
  g_clear_pointer (&config->departments, g_array_unref);
  g_clear_pointer (&config->roles, g_array_unref);
  g_free (config);
}

/* ---- Checks ----------------------------------------------------------------------- */

gboolean
crm_user_check_login (const char  *login,
                      GError     **error)
{
  if (login == NULL || *login == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Give the user a login"));
      return FALSE;
    }
  if (strlen (login) > CRM_MAX_LOGIN_LENGTH)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A login must be at most %d characters long"), CRM_MAX_LOGIN_LENGTH);
      return FALSE;
    }
  for (const char *p = login; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("A login may only hold letters without accents, digits, “.”, “_” and “-”"));
        return FALSE;
      }
  if (!g_ascii_isalnum (login[0]) && login[0] != '_')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A login must start with a letter or a digit"));
      return FALSE;
    }
  return TRUE;
}

/* NULL for nothing, else trimmed. */
static char *
clean_optional (const char *text)
{
  g_autofree char *clean = text ? g_strstrip (g_strdup (text)) : NULL;

  return clean != NULL && *clean != '\0' ? g_steal_pointer (&clean) : NULL;
}

typedef struct
{
  char *login;
  char *name;
  char *email;
  char *position;
} CleanUser;

static void
clean_user_clear (CleanUser *clean)
{
  g_free (clean->login);
  g_free (clean->name);
  g_free (clean->email);
  g_free (clean->position);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanUser, clean_user_clear)

static gboolean
check_config (CrmSession           *session,
              gint64                user_id,
              const CrmUserConfig  *config,
              CleanUser            *clean,
              GError              **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  g_autofree char *login = clean_optional (config->login);
  sqlite3_stmt *stmt;
  gboolean taken;

  if (!crm_user_check_login (login, error))
    return FALSE;
  if ((clean->name = _crm_clean_name (config->name, _("Give the user a name"), error)) == NULL)
    return FALSE;
  clean->email = clean_optional (config->email);
  if (clean->email != NULL && !_crm_email_is_valid (clean->email))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid e-mail address; write it like name@example.com"), clean->email);
      return FALSE;
    }
  clean->position = clean_optional (config->position);
  if (clean->position != NULL && g_utf8_strlen (clean->position, -1) > CRM_MAX_NAME_LENGTH)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A name must be one line of at most %d characters"), CRM_MAX_NAME_LENGTH);
      return FALSE;
    }
  for (guint i = 0; config->departments != NULL && i < config->departments->len; i++)
    if (crm_catalog_get_department_name (catalog, g_array_index (config->departments, gint64, i)) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("One of the chosen departments no longer exists"));
        return FALSE;
      }

  if (config->photo_file_id != 0)
    {
      gboolean stored;

      stmt = _crm_store_prepare (crm_session_get_store (session), "SELECT 1 FROM files WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, config->photo_file_id);
      stored = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!stored)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                       _("The chosen photo is no longer stored; choose it again"));
          return FALSE;
        }
    }

  stmt = _crm_store_prepare (crm_session_get_store (session),
                             "SELECT EXISTS (SELECT 1 FROM users WHERE login = ?1 COLLATE NOCASE AND id <> ?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                   _("Another user already has the login “%s”"), login);
      return FALSE;
    }
  clean->login = g_steal_pointer (&login);
  return TRUE;
}

/* Inside the transaction: the user's departments become @departments. */
static gboolean
write_departments (CrmSession    *session,
                   gint64         user_id,
                   GArray        *departments,
                   GError       **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store, "DELETE FROM user_departments WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_crm_people_step (session, stmt, error))
    return FALSE;
  for (guint i = 0; departments != NULL && i < departments->len; i++)
    {
      stmt = _crm_store_prepare (store,
                                 "INSERT OR IGNORE INTO user_departments (user_id, department_id) VALUES (?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (departments, gint64, i));
      if (!_crm_people_step (session, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the transaction: the roles given to the user themself become
 * @roles. */
static gboolean
write_roles (CrmSession    *session,
             gint64         user_id,
             GArray        *roles,
             GError       **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store, "DELETE FROM role_assignments WHERE user_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_crm_people_step (session, stmt, error))
    return FALSE;
  for (guint i = 0; i < roles->len; i++)
    {
      stmt = _crm_store_prepare (store,
                                 "INSERT OR IGNORE INTO role_assignments (role_id, user_id) "
                                 "SELECT id, ?2 FROM roles WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (roles, gint64, i));
      sqlite3_bind_int64 (stmt, 2, user_id);
      if (!_crm_people_step (session, stmt, error))
        return FALSE;
      if (_crm_people_changes (session) == 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("One of the chosen roles no longer exists"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Inside the transaction: claims the new photo, lets the old one go. */
static gboolean
write_photo (CrmSession  *session,
             gint64       old_file_id,
             gint64       new_file_id,
             GError     **error)
{
  CrmStore *store = crm_session_get_store (session);

  if (old_file_id == new_file_id)
    return TRUE;
  if (new_file_id != 0 && !_crm_file_claim (store, new_file_id, error))
    return FALSE;
  return old_file_id == 0 || _crm_file_release (store, old_file_id, error);
}

static void
bind_user (sqlite3_stmt        *stmt,
           const CleanUser     *clean,
           const CrmUserConfig *config)
{
  sqlite3_bind_text (stmt, 2, clean->login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, clean->position, -1, SQLITE_STATIC);
  if (config->photo_file_id != 0)
    sqlite3_bind_int64 (stmt, 6, config->photo_file_id);
  sqlite3_bind_int (stmt, 7, !!config->is_admin);
}

static CrmUser *
find_user (CrmSession  *session,
           gint64       user_id,
           GError     **error)
{
  CrmUser *user = crm_catalog_get_user (crm_store_get_catalog (crm_session_get_store (session)), user_id);

  if (user == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This user no longer exists"));
  return user;
}

/* ---- Public API ------------------------------------------------------------------ */

gint64
crm_user_create (CrmSession           *session,
                 const CrmUserConfig  *config,
                 GError              **error)
{
  g_auto(CleanUser) clean = { NULL, };
  g_autofree char *now = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      !check_config (session, 0, config, &clean, error))
    return 0;

  store = crm_session_get_store (session);
  now = _crm_store_now ();
  if (!_crm_people_begin (session, error))
    return 0;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO users (login, name, email, position, photo_file_id, is_admin, "
                             "  active, created_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  bind_user (stmt, &clean, config);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  /* As a user the desktop creates: an employee until given more. */
  stmt = _crm_store_prepare (store,
                             "INSERT INTO role_assignments (role_id, user_id) "
                             "SELECT id, ?1 FROM roles WHERE code = 'employee'", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_crm_people_step (session, stmt, error) ||
      (config->roles != NULL && !write_roles (session, id, config->roles, error)) ||
      !write_departments (session, id, config->departments, error) ||
      !write_photo (session, 0, config->photo_file_id, error))
    return _crm_people_fail (session);
  if (!_crm_people_commit (session, NULL, error))
    return 0;
  return id;
}

gboolean
crm_user_update (CrmSession           *session,
                 gint64                user_id,
                 const CrmUserConfig  *config,
                 GError              **error)
{
  g_auto(CleanUser) clean = { NULL, };
  CrmStore *store;
  CrmUser *user;
  sqlite3_stmt *stmt;
  gint64 old_photo;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      (user = find_user (session, user_id, error)) == NULL ||
      !check_config (session, user_id, config, &clean, error))
    return FALSE;
  old_photo = crm_user_get_photo_file_id (user);

  store = crm_session_get_store (session);
  if (!_crm_people_begin (session, error))
    return FALSE;
  stmt = _crm_store_prepare (store,
                             "UPDATE users SET login = ?2, name = ?3, email = ?4, position = ?5, "
                             "  photo_file_id = ?6, is_admin = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, user_id);
  bind_user (stmt, &clean, config);
  if (!_crm_people_step (session, stmt, error) ||
      (config->roles != NULL && !write_roles (session, user_id, config->roles, error)) ||
      !write_departments (session, user_id, config->departments, error) ||
      !write_photo (session, old_photo, config->photo_file_id, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             _("Someone must remain able to manage users: "
                               "give another user that right before taking it from this one"),
                             error);
}

gboolean
crm_user_set_active (CrmSession  *session,
                     gint64       user_id,
                     gboolean     active,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!crm_session_check_permission (session, CRM_PERMISSION_USERS_MANAGE, 0, error) ||
      find_user (session, user_id, error) == NULL)
    return FALSE;

  if (!_crm_people_begin (session, error))
    return FALSE;
  stmt = _crm_store_prepare (crm_session_get_store (session),
                             "UPDATE users SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return _crm_people_fail (session);
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int (stmt, 2, !!active);
  if (!_crm_people_step (session, stmt, error))
    return _crm_people_fail (session);
  return _crm_people_commit (session,
                             user_id == crm_session_get_user_id (session)
                             ? _("You are the last one who can manage users: "
                                 "give someone else that right before deactivating yourself")
                             : _("This is the last user who can manage users: "
                                 "give someone else that right before deactivating them"),
                             error);
}
