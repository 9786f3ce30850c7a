/* crm-timeline.c — writing to an element's timeline, and reading more
 * than a page of it
 *
 * Anyone who may change an element may add to its timeline and pin its
 * entries; only the author of a comment may edit or delete it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-session-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

/* The longest comment: a page of text, not a document. */
#define MAX_COMMENT_LENGTH 10000

/* ---- Checks ------------------------------------------------------------------------- */

/* Refuses (NOT_FOUND, PERMISSION_DENIED) what @permission does not allow
 * on the element. */
static gboolean
check_element (CrmSession     *session,
               gint64          element_id,
               CrmPermission   permission,
               GError        **error)
{
  return _crm_session_check_element_id (session, permission, element_id, NULL, error);
}

gboolean
_crm_timeline_check_read (CrmSession  *session,
                          gint64       element_id,
                          GError     **error)
{
  return check_element (session, element_id, CRM_PERMISSION_ELEMENT_READ, error);
}

sqlite3_stmt *
_crm_timeline_prepare (CrmSession  *session,
                       const char  *sql,
                       GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;

  _crm_field_change_register_sql (store);
  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  _crm_field_change_bind_reader (session, stmt);
  return stmt;
}

/* ---- Reading more than a page -------------------------------------------------------- */

static GPtrArray *
query_entries (CrmSession  *session,
               const char  *sql,
               gint64       element_id,
               GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!_crm_timeline_check_read (session, element_id, error))
    return NULL;
  stmt = _crm_timeline_prepare (session, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, _crm_timeline_entry_new_from_row (session, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
crm_timeline_query_pinned (CrmSession  *session,
                           gint64       element_id,
                           GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return query_entries (session,
                        "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t "
                        "WHERE t.element_id = ?1 AND t.pinned = 1 AND " CRM_ENTRY_VISIBLE_TO_READER " "
                        "ORDER BY t.created_at DESC, t.id DESC",
                        element_id, error);
}

GPtrArray *
crm_timeline_query_field_changes (CrmSession  *session,
                                  gint64       element_id,
                                  GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return query_entries (session,
                        "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t "
                        "WHERE t.element_id = ?1 AND t.kind = 'field-change' AND "
                        CRM_ENTRY_VISIBLE_TO_READER " "
                        "ORDER BY t.created_at DESC, t.id DESC",
                        element_id, error);
}

/* ---- Writing ------------------------------------------------------------------------- */

gint64
_crm_timeline_insert (CrmStore      *store,
                      gint64         element_id,
                      CrmEntryKind   kind,
                      gint64         author_id,
                      const char    *created_at,
                      const char    *text,
                      const char    *payload,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO timeline_entries (element_id, kind, author_id, created_at, text, payload) "
                             "VALUES (?, ?, nullif (?, 0), ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_text (stmt, 2, crm_entry_kind_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, author_id);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, payload, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  _crm_store_note_change (store, CRM_CHANGE_ENTRY_ADDED, id, element_id);
  return id;
}

static char *
clean_comment (const char  *text,
               GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The comment is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Write something before sending the comment"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_COMMENT_LENGTH)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The comment is too long (at most %d characters)"), MAX_COMMENT_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
crm_timeline_add_entry (CrmSession    *session,
                        gint64         element_id,
                        CrmEntryKind   kind,
                        GDateTime     *created_at,
                        const char    *text,
                        const char    *payload,
                        GError       **error)
{
  CrmStore *store;
  g_autofree char *when = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (kind < CRM_ENTRY_LAST, 0);

  if (!check_element (session, element_id, CRM_PERMISSION_ELEMENT_WRITE, error))
    return 0;

  store = crm_session_get_store (session);
  when = created_at ? _crm_timestamp_from_datetime (created_at) : _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;
  id = _crm_timeline_insert (store, element_id, kind, crm_session_get_user_id (session),
                             when, text, payload, error);
  if (id == 0)
    {
      _crm_store_rollback (store);
      return 0;
    }
  if (!_crm_store_commit (store, error))
    return 0;
  return id;
}

gint64
crm_timeline_add_comment (CrmSession  *session,
                          gint64       element_id,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);

  clean = clean_comment (text, error);
  if (clean == NULL)
    return 0;
  return crm_timeline_add_entry (session, element_id, CRM_ENTRY_COMMENT, NULL, clean, NULL, error);
}

/* Loads what the ownership rules need, and refuses what they forbid. */
static gboolean
check_own_comment (CrmSession  *session,
                   gint64       entry_id,
                   gboolean     need_author,
                   gint64      *element_id,
                   GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  g_autofree char *kind = NULL;
  gint64 author = 0;

  stmt = _crm_store_prepare (store,
                             "SELECT element_id, kind, ifnull (author_id, 0) FROM timeline_entries WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *element_id = sqlite3_column_int64 (stmt, 0);
      kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      author = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This timeline entry no longer exists"));
      return FALSE;
    }
  if (!check_element (session, *element_id, CRM_PERMISSION_ELEMENT_WRITE, error))
    return FALSE;
  if (need_author && !g_str_equal (kind, "comment"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("Only comments can be edited or deleted"));
      return FALSE;
    }
  if (need_author && author != crm_session_get_user_id (session))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("Only the author of a comment can edit or delete it"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_entry_update (CrmSession  *session,
                  gint64       entry_id,
                  gint64       element_id,
                  const char  *sql,
                  const char  *text,
                  int          number,
                  CrmChangeKind change,
                  GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *now = _crm_store_now ();
  sqlite3_stmt *stmt;

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto failed;
  /* Each statement uses the parameters it needs; binding the others
   * only answers SQLITE_RANGE. */
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  _crm_store_note_change (store, change, entry_id, element_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_timeline_edit_comment (CrmSession  *session,
                           gint64       entry_id,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, TRUE, &element_id, error))
    return FALSE;
  clean = clean_comment (text, error);
  if (clean == NULL)
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "UPDATE timeline_entries SET text = ?2, edited_at = ?4 WHERE id = ?1",
                           clean, 0, CRM_CHANGE_ENTRY_UPDATED, error);
}

gboolean
crm_timeline_delete_comment (CrmSession  *session,
                             gint64       entry_id,
                             GError     **error)
{
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, TRUE, &element_id, error))
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "DELETE FROM timeline_entries WHERE id = ?1",
                           NULL, 0, CRM_CHANGE_ENTRY_REMOVED, error);
}

gboolean
crm_timeline_set_pinned (CrmSession  *session,
                         gint64       entry_id,
                         gboolean     pinned,
                         GError     **error)
{
  gint64 element_id = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (!check_own_comment (session, entry_id, FALSE, &element_id, error))
    return FALSE;
  return run_entry_update (session, entry_id, element_id,
                           "UPDATE timeline_entries SET pinned = ?3 WHERE id = ?1",
                           NULL, !!pinned, CRM_CHANGE_ENTRY_UPDATED, error);
}
