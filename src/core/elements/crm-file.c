/* crm-file.c — files kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-file.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

gint64
crm_file_add (CrmSession  *session,
              const char  *name,
              const char  *mime_type,
              GBytes      *contents,
              GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gsize size;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (contents != NULL, 0);

  if ((clean = _crm_clean_name (name, _("The file needs a name"), error)) == NULL)
    return 0;
  size = g_bytes_get_size (contents);
  if (size > CRM_FILE_MAX_SIZE)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is too large: files can have at most %d MB"), clean,
                   CRM_FILE_MAX_SIZE / (1024 * 1024));
      return 0;
    }

  store = crm_session_get_store (session);
  now = _crm_store_now ();
  if (!_crm_store_begin (store, error))
    return 0;
  stmt = _crm_store_prepare (store,
                             "INSERT INTO files (name, mime_type, size, data, created_by, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mime_type ? mime_type : "application/octet-stream", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_blob64 (stmt, 4, size ? g_bytes_get_data (contents, NULL) : "", size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, crm_session_get_user_id (session));
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  if (!_crm_store_commit (store, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}

GBytes *
crm_file_load (CrmSession  *session,
               gint64       file_id,
               char       **name,
               char       **mime_type,
               GError     **error)
{
  CrmStore *store;
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  store = crm_session_get_store (session);
  stmt = _crm_store_prepare (store, "SELECT name, mime_type, data FROM files WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      if (name != NULL)
        *name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (bytes == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This file no longer exists"));
  return bytes;
}
