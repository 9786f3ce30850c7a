/* bench-kanban-ui.c — how long the deals' kanban takes to show, on 10 000
 * deals
 *
 * A demo database with CLIENTELE_BENCH_KANBAN_DEALS deals (10 000) over
 * its two pipelines. Each run builds a new board in a shown window and
 * gives it the deals (crm_kanban_board_new, crm_kanban_board_set_entity_type)
 * and is timed to the end of the first frame painted after it (the frame
 * clock's "after-paint"), the moment a person sees the columns with their
 * counts, totals and first cards.
 *
 * Prints, for `meson test --benchmark`:
 *   BENCH kanban_open <p50> ms p99=<p99> frames=<p50 / 16.67>
 *   BENCH kanban_open_p99 <p99> ms
 * The goal is 100 ms.
 *
 * Variables: CLIENTELE_BENCH_KANBAN_DEALS (10000), CLIENTELE_BENCH_UI_RUNS (30).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "clientele-core.h"
#include "crm-kanban-board.h"
#include "crm-kanban-card.h"

#define FRAME_MS (1000.0 / 60.0)

typedef struct
{
  gint64   requested;
  gint64   painted;
  gboolean waiting;
} Timing;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("bench-kanban-ui: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Timing        *timing)
{
  if (!timing->waiting)
    return;
  timing->painted = g_get_monotonic_time ();
  timing->waiting = FALSE;
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = CRM_IS_KANBAN_CARD (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);
  return n;
}

static double
open_and_wait (GtkWindow     *window,
               CrmSession    *session,
               CrmEntityType *deals,
               Timing        *timing)
{
  GtkWidget *board;
  gint64 deadline, built;

  timing->waiting = TRUE;
  timing->requested = g_get_monotonic_time ();
  board = crm_kanban_board_new (session);
  crm_kanban_board_set_entity_type (CRM_KANBAN_BOARD (board), deals);
  built = g_get_monotonic_time ();
  gtk_window_set_child (window, board);
  /* Diagnostics: how much of it is building, how much the frame. */
  if (g_getenv ("CLIENTELE_BENCH_UI_TRACE") != NULL)
    g_printerr ("# built in %.1f ms, shown in %.1f ms\n", (built - timing->requested) / 1000.0,
                (g_get_monotonic_time () - built) / 1000.0);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (timing->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  check (!timing->waiting, NULL, "no frame was painted after building the board");
  if (g_getenv ("CLIENTELE_BENCH_UI_TRACE") != NULL)
    g_printerr ("# %u cards\n", count_cards (board));
  return (timing->painted - timing->requested) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmSession) session = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  CrmDemoSize size = { 0 };
  GtkWindow *window;
  GdkFrameClock *clock;
  CrmEntityType *deals;
  Timing timing = { 0 };
  guint runs = env_uint ("CLIENTELE_BENCH_UI_RUNS", 30);
  gint64 started;
  double p50, p99;

  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("clientele-bench-kanban-XXXXXX", &error);
  check (dir != NULL, error, "temporary directory");
  path = g_build_filename (dir, "bench.db", NULL);
  store = crm_store_open (path, &error);
  check (store != NULL, error, "open store");
  session = crm_session_new_for_desktop_user (store, &error);
  check (session != NULL, error, "session");

  size.contacts = 300;
  size.companies = 200;
  size.deals = env_uint ("CLIENTELE_BENCH_KANBAN_DEALS", 10000);
  started = g_get_monotonic_time ();
  check (crm_demo_fill (session, &size, 2026, &error), error, "demo");
  g_printerr ("# %u deals in %.1f s\n", size.deals, (g_get_monotonic_time () - started) / 1e6);
  deals = crm_catalog_find_entity_type (crm_store_get_catalog (store), "deal");

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  iterate_for (300);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  check (clock != NULL, NULL, "the window has no frame clock");
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &timing);

  /* The first build loads the templates, the CSS and SQLite's pages. */
  open_and_wait (window, session, deals, &timing);
  iterate_for (100);

  for (guint i = 0; i < runs; i++)
    {
      double ms = open_and_wait (window, session, deals, &timing);

      g_array_append_val (times, ms);
      gtk_window_set_child (window, NULL);
      iterate_for (50);
    }

  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  p99 = g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.99)));
  printf ("BENCH kanban_open %.1f ms p99=%.1f frames=%.1f\n", p50, p99, p50 / FRAME_MS);
  printf ("BENCH kanban_open_p99 %.1f ms\n", p99);

  gtk_window_destroy (window);
  g_clear_object (&session);
  g_clear_object (&store);
  if (g_getenv ("CLIENTELE_BENCH_KEEP") == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }
  else
    g_printerr ("# kept %s\n", path);
  return 0;
}
