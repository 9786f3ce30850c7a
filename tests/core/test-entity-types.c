/* test-entity-types.c — user-defined entity types: created with everything
 * a type needs, changed, deleted with everything of theirs; refusals that
 * leave the database as it was (compared dump to dump)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define EMPLOYEE 50

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  CrmSession *employee;
  CrmCatalog *catalog;
  GPtrArray  *changes;   /* of CrmChange */
} Fixture;

static void
changed_cb (CrmStore  *store,
            CrmChange *change,
            Fixture   *f)
{
  g_ptr_array_add (f->changes, crm_change_ref (change));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO users (id, login, name, created_at) "
                         "VALUES (%d, 'vera', 'Vera Lúcia', '2026-01-01T00:00:00Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "SELECT id, %d FROM roles WHERE code = 'employee';", EMPLOYEE, EMPLOYEE);
  crm_test_exec_sql (f->path, sql);
  f->employee = crm_session_new (f->store, EMPLOYEE, &error);
  g_assert_no_error (error);
  f->catalog = crm_store_get_catalog (f->store);
  f->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_change_unref);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, f);
  g_ptr_array_unref (f->changes);
  g_assert_finalize_object (f->employee);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  crm_test_tmpdir_free (f->dir);
}

/* ---- Helpers ------------------------------------------------------------------- */

static gint64
create_type (Fixture    *f,
             const char *name,
             const char *name_plural,
             gboolean    stages)
{
  g_autoptr(CrmEntityTypeConfig) config = crm_entity_type_config_new (name, name_plural);
  g_autoptr(GError) error = NULL;
  gint64 id;

  config->has_stages = stages;
  id = crm_entity_type_create (f->session, config, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const char *
code_of (Fixture *f,
         gint64   type_id)
{
  return crm_entity_type_get_code (crm_catalog_get_entity_type (f->catalog, type_id));
}

static gint64
save_named (Fixture    *f,
            const char *code,
            const char *field_code,
            const char *title)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft = crm_element_draft_new (f->session, code, &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, field_code, title, &error));
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
save_element (Fixture    *f,
              const char *code,
              const char *title)
{
  return save_named (f, code, "title", title);
}

static gint64
count_of (Fixture    *f,
          const char *sql_before_id,
          gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("%s%" G_GINT64_FORMAT, sql_before_id, id);

  return crm_test_query_int (f->path, sql);
}

static gboolean
emitted (Fixture       *f,
         CrmChangeKind  kind,
         gint64         id)
{
  for (guint i = 0; i < f->changes->len; i++)
    {
      CrmChange *change = g_ptr_array_index (f->changes, i);

      for (guint j = 0; j < crm_change_get_n_items (change); j++)
        {
          const CrmChangeItem *item = crm_change_get_item (change, j);

          if (item->kind == kind && item->id == id)
            return TRUE;
        }
    }
  return FALSE;
}

/* The codes of the fields @layout shows, in order, joined by spaces. */
static char *
shown_codes (CrmLayout *layout)
{
  GListModel *sections = crm_layout_get_sections (layout);
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          g_string_append_printf (codes, "%s%s", codes->len ? " " : "", crm_field_get_code (field));
        }
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

/* ---- Creating -------------------------------------------------------------------- */

static void
test_create_with_stages (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  static const char *system_codes[] = { "title", "pipeline", "stage", "responsible", "comments",
                                        "created_at", "created_by", "updated_at", "updated_by" };
  static const CrmStageSemantics semantics[] = { CRM_STAGE_PROGRESS, CRM_STAGE_PROGRESS,
                                                 CRM_STAGE_SUCCESS, CRM_STAGE_FAILURE };
  CrmEntityType *type;
  CrmPipeline *pipeline;
  GListModel *stages;
  gint64 id, element_id;
  guint n_types = g_list_model_get_n_items (crm_catalog_get_entity_types (f->catalog));

  id = create_type (f, "Ordem de serviço", "Ordens de serviço", TRUE);
  type = crm_catalog_get_entity_type (f->catalog, id);
  g_assert_nonnull (type);
  g_assert_cmpstr (crm_entity_type_get_code (type), ==, "ordem_de_servico");
  g_assert_cmpstr (crm_entity_type_get_name_plural (type), ==, "Ordens de serviço");
  g_assert_cmpstr (crm_entity_type_get_icon_name (type), ==, crm_entity_type_get_icon_names ()[0]);
  g_assert_false (crm_entity_type_is_builtin (type));
  g_assert_true (crm_entity_type_has_stages (type));
  g_assert_true (crm_entity_type_has_pipelines (type));
  g_assert_false (crm_entity_type_has_products (type));
  /* Last in the sidebar. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_entity_types (f->catalog)), ==, n_types + 1);
  {
    g_autoptr(CrmEntityType) last = g_list_model_get_item (crm_catalog_get_entity_types (f->catalog), n_types);

    g_assert_true (last == type);
  }
  g_assert_true (emitted (f, CRM_CHANGE_CATALOG, id));

  for (guint i = 0; i < G_N_ELEMENTS (system_codes); i++)
    {
      CrmField *field = crm_catalog_find_field (f->catalog, id, system_codes[i]);

      g_assert_nonnull (field);
      g_assert_true (crm_field_is_system (field));
    }
  g_assert_cmpint (crm_field_get_required_mode (crm_catalog_find_field (f->catalog, id, "title")), ==, CRM_REQUIRED_ALWAYS);

  pipeline = crm_catalog_get_default_pipeline (f->catalog, id);
  g_assert_nonnull (pipeline);
  stages = crm_pipeline_get_stages (pipeline);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, G_N_ELEMENTS (semantics));
  for (guint i = 0; i < G_N_ELEMENTS (semantics); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpint (crm_stage_get_semantics (stage), ==, semantics[i]);
    }

  /* Its standard layout was written with it, not on first use. */
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM layouts WHERE scope = 'standard' AND entity_type_id = ", id), ==, 1);

  element_id = save_element (f, "ordem_de_servico", "Trocar o telhado");
  element = crm_element_load (f->session, element_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_get_pipeline_id (element), ==, crm_pipeline_get_id (pipeline));
  g_assert_cmpint (crm_element_get_stage_id (element), ==, crm_stage_get_id (crm_pipeline_get_first_stage (pipeline)));
  g_assert_cmpstr (crm_element_get_title (element), ==, "Trocar o telhado");

  layout = crm_layout_resolve (f->session, id, crm_element_get_pipeline_id (element), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_scope (layout), ==, CRM_LAYOUT_STANDARD);
  shown = shown_codes (layout);
  g_assert_cmpstr (shown, ==, "title pipeline stage responsible comments");
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM layouts WHERE entity_type_id = ", id), ==, 1);
}

static void
test_create_without_stages (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 id, element_id;

  id = create_type (f, "Imóvel", "Imóveis", FALSE);
  g_assert_cmpstr (code_of (f, id), ==, "imovel");
  g_assert_false (crm_entity_type_has_stages (crm_catalog_get_entity_type (f->catalog, id)));
  g_assert_null (crm_catalog_get_default_pipeline (f->catalog, id));
  g_assert_null (crm_catalog_find_field (f->catalog, id, "stage"));
  g_assert_null (crm_catalog_find_field (f->catalog, id, "pipeline"));

  element_id = save_element (f, "imovel", "Casa na praia");
  element = crm_element_load (f->session, element_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_get_stage_id (element), ==, 0);

  layout = crm_layout_resolve (f->session, id, 0, 0, &error);
  g_assert_no_error (error);
  shown = shown_codes (layout);
  g_assert_cmpstr (shown, ==, "title responsible comments");

  /* Its title is required like any type's. */
  draft = crm_element_draft_new (f->session, "imovel", &error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrmEntityTypeConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  gint64 obra, obra2, digits, other_script;

  obra = create_type (f, "Obra", "Obras", FALSE);
  obra2 = create_type (f, "Obrá!", "Obrás", FALSE);
  digits = create_type (f, "2026", "2026s", FALSE);
  other_script = create_type (f, "案件", "案件一覧", FALSE);
  g_assert_cmpstr (code_of (f, obra), ==, "obra");
  g_assert_cmpstr (code_of (f, obra2), ==, "obra_2");
  g_assert_cmpstr (code_of (f, digits), ==, "type_2026");
  g_assert_cmpstr (code_of (f, other_script), ==, "type");

  /* Renaming keeps the code: references like obra:12 keep working. */
  config = crm_entity_type_config_new_for (crm_catalog_get_entity_type (f->catalog, obra));
  g_free (config->name);
  config->name = g_strdup ("Construção");
  g_assert_true (crm_entity_type_update (f->session, obra, config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (code_of (f, obra), ==, "obra");
  g_assert_cmpstr (crm_entity_type_get_name (crm_catalog_get_entity_type (f->catalog, obra)), ==, "Construção");
}

static void
test_create_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmEntityTypeConfig) config = crm_entity_type_config_new ("Projeto", "Projetos");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = crm_test_dump_db (f->path);
  g_autofree char *after = NULL;

  g_assert_cmpint (crm_entity_type_create (f->employee, config, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_free (config->name);
  config->name = g_strdup ("  ");
  g_assert_cmpint (crm_entity_type_create (f->session, config, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Named like a type already there, in either number, whatever the case. */
  g_free (config->name);
  config->name = g_strdup ("DEALS");
  g_assert_cmpint (crm_entity_type_create (f->session, config, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_clear_error (&error);

  g_free (config->name);
  config->name = g_strdup ("Projeto");
  g_free (config->icon_name);
  config->icon_name = g_strdup ("starred-symbolic");
  g_assert_cmpint (crm_entity_type_create (f->session, config, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- Changing -------------------------------------------------------------------- */

static void
test_stages_on_and_off (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrmEntityTypeConfig) config = NULL;
  g_autoptr(CrmFieldConfig) required = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shown = NULL;
  CrmPipeline *pipeline;
  gint64 id, element_id, field_id, layout_id;

  id = create_type (f, "Viagem", "Viagens", FALSE);
  field_id = crm_field_create (f->session, id, "Destino", CRM_FIELD_TYPE_STRING, FALSE, NULL, &error);
  g_assert_no_error (error);
  element_id = save_element (f, "viagem", "Congresso em Recife");
  layout_id = count_of (f, "SELECT id FROM layouts WHERE entity_type_id = ", id);

  /* On: a default pipeline whose first stage the element starts in, and
   * the same layout, showing the stage after the title. */
  config = crm_entity_type_config_new_for (crm_catalog_get_entity_type (f->catalog, id));
  config->has_stages = TRUE;
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (crm_entity_type_update (f->session, id, config, &error));
  g_assert_no_error (error);
  g_assert_true (emitted (f, CRM_CHANGE_ELEMENT_UPDATED, element_id));
  pipeline = crm_catalog_get_default_pipeline (f->catalog, id);
  g_assert_nonnull (pipeline);
  element = crm_element_load (f->session, element_id, &error);
  g_assert_cmpint (crm_element_get_stage_id (element), ==, crm_stage_get_id (crm_pipeline_get_first_stage (pipeline)));
  layout = crm_layout_resolve (f->session, id, crm_pipeline_get_id (pipeline), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_id (layout), ==, layout_id);
  shown = shown_codes (layout);
  g_assert_true (g_str_has_prefix (shown, "title pipeline stage "));
  g_clear_object (&layout);
  g_clear_pointer (&shown, g_free);

  /* A rule required from a stage, to see it go with the stages. */
  required = crm_field_config_new_for (crm_catalog_get_field (f->catalog, field_id));
  required->required_mode = CRM_REQUIRED_FROM_STAGE;
  required->required_stage_id = crm_stage_get_id (crm_pipeline_get_first_stage (pipeline));
  g_assert_true (crm_field_configure (f->session, field_id, required, &error));
  g_assert_no_error (error);

  /* Off is refused while the element sits in a stage. */
  before = crm_test_dump_db (f->path);
  config->has_stages = FALSE;
  g_assert_false (crm_entity_type_update (f->session, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (crm_element_delete (f->session, element_id, &error));
  g_assert_no_error (error);
  g_assert_true (crm_entity_type_update (f->session, id, config, &error));
  g_assert_no_error (error);
  g_assert_null (crm_catalog_get_default_pipeline (f->catalog, id));
  g_assert_null (crm_catalog_find_field (f->catalog, id, "stage"));
  g_assert_cmpint (crm_field_get_required_mode (crm_catalog_get_field (f->catalog, field_id)), ==, CRM_REQUIRED_NEVER);
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM pipelines WHERE entity_type_id = ", id), ==, 0);
  /* The layout stays, as the type's. */
  layout = crm_layout_resolve (f->session, id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_id (layout), ==, layout_id);
  shown = shown_codes (layout);
  g_assert_cmpstr (shown, ==, "title responsible comments");
}

static void
test_update_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmEntityTypeConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 deal_id, id;

  id = create_type (f, "Viagem", "Viagens", FALSE);
  deal_id = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));
  before = crm_test_dump_db (f->path);

  /* Built-in types keep their stages and products. */
  config = crm_entity_type_config_new_for (crm_catalog_get_entity_type (f->catalog, deal_id));
  config->has_stages = FALSE;
  g_assert_false (crm_entity_type_update (f->session, deal_id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&config, crm_entity_type_config_free);

  config = crm_entity_type_config_new_for (crm_catalog_get_entity_type (f->catalog, id));
  g_assert_false (crm_entity_type_update (f->employee, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_free (config->name_plural);
  config->name_plural = g_strdup ("Contacts");
  g_assert_false (crm_entity_type_update (f->session, id, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (crm_entity_type_update (f->session, 4242, config, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A built-in type may be renamed: its names are then stored as typed. */
  g_clear_pointer (&config, crm_entity_type_config_free);
  config = crm_entity_type_config_new_for (crm_catalog_find_entity_type (f->catalog, "deal"));
  g_free (config->name);
  config->name = g_strdup ("Oportunidade");
  g_free (config->name_plural);
  config->name_plural = g_strdup ("Oportunidades");
  g_assert_true (crm_entity_type_update (f->session, deal_id, config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_entity_type_get_name_plural (crm_catalog_get_entity_type (f->catalog, deal_id)), ==, "Oportunidades");
  g_assert_cmpint (count_of (f, "SELECT label_msgid FROM entity_types WHERE id = ", deal_id), ==, 0);
}

/* ---- Deleting -------------------------------------------------------------------- */

static void
test_delete_cascades (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) contents = g_bytes_new_static ("%PDF-1.4 contrato", 17);
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id, file_field, file_id, first, second, contact, next_id;
  static const char *tables[] = { "pipelines", "fields", "layouts", "elements", "document_templates",
                                  "layout_choices" };

  id = create_type (f, "Contrato", "Contratos", TRUE);
  file_field = crm_field_create (f->session, id, "Arquivo", CRM_FIELD_TYPE_FILE, FALSE, NULL, &error);
  g_assert_no_error (error);
  file_id = crm_file_add (f->session, "contrato.pdf", "application/pdf", contents, &error);
  g_assert_no_error (error);

  draft = crm_element_draft_new (f->session, "contrato", &error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Contrato xilofone", &error));
  crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, file_field),
                               crm_value_new_number (CRM_FIELD_TYPE_FILE, file_id));
  first = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  second = save_element (f, "contrato", "Contrato sanfona");
  contact = save_named (f, "contact", "name", "Joana");
  g_assert_cmpint (crm_timeline_add_comment (f->session, first, "Assinado", &error), >, 0);
  sql = g_strdup_printf ("INSERT INTO relations (source_id, target_id, kind, created_at) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'contact', '2026-01-01T00:00:00Z');"
                         "INSERT INTO layout_choices (user_id, entity_type_id, use_personal) VALUES (%d, %" G_GINT64_FORMAT ", 1);",
                         first, contact, EMPLOYEE, id);
  crm_test_exec_sql (f->path, sql);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count (*) FROM elements_fts WHERE elements_fts MATCH 'xilofone'"), ==, 1);

  g_assert_cmpint (crm_entity_type_count_elements (f->session, id, &error), ==, 2);
  g_assert_no_error (error);

  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (crm_entity_type_delete (f->session, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (emitted (f, CRM_CHANGE_CATALOG, id));
  g_assert_true (emitted (f, CRM_CHANGE_ELEMENT_REMOVED, first));
  g_assert_true (emitted (f, CRM_CHANGE_ELEMENT_REMOVED, second));

  g_assert_null (crm_catalog_get_entity_type (f->catalog, id));
  g_assert_null (crm_catalog_find_entity_type (f->catalog, "contrato"));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM %s WHERE entity_type_id = ", tables[i]);

      g_assert_cmpint (count_of (f, count, id), ==, 0);
    }
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM timeline_entries WHERE element_id = ", first), ==, 0);
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM relations WHERE source_id = ", first), ==, 0);
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM field_values WHERE element_id = ", first), ==, 0);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count (*) FROM stages WHERE pipeline_id NOT IN (SELECT id FROM pipelines)"), ==, 0);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count (*) FROM elements_fts WHERE elements_fts MATCH 'xilofone'"), ==, 0);
  g_assert_cmpint (crm_test_query_int (f->path, "PRAGMA foreign_key_check"), ==, -1);
  /* The file is left for the sweep; the contact stays. */
  g_assert_cmpint (count_of (f, "SELECT pending_since IS NOT NULL FROM files WHERE id = ", file_id), ==, 1);
  g_assert_cmpint (count_of (f, "SELECT count (*) FROM elements WHERE id = ", contact), ==, 1);

  /* A new type never takes the deleted one's id. */
  next_id = create_type (f, "Contrato", "Contratos", FALSE);
  g_assert_cmpint (next_id, >, id);
  g_assert_cmpstr (code_of (f, next_id), ==, "contrato");
}

static void
test_delete_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id, deal_id, link_id;

  id = create_type (f, "Projeto", "Projetos", TRUE);
  save_element (f, "projeto", "Casa nova");
  deal_id = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));
  options->link_type = g_strdup ("projeto");
  link_id = crm_field_create (f->session, deal_id, "Projeto da obra", CRM_FIELD_TYPE_LINK, FALSE, options, &error);
  g_assert_no_error (error);
  before = crm_test_dump_db (f->path);

  g_assert_false (crm_entity_type_delete (f->session, deal_id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_entity_type_delete (f->employee, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (crm_entity_type_count_elements (f->employee, id, &error), ==, -1);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (crm_entity_type_delete (f->session, 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A deal field links to it: named, so it can be deleted first. */
  g_assert_false (crm_entity_type_delete (f->session, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Deal › Projeto da obra"));
  g_clear_error (&error);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (crm_field_delete (f->session, link_id, &error));
  g_assert_true (crm_entity_type_delete (f->session, id, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/entity-types/create-with-stages", test_create_with_stages);
  ADD ("/entity-types/create-without-stages", test_create_without_stages);
  ADD ("/entity-types/codes", test_codes);
  ADD ("/entity-types/create-refused", test_create_refused);
  ADD ("/entity-types/stages-on-and-off", test_stages_on_and_off);
  ADD ("/entity-types/update-refused", test_update_refused);
  ADD ("/entity-types/delete-cascades", test_delete_cascades);
  ADD ("/entity-types/delete-refused", test_delete_refused);

  return g_test_run ();
}
