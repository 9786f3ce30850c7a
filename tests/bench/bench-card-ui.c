/* bench-card-ui.c — how long a big card takes to show, in the real window
 *
 * A deal type with 200 fields in 12 sections more than the standard ones
 * (190 custom fields of several types, with values) and two deals with
 * 10 000 timeline entries each, every value and entry different in each. The window opens the two deals in turn;
 * each run is timed from the open request (crm_window_open_element) to the
 * end of the first frame painted after it (the frame clock's
 * "after-paint"), the moment a person sees the card.
 *
 * Prints, for `meson test --benchmark`:
 *   BENCH card_open_ui_p50 <ms> ms frames=<ms / 16.67>
 *   BENCH card_open_ui_p99 <ms> ms frames=<ms / 16.67>
 *   BENCH card_open_ui_max <ms> ms
 * The goal is 50 ms (three frames at 60 Hz).
 *
 * Wall-clock times depend on what else the machine does. Under
 * `valgrind --tool=callgrind --collect-atstart=no` only the opens are
 * counted (open request to painted frame), so the instruction count
 * divided by the runs is a figure that load does not change.
 *
 * Variables: CLIENTELE_BENCH_UI_RUNS (40), CLIENTELE_BENCH_UI_ENTRIES
 * (10000 per deal), CLIENTELE_BENCH_UI_FIELDS (190 custom fields),
 * CLIENTELE_BENCH_KEEP (keep the temporary database).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#ifdef HAVE_CALLGRIND_H
#include <valgrind/callgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_TOGGLE_COLLECT do { } while (0)
#endif

#include "clientele-core.h"
#include "crm-card.h"
#include "crm-fields-pane.h"
#include "crm-window.h"

#define N_SECTIONS 12
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
      g_printerr ("bench-card-ui: %s: %s\n", what, error != NULL ? error->message : "failed");
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

/* ---- The data ------------------------------------------------------------ */

static const CrmFieldType field_types[] = {
  CRM_FIELD_TYPE_STRING,
  CRM_FIELD_TYPE_INTEGER,
  CRM_FIELD_TYPE_TEXT,
  CRM_FIELD_TYPE_DATE,
  CRM_FIELD_TYPE_BOOLEAN,
  CRM_FIELD_TYPE_EMAIL,
  CRM_FIELD_TYPE_PHONE,
  CRM_FIELD_TYPE_URL,
  CRM_FIELD_TYPE_MONEY,
};

static const char *
sample_input (CrmFieldType type,
              guint        i,
              char         buffer[64])
{
  switch (type)
    {
    case CRM_FIELD_TYPE_STRING:
      g_snprintf (buffer, 64, "Valor de teste número %u", i);
      break;
    case CRM_FIELD_TYPE_INTEGER:
      g_snprintf (buffer, 64, "%u", i * 37);
      break;
    case CRM_FIELD_TYPE_TEXT:
      g_snprintf (buffer, 64, "Observação %u:\nsegunda linha do texto.", i);
      break;
    case CRM_FIELD_TYPE_DATE:
      g_snprintf (buffer, 64, "%02u/%02u/2026", 1 + i % 28, 1 + i % 12);
      break;
    case CRM_FIELD_TYPE_BOOLEAN:
      g_snprintf (buffer, 64, "%s", i % 2 ? "sim" : "não");
      break;
    case CRM_FIELD_TYPE_EMAIL:
      g_snprintf (buffer, 64, "contato%u@exemplo.com.br", i);
      break;
    case CRM_FIELD_TYPE_PHONE:
      g_snprintf (buffer, 64, "(11) 9%04u-%04u", 1000 + i, 2000 + i);
      break;
    case CRM_FIELD_TYPE_URL:
      g_snprintf (buffer, 64, "https://exemplo.com.br/%u", i);
      break;
    case CRM_FIELD_TYPE_MONEY:
      g_snprintf (buffer, 64, "%u,50", 1000 + i);
      break;
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      return NULL;
    }

  return buffer;
}

static gint64
create_deal (CrmSession *session,
             const char *title)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft = crm_element_draft_new (session, "deal", &error);
  check (draft != NULL, error, "new deal");
  check (crm_element_draft_set_input_by_code (draft, "title", title, &error), error, "deal title");
  id = crm_element_draft_save (draft, &error);
  check (id != 0, error, "save deal");

  return id;
}

/* 12 sections more, and the custom fields spread over them. */
static GArray *
create_fields (CrmSession *session,
               gint64      type_id,
               gint64      layout_id,
               guint       n_fields)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 sections[N_SECTIONS];

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Seção %u", s + 1);

      sections[s] = crm_layout_add_section (session, layout_id, title, &error);
      check (sections[s] != 0, error, "add section");
    }

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(CrmFieldConfig) config = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = g_strdup_printf ("Campo personalizado %u", i + 1);
      CrmFieldType type = field_types[i % G_N_ELEMENTS (field_types)];
      gint64 id;

      config = crm_field_config_new (label);
      id = crm_field_create_full (session, type_id, type, FALSE, NULL, config,
                                  sections[i % N_SECTIONS], G_MAXUINT, &error);
      check (id != 0, error, "create field");
      g_array_append_val (fields, id);
    }

  return fields;
}

/* @deal (0, 1…) varies the values: the two deals show different text
 * in every field, as two real cards would. */
static void
fill_values (CrmSession *session,
             gint64      element_id,
             guint       deal,
             GArray     *fields)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  const CrmLocale *locale = crm_locale_get ("pt_BR");
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  element = crm_element_load (session, element_id, &error);
  check (element != NULL, error, "load deal");
  draft = crm_element_draft_new_for (session, element);

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = crm_catalog_get_field (catalog, g_array_index (fields, gint64, i));
      char buffer[64];
      const char *input = sample_input (crm_field_get_field_type (field), i + 1001 * deal, buffer);
      g_autoptr(GError) input_error = NULL;

      if (input != NULL && !crm_element_draft_set_input (draft, field, locale, input, &input_error))
        refused++;
    }

  if (refused > 0)
    g_printerr ("# %u sample values were refused and left empty\n", refused);

  check (crm_element_draft_save (draft, &error) != 0, error, "save values");
}

static void
add_entries (CrmSession *session,
             gint64      element_id,
             guint       deal,
             guint       n_entries)
{
  CrmStore *store = crm_session_get_store (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  static const CrmEntryKind kinds[] = { CRM_ENTRY_COMMENT, CRM_ENTRY_CALL, CRM_ENTRY_EMAIL, CRM_ENTRY_COMMENT };

  check (crm_store_begin (store, &error), error, "begin");
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (now, -10 * (int) (i + 1));
      g_autofree char *text = g_strdup_printf ("Registro %u do negócio %u: cliente retornou sobre a "
                                               "proposta e pediu uma nova reunião com o time técnico.",
                                               i, deal + 1);

      if (crm_timeline_add_entry (session, element_id, kinds[i % G_N_ELEMENTS (kinds)],
                                  when, text, NULL, &error) == 0)
        check (FALSE, error, "add entry");
    }
  check (crm_store_commit (store, &error), error, "commit");
}

/* ---- Timing -------------------------------------------------------------- */

/* Diagnostics: CLIENTELE_BENCH_UI_HIDE=CrmFieldsPane (a type name) hides
 * the widgets of that type, to see what the rest costs. */
static void
hide_type (GtkWidget  *widget,
           GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      gtk_widget_set_visible (widget, FALSE);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    hide_type (child, type);
}

/* Diagnostics: CLIENTELE_BENCH_UI_TRACE prints when each phase of the
 * frame clock ends, counted from the last open request. */
static gint64 trace_requested;

static void
phase_cb (GdkFrameClock *clock,
          const char    *phase)
{
  if (g_getenv ("CLIENTELE_BENCH_UI_TRACE") != NULL && trace_requested != 0)
    {
      gint64 now = g_get_monotonic_time ();

      /* "abs" matches `perf record -k CLOCK_MONOTONIC` sample times. */
      g_printerr ("# %s at %.1f ms (abs %" G_GINT64_FORMAT ")\n", phase, (now - trace_requested) / 1000.0, now);
    }
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

/* @counted: under callgrind, whether the open's instructions count (the
 * first, untimed open builds the card's widgets). */
static double
open_and_wait (CrmWindow *window,
               Timing    *timing,
               gint64     id,
               gboolean   counted)
{
  gint64 deadline;

  if (counted)
    CALLGRIND_TOGGLE_COLLECT;
  timing->waiting = TRUE;
  timing->requested = g_get_monotonic_time ();
  trace_requested = timing->requested;
  crm_window_open_element (window, id);
  phase_cb (NULL, "opened");

  /* Under valgrind everything runs some fifty times slower. */
  deadline = g_get_monotonic_time () + (RUNNING_ON_VALGRIND ? 500 : 10) * G_USEC_PER_SEC;
  while (timing->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (counted)
    CALLGRIND_TOGGLE_COLLECT;
  check (!timing->waiting, NULL, "no frame was painted after opening the card");

  return (timing->painted - timing->requested) / 1000.0;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a person does between two cards: nothing the app must do. The
 * card finishes building its sections meanwhile, however slow the
 * machine (or valgrind) is, so each open starts from a complete card. */
static void
pause_between_cards (CrmWindow *window)
{
  CrmFieldsPane *pane = CRM_FIELDS_PANE (find_type (GTK_WIDGET (window), CRM_TYPE_FIELDS_PANE));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  iterate_for (150);
  while (gtk_widget_get_mapped (GTK_WIDGET (pane)) && !crm_fields_pane_is_complete (pane) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate_for (RUNNING_ON_VALGRIND ? 1000 : 0);
}

/* Nearest rank: the smallest time at least @percent of the runs took. */
static double
percentile (GArray *sorted,
            guint   percent)
{
  guint rank = (sorted->len * percent + 99) / 100;

  return g_array_index (sorted, double, MAX (rank, 1) - 1);
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
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_runs = env_uint ("CLIENTELE_BENCH_UI_RUNS", 40);
  guint n_entries = env_uint ("CLIENTELE_BENCH_UI_ENTRIES", 10000);
  guint n_fields = env_uint ("CLIENTELE_BENCH_UI_FIELDS", 190);
  CrmStore *store;
  CrmSession *session;
  CrmCatalog *catalog;
  gint64 type_id, pipeline_id;
  CrmWindow *window;
  GdkFrameClock *clock;
  Timing timing = { 0, };
  gint64 deals[2];
  gint64 started;
  guint n_shown_fields = 0;
  GListModel *sections;
  double p50, p99, max;

  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("clientele-bench-ui-XXXXXX", &error);
  check (dir != NULL, error, "temporary directory");
  path = g_build_filename (dir, "bench.db", NULL);

  store = crm_store_open (path, &error);
  check (store != NULL, error, "open store");
  session = crm_session_new_for_desktop_user (store, &error);
  check (session != NULL, error, "session");
  catalog = crm_store_get_catalog (store);

  started = g_get_monotonic_time ();
  /* Ids, not objects: a catalog change replaces the catalog's objects. */
  type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  pipeline_id = crm_pipeline_get_id (crm_catalog_get_default_pipeline (catalog, type_id));
  layout = crm_layout_resolve (session, type_id, pipeline_id, 0, &error);
  check (layout != NULL, error, "resolve layout");

  fields = create_fields (session, type_id, crm_layout_get_id (layout), n_fields);
  deals[0] = create_deal (session, "Implantação do ERP — Metalúrgica Horizonte");
  deals[1] = create_deal (session, "Renovação de contrato — Transportes Aurora");
  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      fill_values (session, deals[i], i, fields);
      add_entries (session, deals[i], i, n_entries);
    }

  g_clear_object (&layout);
  layout = crm_layout_resolve (session, type_id, pipeline_id, 0, &error);
  check (layout != NULL, error, "resolve layout");
  sections = crm_layout_get_sections (layout);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);

      n_shown_fields += g_list_model_get_n_items (crm_layout_section_get_fields (section));
    }
  g_printerr ("# %u fields in %u sections, %u entries on each of 2 deals; set up in %.1f s\n",
              n_shown_fields, g_list_model_get_n_items (sections), n_entries,
              (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  window = crm_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (500);

  /* Once, untimed: the card page becomes mapped, caches fill. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  check (clock != NULL, NULL, "the window has no frame clock");
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &timing);
  g_signal_connect (clock, "before-paint", G_CALLBACK (phase_cb), (gpointer) "before-paint");
  g_signal_connect (clock, "update", G_CALLBACK (phase_cb), (gpointer) "update");
  g_signal_connect (clock, "layout", G_CALLBACK (phase_cb), (gpointer) "layout");
  g_signal_connect (clock, "paint", G_CALLBACK (phase_cb), (gpointer) "paint");
  g_signal_connect (clock, "after-paint", G_CALLBACK (phase_cb), (gpointer) "after-paint");

  open_and_wait (window, &timing, deals[1], FALSE);
  pause_between_cards (window);
  if (g_getenv ("CLIENTELE_BENCH_UI_HIDE") != NULL)
    {
      g_auto(GStrv) names = g_strsplit (g_getenv ("CLIENTELE_BENCH_UI_HIDE"), ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (g_type_from_name (names[i]) != 0)
          hide_type (GTK_WIDGET (window), g_type_from_name (names[i]));
    }

  for (guint i = 0; i < n_runs; i++)
    {
      gint64 id = deals[i % 2];
      double ms = open_and_wait (window, &timing, id, TRUE);

      g_array_append_val (times, ms);
      g_printerr ("# run %2u: deal %" G_GINT64_FORMAT " in %.1f ms\n", i + 1, id, ms);
      pause_between_cards (window);
    }

  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  if (times->len % 2 == 0)
    p50 = (p50 + g_array_index (times, double, times->len / 2 - 1)) / 2;
  p99 = percentile (times, 99);
  max = g_array_index (times, double, times->len - 1);

  printf ("BENCH card_open_ui_p50 %.1f ms frames=%.1f\n", p50, p50 / FRAME_MS);
  printf ("BENCH card_open_ui_p99 %.1f ms frames=%.1f\n", p99, p99 / FRAME_MS);
  printf ("BENCH card_open_ui_max %.1f ms\n", max);
  fflush (stdout);

  g_signal_handlers_disconnect_by_data (clock, &timing);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);
  g_object_unref (session);
  g_object_unref (store);

  if (g_getenv ("CLIENTELE_BENCH_KEEP") != NULL)
    {
      g_printerr ("# kept %s\n", path);
    }
  else
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }

  return 0;
}
