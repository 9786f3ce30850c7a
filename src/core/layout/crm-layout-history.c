/* crm-layout-history.c — Undo and Redo while customizing a card, and
 * export and import of a layout
 *
 * Every edit begun with _crm_layout_begin () keeps the layout as it was
 * before; Undo writes that back (and keeps what it replaced for Redo), in
 * one transaction like any edit. The history lives with the store, per
 * layout, for as long as the program runs: it is the customizing of this
 * sitting, not a record in the database. Undoing a move, a rename, a hide,
 * a section's delete or a tab change is all one thing: the layout whole
 * goes back, so no edit needs its own inverse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-store-private.h"

/* Steps kept per layout; the oldest go first. */
#define HISTORY_MAX 100

typedef struct
{
  GPtrArray *undo;  /* of CrmLayoutDoc, oldest first */
  GPtrArray *redo;  /* of CrmLayoutDoc, the next to redo last */
} History;

static void
history_free (gpointer data)
{
  History *history = data;

  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

static History *
get_history (CrmStore *store,
             gint64    layout_id,
             gboolean  create)
{
  GHashTable *table = g_object_get_data (G_OBJECT (store), "crm-layout-history");
  History *history;

  if (table == NULL)
    {
      if (!create)
        return NULL;
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, history_free);
      g_object_set_data_full (G_OBJECT (store), "crm-layout-history", table,
                              (GDestroyNotify) g_hash_table_unref);
    }

  history = g_hash_table_lookup (table, &layout_id);
  if (history == NULL && create)
    {
      history = g_new0 (History, 1);
      history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_layout_doc_free);
      history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_layout_doc_free);
      g_hash_table_insert (table, g_memdup2 (&layout_id, sizeof layout_id), history);
    }
  return history;
}

gboolean
_crm_layout_begin (CrmStore      *store,
                   CrmLayoutRef  *ref,
                   GError       **error)
{
  if (!_crm_store_begin (store, error))
    return FALSE;
  g_clear_pointer (&ref->before, _crm_layout_doc_free);
  ref->before = _crm_layout_doc_read (store, ref->id, error);
  if (ref->before == NULL)
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

void
_crm_layout_history_push (CrmStore     *store,
                          gint64        layout_id,
                          CrmLayoutDoc *before)
{
  History *history = get_history (store, layout_id, TRUE);

  g_ptr_array_add (history->undo, before);
  if (history->undo->len > HISTORY_MAX)
    g_ptr_array_remove_index (history->undo, 0);
  g_ptr_array_set_size (history->redo, 0);
}

/* Writes the last of @from back, keeping what it replaces on @to. */
static gboolean
step (CrmSession  *session,
      gint64       layout_id,
      gboolean     undo,
      GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autoptr(CrmLayoutDoc) current = NULL;
  CrmLayoutRef ref = { 0, };
  GPtrArray *from, *to;
  History *history;

  if (!_crm_layout_check_layout (session, layout_id, &ref, error))
    return FALSE;

  history = get_history (store, layout_id, FALSE);
  from = history == NULL ? NULL : undo ? history->undo : history->redo;
  if (from == NULL || from->len == 0)
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }
  to = undo ? history->redo : history->undo;

  if (!_crm_store_begin (store, error))
    return FALSE;
  current = _crm_layout_doc_read (store, layout_id, error);
  if (current == NULL ||
      !_crm_layout_doc_write (store, layout_id, g_ptr_array_index (from, from->len - 1), error) ||
      !_crm_layout_touch (store, &ref, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  if (!_crm_store_commit (store, error))
    return FALSE;

  g_ptr_array_remove_index (from, from->len - 1);
  g_ptr_array_add (to, g_steal_pointer (&current));
  return TRUE;
}

/* ---- Public API ----------------------------------------------------------------- */

gboolean
crm_layout_can_undo (CrmSession *session,
                     gint64      layout_id)
{
  History *history;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  history = get_history (crm_session_get_store (session), layout_id, FALSE);
  return history != NULL && history->undo->len > 0;
}

gboolean
crm_layout_can_redo (CrmSession *session,
                     gint64      layout_id)
{
  History *history;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  history = get_history (crm_session_get_store (session), layout_id, FALSE);
  return history != NULL && history->redo->len > 0;
}

gboolean
crm_layout_undo (CrmSession  *session,
                 gint64       layout_id,
                 GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  return step (session, layout_id, TRUE, error);
}

gboolean
crm_layout_redo (CrmSession  *session,
                 gint64       layout_id,
                 GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  return step (session, layout_id, FALSE, error);
}

char *
crm_layout_export (CrmSession  *session,
                   gint64       layout_id,
                   GError     **error)
{
  CrmStore *store;
  g_autoptr(CrmLayoutDoc) doc = NULL;
  g_autofree char *scope = NULL;
  sqlite3_stmt *stmt;
  gint64 type_id = 0, owner = 0;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  store = crm_session_get_store (session);
  stmt = _crm_store_prepare (store, "SELECT scope, entity_type_id, ifnull (user_id, 0) FROM layouts WHERE id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      scope = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      type_id = sqlite3_column_int64 (stmt, 1);
      owner = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (scope == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This card layout no longer exists"));
      return NULL;
    }
  if (g_str_equal (scope, "personal") && owner != crm_session_get_user_id (session))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("This personal card layout belongs to someone else"));
      return NULL;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_READ, type_id, error))
    return NULL;

  doc = _crm_layout_doc_read (store, layout_id, error);
  if (doc == NULL)
    return NULL;
  return _crm_layout_doc_to_json (crm_store_get_catalog (store), type_id, doc);
}

gboolean
crm_layout_import (CrmSession  *session,
                   gint64       layout_id,
                   const char  *json,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(CrmLayoutDoc) doc = NULL;
  CrmLayoutRef ref = { 0, };
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!_crm_layout_check_layout (session, layout_id, &ref, error))
    return FALSE;
  store = crm_session_get_store (session);
  /* Every field and tab checked before anything is written. */
  doc = _crm_layout_doc_from_json (crm_store_get_catalog (store), ref.entity_type_id, json, length, error);
  if (doc == NULL)
    return FALSE;

  if (!_crm_layout_begin (store, &ref, error))
    return FALSE;
  return _crm_layout_finish (store, &ref, _crm_layout_doc_write (store, layout_id, doc, error), error);
}
