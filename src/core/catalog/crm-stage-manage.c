/* crm-stage-manage.c — adding, renaming, recolouring, reordering and
 * deleting the stages of a pipeline
 *
 * Each change writes the stages' new order in full and then checks the
 * pipeline's rules on what it wrote (crm-pipeline-manage.h), so no path
 * can leave a pipeline without a way to win, lose or work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-pipeline-manage.h"
#include "crm-pipeline-manage-private.h"
#include "crm-store-private.h"

static const char *semantics_codes[] = { "progress", "success", "failure" };

/* ---- Helpers ------------------------------------------------------------------------ */

/* The pipeline's stage ids, in order. */
static GArray *
get_stage_ids (CrmPipeline *pipeline)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      gint64 id = crm_stage_get_id (stage);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* The index of the pipeline's success stage, or its number of stages. */
static guint
find_success (CrmPipeline *pipeline)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS)
        return i;
    }
  return n;
}

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (crm_stage_color_is_valid (color))
    return TRUE;
  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("A colour is written “#rrggbb”, as in “#3584e4”"));
  return FALSE;
}

static char *
check_name (CrmPipeline  *pipeline,
            gint64        self_id,
            const char   *name,
            GError      **error)
{
  return _crm_pipeline_manage_check_name (crm_pipeline_get_stages (pipeline), self_id, name,
                                          _("Give the stage a name"),
                                          _("There is already a stage called “%s” in this pipeline"),
                                          error);
}

/* Writes @ids as the pipeline's order, checks its rules and notes the
 * change; commits, or rolls back with the reason. */
static gboolean
finish (CrmStore     *store,
        CrmPipeline  *pipeline,
        GArray       *ids,
        gint64        stage_id,
        GError      **error)
{
  if ((ids != NULL &&
       !_crm_layout_renumber (store, "UPDATE stages SET sort = ?2 WHERE id = ?1", ids, 0, error)) ||
      !_crm_pipeline_manage_check_stages (store, crm_pipeline_get_id (pipeline), error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  _crm_store_note_change (store, CRM_CHANGE_CATALOG, stage_id, crm_pipeline_get_id (pipeline));
  return _crm_store_commit (store, error);
}

static gboolean
update_text (CrmSession  *session,
             const char  *sql,
             gint64       stage_id,
             CrmPipeline *pipeline,
             const char  *text,
             GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  sqlite3_stmt *stmt;

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!_crm_store_step_done (store, stmt, error))
    {
      _crm_store_rollback (store);
      return FALSE;
    }
  return finish (store, pipeline, NULL, stage_id, error);
}

/* ---- Public API --------------------------------------------------------------------- */

gint64
crm_stage_create (CrmSession         *session,
                  gint64              pipeline_id,
                  const char         *name,
                  const char         *color,
                  CrmStageSemantics   semantics,
                  GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *code = NULL;
  g_autofree char *lower = NULL;
  CrmPipeline *pipeline;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if ((pipeline = _crm_pipeline_manage_find (session, pipeline_id, error)) == NULL ||
      (clean = check_name (pipeline, 0, name, error)) == NULL ||
      !check_color (color, error))
    return 0;
  if (semantics != CRM_STAGE_PROGRESS && semantics != CRM_STAGE_FAILURE)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A pipeline has exactly one success stage; a new stage is in progress or a failure"));
      return 0;
    }
  store = crm_session_get_store (session);
  lower = g_ascii_strdown (color, -1);

  if (!_crm_store_begin (store, error))
    return 0;
  code = _crm_pipeline_manage_make_code (store, "SELECT 1 FROM stages WHERE pipeline_id = ?1 AND code = ?2",
                                         pipeline_id, clean, "stage", error);
  if (code == NULL)
    goto failed;
  stmt = _crm_store_prepare (store,
                             "INSERT INTO stages (id, pipeline_id, code, name, label_msgid, color, semantics, sort) "
                             "VALUES (" CRM_NEXT_ID_SQL ("stages") ", ?1, ?2, ?3, 0, ?4, ?5, 0)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, lower, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, semantics_codes[semantics], -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  /* In progress: the last of those, just before the success stage. */
  ids = get_stage_ids (pipeline);
  if (semantics == CRM_STAGE_PROGRESS)
    g_array_insert_val (ids, find_success (pipeline), id);
  else
    g_array_append_val (ids, id);
  if (!finish (store, pipeline, ids, id, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}

gboolean
crm_stage_rename (CrmSession  *session,
                  gint64       stage_id,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *clean = NULL;
  CrmPipeline *pipeline;
  CrmStage *stage;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((stage = _crm_stage_manage_find (session, stage_id, &pipeline, error)) == NULL ||
      (clean = check_name (pipeline, stage_id, name, error)) == NULL)
    return FALSE;
  /* The name shown already: a built-in one stays a msgid, translated. */
  if (g_str_equal (clean, crm_stage_get_name (stage)))
    return TRUE;
  return update_text (session, "UPDATE stages SET name = ?2, label_msgid = 0 WHERE id = ?1",
                      stage_id, pipeline, clean, error);
}

gboolean
crm_stage_set_color (CrmSession  *session,
                     gint64       stage_id,
                     const char  *color,
                     GError     **error)
{
  g_autofree char *lower = NULL;
  CrmPipeline *pipeline;
  CrmStage *stage;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((stage = _crm_stage_manage_find (session, stage_id, &pipeline, error)) == NULL ||
      !check_color (color, error))
    return FALSE;
  lower = g_ascii_strdown (color, -1);
  if (g_str_equal (lower, crm_stage_get_color (stage)))
    return TRUE;
  return update_text (session, "UPDATE stages SET color = ?2 WHERE id = ?1", stage_id, pipeline, lower, error);
}

gboolean
crm_stage_set_semantics (CrmSession         *session,
                         gint64              stage_id,
                         CrmStageSemantics   semantics,
                         GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  CrmPipeline *pipeline;
  CrmStage *stage;
  CrmStore *store;
  sqlite3_stmt *stmt;
  guint success;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((stage = _crm_stage_manage_find (session, stage_id, &pipeline, error)) == NULL)
    return FALSE;
  if (crm_stage_get_semantics (stage) == semantics)
    return TRUE;
  if (semantics == CRM_STAGE_SUCCESS || crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS ||
      semantics > CRM_STAGE_FAILURE)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A pipeline has exactly one success stage: it stays the success stage"));
      return FALSE;
    }
  store = crm_session_get_store (session);

  /* Into the nearest place of its new part: just after the success stage
   * as a failure, just before it in progress. */
  ids = get_stage_ids (pipeline);
  g_array_remove_index (ids, crm_pipeline_get_stage_index (pipeline, stage_id));
  for (success = 0; success < ids->len; success++)
    if (crm_stage_get_semantics (crm_catalog_get_stage (crm_store_get_catalog (store),
                                                        g_array_index (ids, gint64, success))) == CRM_STAGE_SUCCESS)
      break;
  g_array_insert_val (ids, semantics == CRM_STAGE_FAILURE ? MIN (success + 1, ids->len) : success, stage_id);

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "UPDATE stages SET semantics = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_text (stmt, 2, semantics_codes[semantics], -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  return finish (store, pipeline, ids, stage_id, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_stage_move (CrmSession  *session,
                gint64       stage_id,
                guint        position,
                GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  CrmPipeline *pipeline;
  CrmStore *store;
  int current;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if (_crm_stage_manage_find (session, stage_id, &pipeline, error) == NULL)
    return FALSE;
  ids = get_stage_ids (pipeline);
  current = crm_pipeline_get_stage_index (pipeline, stage_id);
  if (position >= ids->len)
    position = ids->len - 1;
  if ((guint) current == position)
    return TRUE;
  _crm_layout_move_in_array (ids, stage_id, position);

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;
  return finish (store, pipeline, ids, stage_id, error);
}

gboolean
crm_stage_delete (CrmSession  *session,
                  gint64       stage_id,
                  gint64       target_stage_id,
                  GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  CrmPipeline *pipeline;
  CrmStage *stage, *target = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 n, next_id = 0;
  int index;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((stage = _crm_stage_manage_find (session, stage_id, &pipeline, error)) == NULL)
    return FALSE;
  if (crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A pipeline has exactly one success stage: it cannot be deleted"));
      return FALSE;
    }
  store = crm_session_get_store (session);
  if ((n = crm_stage_count_elements (session, stage_id, error)) < 0)
    return FALSE;
  if (n > 0)
    {
      target = target_stage_id != 0 ? crm_catalog_get_stage (crm_store_get_catalog (store), target_stage_id) : NULL;
      if (target == NULL || target == stage || crm_stage_get_pipeline_id (target) != crm_pipeline_get_id (pipeline))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The stage holds %d element: choose another stage of the pipeline to move it to",
                                    "The stage holds %d elements: choose another stage of the pipeline to move them to",
                                    (gulong) n),
                       (int) n);
          return FALSE;
        }
    }

  ids = get_stage_ids (pipeline);
  index = crm_pipeline_get_stage_index (pipeline, stage_id);
  if ((guint) index + 1 < ids->len)
    next_id = g_array_index (ids, gint64, index + 1);
  g_array_remove_index (ids, index);

  if (!_crm_store_begin (store, error))
    return FALSE;
  /* "Required from this stage on" keeps the stages it covered, less this
   * one: from the next stage on, or nowhere when none follows. */
  stmt = _crm_store_prepare (store,
                             "UPDATE fields SET "
                             "  required_mode = CASE WHEN ?2 = 0 THEN 'never' ELSE 'stage' END, "
                             "  required_stage_id = nullif (?2, 0) "
                             "WHERE required_mode = 'stage' AND required_stage_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, next_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  if (target != NULL &&
      !_crm_pipeline_manage_move_elements (session, "stage_id = ?1", stage_id, target, error))
    goto failed;
  stmt = _crm_store_prepare (store, "DELETE FROM stages WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  return finish (store, pipeline, ids, stage_id, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
