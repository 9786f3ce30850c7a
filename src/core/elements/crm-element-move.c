/* crm-element-move.c — moving an element to another stage of its pipeline
 *
 * A move without values is the kanban's and the stage bar's everyday
 * gesture, so it has its own short path: one read of the element's row,
 * the gate answered from the catalog and one query of which fields hold a
 * value, one UPDATE of the stage and the timeline entry. A move with
 * values (the fields the gate asked for) goes through the draft, which
 * validates and writes them with the stage in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-element-draft-private.h"
#include "crm-element-move.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-required-private.h"
#include "crm-session-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

typedef struct
{
  gint64 entity_type_id;
  gint64 pipeline_id;
  gint64 stage_id;
  gint64 responsible_id;
  gint64 created_by;
} ElementRow;

typedef gboolean (*IsFilledFunc) (CrmField *field,
                                  gpointer  data);

/* The fields required at @stage_id that @is_filled says are empty and the
 * session may see; NULL @is_filled: every required one. */
static GPtrArray *
collect_missing (CrmSession   *session,
                 gint64        entity_type_id,
                 gint64        pipeline_id,
                 gint64        stage_id,
                 IsFilledFunc  is_filled,
                 gpointer      data)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  GListModel *fields = crm_catalog_get_fields (catalog, entity_type_id);
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = fields != NULL ? g_list_model_get_n_items (fields) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      if (!_crm_field_is_required_at (catalog, field, pipeline_id, stage_id) ||
          !crm_session_can_see_field (session, field))
        continue;
      if (is_filled == NULL || !is_filled (field, data))
        g_ptr_array_add (missing, g_steal_pointer (&field));
    }
  return missing;
}

static gboolean
element_has_value_cb (CrmField *field,
                      gpointer  data)
{
  return crm_element_get_values (CRM_ELEMENT (data), field) != NULL;
}

typedef struct
{
  const ElementRow *row;
  GHashTable       *filled;  /* field ids holding a value */
} StoredValues;

static gboolean
stored_has_value_cb (CrmField *field,
                     gpointer  data)
{
  StoredValues *stored = data;
  const char *column = _crm_field_get_column (field);

  if (column != NULL)
    /* Pipeline and stage are set by the move; the others by the core. */
    return !g_str_equal (crm_field_get_code (field), "responsible") || stored->row->responsible_id != 0;
  return g_hash_table_contains (stored->filled, GSIZE_TO_POINTER (crm_field_get_id (field)));
}

static gboolean
read_row (CrmStore    *store,
          gint64       element_id,
          ElementRow  *row,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT entity_type_id, ifnull (pipeline_id, 0), ifnull (stage_id, 0), "
                             "  ifnull (responsible_id, 0), ifnull (created_by, 0) "
                             "FROM elements WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *row = (ElementRow) {
      .entity_type_id = sqlite3_column_int64 (stmt, 0),
      .pipeline_id = sqlite3_column_int64 (stmt, 1),
      .stage_id = sqlite3_column_int64 (stmt, 2),
      .responsible_id = sqlite3_column_int64 (stmt, 3),
      .created_by = sqlite3_column_int64 (stmt, 4),
    };
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, element_id);

      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The element %s does not exist or was deleted"), number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _crm_store_set_error (store, error);
  return TRUE;
}

/* Which of @missing's fields hold a value as stored (one query, only when
 * something is required at all). */
static GHashTable *
read_filled (CrmStore    *store,
             gint64       element_id,
             GError     **error)
{
  g_autoptr(GHashTable) filled = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store, "SELECT DISTINCT field_id FROM field_values WHERE element_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (filled, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&filled);
}

static void
set_missing_error (GError    **error,
                   CrmStage   *stage,
                   GPtrArray  *missing)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                            crm_field_get_label (g_ptr_array_index (missing, i)));
  /* Translators: a move refused by the fields a stage requires; the first
   * %s is the stage, the second the fields' names */
  g_set_error (error, CRM_ERROR, CRM_ERROR_REQUIRED,
               _("Fill in the fields required at “%s”: %s"), crm_stage_get_name (stage), names->str);
}

/* What every move checks before anything is written: the target stage,
 * its pipeline, and the reason a failure needs. */
static CrmStage *
check_target (CrmCatalog        *catalog,
              const ElementRow  *row,
              gint64             stage_id,
              const char        *reason,
              GError           **error)
{
  CrmStage *stage = crm_catalog_get_stage (catalog, stage_id);
  g_autofree char *trimmed = NULL;

  if (stage == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("That stage does not exist any more"));
      return NULL;
    }
  if (row->pipeline_id == 0 || crm_stage_get_pipeline_id (stage) != row->pipeline_id)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a stage of this element’s pipeline"), crm_stage_get_name (stage));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (crm_stage_get_semantics (stage) == CRM_STAGE_FAILURE && row->stage_id != stage_id && *trimmed == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Say why the element moves to “%s”"), crm_stage_get_name (stage));
      return NULL;
    }
  return stage;
}

static char *
clean_reason (const char *reason)
{
  char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  return trimmed;
}

/* Inside the transaction: the row is read again, so the checks see what
 * is stored now. */
static gboolean
move_stored (CrmSession  *session,
             gint64       element_id,
             gint64       stage_id,
             const char  *reason,
             GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  CrmCatalog *catalog = crm_store_get_catalog (store);
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *now = NULL;
  g_autofree char *why = clean_reason (reason);
  ElementRow row;
  CrmStage *stage;
  sqlite3_stmt *stmt;

  if (!read_row (store, element_id, &row, error) ||
      !_crm_session_check_element (session, CRM_PERMISSION_ELEMENT_WRITE, row.entity_type_id,
                                   row.responsible_id, row.created_by, error) ||
      (stage = check_target (catalog, &row, stage_id, reason, error)) == NULL)
    return FALSE;
  if (row.stage_id == stage_id)
    return TRUE;

  missing = collect_missing (session, row.entity_type_id, row.pipeline_id, stage_id, NULL, NULL);
  if (missing->len > 0)
    {
      g_autoptr(GHashTable) filled = read_filled (store, element_id, error);
      StoredValues stored = { &row, filled };

      if (filled == NULL)
        return FALSE;
      g_clear_pointer (&missing, g_ptr_array_unref);
      missing = collect_missing (session, row.entity_type_id, row.pipeline_id, stage_id,
                                 stored_has_value_cb, &stored);
      if (missing->len > 0)
        {
          set_missing_error (error, stage, missing);
          return FALSE;
        }
    }

  now = _crm_store_now ();
  stmt = _crm_store_prepare (store,
                             "UPDATE elements SET stage_id = ?2, updated_by = ?3, updated_at = ?4 "
                             "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_int64 (stmt, 2, stage_id);
  sqlite3_bind_int64 (stmt, 3, crm_session_get_user_id (session));
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  payload = _crm_element_stage_payload (catalog, row.stage_id, stage_id, why);
  if (_crm_timeline_insert (store, element_id, CRM_ENTRY_STAGE_CHANGE, crm_session_get_user_id (session),
                            now, NULL, payload, error) == 0)
    return FALSE;
  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, element_id, row.entity_type_id);
  return TRUE;
}

/* The values come with the move: the draft validates them, the gate
 * included, and writes them with the stage. */
static gboolean
move_with_values (CrmSession       *session,
                  gint64            element_id,
                  gint64            stage_id,
                  const char       *reason,
                  CrmElementDraft  *draft,
                  GError          **error)
{
  CrmStore *store = crm_session_get_store (session);
  g_autofree char *why = clean_reason (reason);
  ElementRow row;

  if (crm_element_draft_get_element_id (draft) != element_id)
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                           _("The values given are for another element"));
      return FALSE;
    }
  if (!read_row (store, element_id, &row, error) ||
      !_crm_session_check_element (session, CRM_PERMISSION_ELEMENT_WRITE, row.entity_type_id,
                                   row.responsible_id, row.created_by, error) ||
      check_target (crm_store_get_catalog (store), &row, stage_id, reason, error) == NULL)
    return FALSE;
  if (draft->pipeline_id != row.pipeline_id)
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                           _("A move keeps the element in its pipeline"));
      return FALSE;
    }

  crm_element_draft_set_stage (draft, stage_id);
  g_free (draft->stage_reason);
  draft->stage_reason = g_steal_pointer (&why);
  return crm_element_draft_save (draft, error) != 0;
}

/* ---- Public API ------------------------------------------------------------------- */

GPtrArray *
crm_element_get_missing_at_stage (CrmSession *session,
                                  CrmElement *element,
                                  gint64      stage_id)
{
  CrmCatalog *catalog;
  CrmStage *stage;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (crm_element_has_values (element), NULL);

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  stage = crm_catalog_get_stage (catalog, stage_id);
  if (stage == NULL || crm_stage_get_pipeline_id (stage) != crm_element_get_pipeline_id (element))
    return g_ptr_array_new_with_free_func (g_object_unref);

  return collect_missing (session, crm_element_get_entity_type_id (element),
                          crm_element_get_pipeline_id (element), stage_id,
                          element_has_value_cb, element);
}

gboolean
crm_element_move_to_stage (CrmSession       *session,
                           gint64            element_id,
                           gint64            stage_id,
                           const char       *reason,
                           CrmElementDraft  *values,
                           GError          **error)
{
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (values == NULL || CRM_IS_ELEMENT_DRAFT (values), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (values != NULL)
    return move_with_values (session, element_id, stage_id, reason, values, error);

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;
  if (!move_stored (session, element_id, stage_id, reason, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  return _crm_store_commit (store, error);
}
