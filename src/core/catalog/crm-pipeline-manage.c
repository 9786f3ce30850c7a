/* crm-pipeline-manage.c — creating, renaming and deleting pipelines, and
 * what stages share with them: the checks, the codes, moving elements
 *
 * A pipeline holding elements is deleted only once they have somewhere to
 * go: refusing outright would leave an administrator to move hundreds of
 * deals by hand, and deleting them would lose their history. They go to
 * the first stage of a pipeline the caller chooses, as Bitrix24 offers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-pipeline-manage.h"
#include "crm-pipeline-manage-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"
#include "crm-util-private.h"

/* The longest code made from a name, before a "_2" that makes it unique. */
#define CODE_MAX_LENGTH 24

/* ---- Shared with crm-stage-manage.c ------------------------------------------------- */

CrmPipeline *
_crm_pipeline_manage_find (CrmSession  *session,
                           gint64       pipeline_id,
                           GError     **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, pipeline_id);

  if (pipeline == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This pipeline no longer exists"));
      return NULL;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_PIPELINES_MANAGE,
                                     crm_pipeline_get_entity_type_id (pipeline), error))
    return NULL;
  return pipeline;
}

CrmStage *
_crm_stage_manage_find (CrmSession   *session,
                        gint64        stage_id,
                        CrmPipeline **pipeline,
                        GError      **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  CrmStage *stage = crm_catalog_get_stage (catalog, stage_id);

  if (stage == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This stage no longer exists"));
      return NULL;
    }
  if ((*pipeline = _crm_pipeline_manage_find (session, crm_stage_get_pipeline_id (stage), error)) == NULL)
    return NULL;
  return stage;
}

char *
_crm_pipeline_manage_check_name (GListModel  *names,
                                 gint64       self_id,
                                 const char  *name,
                                 const char  *empty_message,
                                 const char  *taken_message,
                                 GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;

  if ((clean = _crm_clean_name (name, empty_message, error)) == NULL)
    return NULL;
  folded = g_utf8_casefold (clean, -1);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (names, i);
      g_autofree char *other = NULL;
      g_autofree char *other_folded = NULL;
      gint64 id = CRM_IS_STAGE (item) ? crm_stage_get_id (CRM_STAGE (item))
                                      : crm_pipeline_get_id (CRM_PIPELINE (item));

      if (id == self_id)
        continue;
      g_object_get (item, "name", &other, NULL);
      other_folded = g_utf8_casefold (other, -1);
      if (g_str_equal (folded, other_folded))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT, taken_message, clean);
          return NULL;
        }
    }
  return g_steal_pointer (&clean);
}

/* "Negociação" → "negociacao": ASCII letters and digits, stable through
 * renames, readable in widget names and exports. */
static char *
make_code_base (const char *name,
                const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *code = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && code->len < CODE_MAX_LENGTH; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (code, c);
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }
  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);
  if (code->len == 0 || g_ascii_isdigit (code->str[0]))
    {
      if (code->len > 0)
        g_string_prepend_c (code, '_');
      g_string_prepend (code, fallback);
    }
  return g_string_free (code, FALSE);
}

char *
_crm_pipeline_manage_make_code (CrmStore    *store,
                                const char  *sql,
                                gint64       parent_id,
                                const char  *name,
                                const char  *fallback,
                                GError     **error)
{
  g_autofree char *base = make_code_base (name, fallback);
  g_autofree char *code = g_strdup (base);

  for (guint n = 2;; n++)
    {
      sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
      gboolean taken;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!taken)
        return g_steal_pointer (&code);
      g_free (code);
      code = g_strdup_printf ("%s_%u", base, n);
    }
}

/* As crm-element-write.c writes a stage change: ids, and the names for
 * when the stages are gone. */
static char *
stage_payload (CrmStage *from,
               CrmStage *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from ? crm_stage_get_id (from) : 0);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, crm_stage_get_id (to));
  json_builder_set_member_name (builder, "from_name");
  json_builder_add_string_value (builder, from ? crm_stage_get_name (from) : "");
  json_builder_set_member_name (builder, "to_name");
  json_builder_add_string_value (builder, crm_stage_get_name (to));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
_crm_pipeline_manage_move_elements (CrmSession  *session,
                                    const char  *where,
                                    gint64       param,
                                    CrmStage    *to_stage,
                                    GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  CrmCatalog *catalog = crm_store_get_catalog (store);
  gint64 user = crm_session_get_user_id (session);
  g_autofree char *now = _crm_store_now ();
  g_autofree char *select_sql = g_strdup_printf ("SELECT id, entity_type_id, stage_id FROM elements WHERE %s ORDER BY id",
                                                 where);
  g_autofree char *update_sql = g_strdup_printf ("UPDATE elements SET pipeline_id = ?2, stage_id = ?3, "
                                                 "  updated_at = ?4, updated_by = nullif (?5, 0) WHERE %s", where);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 3; c++)
      {
        gint64 value = sqlite3_column_int64 (stmt, c);

        g_array_append_val (rows, value);
      }
  sqlite3_reset (stmt);

  for (guint i = 0; i + 2 < rows->len; i += 3)
    {
      gint64 element_id = g_array_index (rows, gint64, i);
      gint64 type_id = g_array_index (rows, gint64, i + 1);
      CrmStage *from = crm_catalog_get_stage (catalog, g_array_index (rows, gint64, i + 2));
      g_autofree char *payload = stage_payload (from, to_stage);

      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_STAGE_CHANGE, user, now, NULL, payload, error) == 0)
        return FALSE;
      _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, element_id, type_id);
    }

  stmt = _crm_store_prepare (store, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  sqlite3_bind_int64 (stmt, 2, crm_stage_get_pipeline_id (to_stage));
  sqlite3_bind_int64 (stmt, 3, crm_stage_get_id (to_stage));
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, user);
  return _crm_store_step_done (store, stmt, error);
}

gboolean
_crm_pipeline_manage_check_stages (CrmStore    *store,
                                   gint64       pipeline_id,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  guint progress = 0, success = 0, failure = 0;
  gboolean in_order = TRUE;
  int last = CRM_STAGE_PROGRESS;

  stmt = _crm_store_prepare (store, "SELECT semantics FROM stages WHERE pipeline_id = ? ORDER BY sort, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *semantics = (const char *) sqlite3_column_text (stmt, 0);
      int kind = g_str_equal (semantics, "success") ? CRM_STAGE_SUCCESS :
                 g_str_equal (semantics, "failure") ? CRM_STAGE_FAILURE : CRM_STAGE_PROGRESS;

      /* The enum runs in the order the parts do. */
      if (kind < last)
        in_order = FALSE;
      last = kind;
      progress += kind == CRM_STAGE_PROGRESS;
      success += kind == CRM_STAGE_SUCCESS;
      failure += kind == CRM_STAGE_FAILURE;
    }
  sqlite3_reset (stmt);

  if (progress == 0)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pipeline needs at least one stage in progress"));
  else if (success != 1)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pipeline has exactly one success stage"));
  else if (failure == 0)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pipeline needs at least one failure stage"));
  else if (!in_order)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("The stages in progress come first, then the success stage, then the failure stages"));
  else
    return TRUE;
  return FALSE;
}

/* ---- Helpers ------------------------------------------------------------------------ */

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

static gint64
count (CrmStore    *store,
       const char  *sql,
       gint64       param,
       GError     **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _crm_store_set_error (store, error);
      return -1;
    }
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- Public API --------------------------------------------------------------------- */

gboolean
crm_stage_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return color[7] == '\0';
}

gint64
crm_pipeline_count_elements (CrmSession  *session,
                             gint64       pipeline_id,
                             GError     **error)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), -1);

  if (_crm_pipeline_manage_find (session, pipeline_id, error) == NULL)
    return -1;
  return count (crm_session_get_store (session), "SELECT count (*) FROM elements WHERE pipeline_id = ?",
                pipeline_id, error);
}

gint64
crm_stage_count_elements (CrmSession  *session,
                          gint64       stage_id,
                          GError     **error)
{
  CrmPipeline *pipeline;

  g_return_val_if_fail (CRM_IS_SESSION (session), -1);

  if (_crm_stage_manage_find (session, stage_id, &pipeline, error) == NULL)
    return -1;
  return count (crm_session_get_store (session), "SELECT count (*) FROM elements WHERE stage_id = ?",
                stage_id, error);
}

gint64
crm_pipeline_create (CrmSession  *session,
                     gint64       entity_type_id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *code = NULL;
  const CrmBuiltinStage *stages;
  CrmEntityType *type;
  CrmCatalog *catalog;
  CrmStore *store;
  sqlite3_stmt *stmt;
  guint n_stages;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  type = crm_catalog_get_entity_type (catalog, entity_type_id);
  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return 0;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_PIPELINES_MANAGE, entity_type_id, error))
    return 0;
  if (!crm_entity_type_has_pipelines (type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   /* Translators: %s is a type's name, plural: "Leads have one pipeline" */
                   _("%s have one pipeline only"), crm_entity_type_get_name_plural (type));
      return 0;
    }
  clean = _crm_pipeline_manage_check_name (crm_catalog_get_pipelines (catalog, entity_type_id), 0, name,
                                           _("Give the pipeline a name"),
                                           _("There is already a pipeline called “%s”"), error);
  if (clean == NULL)
    return 0;

  if (!_crm_store_begin (store, error))
    return 0;
  code = _crm_pipeline_manage_make_code (store, "SELECT 1 FROM pipelines WHERE entity_type_id = ?1 AND code = ?2",
                                         entity_type_id, clean, "pipeline", error);
  if (code == NULL)
    goto failed;

  /* The stages' names are msgids, shown in each reader's language; the
   * pipeline's is what was typed. */
  stages = _crm_builtin_get_stages (crm_entity_type_is_builtin (type) ? crm_entity_type_get_code (type) : NULL,
                                    &n_stages);
  id = _crm_builtin_add_pipeline (store, entity_type_id, code, clean, TRUE, stages, n_stages, error);
  if (id == 0)
    goto failed;
  stmt = _crm_store_prepare (store, "UPDATE pipelines SET label_msgid = 0 WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_crm_store_step_done (store, stmt, error) ||
      _crm_layout_create_standard (store, entity_type_id, id, 0, error) == 0)
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, id, entity_type_id);
  if (!_crm_store_commit (store, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}

gboolean
crm_pipeline_rename (CrmSession  *session,
                     gint64       pipeline_id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  CrmPipeline *pipeline;
  CrmStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((pipeline = _crm_pipeline_manage_find (session, pipeline_id, error)) == NULL)
    return FALSE;
  store = crm_session_get_store (session);
  clean = _crm_pipeline_manage_check_name (crm_catalog_get_pipelines (crm_store_get_catalog (store),
                                                                      crm_pipeline_get_entity_type_id (pipeline)),
                                           pipeline_id, name,
                                           _("Give the pipeline a name"),
                                           _("There is already a pipeline called “%s”"), error);
  if (clean == NULL)
    return FALSE;
  /* The name shown already: a built-in one stays translated. */
  if (g_str_equal (clean, crm_pipeline_get_name (pipeline)))
    return TRUE;

  if (!_crm_store_begin (store, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "UPDATE pipelines SET name = ?2, label_msgid = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, pipeline_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  _crm_store_note_change (store, CRM_CHANGE_CATALOG, pipeline_id, crm_pipeline_get_entity_type_id (pipeline));
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_pipeline_delete (CrmSession  *session,
                     gint64       pipeline_id,
                     gint64       target_pipeline_id,
                     GError     **error)
{
  CrmPipeline *pipeline, *target = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  gint64 type_id, n;
  gboolean was_default;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  if ((pipeline = _crm_pipeline_manage_find (session, pipeline_id, error)) == NULL)
    return FALSE;
  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  type_id = crm_pipeline_get_entity_type_id (pipeline);
  was_default = crm_pipeline_is_default (pipeline);

  if (g_list_model_get_n_items (crm_catalog_get_pipelines (catalog, type_id)) <= 1)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The last pipeline of a type cannot be deleted"));
      return FALSE;
    }
  if ((n = count (store, "SELECT count (*) FROM elements WHERE pipeline_id = ?", pipeline_id, error)) < 0)
    return FALSE;
  if (n > 0)
    {
      target = target_pipeline_id != 0 ? crm_catalog_get_pipeline (catalog, target_pipeline_id) : NULL;
      if (target == NULL || target == pipeline || crm_pipeline_get_entity_type_id (target) != type_id ||
          crm_pipeline_get_first_stage (target) == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The pipeline holds %d element: choose another pipeline to move it to",
                                    "The pipeline holds %d elements: choose another pipeline to move them to",
                                    (gulong) n),
                       (int) n);
          return FALSE;
        }
    }

  if (!_crm_store_begin (store, error))
    return FALSE;

  /* A rule "required from this stage on" holds in this pipeline only: it
   * goes with it. Elements next: their stages are about to go. */
  if (!run (store,
            "UPDATE fields SET required_mode = 'never', required_stage_id = NULL "
            "WHERE required_mode = 'stage' AND required_stage_id IN (SELECT id FROM stages WHERE pipeline_id = ?1)",
            pipeline_id, error) ||
      (target != NULL &&
       !_crm_pipeline_manage_move_elements (session, "pipeline_id = ?1", pipeline_id,
                                            crm_pipeline_get_first_stage (target), error)) ||
      !run (store, "DELETE FROM pipelines WHERE id = ?", pipeline_id, error))
    goto failed;
  if (was_default &&
      !run (store,
            "UPDATE pipelines SET is_default = 1 WHERE id = "
            "  (SELECT id FROM pipelines WHERE entity_type_id = ?1 ORDER BY sort, id LIMIT 1)",
            type_id, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, pipeline_id, type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
