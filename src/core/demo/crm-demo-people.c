/* crm-demo-people.c — the demo's own company: departments, colleagues and
 * the second deal pipeline
 *
 * What an earlier demo left behind (its elements deleted, its people and
 * pipeline kept) is used as it is rather than added twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-builtin-private.h"
#include "crm-catalog-private.h"
#include "crm-demo-private.h"
#include "crm-error.h"
#include "crm-layout.h"
#include "crm-store-private.h"

/* ---- Statements ---------------------------------------------------------- */

/* The first column of the first row of @stmt, bound by the caller; 0 when
 * there is no row. */
static gboolean
query_id (CrmStore      *store,
          sqlite3_stmt  *stmt,
          gint64        *id,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _crm_store_set_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Runs @sql with ?1 = @a and ?2 = @b (when it has a ?2). */
static gboolean
run_with_ids (CrmStore     *store,
              const char   *sql,
              gint64        a,
              gint64        b,
              GError      **error)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  return _crm_store_step_done (store, stmt, error);
}

/* ---- Departments and colleagues ------------------------------------------ */

/* The department tree; departments already there (same name, same
 * parent) are used as they are. */
static gboolean
add_departments (DemoContext  *ctx,
                 GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_departments); i++)
    {
      const DemoDepartment *department = &demo_departments[i];
      gint64 parent = department->parent >= 0 ? ctx->departments[department->parent] : 0;
      sqlite3_stmt *stmt;

      stmt = _crm_store_prepare (ctx->store,
                                 "SELECT id FROM departments WHERE name = ?1 AND ifnull (parent_id, 0) = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, department->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, parent);
      if (!query_id (ctx->store, stmt, &ctx->departments[i], error))
        return FALSE;
      if (ctx->departments[i] != 0)
        continue;

      stmt = _crm_store_prepare (ctx->store,
                                 "INSERT INTO departments (name, parent_id, sort) VALUES (?1, nullif (?2, 0), ?3)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, department->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, parent);
      sqlite3_bind_int (stmt, 3, i);
      if (!_crm_store_step_done (ctx->store, stmt, error))
        return FALSE;
      ctx->departments[i] = sqlite3_last_insert_rowid (_crm_store_get_db (ctx->store));
      _crm_store_note_change (ctx->store, CRM_CHANGE_CATALOG, ctx->departments[i], 0);
    }
  return TRUE;
}

/* A colleague's user; one with the same login (from an earlier demo whose
 * elements were deleted) is used as it is. */
static gboolean
insert_colleague (DemoContext          *ctx,
                  const DemoColleague  *colleague,
                  const char           *joined,
                  gint64               *user_id,
                  GError              **error)
{
  g_autofree char *email = g_strconcat (colleague->login, "@" DEMO_MAIL_DOMAIN, NULL);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (ctx->store,
                             "INSERT INTO users (login, name, email, position, created_at) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, colleague->login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, colleague->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, colleague->position, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, joined, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (ctx->store, stmt, error))
    return FALSE;

  stmt = _crm_store_prepare (ctx->store, "SELECT id FROM users WHERE login = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, colleague->login, -1, SQLITE_STATIC);
  return query_id (ctx->store, stmt, user_id, error);
}

/* Their department, the employee role (unless they have a role already:
 * UNIQUE does not see NULL departments as equal) and, for heads, the head
 * of the department. */
static gboolean
place_colleague (DemoContext          *ctx,
                 const DemoColleague  *colleague,
                 gint64                user_id,
                 GError              **error)
{
  gint64 department = ctx->departments[colleague->department];

  return run_with_ids (ctx->store,
                       "INSERT OR IGNORE INTO user_departments (user_id, department_id) VALUES (?1, ?2)",
                       user_id, department, error) &&
         run_with_ids (ctx->store,
                       "INSERT INTO role_assignments (role_id, user_id) "
                       "SELECT r.id, ?1 FROM roles r WHERE r.code = 'employee' "
                       "  AND NOT EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = ?1)",
                       user_id, 0, error) &&
         (!colleague->is_head ||
          run_with_ids (ctx->store,
                        "UPDATE departments SET head_id = ?1 WHERE id = ?2 AND head_id IS NULL",
                        user_id, department, error));
}

gboolean
_crm_demo_add_people (DemoContext  *ctx,
                      GError      **error)
{
  g_autoptr(GDateTime) hired = g_date_time_new_from_unix_utc (ctx->now - 2 * YEAR);
  g_autofree char *joined = _crm_timestamp_from_datetime (hired);

  if (!add_departments (ctx, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_colleagues); i++)
    {
      const DemoColleague *colleague = &demo_colleagues[i];

      if (!insert_colleague (ctx, colleague, joined, &ctx->colleagues[i], error) ||
          !place_colleague (ctx, colleague, ctx->colleagues[i], error))
        return FALSE;
      if (colleague->sells)
        g_array_append_val (ctx->sellers, ctx->colleagues[i]);
      _crm_store_note_change (ctx->store, CRM_CHANGE_CATALOG, ctx->colleagues[i], 0);
    }
  return TRUE;
}

/* ---- The second deal pipeline -------------------------------------------- */

/* "Projetos corporativos", the second deal pipeline, unless it is there. */
gboolean
_crm_demo_add_corporate_pipeline (DemoContext  *ctx,
                                  GError      **error)
{
  CrmEntityType *deal = crm_catalog_find_entity_type (ctx->catalog, "deal");
  GListModel *pipelines;

  if (deal == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no kind of element called “%s”"), "deal");
      return FALSE;
    }

  pipelines = crm_catalog_get_pipelines (ctx->catalog, crm_entity_type_get_id (deal));
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (g_str_equal (crm_pipeline_get_code (pipeline), "corporate"))
        {
          ctx->corporate_id = crm_pipeline_get_id (pipeline);
          return TRUE;
        }
    }

  ctx->corporate_id = _crm_builtin_add_pipeline (ctx->store, crm_entity_type_get_id (deal),
                                                 "corporate", "Projetos corporativos", FALSE,
                                                 demo_corporate_stages,
                                                 G_N_ELEMENTS (demo_corporate_stages), error);
  return ctx->corporate_id != 0;
}

gboolean
_crm_demo_add_contract_field (DemoContext  *ctx,
                              GError      **error)
{
  CrmEntityType *deal = crm_catalog_find_entity_type (ctx->catalog, "deal");
  gint64 deal_type = crm_entity_type_get_id (deal);
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Número do contrato");
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmLayoutSection) section = NULL;
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, ctx->corporate_id));
  gint64 field_id;

  for (guint i = 0; i < g_list_model_get_n_items (stages) && ctx->contract_stage == 0; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), "contract"))
        ctx->contract_stage = crm_stage_get_id (stage);
    }

  /* On the pipeline's card, at the end of its first section. */
  layout = crm_layout_resolve (ctx->session, deal_type, ctx->corporate_id, 0, error);
  if (layout == NULL)
    return FALSE;
  section = g_list_model_get_item (crm_layout_get_sections (layout), 0);

  config->required_mode = ctx->contract_stage != 0 ? CRM_REQUIRED_FROM_STAGE : CRM_REQUIRED_NEVER;
  config->required_stage_id = ctx->contract_stage;
  field_id = crm_field_create_full (ctx->session, deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                                    section != NULL ? crm_layout_section_get_id (section) : 0, G_MAXUINT, error);
  if (field_id == 0 || !_crm_catalog_reload (ctx->catalog, error))
    return FALSE;
  ctx->contract = crm_catalog_get_field (ctx->catalog, field_id);
  return TRUE;
}
