/* crm-stage-summary.c — counts and money totals per stage, for the kanban
 *
 * Two grouped reads over the elements_stage index: the counts, then the
 * money values, added up here in int64 with an overflow check (SQLite's
 * total() is a float and sum() fails the whole query on overflow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-pipeline.h"
#include "crm-search.h"
#include "crm-stage.h"
#include "crm-stage-summary.h"
#include "crm-store-private.h"

G_DEFINE_BOXED_TYPE (CrmStageSummary, crm_stage_summary, crm_stage_summary_copy, crm_stage_summary_free)

static void
clear_total (gpointer data)
{
  CrmMoneyTotal *total = data;

  g_clear_pointer (&total->currency, g_free);
}

static CrmStageSummary *
summary_new (gint64 stage_id)
{
  CrmStageSummary *summary = g_new0 (CrmStageSummary, 1);

  summary->stage_id = stage_id;
  summary->totals = g_array_new (FALSE, TRUE, sizeof (CrmMoneyTotal));
  g_array_set_clear_func (summary->totals, clear_total);
  return summary;
}

CrmStageSummary *
crm_stage_summary_copy (const CrmStageSummary *summary)
{
  CrmStageSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = summary_new (summary->stage_id);
  copy->count = summary->count;
  copy->amount_hidden = summary->amount_hidden;
  copy->overflow = summary->overflow;
  for (guint i = 0; i < summary->totals->len; i++)
    {
      const CrmMoneyTotal *total = &g_array_index (summary->totals, CrmMoneyTotal, i);
      CrmMoneyTotal new_total = { g_strdup (total->currency), total->minor_units, total->overflow };

      g_array_append_val (copy->totals, new_total);
    }
  return copy;
}

void
crm_stage_summary_free (CrmStageSummary *summary)
{
  if (summary == NULL)
    return;
  g_array_unref (summary->totals);
  g_free (summary);
}

gint64
crm_stage_summary_get_total (const CrmStageSummary *summary,
                             const char            *currency)
{
  g_return_val_if_fail (summary != NULL, 0);

  for (guint i = 0; i < summary->totals->len; i++)
    {
      const CrmMoneyTotal *total = &g_array_index (summary->totals, CrmMoneyTotal, i);

      if (g_strcmp0 (total->currency, currency) == 0)
        return total->overflow ? 0 : total->minor_units;
    }
  return 0;
}

static CrmStageSummary *
find_summary (GPtrArray *summaries,
              gint64     stage_id)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      CrmStageSummary *summary = g_ptr_array_index (summaries, i);

      if (summary->stage_id == stage_id)
        return summary;
    }
  return NULL;
}

/* Adds @minor_units to the stage's total in @currency; a total that
 * overflows stays flagged, rather than shown wrong. */
static void
add_money (CrmStageSummary *summary,
           const char      *currency,
           gint64           minor_units)
{
  CrmMoneyTotal new_total;
  guint i;

  for (i = 0; i < summary->totals->len; i++)
    {
      CrmMoneyTotal *total = &g_array_index (summary->totals, CrmMoneyTotal, i);
      int cmp = g_strcmp0 (total->currency, currency);

      if (cmp == 0)
        {
          gint64 sum;

          if (total->overflow)
            return;
          if (__builtin_add_overflow (total->minor_units, minor_units, &sum))
            {
              summary->overflow = TRUE;
              total->overflow = TRUE;
              total->minor_units = 0;
              return;
            }
          total->minor_units = sum;
          return;
        }
      if (cmp > 0)
        break;
    }
  new_total.currency = g_strdup (currency);
  new_total.minor_units = minor_units;
  new_total.overflow = FALSE;
  g_array_insert_val (summary->totals, i, new_total);
}

/* The filters both reads share: ?1 type, ?2 pipeline, ?3 FTS query,
 * ?4 the reader when they see only their own. */
static void
append_filters (GString    *sql,
                const char *fts_query,
                gboolean    own_only)
{
  g_string_append (sql, " WHERE e.stage_id IN (SELECT id FROM stages WHERE pipeline_id = ?2)"
                        " AND e.entity_type_id = ?1");
  if (fts_query != NULL)
    g_string_append (sql, " AND e.id IN (SELECT rowid FROM elements_fts WHERE elements_fts MATCH ?3)");
  if (own_only)
    g_string_append (sql, " AND (e.responsible_id = ?4 OR e.created_by = ?4)");
}

static void
bind_filters (sqlite3_stmt *stmt,
              gint64        entity_type_id,
              gint64        pipeline_id,
              const char   *fts_query,
              gint64        reader_id)
{
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  if (fts_query != NULL)
    sqlite3_bind_text (stmt, 3, fts_query, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, reader_id);
}

GPtrArray *
crm_stage_summary_load (CrmSession  *session,
                        gint64       pipeline_id,
                        CrmField    *money_field,
                        const char  *search,
                        GError     **error)
{
  CrmStore *store;
  CrmCatalog *catalog;
  CrmPipeline *pipeline;
  GListModel *stages;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *fts_query = NULL;
  sqlite3_stmt *stmt;
  gint64 entity_type_id;
  gboolean own_only, amount_hidden;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (money_field == NULL || CRM_IS_FIELD (money_field), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);
  pipeline = crm_catalog_get_pipeline (catalog, pipeline_id);
  if (pipeline == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   "There is no pipeline %" G_GINT64_FORMAT, pipeline_id);
      return NULL;
    }
  entity_type_id = crm_pipeline_get_entity_type_id (pipeline);
  if (!crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_READ, entity_type_id, error))
    return NULL;

  if (money_field == NULL)
    money_field = crm_catalog_find_field (catalog, entity_type_id, "amount");
  if (money_field != NULL &&
      (crm_field_get_field_type (money_field) != CRM_FIELD_TYPE_MONEY ||
       crm_field_get_entity_type_id (money_field) != entity_type_id))
    money_field = NULL;
  amount_hidden = money_field != NULL && !crm_session_can_see_field (session, money_field);

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_stage_summary_free);
  stages = crm_pipeline_get_stages (pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      CrmStageSummary *summary = summary_new (crm_stage_get_id (stage));

      summary->amount_hidden = amount_hidden;
      g_ptr_array_add (summaries, summary);
    }

  fts_query = search != NULL ? crm_search_build_query_for (session, entity_type_id, search) : NULL;
  own_only = !crm_session_reads_all (session, entity_type_id);

  sql = g_string_new ("SELECT e.stage_id, count(*) FROM elements e");
  append_filters (sql, fts_query, own_only);
  g_string_append (sql, " GROUP BY e.stage_id");
  stmt = _crm_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filters (stmt, entity_type_id, pipeline_id, fts_query, crm_session_get_user_id (session));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmStageSummary *summary = find_summary (summaries, sqlite3_column_int64 (stmt, 0));

      if (summary != NULL)
        summary->count = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }

  if (money_field == NULL || amount_hidden)
    return g_steal_pointer (&summaries);

  g_string_assign (sql, "SELECT e.stage_id, v.aux, v.value FROM elements e"
                        " JOIN field_values v ON v.element_id = e.id AND v.field_id = ?5");
  append_filters (sql, fts_query, own_only);
  stmt = _crm_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filters (stmt, entity_type_id, pipeline_id, fts_query, crm_session_get_user_id (session));
  sqlite3_bind_int64 (stmt, 5, crm_field_get_id (money_field));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmStageSummary *summary = find_summary (summaries, sqlite3_column_int64 (stmt, 0));
      const char *currency = (const char *) sqlite3_column_text (stmt, 1);

      /* Money is stored as an integer with its currency; anything else
       * is not a sum's business. */
      if (summary == NULL || currency == NULL || sqlite3_column_type (stmt, 2) != SQLITE_INTEGER)
        continue;
      add_money (summary, currency, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&summaries);
}
