/* test-durability.c — what the store promises other processes and
 * crashes: a write it acknowledged survives SIGKILL at any moment, the
 * database stays sound, and two programs writing the same database at
 * once never see "database is locked" and lose nothing
 *
 * The writers are this test run again with --writer (see writer_main):
 * they write through the core API and print "ack <title> <id>" on stdout
 * once the write is committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <glib.h>
#include <gio/gio.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define KILL_ROUNDS     50
#define BATCH_SIZE      5

/* ---- The writer ------------------------------------------------------------------ */

static void
writer_fail (const char   *what,
             const GError *error)
{
  g_print ("error %s: %s\n", what, error->message);
  fflush (stdout);
  exit (2);
}

static gint64
write_contact (CrmSession *session,
               const char *title,
               guint       i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (session, "contact", &error);
  g_autofree char *phone = g_strdup_printf ("+55 11 9%04u-%04u", i % 10000, (i * 7) % 10000);
  gint64 id;

  if (draft == NULL)
    writer_fail ("draft", error);
  if (!crm_element_draft_set_input_by_code (draft, "name", title, &error) ||
      !crm_element_draft_set_input_by_code (draft, "phone", phone, &error) ||
      !crm_element_draft_set_input_by_code (draft, "position", "Compradora", &error))
    writer_fail ("input", error);
  id = crm_element_draft_save (draft, &error);
  if (id == 0)
    writer_fail ("save", error);
  return id;
}

/* Reads between writes, as a person browsing does: a card, a search. */
static void
read_some (CrmSession *session,
           gint64      type_id,
           gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (session, id, &error);
  g_autoptr(CrmElementListModel) list = NULL;

  if (element == NULL)
    writer_fail ("load", error);
  list = crm_element_list_model_new (session, type_id);
  crm_element_list_model_set_search (list, "compradora");
}

/* Writes @count contacts (0: until killed) titled "@tag-<n>", some one by
 * one, some in batches of BATCH_SIZE, with a comment now and then. */
static int
writer_main (const char *path,
             const char *tag,
             guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmSession) session = NULL;
  gint64 type_id;

  if (store == NULL)
    writer_fail ("open", error);
  session = crm_session_new_for_desktop_user (store, &error);
  if (session == NULL)
    writer_fail ("session", error);
  type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (store), "contact"));
  g_print ("ready\n");
  fflush (stdout);

  for (guint i = 0; count == 0 || i < count; )
    {
      gboolean batch = i % 4 == 3;
      guint n = batch ? BATCH_SIZE : 1;
      char *titles[BATCH_SIZE] = { NULL, };
      gint64 ids[BATCH_SIZE];

      if (batch && !crm_store_begin (store, &error))
        writer_fail ("begin", error);
      for (guint j = 0; j < n; j++)
        {
          titles[j] = g_strdup_printf ("%s-%u", tag, i + j);
          ids[j] = write_contact (session, titles[j], i + j);
        }
      if (batch && !crm_store_commit (store, &error))
        writer_fail ("commit", error);

      /* Acknowledged only now: committed. */
      for (guint j = 0; j < n; j++)
        {
          g_print ("ack %s %" G_GINT64_FORMAT "\n", titles[j], ids[j]);
          g_free (titles[j]);
        }
      fflush (stdout);

      if (i % 5 == 0 && crm_timeline_add_comment (session, ids[0], "Ligar amanhã", &error) == 0)
        writer_fail ("comment", error);
      read_some (session, type_id, ids[n - 1]);
      i += n;
    }
  return 0;
}

/* ---- The checks ------------------------------------------------------------------ */

typedef struct
{
  char   *title;
  gint64  id;
} Ack;

static void
ack_free (gpointer data)
{
  Ack *ack = data;

  g_free (ack->title);
  g_free (ack);
}

/* Reads what a writer printed; FALSE if it reported an error. */
static gboolean
parse_output (const char *out,
              GPtrArray  *acks,
              char      **failure)
{
  g_auto(GStrv) lines = g_strsplit (out != NULL ? out : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (g_str_has_prefix (lines[i], "error "))
        {
          *failure = g_strdup (lines[i]);
          return FALSE;
        }
      if (!g_str_has_prefix (lines[i], "ack "))
        continue;
      parts = g_strsplit (lines[i], " ", 3);
      /* A line the kill cut in half was never acknowledged. */
      if (g_strv_length (parts) == 3 && lines[i + 1] != NULL)
        {
          Ack *ack = g_new0 (Ack, 1);

          ack->title = g_strdup (parts[1]);
          ack->id = g_ascii_strtoll (parts[2], NULL, 10);
          g_ptr_array_add (acks, ack);
        }
    }
  return TRUE;
}

static void
assert_sound (const char *path)
{
  g_autofree char *integrity = crm_test_query_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  /* FTS5 checks its index against its content; an error fails the exec.
   * A writer killed before its schema was committed left no index. */
  if (crm_test_query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'elements_fts'") == 1)
    crm_test_exec_sql (path, "INSERT INTO elements_fts (elements_fts) VALUES ('integrity-check')");
}

/* Every acknowledged write is there, through the core, as written. */
static void
assert_acks_present (CrmSession *session,
                     GPtrArray  *acks,
                     guint       from)
{
  for (guint i = from; i < acks->len; i++)
    {
      Ack *ack = g_ptr_array_index (acks, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmElement) element = crm_element_load (session, ack->id, &error);

      if (element == NULL)
        g_error ("acknowledged write %s (%" G_GINT64_FORMAT ") is lost: %s",
                 ack->title, ack->id, error->message);
      g_assert_cmpstr (crm_element_get_title (element), ==, ack->title);
    }
}

static GSubprocess *
spawn_writer (const char  *path,
              const char  *tag,
              guint        count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GSubprocess *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--writer", path, tag, count_text, NULL);
  g_assert_no_error (error);
  return child;
}

/* Kills @child at a random moment: counted from its start when @early
 * (opening, migrating), else from when it has opened the store, so that
 * however slow the machine (a sanitizer build) most kills land among the
 * writes. Returns everything it printed. */
static char *
kill_at_random (GSubprocess *child,
                gboolean     early)
{
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  gssize n;

  if (!early)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line != NULL)
        g_string_append_printf (out, "%s\n", line);
    }
  g_usleep (g_test_rand_int_range (0, early ? 250 : 80) * 1000);
  g_subprocess_force_exit (child);

  /* The rest as bytes: a line the kill cut short must stay short. */
  while ((n = g_input_stream_read (G_INPUT_STREAM (lines), buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (out, buffer, n);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Cases ------------------------------------------------------------------------ */

/* SIGKILL at a random moment — while opening or migrating, in the middle
 * of a batch, between a commit and its acknowledgement — fifty times over
 * the same database. */
static void
test_kill_writer (void)
{
  g_autofree char *dir = crm_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "clientele.db", NULL);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);
  guint killed_while_writing = 0;

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(CrmStore) store = NULL;
      g_autoptr(CrmSession) session = NULL;
      g_autofree char *tag = g_strdup_printf ("r%u", round);
      g_autofree char *out = NULL;
      g_autofree char *failure = NULL;
      guint before = acks->len;

      child = spawn_writer (path, tag, 0);
      out = kill_at_random (child, round % 5 == 0);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      if (!parse_output (out, acks, &failure))
        g_error ("round %u: the writer failed: %s", round, failure);
      if (acks->len > before)
        killed_while_writing++;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      assert_sound (path);
      store = crm_store_open (path, &error);
      g_assert_no_error (error);
      session = crm_session_new_for_desktop_user (store, &error);
      g_assert_no_error (error);
      assert_acks_present (session, acks, before);
      g_clear_object (&session);
      g_assert_finalize_object (g_steal_pointer (&store));
    }

  /* A last look at everything, and proof the kills landed mid-work. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmStore) store = crm_store_open (path, &error);
    g_autoptr(CrmSession) session = NULL;

    g_assert_no_error (error);
    session = crm_session_new_for_desktop_user (store, &error);
    g_assert_no_error (error);
    assert_acks_present (session, acks, 0);
  }
  g_test_message ("%u acknowledged writes over %u kills, %u of them after writing had begun",
                  acks->len, KILL_ROUNDS, killed_while_writing);
  g_assert_cmpuint (killed_while_writing, >, KILL_ROUNDS / 4);
  crm_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Two programs start on a database that does not exist yet and write
 * hundreds of elements each, with reads in between: both finish without
 * an error, and every write of both is there. */
static void
test_two_writers (void)
{
  g_autofree char *dir = crm_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "clientele.db", NULL);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmSession) session = NULL;
  const guint per_writer = 400;
  GSubprocess *children[2];
  gint64 start = g_get_monotonic_time ();

  children[0] = spawn_writer (path, "a", per_writer);
  children[1] = spawn_writer (path, "b", per_writer);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *failure = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (children[i], NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      if (!parse_output (out, acks, &failure))
        g_error ("writer %u failed: %s", i, failure);
      g_assert_true (g_subprocess_get_if_exited (children[i]));
      g_assert_cmpint (g_subprocess_get_exit_status (children[i]), ==, 0);
      g_object_unref (children[i]);
    }
  g_test_message ("two writers, %u writes each: %" G_GINT64_FORMAT " ms",
                  per_writer, (g_get_monotonic_time () - start) / 1000);

  g_assert_cmpuint (acks->len, ==, 2 * per_writer);
  assert_sound (path);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  session = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  assert_acks_present (session, acks, 0);
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM elements"), ==, 2 * per_writer);
  /* Both ran as the same desktop user: created once. */
  g_assert_cmpint (crm_test_query_int (path, "SELECT count(*) FROM users"), ==, 1);

  g_clear_object (&session);
  g_assert_finalize_object (g_steal_pointer (&store));
  crm_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/durability/kill-writer", test_kill_writer);
  g_test_add_func ("/durability/two-writers", test_two_writers);

  return g_test_run ();
}
