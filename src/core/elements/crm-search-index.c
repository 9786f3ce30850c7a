/* crm-search-index.c — re-indexing elements from their stored values
 *
 * Saving a draft indexes the element from the draft (crm-element-write.c).
 * When a field changes under elements that are not being saved — it is
 * restricted, its audience changes, it is deleted — their rows are built
 * again here, from the database inside the caller's transaction, so the
 * index changes in the same commit as the field. The catalog is not used:
 * it only learns about the change after the commit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog-private.h"
#include "crm-search-private.h"
#include "crm-store-private.h"

typedef struct
{
  CrmFieldType     type;
  CrmFieldOptions *options;
  char            *tag;
  gboolean         skip;   /* the title (a column of its own), or no words */
} FieldInfo;

static void
field_info_free (gpointer data)
{
  FieldInfo *info = data;

  crm_field_options_free (info->options);
  g_free (info->tag);
  g_free (info);
}

char *
_crm_search_load_tag (CrmStore  *store,
                      gint64     field_id,
                      GError   **error)
{
  g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT user_id, department_id FROM field_visibility WHERE field_id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, field_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id;

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (users, id);
        }
      else
        {
          id = sqlite3_column_int64 (stmt, 1);
          g_array_append_val (departments, id);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return _crm_field_make_search_tag (field_id, users, departments);
}

/* What the index needs of a field, as the database has it now; the
 * labels of built-in list items translated as the catalog does. */
static FieldInfo *
load_field (CrmStore    *store,
            gint64       field_id,
            GError     **error)
{
  FieldInfo *info;
  sqlite3_stmt *stmt;
  gboolean msgid;
  CrmFieldType type;
  char *code = NULL;
  char *options = NULL;

  stmt = _crm_store_prepare (store, "SELECT code, type, options, label_msgid FROM fields WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, field_id);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !crm_field_type_from_code ((const char *)sqlite3_column_text (stmt, 1), &type))
    {
      sqlite3_reset (stmt);
      /* Values of a field this version does not know add no words. */
      info = g_new0 (FieldInfo, 1);
      info->skip = TRUE;
      return info;
    }
  code = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  options = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  msgid = sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);

  info = g_new0 (FieldInfo, 1);
  info->type = type;
  info->skip = g_str_equal (code, "title") || !_crm_search_type_is_indexed (type);
  info->options = crm_field_options_from_json (options, NULL);
  if (info->options == NULL)
    info->options = crm_field_options_new ();
  for (guint i = 0; msgid && i < info->options->items->len; i++)
    {
      CrmListItem *item = g_ptr_array_index (info->options->items, i);
      char *label = g_strdup (g_dgettext (GETTEXT_PACKAGE, item->label));

      g_free (item->label);
      item->label = label;
    }
  g_free (code);
  g_free (options);

  if (!info->skip)
    {
      g_autoptr(GError) tag_error = NULL;

      info->tag = _crm_search_load_tag (store, field_id, &tag_error);
      if (tag_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&tag_error));
          field_info_free (info);
          return NULL;
        }
    }
  return info;
}

static FieldInfo *
lookup_field (CrmStore    *store,
              GHashTable  *fields,
              gint64       field_id,
              GError     **error)
{
  FieldInfo *info = g_hash_table_lookup (fields, &field_id);
  gint64 *key;

  if (info != NULL)
    return info;
  info = load_field (store, field_id, error);
  if (info == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = field_id;
  g_hash_table_insert (fields, key, info);
  return info;
}

/* Queues the element's row; an element deleted meanwhile is skipped (its
 * removal is queued already). */
static gboolean
reindex_one (CrmStore    *store,
             GHashTable  *fields,
             gint64       element_id,
             GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store, "SELECT title FROM elements WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    title = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _crm_store_set_error (store, error);

  stmt = _crm_store_prepare (store,
                             "SELECT field_id, value, aux, kind FROM field_values "
                             "WHERE element_id = ? ORDER BY field_id, ordinal", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FieldInfo *info = lookup_field (store, fields, sqlite3_column_int64 (stmt, 0), error);
      CrmValue value = { 0, };

      if (info == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (info->skip)
        continue;
      value.type = info->type;
      if (crm_field_type_stores_number (info->type))
        value.number = sqlite3_column_int64 (stmt, 1);
      else
        value.text = (char *)sqlite3_column_text (stmt, 1);
      value.aux = (char *)sqlite3_column_text (stmt, 2);
      value.kind = (char *)sqlite3_column_text (stmt, 3);
      _crm_search_append_value (body, info->type, info->options, info->tag, &value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);

  _crm_store_queue_index (store, element_id, title, g_string_free (g_steal_pointer (&body), FALSE), FALSE);
  return TRUE;
}

gboolean
_crm_search_reindex (CrmStore  *store,
                     GArray    *element_ids,
                     GError   **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, field_info_free);

  for (guint i = 0; i < element_ids->len; i++)
    if (!reindex_one (store, fields, g_array_index (element_ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static GArray *
collect_ids (CrmStore    *store,
             const char  *sql,
             gint64       parameter,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (parameter != 0)
    sqlite3_bind_int64 (stmt, 1, parameter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
_crm_search_elements_with_values (CrmStore  *store,
                                  gint64     field_id,
                                  GError   **error)
{
  return collect_ids (store, "SELECT DISTINCT element_id FROM field_values WHERE field_id = ?",
                      field_id, error);
}

gboolean
_crm_search_migrate_restricted (CrmStore  *store,
                                GError   **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = collect_ids (store,
                     "SELECT DISTINCT element_id FROM field_values "
                     "WHERE field_id IN (SELECT field_id FROM field_visibility)", 0, error);
  return ids != NULL && _crm_search_reindex (store, ids, error);
}
