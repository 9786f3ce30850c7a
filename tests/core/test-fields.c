/* test-fields.c — configuring and deleting fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  CrmCatalog *catalog;
  gint64      deal_type;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->session = crm_session_new_for_desktop_user (fixture->store, &error);
  g_assert_no_error (error);
  fixture->catalog = crm_store_get_catalog (fixture->store);
  fixture->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "deal"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
  crm_test_tmpdir_free (fixture->dir);
}


static gint64
stage_of (Fixture    *fixture,
          const char *type,
          const char *code)
{
  CrmEntityType *entity_type = crm_catalog_find_entity_type (fixture->catalog, type);
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (fixture->catalog, crm_entity_type_get_id (entity_type));
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return crm_stage_get_id (stage);
    }
  g_assert_not_reached ();
}

static void
test_configure (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  gint64 user = crm_session_get_user_id (fixture->session);
  CrmField *field;
  gint64 id;

  id = crm_field_create (fixture->session, fixture->deal_type, "Margem", CRM_FIELD_TYPE_DECIMAL,
                         FALSE, NULL, &error);
  g_assert_no_error (error);

  field = crm_catalog_get_field (fixture->catalog, id);
  config = crm_field_config_new_for (field);
  g_assert_cmpstr (config->label, ==, "Margem");
  g_free (config->label);
  config->label = g_strdup ("Margem bruta");
  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  config->required_stage_id = stage_of (fixture, "deal", "executing");
  g_array_append_val (config->visible_users, user);
  g_assert_true (crm_field_configure (fixture->session, id, config, &error));
  g_assert_no_error (error);

  /* The catalog reloaded: take the field again. */
  field = crm_catalog_get_field (fixture->catalog, id);
  g_assert_cmpstr (crm_field_get_label (field), ==, "Margem bruta");
  g_assert_cmpint (crm_field_get_required_mode (field), ==, CRM_REQUIRED_FROM_STAGE);
  g_assert_cmpint (crm_field_get_required_stage_id (field), ==, stage_of (fixture, "deal", "executing"));
  g_assert_cmpuint (crm_field_get_visible_users (field)->len, ==, 1);

  /* Bad configurations change nothing. */
  config->required_stage_id = stage_of (fixture, "lead", "processed");
  g_assert_false (crm_field_configure (fixture->session, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  config->required_mode = CRM_REQUIRED_ALWAYS;
  g_free (config->label);
  config->label = g_strdup ("");
  g_assert_false (crm_field_configure (fixture->session, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_free (config->label);
  config->label = g_strdup ("Margem");
  g_array_index (config->visible_users, gint64, 0) = 424242;
  g_assert_false (crm_field_configure (fixture->session, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  field = crm_catalog_get_field (fixture->catalog, id);
  g_assert_cmpstr (crm_field_get_label (field), ==, "Margem bruta");
  g_assert_cmpint (crm_field_get_required_mode (field), ==, CRM_REQUIRED_FROM_STAGE);
  g_assert_cmpint (g_array_index (crm_field_get_visible_users (field), gint64, 0), ==, user);
}

static void
test_system_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  gint64 user = crm_session_get_user_id (fixture->session);
  CrmField *amount = crm_catalog_find_field (fixture->catalog, fixture->deal_type, "amount");
  CrmField *created;
  gint64 amount_id = crm_field_get_id (amount);

  /* System fields can be renamed and required… */
  config = crm_field_config_new_for (amount);
  g_free (config->label);
  config->label = g_strdup ("Valor");
  config->required_mode = CRM_REQUIRED_ALWAYS;
  g_assert_true (crm_field_configure (fixture->session, amount_id, config, &error));
  g_assert_no_error (error);
  amount = crm_catalog_get_field (fixture->catalog, amount_id);
  g_assert_cmpstr (crm_field_get_label (amount), ==, "Valor");
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT label_msgid FROM fields WHERE code = 'amount' AND "
                                        "entity_type_id = (SELECT id FROM entity_types WHERE code = 'deal')"), ==, 0);

  /* …but not restricted, nor deleted. */
  g_array_append_val (config->visible_users, user);
  g_assert_false (crm_field_configure (fixture->session, amount_id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_field_delete (fixture->session, amount_id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* What the core fills in cannot be required. */
  g_clear_pointer (&config, crm_field_config_free);
  /* Taken now: a catalog object lives until the next catalog change. */
  created = crm_catalog_find_field (fixture->catalog, fixture->deal_type, "created_at");
  config = crm_field_config_new_for (created);
  config->required_mode = CRM_REQUIRED_ALWAYS;
  g_assert_false (crm_field_configure (fixture->session, crm_field_get_id (created), config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
}

static void
test_delete_custom (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  gint64 id;

  id = crm_field_create (fixture->session, fixture->deal_type, "Código interno", CRM_FIELD_TYPE_STRING,
                         FALSE, NULL, &error);
  g_assert_no_error (error);

  draft = crm_element_draft_new (fixture->session, "deal", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Com código", &error));
  g_assert_true (crm_element_draft_set_input (draft, crm_catalog_get_field (fixture->catalog, id),
                                              crm_locale_get ("C"), "X-1", &error));
  g_assert_cmpint (crm_element_draft_save (draft, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM field_values WHERE value = 'X-1'"), ==, 1);

  g_assert_true (crm_field_delete (fixture->session, id, &error));
  g_assert_no_error (error);
  g_assert_null (crm_catalog_get_field (fixture->catalog, id));
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM field_values WHERE value = 'X-1'"), ==, 0);

  g_assert_false (crm_field_delete (fixture->session, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

static void
test_file_values (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = g_bytes_new_static ("%PDF-1.4 contrato", 17);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *shown = NULL;
  gint64 field_id, file_id, element_id;
  CrmField *field;

  field_id = crm_field_create (fixture->session, fixture->deal_type, "Contrato", CRM_FIELD_TYPE_FILE,
                               FALSE, NULL, &error);
  g_assert_no_error (error);
  file_id = crm_file_add (fixture->session, "contrato.pdf", "application/pdf", contents, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_id, >, 0);

  loaded = crm_file_load (fixture->session, file_id, &name, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, contents));
  g_assert_cmpstr (name, ==, "contrato.pdf");
  g_assert_cmpstr (mime, ==, "application/pdf");

  field = crm_catalog_get_field (fixture->catalog, field_id);
  draft = crm_element_draft_new (fixture->session, "deal", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Com anexo", &error));
  crm_element_draft_set_value (draft, field, crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  element_id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  element = crm_element_load (fixture->session, element_id, &error);
  shown = crm_element_format_field (element, field);
  g_assert_cmpstr (shown, ==, "contrato.pdf");

  /* A missing file or one too large is refused. */
  g_clear_object (&draft);
  draft = crm_element_draft_new (fixture->session, "deal", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Sem anexo", &error));
  crm_element_draft_set_value (draft, field, crm_value_new_number (CRM_FIELD_TYPE_FILE, 999));
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  big = g_bytes_new_take (g_malloc0 (CRM_FILE_MAX_SIZE + 1), CRM_FILE_MAX_SIZE + 1);
  g_assert_cmpint (crm_file_add (fixture->session, "grande.bin", NULL, big, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_file_add (fixture->session, " ", NULL, contents, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (fixture->path, "SELECT count(*) FROM files"), ==, 1);
  g_assert_null (crm_file_load (fixture->session, 999, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

static void
test_history_and_pins (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) pinned = NULL;
  g_autofree char *label = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gint64 id, comment;

  draft = crm_element_draft_new (fixture->session, "deal", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Histórico", &error));
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_clear_object (&draft);

  element = crm_element_load (fixture->session, id, &error);
  draft = crm_element_draft_new_for (fixture->session, element);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "probability", "40", &error));
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, id);
  comment = crm_timeline_add_comment (fixture->session, id, "Fixar isto", &error);
  g_assert_no_error (error);

  changes = crm_timeline_query_field_changes (fixture->session, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (crm_timeline_entry_get_change (g_ptr_array_index (changes, 0), &label, &old_text, &new_text));
  g_assert_cmpstr (label, ==, "Probability, %");
  g_assert_cmpstr (old_text, ==, "");
  g_assert_cmpstr (new_text, ==, "40");

  pinned = crm_timeline_query_pinned (fixture->session, id, &error);
  g_assert_cmpuint (pinned->len, ==, 0);
  g_clear_pointer (&pinned, g_ptr_array_unref);
  g_assert_true (crm_timeline_set_pinned (fixture->session, comment, TRUE, &error));
  pinned = crm_timeline_query_pinned (fixture->session, id, &error);
  g_assert_cmpuint (pinned->len, ==, 1);
  g_assert_cmpint (crm_timeline_entry_get_id (g_ptr_array_index (pinned, 0)), ==, comment);
  g_assert_false (crm_timeline_entry_get_change (g_ptr_array_index (pinned, 0), NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fields/configure", test_configure);
  ADD ("/fields/system-fields", test_system_fields);
  ADD ("/fields/delete-custom", test_delete_custom);
  ADD ("/fields/file-values", test_file_values);
  ADD ("/fields/history-and-pins", test_history_and_pins);

  return g_test_run ();
}
