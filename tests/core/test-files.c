/* test-files.c — files picked for a file field: pending until a save
 * claims them, swept when nothing ever does, kept while anything refers
 * to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  gint64      contact_type_id;
  CrmField   *contract;   /* a custom file field of contacts; re-read after reopening */
  gint64      contract_id;
} Fixture;

/* ---- Helpers ------------------------------------------------------------------ */

static gint64
add_file (CrmSession *session,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 contrato", 17);
  gint64 id = crm_file_add (session, name, "application/pdf", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
file_exists (Fixture *f,
             gint64   file_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM files WHERE id = %" G_GINT64_FORMAT, file_id);

  return crm_test_query_int (f->path, sql) == 1;
}

static gboolean
file_is_pending (Fixture *f,
                 gint64   file_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pending_since IS NOT NULL FROM files "
                                          "WHERE id = %" G_GINT64_FORMAT, file_id);

  return crm_test_query_int (f->path, sql) == 1;
}

/* A contact with @file_id in the contract field. */
static gint64
save_with_file (Fixture *f,
                gint64   file_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "contact", &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", "Renata", &error));
  crm_element_draft_set_value (draft, f->contract, crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->contact_type_id = crm_entity_type_get_id (crm_catalog_find_entity_type (crm_store_get_catalog (f->store),
                                                                             "contact"));
  f->contract = crm_catalog_get_field (crm_store_get_catalog (f->store), f->contract_id);
}

static void
close_store (Fixture *f)
{
  f->contract = NULL;
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
}

/* Two days ago, as another day's pick would be. */
static void
make_old (Fixture *f,
          gint64   file_id)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE files SET created_at = '2020-01-01T10:00:00.000Z', "
                                          "  pending_since = CASE WHEN pending_since IS NULL THEN NULL "
                                          "                  ELSE '2020-01-01T10:00:00.000Z' END "
                                          "WHERE id = %" G_GINT64_FORMAT, file_id);

  crm_test_exec_sql (f->path, sql);
}

static void
reopen (Fixture *f)
{
  close_store (f);
  open_store (f);
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  open_store (f);
  f->contract_id = crm_field_create (f->session, f->contact_type_id, "Contrato", CRM_FIELD_TYPE_FILE,
                                     FALSE, NULL, &error);
  g_assert_no_error (error);
  f->contract = crm_catalog_get_field (crm_store_get_catalog (f->store), f->contract_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_store (f);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- Cases ---------------------------------------------------------------------- */

/* A pick is pending; saving it into a value claims it. */
static void
test_claimed_on_save (Fixture       *f,
                      gconstpointer  data)
{
  gint64 file_id = add_file (f->session, "contrato.pdf");

  g_assert_true (file_is_pending (f, file_id));
  save_with_file (f, file_id);
  g_assert_true (file_exists (f, file_id));
  g_assert_false (file_is_pending (f, file_id));

  /* Claimed files are never swept, however old. */
  make_old (f, file_id);
  reopen (f);
  g_assert_true (file_exists (f, file_id));
}

/* A pick that was cancelled waits out the grace — a card somewhere may
 * still save it — and is gone at the next open after that. */
static void
test_cancelled_pick (Fixture       *f,
                     gconstpointer  data)
{
  gint64 cancelled = add_file (f->session, "rascunho.pdf");

  reopen (f);
  g_assert_true (file_exists (f, cancelled));
  g_assert_true (file_is_pending (f, cancelled));

  make_old (f, cancelled);
  reopen (f);
  g_assert_false (file_exists (f, cancelled));
}

/* A long-running program sweeps too: saving files sweeps the old picks. */
static void
test_swept_after_save (Fixture       *f,
                       gconstpointer  data)
{
  gint64 cancelled = add_file (f->session, "rascunho.pdf");
  gint64 young = add_file (f->session, "aberto.pdf");
  gint64 saved;

  make_old (f, cancelled);
  saved = add_file (f->session, "contrato.pdf");
  save_with_file (f, saved);
  g_assert_false (file_exists (f, cancelled));
  g_assert_true (file_exists (f, young));
  g_assert_true (file_is_pending (f, young));
  g_assert_true (file_exists (f, saved));
}

/* Something else refers to the file without having claimed it (written
 * by hand, or by an older version): the sweep claims it instead. */
static void
test_references_keep_files (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *sql = NULL;
  gint64 in_value, in_timeline, in_document, in_template, orphan, element_id, entry_id;

  in_value = add_file (f->session, "valor.pdf");
  element_id = save_with_file (f, in_value);
  in_timeline = add_file (f->session, "anexo.pdf");
  payload = g_strdup_printf ("{\"name\":\"anexo.pdf\",\"file_id\":%" G_GINT64_FORMAT "}", in_timeline);
  entry_id = crm_timeline_add_entry (f->session, element_id, CRM_ENTRY_DOCUMENT, NULL, "Proposta",
                                     payload, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);
  /* A payload that is not JSON does not stop the sweep. */
  crm_timeline_add_entry (f->session, element_id, CRM_ENTRY_COMMENT, NULL, "x", "{\"file", &error);
  g_assert_no_error (error);
  in_document = add_file (f->session, "proposta.odt");
  in_template = add_file (f->session, "modelo.odt");
  orphan = add_file (f->session, "perdido.pdf");
  sql = g_strdup_printf ("INSERT INTO document_templates (entity_type_id, name, file_id, created_at) "
                         "  VALUES (%" G_GINT64_FORMAT ", 'Proposta', %" G_GINT64_FORMAT ", '2020-01-01');"
                         "INSERT INTO documents (element_id, file_id, created_at) "
                         "  VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2020-01-01');"
                         "UPDATE files SET pending_since = '2020-01-01T10:00:00.000Z';",
                         f->contact_type_id, in_template, element_id, in_document);
  close_store (f);
  crm_test_exec_sql (f->path, sql);
  open_store (f);

  g_assert_true (file_exists (f, in_value));
  g_assert_true (file_exists (f, in_timeline));
  g_assert_true (file_exists (f, in_document));
  g_assert_true (file_exists (f, in_template));
  g_assert_false (file_exists (f, orphan));
  /* Claimed now: the next sweep has nothing to look at. */
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM files WHERE pending_since IS NOT NULL"),
                   ==, 0);
}

/* A file a save replaced, or whose element or field is gone, is let go:
 * swept after the grace unless something still refers to it. */
static void
test_released (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 replaced = add_file (f->session, "v1.pdf");
  gint64 current = add_file (f->session, "v2.pdf");
  gint64 of_deleted = add_file (f->session, "excluido.pdf");
  gint64 shared = add_file (f->session, "compartilhado.pdf");
  gint64 element_id = save_with_file (f, replaced);
  gint64 deleted_id = save_with_file (f, of_deleted);
  gint64 sharing_id = save_with_file (f, shared);

  save_with_file (f, shared);
  {
    g_autoptr(CrmElement) element = crm_element_load (f->session, element_id, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, element);
    crm_element_draft_set_value (draft, f->contract, crm_value_new_number (CRM_FIELD_TYPE_FILE, current));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element_id);
    g_assert_no_error (error);
  }
  g_assert_true (file_is_pending (f, replaced));
  g_assert_false (file_is_pending (f, current));

  g_assert_true (crm_element_delete (f->session, deleted_id, &error));
  g_assert_true (crm_element_delete (f->session, sharing_id, &error));
  g_assert_no_error (error);
  g_assert_true (file_is_pending (f, of_deleted));
  g_assert_true (file_is_pending (f, shared));

  /* Within the grace, nothing goes. */
  reopen (f);
  g_assert_true (file_exists (f, replaced));
  g_assert_true (file_exists (f, of_deleted));

  make_old (f, replaced);
  make_old (f, of_deleted);
  make_old (f, shared);
  reopen (f);
  g_assert_false (file_exists (f, replaced));
  g_assert_false (file_exists (f, of_deleted));
  g_assert_true (file_exists (f, current));
  /* The other element that holds it keeps it. */
  g_assert_true (file_exists (f, shared));
  g_assert_false (file_is_pending (f, shared));

  /* Deleting the field lets go of every file in it. */
  g_assert_true (crm_field_delete (f->session, f->contract_id, &error));
  g_assert_no_error (error);
  g_assert_true (file_is_pending (f, current));
  g_assert_true (file_is_pending (f, shared));
  make_old (f, current);
  make_old (f, shared);
  reopen (f);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM files"), ==, 0);
}

/* The program stops between storing the pick and saving the card: the
 * file waits, then goes. The child is this test run again. */
static int
upload_and_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmSession) session = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("scan", 4);
  gint64 id;

  g_assert_no_error (error);
  session = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  id = crm_file_add (session, "digitalizado.png", "image/png", bytes, &error);
  g_assert_no_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  fflush (stdout);
  raise (SIGKILL);
  return 1;
}

static void
test_crash_before_save (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  gint64 file_id;

  close_store (f);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--upload-and-die", f->path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  file_id = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (file_id, >, 0);

  open_store (f);
  g_assert_true (file_exists (f, file_id));
  g_assert_true (file_is_pending (f, file_id));
  make_old (f, file_id);
  reopen (f);
  g_assert_false (file_exists (f, file_id));
}

/* A save whose file was swept meanwhile is refused and writes nothing. */
static void
test_save_swept_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "contact", &error);
  gint64 file_id = add_file (f->session, "sumiu.pdf");
  g_autofree char *sql = g_strdup_printf ("DELETE FROM files WHERE id = %" G_GINT64_FORMAT, file_id);
  gint64 before = crm_test_query_int (f->path, "SELECT count(*) FROM elements");

  crm_test_exec_sql (f->path, sql);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", "Renata", &error));
  crm_element_draft_set_value (draft, f->contract, crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM elements"), ==, before);
}

/* Files earlier versions left behind are swept once the schema knows
 * about pending files, after the same checks. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  gint64 orphan = add_file (f->session, "antigo.pdf");
  gint64 kept = add_file (f->session, "guardado.pdf");

  save_with_file (f, kept);
  close_store (f);
  crm_test_exec_sql (f->path, "UPDATE files SET created_at = '2020-01-01T10:00:00.000Z';"
                              "DROP INDEX files_pending;"
                              "ALTER TABLE files DROP COLUMN pending_since;"
                              "PRAGMA user_version = 2;");
  open_store (f);
  g_assert_cmpint (crm_store_get_schema_version (f->store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_false (file_exists (f, orphan));
  g_assert_true (file_exists (f, kept));
  g_assert_false (file_is_pending (f, kept));
}

/* A pick given up is removed at once, not a day later; one the card
 * saved, or that something refers to, is kept. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  gint64 given_up = add_file (f->session, "rascunho.pdf");
  gint64 saved = add_file (f->session, "contrato.pdf");
  gint64 attached = add_file (f->session, "anexo.pdf");
  gint64 element_id = save_with_file (f, saved);

  payload = g_strdup_printf ("{\"name\":\"anexo.pdf\",\"file_id\":%" G_GINT64_FORMAT "}", attached);
  crm_timeline_add_entry (f->session, element_id, CRM_ENTRY_DOCUMENT, NULL, "Anexo", payload, &error);
  g_assert_no_error (error);

  g_assert_true (crm_file_discard (f->session, given_up, &error));
  g_assert_no_error (error);
  g_assert_false (file_exists (f, given_up));

  g_assert_true (crm_file_discard (f->session, saved, &error));
  g_assert_no_error (error);
  g_assert_true (file_exists (f, saved));
  g_assert_false (file_is_pending (f, saved));

  g_assert_true (crm_file_discard (f->session, attached, &error));
  g_assert_no_error (error);
  g_assert_true (file_exists (f, attached));
  g_assert_false (file_is_pending (f, attached));

  /* Twice is a mistake of the caller's: said, not ignored. */
  g_assert_false (crm_file_discard (f->session, given_up, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

/* Someone else's pick may still be saved by their open card. */
static void
test_discard_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) colleague = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 theirs = add_file (f->session, "deles.pdf");
  g_autoptr(CrmUserConfig) config = crm_user_config_new ();
  gint64 user_id;

  config->name = g_strdup ("Paula Reis");
  config->login = g_strdup ("paula.reis");
  user_id = crm_user_create (f->session, config, &error);
  g_assert_no_error (error);
  colleague = crm_session_new (f->store, user_id, &error);
  g_assert_no_error (error);

  before = crm_test_dump_db (f->path);
  g_assert_false (crm_file_discard (colleague, theirs, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (file_is_pending (f, theirs));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--upload-and-die"))
    return upload_and_die (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/files/claimed-on-save", test_claimed_on_save);
  ADD ("/files/cancelled-pick", test_cancelled_pick);
  ADD ("/files/discard", test_discard);
  ADD ("/files/discard-refused", test_discard_refused);
  ADD ("/files/swept-after-save", test_swept_after_save);
  ADD ("/files/references-keep-files", test_references_keep_files);
  ADD ("/files/released", test_released);
  ADD ("/files/crash-before-save", test_crash_before_save);
  ADD ("/files/save-swept-file", test_save_swept_file);
  ADD ("/files/migration", test_migration);

  return g_test_run ();
}
