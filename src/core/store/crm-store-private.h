/* crm-store-private.h — what the core's own files share about the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* How long a write waits for another program's write transaction (a
 * long import, say) before it gives up with CRM_ERROR_STORAGE. */
#define CRM_STORE_BUSY_TIMEOUT_MS 10000

sqlite3      *_crm_store_get_db        (CrmStore      *self);
/* A cached statement, reset and with bindings cleared; owned by the store. */
sqlite3_stmt *_crm_store_prepare       (CrmStore      *self,
                                        const char    *sql,
                                        GError       **error);
/* Transactions nest (savepoints inside); the outermost commit emits the
 * change notification collected with _crm_store_note_change. */
gboolean      _crm_store_begin         (CrmStore      *self,
                                        GError       **error);
gboolean      _crm_store_commit        (CrmStore      *self,
                                        GError       **error);
void          _crm_store_rollback      (CrmStore      *self);
void          _crm_store_note_change   (CrmStore      *self,
                                        CrmChangeKind  kind,
                                        gint64         id,
                                        gint64         parent);
/* Queues the search index row of an element (title NULL: remove it) for
 * the outermost commit. Written then, in one go, rather than under each
 * savepoint, where FTS5 would flush a tiny segment every time. @is_new
 * skips removing an old row. Takes @body. */
void          _crm_store_queue_index   (CrmStore      *self,
                                        gint64         element_id,
                                        const char    *title,
                                        char          *body,
                                        gboolean       is_new);
/* Sets a CRM_ERROR_STORAGE error from the connection's last message and
 * returns FALSE. */
gboolean      _crm_store_set_error     (CrmStore      *self,
                                        GError       **error);
/* Runs a statement to SQLITE_DONE and resets it. */
gboolean      _crm_store_step_done     (CrmStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* "2026-11-26T14:03:07.123Z": the timestamps of created_at columns. */
char         *_crm_store_now           (void);
char         *_crm_timestamp_from_datetime (GDateTime *datetime);
GDateTime    *_crm_timestamp_to_datetime   (const char *timestamp);

/* ---- Between crm-store.c and crm-store-transaction.c ---------------------- */

/* The store is one object in two files: crm-store.c keeps the connection,
 * the migrations, the statement cache and the public API,
 * crm-store-transaction.c the transactions. Nothing else touches these
 * fields; the functions above are the way in. */

struct _CrmChange
{
  gatomicrefcount ref_count;
  GArray         *items;   /* of CrmChangeItem */
};

struct _CrmStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* */
  CrmCatalog *catalog;

  /* Kept by crm-store-transaction.c */
  guint       depth;        /* transaction nesting */
  CrmChange  *pending;      /* what the open transaction changed */
  GArray     *marks;        /* of Mark, one per open savepoint */
  GArray     *index_queue;  /* of IndexRow, written at the outermost commit */
};

CrmChange    *_crm_change_new              (void);
void          _crm_store_emit_changed      (CrmStore      *self,
                                            CrmChange     *change);
/* Runs @sql, which may hold several statements, without caching it. */
gboolean      _crm_store_exec              (CrmStore      *self,
                                            const char    *sql,
                                            GError       **error);
void          _crm_store_init_transactions (CrmStore      *self);

G_END_DECLS
