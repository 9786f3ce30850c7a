/* crm-store-transaction.c — the store's transactions: savepoints inside
 * the outermost one, the change notes they collect, and the search index
 * rows they queue for the commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog-private.h"
#include "crm-store-private.h"

typedef struct
{
  gint64  element_id;
  char   *title;     /* NULL: only remove */
  char   *body;
  gboolean is_new;
} IndexRow;

typedef struct
{
  guint changes;     /* pending->items->len when the savepoint began */
  guint index_rows;  /* index_queue->len then */
} Mark;

/* ---- The search index queue ----------------------------------------------- */

static void
clear_index_row (gpointer data)
{
  IndexRow *row = data;

  g_free (row->title);
  g_free (row->body);
}

void
_crm_store_queue_index (CrmStore   *self,
                        gint64      element_id,
                        const char *title,
                        char       *body,
                        gboolean    is_new)
{
  IndexRow row = { element_id, g_strdup (title), body, is_new };

  g_return_if_fail (self->depth > 0);

  g_array_append_val (self->index_queue, row);
}

/* Writes the queued index rows. Only the last row of an element counts;
 * the element had a row before this transaction unless its first queued
 * row says it is new. */
static gboolean
flush_index (CrmStore  *self,
             GError   **error)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) existed = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < self->index_queue->len; i++)
    {
      IndexRow *row = &g_array_index (self->index_queue, IndexRow, i);

      if (!g_hash_table_contains (last, &row->element_id) && !row->is_new)
        g_hash_table_add (existed, &row->element_id);
      g_hash_table_insert (last, &row->element_id, row);
    }

  for (guint i = 0; i < self->index_queue->len; i++)
    {
      IndexRow *row = &g_array_index (self->index_queue, IndexRow, i);

      if (g_hash_table_lookup (last, &row->element_id) != row)
        continue;

      if (g_hash_table_contains (existed, &row->element_id))
        {
          stmt = _crm_store_prepare (self, "DELETE FROM elements_fts WHERE rowid = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row->element_id);
          if (!_crm_store_step_done (self, stmt, error))
            return FALSE;
        }
      if (row->title == NULL)
        continue;

      stmt = _crm_store_prepare (self, "INSERT INTO elements_fts (rowid, title, body) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->element_id);
      sqlite3_bind_text (stmt, 2, row->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, row->body ? row->body : "", -1, SQLITE_STATIC);
      if (!_crm_store_step_done (self, stmt, error))
        return FALSE;
    }

  g_array_set_size (self->index_queue, 0);
  return TRUE;
}

/* ---- Transactions --------------------------------------------------------- */

/* Savepoints come and go thousands of times in a batch: parse them once. */
static gboolean
exec_cached (CrmStore    *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (self, sql, error);

  return stmt != NULL && _crm_store_step_done (self, stmt, error);
}

/* From crm_store_init: the element types of these arrays are this file's. */
void
_crm_store_init_transactions (CrmStore *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->index_queue = g_array_new (FALSE, FALSE, sizeof (IndexRow));
  g_array_set_clear_func (self->index_queue, clear_index_row);
}

gboolean
_crm_store_begin (CrmStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    {
      /* A statement still stepping holds a read snapshot; if another
       * program writes meanwhile, BEGIN IMMEDIATE fails at once with
       * SQLITE_BUSY_SNAPSHOT, whatever the busy timeout. Readers reset
       * their statements; this finds the one that forgot. */
      for (sqlite3_stmt *s = sqlite3_next_stmt (self->db, NULL); s; s = sqlite3_next_stmt (self->db, s))
        if (sqlite3_stmt_busy (s))
          g_critical ("A write begins while a read is not finished: %s", sqlite3_sql (s));
      /* IMMEDIATE takes the write lock now, waiting for another program's
       * write through the busy handler; a DEFERRED transaction would take
       * it at its first write and could fail there without waiting. */
      if (!_crm_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      g_assert (self->pending == NULL);
      self->pending = _crm_change_new ();
      self->depth = 1;
      return TRUE;
    }

  sql = g_strdup_printf ("SAVEPOINT sp%u", self->depth);
  if (!exec_cached (self, sql, error))
    return FALSE;
  {
    Mark mark = { self->pending->items->len, self->index_queue->len };

    g_array_append_val (self->marks, mark);
  }
  self->depth++;
  return TRUE;
}

gboolean
_crm_store_commit (CrmStore  *self,
                   GError   **error)
{
  g_autoptr(CrmChange) change = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE sp%u", self->depth - 1);

      if (!exec_cached (self, sql, error))
        return FALSE;
      g_array_set_size (self->marks, self->marks->len - 1);
      self->depth--;
      return TRUE;
    }

  if (!flush_index (self, error) || !_crm_store_exec (self, "COMMIT", error))
    {
      _crm_store_rollback (self);
      return FALSE;
    }

  self->depth = 0;
  change = g_steal_pointer (&self->pending);

  if (change->items->len == 0)
    return TRUE;

  if (self->catalog != NULL && crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    _crm_catalog_reload (self->catalog, NULL);

  _crm_store_emit_changed (self, change);
  return TRUE;
}

void
_crm_store_rollback (CrmStore *self)
{
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u",
                                              self->depth - 1, self->depth - 1);
      Mark mark = g_array_index (self->marks, Mark, self->marks->len - 1);

      if (!_crm_store_exec (self, sql, NULL))
        g_warning ("Could not roll back a savepoint: %s", sqlite3_errmsg (self->db));
      g_array_set_size (self->marks, self->marks->len - 1);
      self->depth--;

      /* What the savepoint wrote is gone: so are its notes, and the
       * catalog may have seen its rows. */
      g_array_set_size (self->pending->items, mark.changes);
      g_array_set_size (self->index_queue, mark.index_rows);
      if (self->catalog != NULL)
        _crm_catalog_reload (self->catalog, NULL);
      return;
    }

  if (sqlite3_get_autocommit (self->db) == 0 && !_crm_store_exec (self, "ROLLBACK", NULL))
    g_warning ("Could not roll back: %s", sqlite3_errmsg (self->db));

  self->depth = 0;
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->index_queue, 0);
  g_clear_pointer (&self->pending, crm_change_unref);

  /* The cached catalog may have seen rows that are gone now. */
  if (self->catalog != NULL)
    _crm_catalog_reload (self->catalog, NULL);
}

void
_crm_store_note_change (CrmStore      *self,
                        CrmChangeKind  kind,
                        gint64         id,
                        gint64         parent)
{
  CrmChangeItem item = { kind, id, parent };

  g_return_if_fail (self->pending != NULL);

  g_array_append_val (self->pending->items, item);
}
