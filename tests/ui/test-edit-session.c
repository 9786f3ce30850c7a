/* test-edit-session.c — editing a card's values and saving them together
 *
 * Edits a deal's amount and title and saves: the core has the values and
 * a field-change entry. A bad value or a required field blocks the save:
 * nothing is written, the editors are marked and the message names the
 * fields. Cancel writes nothing; read-only fields give no editor. The
 * Save / Cancel bar follows the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "clientele-core.h"
#include "crm-edit-bar.h"
#include "crm-edit-session.h"
#include "crm-file-editor.h"

#include "crm-ui-test-utils.h"

typedef struct
{
  CrmUiTestDb     db;
  CrmEditSession *edit;
  CrmElement     *deal;
  guint           n_editing_changed;
  guint           n_saved;
  guint           n_cancelled;
} Fixture;

static const CrmDemoSize small_size = CRM_UI_TEST_DEMO_SIZE (20);

/* ---- Helpers ------------------------------------------------------------- */

static void
type_into (CrmValueEditor *editor,
           const char     *text)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  crm_ui_test_collect_entries (GTK_WIDGET (editor), entries);
  g_assert_cmpuint (entries->len, >, 0);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), text);
}

static CrmField *
get_field (Fixture    *fixture,
           const char *code)
{
  CrmField *field = crm_catalog_find_field (crm_store_get_catalog (fixture->db.store),
                                            crm_element_get_entity_type_id (fixture->deal), code);

  g_assert_nonnull (field);
  return field;
}

static CrmElement *
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (fixture->db.session, crm_element_get_id (fixture->deal), &error);

  g_assert_no_error (error);
  return element;
}

static guint
count_field_changes (Fixture *fixture)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = crm_timeline_query_field_changes (fixture->db.session, crm_element_get_id (fixture->deal), &error);
  g_assert_no_error (error);
  return changes->len;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
failed_cb (CrmEditSession *edit,
           const char     *message,
           guint          *count)
{
  g_assert_nonnull (message);
  (*count)++;
}

/* ---- Fixture ------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_ui_test_open_demo (&fixture->db, "clientele-edit-XXXXXX", &small_size);
  fixture->deal = crm_ui_test_load_first_element (&fixture->db, "deal");

  fixture->edit = crm_edit_session_new (fixture->db.session);
  crm_edit_session_set_element (fixture->edit, fixture->deal);
  g_signal_connect (fixture->edit, "editing-changed", G_CALLBACK (count_cb), &fixture->n_editing_changed);
  g_signal_connect (fixture->edit, "saved", G_CALLBACK (count_cb), &fixture->n_saved);
  g_signal_connect (fixture->edit, "cancelled", G_CALLBACK (count_cb), &fixture->n_cancelled);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Editors that saved or cancelled from their own signals are let go
   * from an idle. */
  crm_ui_test_iterate_for (20);
  g_assert_finalize_object (fixture->edit);
  g_assert_finalize_object (fixture->deal);
  crm_ui_test_close (&fixture->db);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  CrmField *amount = get_field (fixture, "amount");
  CrmField *title = get_field (fixture, "title");
  CrmValueEditor *amount_editor, *title_editor;
  g_autoptr(CrmElement) saved = NULL;
  g_autoptr(GError) error = NULL;
  const CrmValue *value;
  guint changes_before = count_field_changes (fixture);

  g_assert_false (crm_edit_session_is_active (fixture->edit));
  amount_editor = crm_edit_session_edit_field (fixture->edit, amount);
  g_assert_nonnull (amount_editor);
  g_assert_true (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_editing_changed, ==, 1);
  /* Asking again gives the same editor. */
  g_assert_true (crm_edit_session_edit_field (fixture->edit, amount) == amount_editor);
  g_assert_true (crm_edit_session_get_editor (fixture->edit, crm_field_get_id (amount)) == amount_editor);
  g_assert_cmpuint (fixture->n_editing_changed, ==, 1);

  title_editor = crm_edit_session_edit_field (fixture->edit, title);
  g_assert_nonnull (title_editor);
  type_into (amount_editor, "98765.43");
  type_into (title_editor, "Contrato anual — Padaria Pão Quente");

  g_assert_true (crm_edit_session_save (fixture->edit, &error));
  g_assert_no_error (error);
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_null (crm_edit_session_get_editor (fixture->edit, crm_field_get_id (amount)));
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  saved = reload (fixture);
  value = crm_element_get_value (saved, amount);
  g_assert_nonnull (value);
  g_assert_cmpint (value->number, ==, 9876543);
  g_assert_cmpstr (crm_element_get_title (saved), ==, "Contrato anual — Padaria Pão Quente");
  g_assert_cmpuint (count_field_changes (fixture), >=, changes_before + 2);
}

static void
test_untouched_save (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *codes[] = { "title", "amount", "close_date", "source", "contact", "responsible", "comments" };
  guint changes_before = count_field_changes (fixture);
  g_autoptr(GError) error = NULL;

  /* Opening editors and saving without typing changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_nonnull (crm_edit_session_edit_field (fixture->edit, get_field (fixture, codes[i])));
  g_assert_true (crm_edit_session_save (fixture->edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_field_changes (fixture), ==, changes_before);
}

static void
test_bad_value (Fixture       *fixture,
                gconstpointer  user_data)
{
  CrmField *amount = get_field (fixture, "amount");
  CrmField *title = get_field (fixture, "title");
  CrmValueEditor *amount_editor = crm_edit_session_edit_field (fixture->edit, amount);
  CrmValueEditor *title_editor = crm_edit_session_edit_field (fixture->edit, title);
  g_autoptr(CrmElement) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title_before = g_strdup (crm_element_get_title (fixture->deal));
  guint changes_before = count_field_changes (fixture);
  guint failed = 0;

  g_signal_connect (fixture->edit, "failed", G_CALLBACK (failed_cb), &failed);
  type_into (amount_editor, "muito dinheiro");
  type_into (title_editor, "Outro título");

  g_assert_false (crm_edit_session_save (fixture->edit, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, crm_field_get_label (amount)));
  g_assert_cmpuint (failed, ==, 1);
  g_assert_true (crm_value_editor_get_invalid (amount_editor));
  g_assert_false (crm_value_editor_get_invalid (title_editor));
  g_assert_true (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  /* Nothing was written, not even the good title. */
  after = reload (fixture);
  g_assert_cmpstr (crm_element_get_title (after), ==, title_before);
  g_assert_cmpuint (count_field_changes (fixture), ==, changes_before);

  /* Correcting it clears the mark; then it saves. */
  type_into (amount_editor, "10");
  g_assert_false (crm_value_editor_get_invalid (amount_editor));
  g_clear_error (&error);
  g_assert_true (crm_edit_session_save (fixture->edit, &error));
  g_assert_no_error (error);
}

static void
test_required_from_stage (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(CrmFieldConfig) config = NULL;
  g_autoptr(CrmElement) after = NULL;
  g_autoptr(GError) error = NULL;
  CrmValueEditor *title_editor, *contract_editor;
  CrmField *contract;
  gint64 contract_id;
  guint changes_before = count_field_changes (fixture);
  guint changed_before;

  contract_id = crm_field_create (fixture->db.session, crm_element_get_entity_type_id (fixture->deal),
                                  "Número do contrato", CRM_FIELD_TYPE_STRING, FALSE, NULL, &error);
  g_assert_no_error (error);
  config = crm_field_config_new ("Número do contrato");
  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  config->required_stage_id = crm_element_get_stage_id (fixture->deal);
  g_assert_true (crm_field_configure (fixture->db.session, contract_id, config, &error));
  g_assert_no_error (error);
  contract = crm_catalog_get_field (crm_store_get_catalog (fixture->db.store), contract_id);

  title_editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  type_into (title_editor, "Renovação");
  changed_before = fixture->n_editing_changed;

  g_assert_false (crm_edit_session_save (fixture->edit, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Número do contrato"));
  g_clear_error (&error);

  /* An editor was opened for it, marked, so the pane shows it. */
  contract_editor = crm_edit_session_get_editor (fixture->edit, contract_id);
  g_assert_nonnull (contract_editor);
  g_assert_true (crm_value_editor_get_invalid (contract_editor));
  g_assert_false (crm_value_editor_get_invalid (title_editor));
  g_assert_cmpuint (fixture->n_editing_changed, ==, changed_before + 1);

  after = reload (fixture);
  g_assert_cmpstr (crm_element_get_title (after), !=, "Renovação");
  g_assert_cmpuint (count_field_changes (fixture), ==, changes_before);

  /* A bad value and a missing one are named together. */
  {
    CrmValueEditor *amount_editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "amount"));

    type_into (amount_editor, "??");
    g_assert_false (crm_edit_session_save (fixture->edit, &error));
    g_assert_nonnull (strstr (error->message, "Número do contrato"));
    g_assert_nonnull (strstr (error->message, crm_field_get_label (get_field (fixture, "amount"))));
    g_clear_error (&error);
    type_into (amount_editor, "");
  }

  type_into (contract_editor, "CT-2026/042");
  g_assert_true (crm_edit_session_save (fixture->edit, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reload (fixture);
  g_assert_cmpstr (crm_element_get_title (after), ==, "Renovação");
  g_assert_cmpstr (crm_element_get_value (after, contract)->text, ==, "CT-2026/042");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  CrmValueEditor *editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  g_autoptr(CrmElement) after = NULL;
  g_autofree char *title_before = g_strdup (crm_element_get_title (fixture->deal));
  guint changes_before = count_field_changes (fixture);

  g_object_ref (editor);
  type_into (editor, "Não salvar");
  crm_edit_session_cancel (fixture->edit);
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_cancelled, ==, 1);
  g_assert_cmpuint (fixture->n_editing_changed, ==, 2);
  /* The session let go of the editor. */
  g_assert_finalize_object (editor);

  after = reload (fixture);
  g_assert_cmpstr (crm_element_get_title (after), ==, title_before);
  g_assert_cmpuint (count_field_changes (fixture), ==, changes_before);

  /* Escape in an editor cancels too. */
  editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  g_signal_emit_by_name (editor, "cancel");
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_cancelled, ==, 2);

  /* Another element ends the edits; the same one reloaded keeps them. */
  crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  crm_edit_session_set_element (fixture->edit, after);
  g_assert_true (crm_edit_session_is_active (fixture->edit));
  crm_edit_session_set_element (fixture->edit, NULL);
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_cancelled, ==, 3);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *codes[] = { "created_at", "created_by", "updated_at", "updated_by", "pipeline", "stage" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_null (crm_edit_session_edit_field (fixture->edit, get_field (fixture, codes[i])));
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_editing_changed, ==, 0);
}

static void
test_enter_saves (Fixture       *fixture,
                  gconstpointer  user_data)
{
  CrmValueEditor *editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  g_autoptr(CrmElement) after = NULL;

  type_into (editor, "Salvo com Enter");
  g_signal_emit_by_name (editor, "activate");
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  after = reload (fixture);
  g_assert_cmpstr (crm_element_get_title (after), ==, "Salvo com Enter");
}

static void
test_edit_bar (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *bar = crm_edit_bar_new ();
  GtkWidget *label, *save, *cancel, *revealer;
  CrmValueEditor *editor;

  gtk_window_set_child (window, bar);
  gtk_window_present (window);
  crm_edit_bar_set_session (CRM_EDIT_BAR (bar), fixture->edit);
  crm_ui_test_iterate_for (50);

  label = crm_ui_test_find_by_name (bar, "edit-error");
  save = crm_ui_test_find_by_name (bar, "save-button");
  cancel = crm_ui_test_find_by_name (bar, "cancel-button");
  revealer = gtk_widget_get_first_child (bar);
  g_assert_nonnull (label);
  g_assert_nonnull (save);
  g_assert_nonnull (cancel);
  g_assert_true (GTK_IS_REVEALER (revealer));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));

  editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "amount"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (gtk_widget_get_visible (label));

  /* Save with a bad value: the message shows. */
  type_into (editor, "abc");
  g_assert_true (gtk_widget_activate_action (bar, "edit.save", NULL));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            crm_field_get_label (get_field (fixture, "amount"))));
  g_assert_true (crm_edit_session_is_active (fixture->edit));

  /* Cancel hides the bar and the message. */
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (gtk_widget_get_visible (label));

  /* Save through the button. */
  editor = crm_edit_session_edit_field (fixture->edit, get_field (fixture, "title"));
  type_into (editor, "Salvo pela barra");
  g_signal_emit_by_name (save, "clicked");
  g_assert_false (crm_edit_session_is_active (fixture->edit));
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  crm_ui_test_destroy_window (&window, 50);
}

static gboolean
file_stored (Fixture *fixture,
             gint64   file_id)
{
  g_autoptr(GBytes) contents = crm_file_load (fixture->db.session, file_id, NULL, NULL, NULL);

  return contents != NULL;
}

/* Picks the file @name (written into the test's folder) in @editor's file
 * input, as choosing it in the file chooser does; returns its id. */
static gint64
pick_file (Fixture        *fixture,
           CrmValueEditor *editor,
           const char     *name)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *input = gtk_widget_get_first_child (GTK_WIDGET (editor));

  g_assert_true (CRM_IS_FILE_EDITOR (input));
  g_assert_true (g_file_set_contents (path, name, -1, NULL));
  g_assert_true (crm_file_editor_add_file (CRM_FILE_EDITOR (input), file, &error));
  g_assert_no_error (error);
  values = crm_value_editor_get_values (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  return ((CrmValue *) g_ptr_array_index (values, 0))->number;
}

/* A file picked and given up leaves nothing behind: replaced by another
 * pick, or the edit cancelled, it is gone from the store at once; the one
 * a save keeps stays. */
static void
test_cancelled_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) after = NULL;
  CrmValueEditor *editor;
  CrmField *contract;
  gint64 first, second, cancelled, field_id;

  field_id = crm_field_create (fixture->db.session, crm_element_get_entity_type_id (fixture->deal),
                               "Contrato", CRM_FIELD_TYPE_FILE, FALSE, NULL, &error);
  g_assert_no_error (error);
  contract = crm_catalog_get_field (crm_store_get_catalog (fixture->db.store), field_id);

  editor = crm_edit_session_edit_field (fixture->edit, contract);
  g_assert_nonnull (editor);
  first = pick_file (fixture, editor, "rascunho.pdf");
  second = pick_file (fixture, editor, "contrato.pdf");
  g_assert_false (file_stored (fixture, first));
  g_assert_true (file_stored (fixture, second));
  g_assert_true (crm_edit_session_save (fixture->edit, &error));
  g_assert_no_error (error);
  g_assert_true (file_stored (fixture, second));
  after = reload (fixture);
  g_assert_cmpint (((CrmValue *) g_ptr_array_index (crm_element_get_values (after, contract), 0))->number,
                   ==, second);

  editor = crm_edit_session_edit_field (fixture->edit, contract);
  cancelled = pick_file (fixture, editor, "outro.pdf");
  g_assert_true (file_stored (fixture, cancelled));
  crm_edit_session_cancel (fixture->edit);
  g_assert_false (file_stored (fixture, cancelled));
  /* The saved one was not the cancelled edit's to give up. */
  g_assert_true (file_stored (fixture, second));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/edit-session/save", Fixture, NULL,
              fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/ui/edit-session/untouched-save", Fixture, NULL,
              fixture_set_up, test_untouched_save, fixture_tear_down);
  g_test_add ("/ui/edit-session/bad-value", Fixture, NULL,
              fixture_set_up, test_bad_value, fixture_tear_down);
  g_test_add ("/ui/edit-session/required-from-stage", Fixture, NULL,
              fixture_set_up, test_required_from_stage, fixture_tear_down);
  g_test_add ("/ui/edit-session/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ui/edit-session/cancelled-file", Fixture, NULL,
              fixture_set_up, test_cancelled_file, fixture_tear_down);
  g_test_add ("/ui/edit-session/read-only", Fixture, NULL,
              fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/ui/edit-session/enter-saves", Fixture, NULL,
              fixture_set_up, test_enter_saves, fixture_tear_down);
  g_test_add ("/ui/edit-session/edit-bar", Fixture, NULL,
              fixture_set_up, test_edit_bar, fixture_tear_down);

  return g_test_run ();
}
