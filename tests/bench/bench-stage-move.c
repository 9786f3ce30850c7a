/* bench-stage-move.c — moving a deal to another stage, measured
 *
 *   stage_move, stage_move_p99  from the call of crm_element_move_to_stage ()
 *                               to its commit, on a database of N deals in
 *                               the default pipeline, each with a few values
 *                               and a custom field required from the third
 *                               stage on (filled), so the gate has work to
 *                               do (goal: p50 ≤ 5 ms)
 *
 * Prints "BENCH <case> <value> ms" lines on stdout, the rest on stderr.
 *   CLIENTELE_BENCH_DEALS   deals            (10000)
 *   CLIENTELE_BENCH_MOVES   moves timed      (2000)
 *   CLIENTELE_BENCH_SEED    random seed      (20261204)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "clientele-core.h"

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);

  if (text == NULL || *text == '\0')
    return fallback;
  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank, of microseconds sorted in place. */
static gint64
percentile (GArray *samples,
            guint   rank)
{
  guint index;

  g_array_sort (samples, compare_int64);
  index = (samples->len * rank + 99) / 100;
  return g_array_index (samples, gint64, MAX (index, 1) - 1);
}

static gboolean
fill (CrmSession *session,
      GArray     *progress,
      guint       n_deals,
      GRand      *rand,
      GArray     *deals,
      GArray     *at,
      GError    **error)
{
  CrmStore *store = crm_session_get_store (session);
  CrmCatalog *catalog = crm_store_get_catalog (store);
  gint64 deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Número do contrato");
  gint64 contract;

  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  config->required_stage_id = g_array_index (progress, gint64, 2);
  contract = crm_field_create_full (session, deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                                    0, G_MAXUINT, error);
  if (contract == 0 || !crm_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_deals; i++)
    {
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, "deal", error);
      g_autofree char *title = g_strdup_printf ("Negócio %u — Padaria %u", i, g_rand_int_range (rand, 0, 5000));
      g_autofree char *amount = g_strdup_printf ("%d.00 BRL", g_rand_int_range (rand, 500, 90000));
      g_autofree char *number = g_strdup_printf ("CT-%05u", i);
      gint64 id, stage;

      if (draft == NULL ||
          !crm_element_draft_set_input_by_code (draft, "title", title, error) ||
          !crm_element_draft_set_input_by_code (draft, "amount", amount, error) ||
          !crm_element_draft_set_input_by_code (draft, "close_date", "2027-03-15", error) ||
          !crm_element_draft_set_input (draft, crm_catalog_get_field (catalog, contract), crm_locale_get ("C"),
                                        number, error))
        goto failed;
      stage = g_array_index (progress, gint64, g_rand_int_range (rand, 0, progress->len));
      crm_element_draft_set_stage (draft, stage);
      if ((id = crm_element_draft_save (draft, error)) == 0)
        goto failed;
      g_array_append_val (deals, id);
      g_array_append_val (at, stage);
    }
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmSession) session = NULL;
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) deals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) at = g_array_new (FALSE, FALSE, sizeof (gint64));  /* each deal's stage */
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_deals = env_uint ("CLIENTELE_BENCH_DEALS", 10000);
  guint n_moves = env_uint ("CLIENTELE_BENCH_MOVES", 2000);
  GRand *rand = g_rand_new_with_seed (env_uint ("CLIENTELE_BENCH_SEED", 20261204));
  CrmCatalog *catalog;
  CrmPipeline *pipeline;
  GListModel *stages;
  gint64 start, p50, p99;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("clientele-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  session = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);

  catalog = crm_store_get_catalog (store);
  pipeline = crm_catalog_get_default_pipeline (catalog,
                                               crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal")));
  stages = crm_pipeline_get_stages (pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      gint64 id = crm_stage_get_id (stage);

      if (crm_stage_get_semantics (stage) == CRM_STAGE_PROGRESS)
        g_array_append_val (progress, id);
    }

  start = g_get_monotonic_time ();
  if (!fill (session, progress, n_deals, rand, deals, at, &error))
    g_error ("Could not make the deals: %s", error->message);
  g_printerr ("Made %u deals in %.1f s\n", n_deals, (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < n_moves; i++)
    {
      guint which = g_rand_int_range (rand, 0, deals->len);
      gint64 deal = g_array_index (deals, gint64, which);
      gint64 to;
      gint64 took;

      /* Always to another stage: a move to where it is writes nothing. */
      do
        to = g_array_index (progress, gint64, g_rand_int_range (rand, 0, progress->len));
      while (to == g_array_index (at, gint64, which));
      g_array_index (at, gint64, which) = to;

      start = g_get_monotonic_time ();
      if (!crm_element_move_to_stage (session, deal, to, NULL, NULL, &error))
        g_error ("A move was refused: %s", error->message);
      took = g_get_monotonic_time () - start;
      g_array_append_val (samples, took);

      /* Untimed: the move is really there. */
      if (i % 100 == 0)
        {
          g_autoptr(CrmElement) moved = crm_element_load (session, deal, &error);

          if (moved == NULL || crm_element_get_stage_id (moved) != to)
            g_error ("Deal %" G_GINT64_FORMAT " did not move", deal);
        }
    }

  p50 = percentile (samples, 50);
  p99 = percentile (samples, 99);
  g_print ("BENCH stage_move %.3f ms\n", p50 / 1000.0);
  g_print ("BENCH stage_move_p99 %.3f ms\n", p99 / 1000.0);

  g_clear_object (&session);
  g_clear_object (&store);
  g_rand_free (rand);
  if (g_getenv ("CLIENTELE_BENCH_KEEP") == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }
  else
    g_printerr ("Kept %s\n", path);

  return p50 <= 5000 ? EXIT_SUCCESS : EXIT_FAILURE;
}
