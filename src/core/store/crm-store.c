/* crm-store.c — the SQLite store: the connection, its migrations, the
 * statement cache and the change notifications
 *
 * The transactions are in crm-store-transaction.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "clientele-core-resources.h"
#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-file-private.h"
#include "crm-people-private.h"
#include "crm-search-private.h"
#include "crm-store-private.h"

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CrmChange, crm_change, crm_change_ref, crm_change_unref)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static gsize resources_registered;

/* ---- Changes -------------------------------------------------------------- */

CrmChange *
_crm_change_new (void)
{
  CrmChange *change = g_new0 (CrmChange, 1);

  g_atomic_ref_count_init (&change->ref_count);
  change->items = g_array_new (FALSE, FALSE, sizeof (CrmChangeItem));
  return change;
}

CrmChange *
crm_change_ref (CrmChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  g_atomic_ref_count_inc (&change->ref_count);
  return change;
}

void
crm_change_unref (CrmChange *change)
{
  g_return_if_fail (change != NULL);

  if (g_atomic_ref_count_dec (&change->ref_count))
    {
      g_array_unref (change->items);
      g_free (change);
    }
}

guint
crm_change_get_n_items (CrmChange *change)
{
  g_return_val_if_fail (change != NULL, 0);

  return change->items->len;
}

const CrmChangeItem *
crm_change_get_item (CrmChange *change,
                     guint      index)
{
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (index < change->items->len, NULL);

  return &g_array_index (change->items, CrmChangeItem, index);
}

gboolean
crm_change_has_kind (CrmChange     *change,
                     CrmChangeKind  kind)
{
  g_return_val_if_fail (change != NULL, FALSE);

  for (guint i = 0; i < change->items->len; i++)
    if (g_array_index (change->items, CrmChangeItem, i).kind == kind)
      return TRUE;
  return FALSE;
}

void
_crm_store_emit_changed (CrmStore  *self,
                         CrmChange *change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* ---- Time stamps ----------------------------------------------------------- */

char *
_crm_timestamp_from_datetime (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (datetime);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

GDateTime *
_crm_timestamp_to_datetime (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (timestamp == NULL)
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (timestamp, utc);
}

char *
_crm_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return _crm_timestamp_from_datetime (now);
}

/* ---- Statements ----------------------------------------------------------- */

sqlite3 *
_crm_store_get_db (CrmStore *self)
{
  return self->db;
}

gboolean
_crm_store_set_error (CrmStore  *self,
                      GError   **error)
{
  if ((sqlite3_errcode (self->db) & 0xff) == SQLITE_BUSY)
    g_set_error (error, CRM_ERROR, CRM_ERROR_STORAGE,
                 _("Another program kept the database busy for too long; try again"));
  else
    g_set_error (error, CRM_ERROR, CRM_ERROR_STORAGE,
                 _("The database could not be written: %s"),
                 sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
_crm_store_prepare (CrmStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_STORAGE,
                   "%s (%s)", sqlite3_errmsg (self->db), sql);
      return NULL;
    }

  /* The key is the caller's string literal in almost every case, but
   * duplicating it keeps dynamically built SQL safe too. */
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_crm_store_step_done (CrmStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc;

  /* Outside a transaction a write would take the write lock on its own,
   * late, and could meet "database is locked" without waiting for it. */
  if (self->depth == 0 && !sqlite3_stmt_readonly (stmt))
    g_critical ("A write outside a transaction: %s", sqlite3_sql (stmt));

  rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _crm_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_crm_store_exec (CrmStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_STORAGE,
                   _("The database could not be written: %s"),
                   message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Migrations -------------------------------------------------------------- */

typedef gboolean (*MigrationFunc) (CrmStore *self, GError **error);

typedef struct
{
  int           version;
  const char   *resource;   /* SQL script in the GResource, or NULL */
  MigrationFunc func;       /* or C code, for rows with translatable text */
} Migration;

static const Migration migrations[] = {
  { 1, "/io/github/clientele/Clientele/core/migrations/0001-schema.sql", NULL },
  { 2, NULL, _crm_builtin_install },
  { 3, "/io/github/clientele/Clientele/core/migrations/0003-pending-files.sql", NULL },
  { 4, NULL, _crm_search_migrate_restricted },
  { 5, "/io/github/clientele/Clientele/core/migrations/0005-permissions.sql", NULL },
  { 6, NULL, _crm_people_migrate },
  { 7, "/io/github/clientele/Clientele/core/migrations/0007-retired-ids.sql", NULL },
  { 8, "/io/github/clientele/Clientele/core/migrations/0008-retired-stage-ids.sql", NULL },
  { 9, "/io/github/clientele/Clientele/core/migrations/0009-timeline-search.sql", NULL },
  { 10, "/io/github/clientele/Clientele/core/migrations/0010-view-picks.sql", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRM_STORE_SCHEMA_VERSION);

static int
read_user_version (CrmStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_migrations (CrmStore  *self,
                  GError   **error)
{
  int version = read_user_version (self);

  if (version < 0)
    return _crm_store_set_error (self, error);

  if (version > CRM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VERSION,
                   _("This database was written by a newer version of Clientele "
                     "(schema %d; this version knows up to %d). Update Clientele to open it."),
                   version, CRM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (version == CRM_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!_crm_store_begin (self, error))
    return FALSE;

  /* Another process opening the same database may have migrated it while
   * this one waited for the write lock. */
  version = read_user_version (self);
  if (version < 0)
    {
      _crm_store_set_error (self, error);
      goto failed;
    }
  if (version >= CRM_STORE_SCHEMA_VERSION)
    {
      _crm_store_rollback (self);
      return apply_migrations (self, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      const Migration *m = &migrations[i];

      if (m->version <= version)
        continue;

      if (m->resource != NULL)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *sql = NULL;

          bytes = g_resources_lookup_data (m->resource, 0, error);
          if (bytes == NULL)
            goto failed;
          sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          if (!_crm_store_exec (self, sql, error))
            goto failed;
        }
      else if (!m->func (self, error))
        goto failed;
    }

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                            CRM_STORE_SCHEMA_VERSION);
    if (!_crm_store_exec (self, sql, error))
      goto failed;
  }

  /* Nobody listens yet; the notes only need a place to go. */
  return _crm_store_commit (self, error);

failed:
  _crm_store_rollback (self);
  return FALSE;
}

/* Switching a new database to WAL needs it alone for a moment, and when
 * another program is opening it too SQLite answers "busy" at once instead
 * of waiting: wait here, as the busy timeout would. */
static gboolean
enable_wal (CrmStore  *self,
            GError   **error)
{
  gint64 deadline = g_get_monotonic_time () + CRM_STORE_BUSY_TIMEOUT_MS * 1000;

  for (;;)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      /* One row: the mode now ("memory" stays for a private database). */
      if (rc == SQLITE_ROW)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return _crm_store_set_error (self, error);
      g_usleep (5 * 1000);
    }
}

/* ---- GObject ----------------------------------------------------------------- */

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, crm_change_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->index_queue, g_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (crm_store_parent_class)->finalize (object);
}

static void
crm_store_class_init (CrmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_store_finalize;

  /**
   * CrmStore::changed:
   * @change: (type CrmChange): what the committed transaction changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  CRM_TYPE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
crm_store_init (CrmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
  _crm_store_init_transactions (self);
}

/* ---- Public API --------------------------------------------------------------- */

CrmStore *
crm_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CrmStore) self = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A static library drops the resource's constructor: register by hand. */
  if (g_once_init_enter (&resources_registered))
    {
      g_resources_register (clientele_core_get_resource ());
      g_once_init_leave (&resources_registered, 1);
    }

  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_STORAGE,
                   _("Could not open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, CRM_STORE_BUSY_TIMEOUT_MS);

  /* A file that is not SQLite fails here, before anything is written. */
  if (!_crm_store_exec (self, "PRAGMA foreign_keys = ON;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA temp_store = MEMORY;"
                              "PRAGMA cache_size = -32000;", error) ||
      !enable_wal (self, error))
    {
      g_prefix_error (error, _("Could not open the database “%s”: "), path);
      return NULL;
    }

  if (!apply_migrations (self, error))
    return NULL;

  self->catalog = _crm_catalog_new (self);
  if (!_crm_catalog_reload (self->catalog, error))
    return NULL;

  /* Files a crash or a cancelled pick left pending. Opening does not
   * depend on it: what is not swept now is swept next time. */
  {
    g_autoptr(GError) sweep_error = NULL;

    if (!_crm_file_sweep (self, NULL, NULL, &sweep_error))
      g_debug ("Left pending files for later: %s", sweep_error->message);
  }

  return g_steal_pointer (&self);
}

const char *
crm_store_get_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->path;
}

int
crm_store_get_schema_version (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), -1);

  return read_user_version (self);
}

CrmCatalog *
crm_store_get_catalog (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->catalog;
}

gboolean
crm_store_is_empty (CrmStore *self)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = _crm_store_prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM elements)", NULL);
  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return empty;
}

gboolean
crm_store_begin (CrmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return _crm_store_begin (self, error);
}

gboolean
crm_store_commit (CrmStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return _crm_store_commit (self, error);
}

void
crm_store_rollback (CrmStore *self)
{
  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  _crm_store_rollback (self);
}
