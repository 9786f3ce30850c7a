/* crm-entity-type-stages.c — turning a type's stages on and off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-builtin-private.h"
#include "crm-entity-type-manage-private.h"
#include "crm-layout-private.h"
#include "crm-store-private.h"

static gboolean
run (CrmStore    *store,
     const char  *sql,
     gint64       param,
     GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  return _crm_store_step_done (store, stmt, error);
}

gint64
_crm_entity_type_query_int (CrmStore    *store,
                            const char  *sql,
                            gint64       param,
                            GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
  gint64 value;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _crm_store_set_error (store, error);
      return -1;
    }
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Stages turned on: the default pipeline, whose first stage the elements
 * start in, the pipeline and stage fields, and the standard layouts show
 * them after the title. A type with pipelines has a layout per pipeline:
 * the ones it had become the new pipeline's, as they were arranged. */
gboolean
_crm_entity_type_add_stages (CrmStore  *store,
                             gint64     type_id,
                             gboolean   has_pipelines,
                             GError   **error)
{
  static const char *codes[] = { "pipeline", "stage" };
  g_autoptr(GArray) elements = NULL;
  g_autoptr(GArray) layouts = NULL;
  sqlite3_stmt *stmt;
  gint64 pipeline_id;

  if (!_crm_builtin_add_user_fields (store, type_id, TRUE, FALSE, error) ||
      (pipeline_id = _crm_builtin_add_user_pipeline (store, type_id, error)) == 0)
    return FALSE;

  elements = _crm_layout_query_ids (store, "SELECT id FROM elements WHERE entity_type_id = ? ORDER BY id",
                                    type_id, error);
  if (elements == NULL)
    return FALSE;
  stmt = _crm_store_prepare (store,
                             "UPDATE elements SET pipeline_id = ?2, stage_id = "
                             "  (SELECT id FROM stages WHERE pipeline_id = ?2 ORDER BY sort, id LIMIT 1) "
                             "WHERE entity_type_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  for (guint i = 0; i < elements->len; i++)
    _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, g_array_index (elements, gint64, i), type_id);

  if (has_pipelines)
    {
      stmt = _crm_store_prepare (store,
                                 "UPDATE layouts SET pipeline_id = ?2 "
                                 "WHERE entity_type_id = ?1 AND pipeline_id IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, type_id);
      sqlite3_bind_int64 (stmt, 2, pipeline_id);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }

  layouts = _crm_layout_query_ids (store,
                                   "SELECT id FROM layouts WHERE entity_type_id = ? AND scope = 'standard' "
                                   "ORDER BY id", type_id, error);
  if (layouts == NULL)
    return FALSE;
  for (guint i = 0; i < layouts->len; i++)
    {
      gint64 layout_id = g_array_index (layouts, gint64, i);
      gint64 section_id;

      section_id = _crm_entity_type_query_int (store,
                              "SELECT ifnull ((SELECT id FROM layout_sections WHERE layout_id = ?1 "
                              "                ORDER BY sort, id LIMIT 1), 0)", layout_id, error);
      if (section_id < 0)
        return FALSE;
      for (guint c = 0; section_id > 0 && c < G_N_ELEMENTS (codes); c++)
        {
          gint64 field_id;

          stmt = _crm_store_prepare (store,
                                     "SELECT id FROM fields WHERE entity_type_id = ? AND code = ? AND is_system = 1",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, type_id);
          sqlite3_bind_text (stmt, 2, codes[c], -1, SQLITE_STATIC);
          field_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
          sqlite3_reset (stmt);
          if (field_id != 0 &&
              !_crm_layout_place (store, layout_id, type_id, section_id, field_id, 1 + c, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Stages turned off, with no element in them: no rule required from a
 * stage stays, the default pipeline's layouts become the type's, and the
 * pipelines, stages and their fields go. */
gboolean
_crm_entity_type_remove_stages (CrmStore  *store,
                                gint64     type_id,
                                GError   **error)
{
  return run (store,
              "UPDATE fields SET required_mode = 'never', required_stage_id = NULL "
              "WHERE entity_type_id = ?1 AND required_mode = 'stage'", type_id, error) &&
         run (store,
              "UPDATE layouts SET pipeline_id = NULL WHERE pipeline_id = "
              "  (SELECT id FROM pipelines WHERE entity_type_id = ?1 ORDER BY is_default DESC, sort, id LIMIT 1)",
              type_id, error) &&
         run (store,
              "DELETE FROM fields WHERE entity_type_id = ?1 AND is_system = 1 AND code IN ('pipeline', 'stage')",
              type_id, error) &&
         run (store, "DELETE FROM pipelines WHERE entity_type_id = ?1", type_id, error);
}
