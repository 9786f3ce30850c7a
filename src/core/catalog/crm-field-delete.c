/* crm-field-delete.c — how much a field is used, and deleting it with
 * everything that holds it
 *
 * A deleted field leaves no value, no place in any layout and no word in
 * the search index behind, all in the transaction that deletes it. The
 * timeline's changes of it stay: they carry the label it had, and its id
 * is never given to another field (see CRM_NEXT_ID_SQL), so they keep
 * reading as the field they were about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-field.h"
#include "crm-file-private.h"
#include "crm-layout-private.h"
#include "crm-search-private.h"
#include "crm-session.h"
#include "crm-store-private.h"

static void
add_count (GHashTable *counts,
           gint64      field_id,
           gint64      count)
{
  if (count > 0)
    g_hash_table_insert (counts, g_memdup2 (&field_id, sizeof field_id), g_memdup2 (&count, sizeof count));
}

GHashTable *
crm_field_count_usage (CrmSession  *session,
                       gint64       entity_type_id,
                       GError     **error)
{
  g_autoptr(GHashTable) counts = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = crm_session_get_store (session);
  if (crm_catalog_get_entity_type (crm_store_get_catalog (store), entity_type_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return NULL;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_FIELDS_MANAGE, entity_type_id, error))
    return NULL;

  /* An element holding a value has one at ordinal 0: counting those rows
   * counts elements, read from the (field, value) index alone. The fields
   * kept in the element's own columns are counted there, in one pass. */
  stmt = _crm_store_prepare (store,
                             "SELECT v.field_id, count (*) FROM field_values v "
                             "WHERE v.ordinal = 0 AND v.field_id IN "
                             "  (SELECT id FROM fields WHERE entity_type_id = ?1) "
                             "GROUP BY v.field_id "
                             "UNION ALL "
                             "SELECT f.id, CASE f.code "
                             "    WHEN 'pipeline' THEN c.pipeline WHEN 'stage' THEN c.stage "
                             "    WHEN 'responsible' THEN c.responsible "
                             "    WHEN 'created_by' THEN c.created_by WHEN 'updated_by' THEN c.updated_by "
                             "    ELSE c.all_rows END "
                             "FROM fields f, (SELECT count (pipeline_id) AS pipeline, count (stage_id) AS stage, "
                             "                       count (responsible_id) AS responsible, "
                             "                       count (created_by) AS created_by, "
                             "                       count (updated_by) AS updated_by, count (*) AS all_rows "
                             "                FROM elements WHERE entity_type_id = ?1) c "
                             "WHERE f.entity_type_id = ?1 AND f.is_system = 1 "
                             "  AND f.code IN ('pipeline', 'stage', 'responsible', 'created_by', 'created_at', "
                             "                 'updated_by', 'updated_at')", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_count (counts, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/* Every layout that places @field_id is stamped and noted as changed, so
 * open cards and layout editors take it out without a catalog reload. */
static gboolean
touch_layouts (CrmStore  *store,
               gint64     field_id,
               gint64     type_id,
               GError   **error)
{
  g_autoptr(GArray) layouts = NULL;

  layouts = _crm_layout_query_ids (store,
                                   "SELECT DISTINCT s.layout_id FROM layout_placements p "
                                   "JOIN layout_sections s ON s.id = p.section_id "
                                   "WHERE p.field_id = ? ORDER BY 1", field_id, error);
  if (layouts == NULL)
    return FALSE;
  for (guint i = 0; i < layouts->len; i++)
    {
      CrmLayoutRef ref = { g_array_index (layouts, gint64, i), type_id };

      if (!_crm_layout_touch (store, &ref, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
crm_field_delete (CrmSession  *session,
                  gint64       field_id,
                  GError     **error)
{
  g_autoptr(GArray) indexed = NULL;
  CrmStore *store;
  CrmField *field;
  sqlite3_stmt *stmt;
  gint64 type_id;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  store = crm_session_get_store (session);
  field = crm_catalog_get_field (crm_store_get_catalog (store), field_id);
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This field no longer exists"));
      return FALSE;
    }
  type_id = crm_field_get_entity_type_id (field);
  if (!crm_session_check_permission (session, CRM_PERMISSION_FIELDS_MANAGE, type_id, error))
    return FALSE;
  if (crm_field_is_system (field))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("System fields cannot be deleted, only hidden"));
      return FALSE;
    }

  if (!_crm_store_begin (store, error))
    return FALSE;
  /* The elements that had words of it in the index lose them in the same
   * commit as the field. */
  if (_crm_search_type_is_indexed (crm_field_get_field_type (field)))
    {
      indexed = _crm_search_elements_with_values (store, field_id, error);
      if (indexed == NULL)
        goto failed;
    }
  if (crm_field_get_field_type (field) == CRM_FIELD_TYPE_FILE &&
      !_crm_file_release_values (store, 0, field_id, error))
    goto failed;
  if (!touch_layouts (store, field_id, type_id, error))
    goto failed;
  /* Values, placements, visibility and the roles' rights to see it go
   * with it (ON DELETE CASCADE). */
  stmt = _crm_store_prepare (store, "DELETE FROM fields WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, field_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  if (indexed != NULL && !_crm_search_reindex (store, indexed, error))
    goto failed;
  _crm_store_note_change (store, CRM_CHANGE_CATALOG, field_id, type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
