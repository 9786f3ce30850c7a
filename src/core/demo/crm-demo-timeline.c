/* crm-demo-timeline.c — where the demo's elements stand in their
 * pipelines, the way they got there, and the conversations about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "crm-demo-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

/* ---- Stages ---------------------------------------------------------------------- */

/* Early stages are the most common; some are won, fewer lost. */
static guint
stage_weight (CrmStage *stage,
              guint     progress_index,
              guint     n_progress)
{
  switch (crm_stage_get_semantics (stage))
    {
    case CRM_STAGE_SUCCESS:
      return 14;
    case CRM_STAGE_FAILURE:
      return 10;
    case CRM_STAGE_PROGRESS:
    default:
      return 4 * (n_progress - progress_index) + 4;
    }
}

guint
_crm_demo_count_progress (GListModel *stages)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      n += crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS;
    }
  return n;
}

/* Borrowed from the catalog, which keeps it for the whole transaction;
 * NULL for a pipeline without stages. */
CrmStage *
_crm_demo_pick_stage (DemoContext *ctx,
                      gint64       pipeline_id)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));
  guint n = g_list_model_get_n_items (stages), n_progress = _crm_demo_count_progress (stages);
  g_autofree guint *weights = g_new0 (guint, n + 1);
  guint total = 0, progress = 0, roll, i;
  CrmStage *chosen;

  for (i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      weights[i] = stage_weight (stage, progress, n_progress);
      progress += crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS;
      total += weights[i];
    }
  if (n == 0)
    return NULL;

  roll = pick (ctx, total);
  for (i = 0; i + 1 < n && roll >= weights[i]; i++)
    roll -= weights[i];
  chosen = g_list_model_get_item (stages, i);
  g_object_unref (chosen);
  return chosen;
}

gint64
_crm_demo_find_stage (DemoContext *ctx,
                      gint64       pipeline_id,
                      const char  *code)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return crm_stage_get_id (stage);
    }
  return 0;
}

static char *
stage_payload (CrmStage *from,
               CrmStage *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, crm_stage_get_id (from));
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, crm_stage_get_id (to));
  json_builder_set_member_name (builder, "from_name");
  json_builder_add_string_value (builder, crm_stage_get_name (from));
  json_builder_set_member_name (builder, "to_name");
  json_builder_add_string_value (builder, crm_stage_get_name (to));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
add_stage_change (DemoContext  *ctx,
                  gint64        element_id,
                  gint64        author,
                  gint64        when,
                  CrmStage     *from,
                  CrmStage     *to,
                  GError      **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
  g_autofree char *stamp = _crm_timestamp_from_datetime (time);
  g_autofree char *payload = stage_payload (from, to);

  return _crm_timeline_insert (ctx->store, element_id, CRM_ENTRY_STAGE_CHANGE, author,
                               stamp, NULL, payload, error) != 0;
}

/* The way to @stage_id through the pipeline, one timeline entry a step,
 * from @from to @to: all progress stages before a success, some before a
 * failure. */
gboolean
_crm_demo_add_stage_history (DemoContext  *ctx,
                             gint64        element_id,
                             gint64        author,
                             gint64        pipeline_id,
                             gint64        stage_id,
                             gint64        from,
                             gint64        to,
                             GError      **error)
{
  GListModel *stages = crm_pipeline_get_stages (crm_catalog_get_pipeline (ctx->catalog, pipeline_id));
  CrmStage *target = crm_catalog_get_stage (ctx->catalog, stage_id);
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (stages), n_progress = _crm_demo_count_progress (stages);
  guint keep_progress = n_progress;

  /* Lost after a few steps. */
  if (target != NULL && crm_stage_get_semantics (target) == CRM_STAGE_FAILURE)
    keep_progress = 1 + pick (ctx, MAX (n_progress, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_id (stage) == stage_id)
        {
          g_ptr_array_add (path, g_steal_pointer (&stage));
          break;
        }
      if (crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS && path->len < keep_progress)
        g_ptr_array_add (path, g_steal_pointer (&stage));
    }

  /* Each step in its own slice of the time, the last one at @to. */
  for (guint j = 1; j < path->len; j++)
    {
      guint m = path->len - 1;
      gint64 slice = (to - from) / (2 * m);
      gint64 when = j == m ? to : between (ctx, from + (2 * j - 1) * slice, from + 2 * j * slice);

      if (!add_stage_change (ctx, element_id, author, when, g_ptr_array_index (path, j - 1),
                             g_ptr_array_index (path, j), error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Conversations ------------------------------------------------------------------------ */

/* Deals and leads are talked about the most (see the weights given to
 * _crm_demo_save_draft). */
static const DemoTarget *
pick_target (DemoContext *ctx)
{
  const DemoTarget *targets = (const DemoTarget *) (gpointer) ctx->targets->data;
  double roll = g_rand_double (ctx->rand) * targets[ctx->targets->len - 1].weight;
  guint low = 0, high = ctx->targets->len - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (targets[middle].weight <= roll)
        low = middle + 1;
      else
        high = middle;
    }
  return &targets[low];
}

static char *
make_conversation (DemoContext  *ctx,
                   CrmEntryKind *kind)
{
  guint roll = pick (ctx, 100);
  guint minutes = 1 + pick (ctx, 25);
  gboolean outgoing = chance (ctx, 65);

  if (roll < 35)
    {
      *kind = CRM_ENTRY_COMMENT;
      return g_strdup (PICK (ctx, demo_comments));
    }
  if (roll < 60)
    {
      *kind = CRM_ENTRY_CALL;
      return g_strdup_printf ("%s, %u min — %s", outgoing ? "Ligação de saída" : "Ligação recebida",
                              minutes, PICK (ctx, demo_call_outcomes));
    }
  if (roll < 82)
    {
      *kind = CRM_ENTRY_EMAIL;
      return g_strdup (PICK (ctx, demo_email_subjects));
    }
  if (roll < 92)
    {
      *kind = CRM_ENTRY_ACTIVITY;
      return g_strdup (PICK (ctx, demo_meetings));
    }
  *kind = CRM_ENTRY_MESSENGER;
  return g_strdup (PICK (ctx, demo_messages));
}

/* Comments, calls, e-mails, meetings and messages, after each element was
 * made; by its responsible person, the session's user or a colleague. */
gboolean
_crm_demo_add_conversations (DemoContext  *ctx,
                             GError      **error)
{
  for (guint i = 0; ctx->targets->len > 0 && i < ctx->size->timeline_entries; i++)
    {
      const DemoTarget *target = pick_target (ctx);
      gint64 earliest = MIN (target->created + 10 * MINUTE, MAX (target->created, ctx->now - MINUTE));
      gint64 when = between (ctx, earliest, ctx->now - MINUTE);
      guint roll = pick (ctx, 10);
      gint64 author = roll < 5 ? target->responsible
                      : roll < 8 ? crm_session_get_user_id (ctx->session)
                      : PICK (ctx, ctx->colleagues);
      CrmEntryKind kind;
      g_autofree char *text = make_conversation (ctx, &kind);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
      g_autofree char *stamp = _crm_timestamp_from_datetime (time);

      if (_crm_timeline_insert (ctx->store, target->id, kind, author, stamp, text, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}
