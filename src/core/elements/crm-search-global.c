/* crm-search-global.c — one search across every type the reader may read
 *
 * Per type, the elements found by their title or values (elements_fts,
 * with the restricted-field tags the reader may see), then those found by
 * the text of their timeline (timeline_fts, which holds only entries
 * people write: see migration 8). Both are bounded so a common word in a
 * large database costs a few milliseconds: elements the way the list
 * model does it (from the index when matches are few, else along the
 * type's elements), entries newest first up to ENTRY_SCAN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog.h"
#include "crm-element-list-model.h"
#include "crm-search-private.h"
#include "crm-search-result.h"
#include "crm-search.h"
#include "crm-store-private.h"

/* Up to this many matches count as few (as in crm-element-list-model.c). */
#define RARE_MATCHES 2000
/* The newest matching timeline entries looked at. */
#define ENTRY_SCAN 5000

#define TAG_START "\xee\x80\x80"

typedef struct
{
  gint64      type_id;
  gboolean    own_only;
  GPtrArray  *results;    /* CrmSearchResult */
  GHashTable *found;      /* element ids already in results */
} TypeBucket;

static void
type_bucket_free (gpointer data)
{
  TypeBucket *bucket = data;

  g_ptr_array_unref (bucket->results);
  g_hash_table_unref (bucket->found);
  g_free (bucket);
}

/* A snippet of the index body without the tokens of restricted values:
 * they are hexadecimal behind a private tag, nothing a person can read. */
static char *
clean_snippet (const char *snippet)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  if (snippet == NULL)
    return NULL;
  words = g_strsplit_set (snippet, " \n\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || strstr (words[i], TAG_START) != NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      if (!g_str_equal (words[i], "…"))
        any = TRUE;
    }
  return any ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static guint
count_matches (CrmStore   *store,
               const char *query)
{
  sqlite3_stmt *stmt;
  guint n = RARE_MATCHES + 1;

  stmt = _crm_store_prepare (store,
                             "SELECT count(*) FROM (SELECT 1 FROM elements_fts "
                             "WHERE elements_fts MATCH ? LIMIT ?)", NULL);
  if (stmt == NULL)
    return n;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, RARE_MATCHES + 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
add_result (TypeBucket *bucket,
            gint64      element_id,
            const char *title,
            const char *snippet)
{
  gint64 *key = g_new (gint64, 1);

  *key = element_id;
  g_hash_table_add (bucket->found, key);
  g_ptr_array_add (bucket->results, _crm_search_result_new (element_id, bucket->type_id, title, snippet));
}

/* The elements of one type found by their title or values. */
static gboolean
search_elements (CrmSession  *session,
                 TypeBucket  *bucket,
                 const char  *text,
                 guint        per_type,
                 GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *query = crm_search_build_query_for (session, bucket->type_id, text);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (query == NULL)
    return TRUE;

  if (count_matches (store, query) <= RARE_MATCHES)
    g_string_append (sql, "SELECT e.id, e.title, snippet (elements_fts, 1, '', '', '…', 10) "
                          "FROM elements_fts CROSS JOIN elements e ON e.id = elements_fts.rowid "
                          "WHERE elements_fts MATCH ?1 AND e.entity_type_id = ?2");
  else
    g_string_append (sql, "SELECT e.id, e.title, "
                          "  (SELECT snippet (elements_fts, 1, '', '', '…', 10) FROM elements_fts "
                          "   WHERE elements_fts MATCH ?1 AND rowid = e.id) "
                          "FROM elements e WHERE e.entity_type_id = ?2 AND EXISTS "
                          "  (SELECT 1 FROM elements_fts WHERE elements_fts MATCH ?1 AND rowid = e.id)");
  if (bucket->own_only)
    g_string_append (sql, " AND (e.responsible_id = ?3 OR e.created_by = ?3)");
  g_string_append (sql, " LIMIT ?4");

  stmt = _crm_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bucket->type_id);
  if (bucket->own_only)
    sqlite3_bind_int64 (stmt, 3, crm_session_get_user_id (session));
  sqlite3_bind_int (stmt, 4, per_type);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *snippet = clean_snippet ((const char *)sqlite3_column_text (stmt, 2));

      add_result (bucket, sqlite3_column_int64 (stmt, 0),
                  (const char *)sqlite3_column_text (stmt, 1), snippet);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return TRUE;
}

/* Only for the entries shown: a snippet costs more than the scan. */
static char *
entry_snippet (CrmStore   *store,
               const char *query,
               gint64      entry_id)
{
  sqlite3_stmt *stmt;
  char *snippet = NULL;

  stmt = _crm_store_prepare (store,
                             "SELECT snippet (timeline_fts, 0, '', '', '…', 10) FROM timeline_fts "
                             "WHERE timeline_fts MATCH ? AND rowid = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snippet = clean_snippet ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return snippet;
}

/* Fills the buckets with the elements whose newest entries match. */
static gboolean
search_entries (CrmSession  *session,
                GHashTable  *buckets,
                const char  *text,
                guint        per_type,
                GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *query = crm_search_build_query (text);
  gint64 user_id = crm_session_get_user_id (session);
  guint open = 0;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  TypeBucket *bucket;
  int rc;

  if (query == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&bucket))
    if (bucket->results->len < per_type)
      open++;
  if (open == 0)
    return TRUE;

  stmt = _crm_store_prepare (store,
                             "SELECT e.id, e.entity_type_id, ifnull (e.responsible_id, 0), "
                             "  ifnull (e.created_by, 0), e.title, t.id "
                             "FROM timeline_fts CROSS JOIN timeline_entries t ON t.id = timeline_fts.rowid "
                             "CROSS JOIN elements e ON e.id = t.element_id "
                             "WHERE timeline_fts MATCH ?1 ORDER BY timeline_fts.rowid DESC LIMIT ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, ENTRY_SCAN);
  while (open > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 element_id = sqlite3_column_int64 (stmt, 0);
      gint64 type_id = sqlite3_column_int64 (stmt, 1);
      gint64 responsible = sqlite3_column_int64 (stmt, 2);
      gint64 creator = sqlite3_column_int64 (stmt, 3);
      g_autofree char *snippet = NULL;

      bucket = g_hash_table_lookup (buckets, &type_id);
      if (bucket == NULL || bucket->results->len >= per_type ||
          g_hash_table_contains (bucket->found, &element_id))
        continue;
      if (bucket->own_only && responsible != user_id && creator != user_id)
        continue;
      snippet = entry_snippet (store, query, sqlite3_column_int64 (stmt, 5));
      add_result (bucket, element_id, (const char *)sqlite3_column_text (stmt, 4), snippet);
      if (bucket->results->len == per_type)
        open--;
    }
  if (open == 0)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return TRUE;
}

GListModel *
crm_search_global (CrmSession  *session,
                   const char  *text,
                   guint        per_type,
                   GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GHashTable) buckets = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree char *plain = NULL;
  GListModel *types;
  guint n;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (per_type > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = g_list_store_new (CRM_TYPE_SEARCH_RESULT);
  plain = crm_search_build_query (text);
  if (plain == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, type_bucket_free);
  order = g_array_new (FALSE, FALSE, sizeof (gint64));
  types = crm_catalog_get_entity_types (crm_store_get_catalog (crm_session_get_store (session)));
  n = g_list_model_get_n_items (types);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (types, i);
      TypeBucket *bucket;

      if (!crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_READ, crm_entity_type_get_id (type)))
        continue;
      bucket = g_new0 (TypeBucket, 1);
      bucket->type_id = crm_entity_type_get_id (type);
      bucket->own_only = !crm_session_reads_all (session, bucket->type_id);
      bucket->results = g_ptr_array_new_with_free_func (g_object_unref);
      bucket->found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (buckets, &bucket->type_id, bucket);
      g_array_append_val (order, bucket->type_id);
      if (!search_elements (session, bucket, text, per_type, error))
        return NULL;
    }

  if (!search_entries (session, buckets, text, per_type, error))
    return NULL;

  for (guint i = 0; i < order->len; i++)
    {
      TypeBucket *bucket = g_hash_table_lookup (buckets, &g_array_index (order, gint64, i));

      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           bucket->results->pdata, bucket->results->len);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
