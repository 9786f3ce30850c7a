/* crm-file.c — files kept in the store, and the sweep of those nobody
 * claimed or everything let go of
 *
 * A file is stored when someone picks it, before the card it is for is
 * saved, and stays pending until a saved value claims it
 * (_crm_file_claim ()). A pick that is cancelled, or a crash before the
 * save, would leave it behind for good: the sweep, at store open and after
 * saves that claim files, removes pending files older than
 * CRM_FILE_PENDING_GRACE that nothing refers to. The grace is what keeps a
 * card still open somewhere (in this process or another) able to save the
 * file it was given. A file a save replaces, or whose element or field is
 * deleted, is released: pending again, from then. A pending file that
 * turns out to be referenced is claimed instead, and a claimed file is
 * never swept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-file-private.h"
#include "crm-file.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

/* "type/subtype", in the printable ASCII that MIME allows. */
static gboolean
is_mime_type (const char *text)
{
  const char *slash = strchr (text, '/');

  if (slash == NULL || slash == text || slash[1] == '\0' || strchr (slash + 1, '/') != NULL ||
      strlen (text) > 255)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p <= ' ' || *p > '~')
      return FALSE;
  return TRUE;
}

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

  if (mime_type != NULL && !is_mime_type (mime_type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” does not have a valid file type"), clean);
      return 0;
    }

  store = crm_session_get_store (session);
  now = _crm_store_now ();
  if (!_crm_store_begin (store, error))
    return 0;
  stmt = _crm_store_prepare (store,
                             "INSERT INTO files (name, mime_type, size, data, created_by, created_at, "
                             "  pending_since) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
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

/* ---- Claiming and sweeping ---------------------------------------------------- */

gboolean
_crm_file_claim (CrmStore  *store,
                 gint64     file_id,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean exists;

  stmt = _crm_store_prepare (store, "UPDATE files SET pending_since = NULL WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  exists = sqlite3_changes (_crm_store_get_db (store)) > 0;
  if (!exists)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                 _("A chosen file is no longer stored; choose it again"));
  return exists;
}

gboolean
_crm_file_release (CrmStore  *store,
                   gint64     file_id,
                   GError   **error)
{
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "UPDATE files SET pending_since = ?2 WHERE id = ?1 AND pending_since IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  return _crm_store_step_done (store, stmt, error);
}

gboolean
_crm_file_release_values (CrmStore  *store,
                          gint64     element_id,
                          gint64     field_id,
                          GError   **error)
{
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt;

  /* Another element may hold the same file (a converted lead's deal):
   * the sweep looks before it removes anything. */
  stmt = _crm_store_prepare (store,
                             element_id != 0
                             ? "UPDATE files SET pending_since = ?2 WHERE pending_since IS NULL AND id IN "
                               "  (SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id "
                               "   WHERE v.element_id = ?1 AND f.type = 'file')"
                             : "UPDATE files SET pending_since = ?2 WHERE pending_since IS NULL AND id IN "
                               "  (SELECT value FROM field_values WHERE field_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id != 0 ? element_id : field_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  return _crm_store_step_done (store, stmt, error);
}

gboolean
_crm_file_release_entity_type (CrmStore  *store,
                               gint64     entity_type_id,
                               GError   **error)
{
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt;

  /* MATERIALIZED: json_tree () must only see payloads that are JSON. */
  stmt = _crm_store_prepare (store,
                             "WITH t AS MATERIALIZED ("
                             "  SELECT t.payload FROM timeline_entries t JOIN elements e ON e.id = t.element_id "
                             "  WHERE e.entity_type_id = ?1 AND t.payload LIKE '%\"file%' AND json_valid (t.payload)) "
                             "UPDATE files SET pending_since = ?2 WHERE pending_since IS NULL AND id IN ("
                             "  SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id "
                             "  WHERE f.entity_type_id = ?1 AND f.type = 'file' "
                             "  UNION SELECT d.file_id FROM documents d JOIN elements e ON e.id = d.element_id "
                             "  WHERE e.entity_type_id = ?1 "
                             "  UNION SELECT d.pdf_file_id FROM documents d JOIN elements e ON e.id = d.element_id "
                             "  WHERE e.entity_type_id = ?1 AND d.pdf_file_id IS NOT NULL "
                             "  UNION SELECT file_id FROM document_templates WHERE entity_type_id = ?1 "
                             "  UNION SELECT j.atom FROM t, json_tree (t.payload) j "
                             "  WHERE j.key IN ('file', 'file_id') AND j.type = 'integer')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  return _crm_store_step_done (store, stmt, error);
}

/* Pending files that a timeline entry names, among @candidates. One pass
 * over the entries that mention a file at all, whatever their number. */
static gboolean
find_timeline_references (CrmStore    *store,
                          GHashTable  *candidates,
                          GHashTable  *referenced,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* MATERIALIZED: json_tree () must only see payloads that are JSON. */
  stmt = _crm_store_prepare (store,
                             "WITH t AS MATERIALIZED ("
                             "  SELECT payload FROM timeline_entries "
                             "  WHERE payload LIKE '%\"file%' AND json_valid (payload)) "
                             "SELECT DISTINCT j.atom FROM t, json_tree (t.payload) j "
                             "WHERE j.key IN ('file', 'file_id') AND j.type = 'integer'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (candidates, &id))
        g_hash_table_add (referenced, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _crm_store_set_error (store, error);
}

static gboolean
is_referenced (CrmStore  *store,
               gint64     file_id,
               gboolean  *referenced,
               GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "SELECT EXISTS (SELECT 1 FROM field_values WHERE value = ?1 "
                             "                 AND field_id IN (SELECT id FROM fields WHERE type = 'file')) "
                             "    OR EXISTS (SELECT 1 FROM documents WHERE file_id = ?1 OR pdf_file_id = ?1) "
                             "    OR EXISTS (SELECT 1 FROM document_templates WHERE file_id = ?1) "
                             "    OR EXISTS (SELECT 1 FROM users WHERE photo_file_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _crm_store_set_error (store, error);
    }
  *referenced = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean remove_unreferenced (CrmStore    *store,
                                     GHashTable  *candidates,
                                     guint       *n_removed,
                                     GError     **error);

static gboolean
sweep (CrmStore   *store,
       const char *cutoff,
       guint      *n_removed,
       GError    **error)
{
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT id FROM files WHERE pending_since IS NOT NULL AND pending_since < ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (candidates, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return remove_unreferenced (store, candidates, n_removed, error);
}

/* Removes the pending files of @candidates that nothing refers to. */
static gboolean
remove_unreferenced (CrmStore    *store,
                     GHashTable  *candidates,
                     guint       *n_removed,
                     GError     **error)
{
  g_autoptr(GHashTable) in_timeline = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;

  if (g_hash_table_size (candidates) == 0)
    return TRUE;

  if (!find_timeline_references (store, candidates, in_timeline, error))
    return FALSE;

  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *)key;
      gboolean referenced = g_hash_table_contains (in_timeline, &id);

      if (!referenced && !is_referenced (store, id, &referenced, error))
        return FALSE;
      /* Referenced without having been claimed: it is no orphan, and the
       * next sweep need not look at it again. */
      stmt = _crm_store_prepare (store,
                                 referenced ? "UPDATE files SET pending_since = NULL WHERE id = ?"
                                            : "DELETE FROM files WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
      if (!referenced)
        (*n_removed)++;
    }
  return TRUE;
}

gboolean
_crm_file_sweep (CrmStore   *store,
                 GDateTime  *now,
                 guint      *n_removed,
                 GError    **error)
{
  g_autoptr(GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = g_date_time_add (current, -CRM_FILE_PENDING_GRACE);
  g_autofree char *cutoff = _crm_timestamp_from_datetime (limit);
  guint removed = 0;
  sqlite3_stmt *stmt;
  gboolean any;

  if (n_removed != NULL)
    *n_removed = 0;

  /* Almost always nothing: then no write lock, no transaction. */
  stmt = _crm_store_prepare (store,
                             "SELECT EXISTS (SELECT 1 FROM files "
                             "  WHERE pending_since IS NOT NULL AND pending_since < ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!any)
    return TRUE;

  if (!_crm_store_begin (store, error))
    return FALSE;
  if (!sweep (store, cutoff, &removed, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  if (!_crm_store_commit (store, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}

gboolean
crm_file_discard (CrmSession  *session,
                  gint64       file_id,
                  GError     **error)
{
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CrmStore *store;
  sqlite3_stmt *stmt;
  gboolean found, pending = FALSE;
  gint64 added_by = 0;
  guint removed = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "SELECT pending_since IS NOT NULL, ifnull (created_by, 0) "
                                    "FROM files WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, file_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      pending = sqlite3_column_int (stmt, 0);
      added_by = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This file no longer exists"));
      goto failed;
    }
  /* A pick is its picker's to give up; anyone else's may still be saved. */
  if (added_by != crm_session_get_user_id (session))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("Only the person who added a file can discard it"));
      goto failed;
    }
  /* Claimed since (the card was saved): it is no pick to discard. */
  if (pending)
    {
      g_hash_table_add (candidates, g_memdup2 (&file_id, sizeof file_id));
      if (!remove_unreferenced (store, candidates, &removed, error))
        goto failed;
    }
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
