/* test-layout-required.c — the required fields a card leaves out
 *
 * A deal with custom fields required always or from a later stage on,
 * some placed on the card, some not, one visible to the administrator
 * only. The core lists exactly the empty required fields the resolved
 * layout does not show to the person, at the element's stage or at the
 * stage it would move to; a draft at that stage refuses exactly those
 * (and the shown ones). Stages and layouts of another kind are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define LIA 70

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmCatalog *catalog;
  gint64      deal_type;
  gint64      pipeline;
  gint64      deal;
  gint64      first_stage;
  gint64      later_stage;
  gint64      contract;   /* required from the later stage on, not placed */
  gint64      tax_id;     /* required, not placed */
  gint64      note;       /* required, placed */
  gint64      secret;     /* required, not placed, the administrator's only */
  gint64      optional;   /* not placed, not required */
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->admin = crm_session_new_for_desktop_user (fixture->store, &error);
  g_assert_no_error (error);
  fixture->catalog = crm_store_get_catalog (fixture->store);
  fixture->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "deal"));
}

static void
fixture_close (Fixture *fixture)
{
  g_assert_finalize_object (fixture->admin);
  g_assert_finalize_object (fixture->store);
  fixture->admin = NULL;
  fixture->store = NULL;
}

static CrmLayout *
resolve (Fixture    *fixture,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session, fixture->deal_type, fixture->pipeline, 0, &error);

  g_assert_no_error (error);
  return layout;
}

static gint64
section_id (Fixture *fixture,
            guint    index)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->admin);
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (crm_layout_get_sections (layout), index);

  return crm_layout_section_get_id (section);
}

static gint64
create_field (Fixture         *fixture,
              const char      *label,
              CrmRequiredMode  mode,
              gint64           section,
              gboolean         admin_only)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);
  g_autoptr(GError) error = NULL;
  gint64 id;

  config->required_mode = mode;
  if (mode == CRM_REQUIRED_FROM_STAGE)
    config->required_stage_id = fixture->later_stage;
  if (admin_only)
    {
      gint64 admin_id = crm_session_get_user_id (fixture->admin);

      config->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (config->visible_users, admin_id);
    }
  id = crm_field_create_full (fixture->admin, fixture->deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                              section, G_MAXUINT, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStage) first = NULL;
  g_autoptr(CrmStage) later = NULL;
  CrmPipeline *pipeline;

  fixture->dir = crm_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture_open (fixture);

  pipeline = crm_catalog_get_default_pipeline (fixture->catalog, fixture->deal_type);
  fixture->pipeline = crm_pipeline_get_id (pipeline);
  first = g_list_model_get_item (crm_pipeline_get_stages (pipeline), 0);
  later = g_list_model_get_item (crm_pipeline_get_stages (pipeline), 2);
  fixture->first_stage = crm_stage_get_id (first);
  fixture->later_stage = crm_stage_get_id (later);

  /* The deal first: it could not be saved without the fields below. */
  draft = crm_element_draft_new (fixture->admin, "deal", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Padaria Pão Quente", &error));
  fixture->deal = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);

  fixture->contract = create_field (fixture, "Número do contrato", CRM_REQUIRED_FROM_STAGE, 0, FALSE);
  fixture->tax_id = create_field (fixture, "CNPJ do cliente", CRM_REQUIRED_ALWAYS, 0, FALSE);
  fixture->note = create_field (fixture, "Observação", CRM_REQUIRED_ALWAYS, section_id (fixture, 1), FALSE);
  fixture->secret = create_field (fixture, "Margem interna", CRM_REQUIRED_ALWAYS, 0, TRUE);
  fixture->optional = create_field (fixture, "Apelido", CRM_REQUIRED_NEVER, 0, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    fixture_close (fixture);
  g_free (fixture->path);
  crm_test_tmpdir_free (fixture->dir);
}

static CrmElement *
load (Fixture    *fixture,
      CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (session, fixture->deal, &error);

  g_assert_no_error (error);
  return element;
}

/* "contract,tax_id": the fields listed, by the fixture's names. */
static char *
describe (Fixture   *fixture,
          GPtrArray *fields)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      gint64 id = crm_field_get_id (g_ptr_array_index (fields, i));
      const char *name = id == fixture->contract ? "contract"
                         : id == fixture->tax_id ? "tax_id"
                         : id == fixture->note ? "note"
                         : id == fixture->secret ? "secret"
                         : id == fixture->optional ? "optional"
                         : crm_field_get_code (g_ptr_array_index (fields, i));

      g_string_append_printf (out, "%s%s", i ? "," : "", name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
list_unshown (Fixture    *fixture,
              CrmSession *session,
              gint64      stage_id)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, session);
  g_autoptr(CrmElement) element = load (fixture, session);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  fields = crm_layout_get_required_unshown (layout, session, element, stage_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return describe (fixture, fields);
}

#define assert_unshown(fixture, session, stage_id, expected) G_STMT_START { \
    g_autofree char *d_ = list_unshown (fixture, session, stage_id);         \
    g_assert_cmpstr (d_, ==, expected);                                      \
  } G_STMT_END

/* What a draft moved to @stage_id refuses: the stage gate's question. */
static char *
list_refused (Fixture    *fixture,
              CrmSession *session,
              gint64      stage_id)
{
  g_autoptr(CrmElement) element = load (fixture, session);
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (session, element);
  g_autoptr(GError) error = NULL;

  crm_element_draft_set_stage (draft, stage_id);
  g_assert_false (crm_element_draft_validate (draft, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  return describe (fixture, crm_element_draft_get_invalid_fields (draft));
}

static CrmSession *
add_lia (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmSession *lia;

  fixture_close (fixture);
  crm_test_exec_sql (fixture->path,
                     "INSERT INTO users (id, login, name, created_at) VALUES (70, 'lia', 'Lia', '2026-01-01');"
                     "INSERT INTO role_assignments (role_id, user_id) SELECT id, 70 FROM roles WHERE code = 'employee';");
  fixture_open (fixture);
  lia = crm_session_new (fixture->store, LIA, &error);
  g_assert_no_error (error);
  return lia;
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_lists_unshown (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* At its own stage: the two always required that no section shows,
   * not the one placed in More, nor the optional one. */
  assert_unshown (fixture, fixture->admin, 0, "tax_id,secret");
  assert_unshown (fixture, fixture->admin, fixture->first_stage, "tax_id,secret");
  /* Where a stage change would take it: the contract too. */
  assert_unshown (fixture, fixture->admin, fixture->later_stage, "contract,tax_id,secret");

  /* The draft refuses those, and the shown one the card offers a row for. */
  {
    g_autofree char *refused = list_refused (fixture, fixture->admin, fixture->later_stage);

    g_assert_cmpstr (refused, ==, "contract,tax_id,note,secret");
  }

  /* Shown in a section, it is no longer listed; hidden again, it is. */
  g_assert_true (crm_layout_place_field_before (fixture->admin, section_id (fixture, 0), fixture->tax_id, 0, &error));
  g_assert_no_error (error);
  assert_unshown (fixture, fixture->admin, fixture->later_stage, "contract,secret");
  {
    g_autoptr(CrmLayout) layout = resolve (fixture, fixture->admin);

    g_assert_true (crm_layout_hide_field (fixture->admin, crm_layout_get_id (layout), fixture->tax_id, &error));
  }
  assert_unshown (fixture, fixture->admin, fixture->later_stage, "contract,tax_id,secret");

  /* Filled, nothing is missing at this stage; the contract still is at
   * the later one. */
  {
    g_autoptr(CrmElement) element = load (fixture, fixture->admin);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (fixture->admin, element);
    CrmField *fields[] = {
      crm_catalog_get_field (fixture->catalog, fixture->tax_id),
      crm_catalog_get_field (fixture->catalog, fixture->note),
      crm_catalog_get_field (fixture->catalog, fixture->secret),
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_assert_true (crm_element_draft_set_input (draft, fields[i], crm_locale_get_default (), "12.345", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, fixture->deal);
    g_assert_no_error (error);
  }
  assert_unshown (fixture, fixture->admin, 0, "");
  assert_unshown (fixture, fixture->admin, fixture->later_stage, "contract");
}

static void
test_other_pipeline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *sql = NULL;
  gint64 other_stage;

  /* A stage of the deals' second pipeline: the contract is required from
   * a stage of the first one only. */
  fixture_close (fixture);
  sql = g_strdup_printf ("INSERT INTO pipelines (id, entity_type_id, code, name) VALUES (880, %" G_GINT64_FORMAT ", 'resale', 'Revenda');"
                         "INSERT INTO stages (id, pipeline_id, code, name, sort) VALUES "
                         "  (881, 880, 'new', 'Novo', 0), (882, 880, 'won', 'Ganho', 1);",
                         fixture->deal_type);
  crm_test_exec_sql (fixture->path, sql);
  fixture_open (fixture);
  other_stage = 882;

  assert_unshown (fixture, fixture->admin, other_stage, "tax_id,secret");
  assert_unshown (fixture, fixture->admin, fixture->later_stage, "contract,tax_id,secret");
}

static void
test_person (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrmSession) lia = add_lia (fixture);
  g_autofree char *sql = NULL;

  /* Nobody is asked for a field they cannot see. */
  g_assert_false (crm_session_can_see_field (lia, crm_catalog_get_field (fixture->catalog, fixture->secret)));
  assert_unshown (fixture, lia, fixture->later_stage, "contract,tax_id");
  {
    g_autofree char *refused = list_refused (fixture, lia, fixture->later_stage);

    g_assert_cmpstr (refused, ==, "contract,tax_id,note");
  }

  /* The layout she resolves counts: a view of hers without the note
   * leaves it out too. */
  g_clear_object (&lia);
  fixture_close (fixture);
  sql = g_strdup_printf ("INSERT INTO layouts (id, entity_type_id, pipeline_id, scope, name, updated_at) "
                         "  VALUES (990, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'view', 'Visão da Lia', '2026-01-01');"
                         "INSERT INTO layout_sections (id, layout_id, title, sort) VALUES (991, 990, 'Resumo', 0);"
                         "INSERT INTO layout_placements (section_id, field_id, sort) "
                         "  SELECT 991, id, 0 FROM fields WHERE entity_type_id = %" G_GINT64_FORMAT " AND code = 'title';"
                         "INSERT INTO layout_assignments (layout_id, user_id) VALUES (990, 70);",
                         fixture->deal_type, fixture->pipeline, fixture->deal_type);
  crm_test_exec_sql (fixture->path, sql);
  fixture_open (fixture);
  {
    g_autoptr(GError) error = NULL;

    lia = crm_session_new (fixture->store, LIA, &error);
    g_assert_no_error (error);
  }
  assert_unshown (fixture, lia, 0, "tax_id,note");
  assert_unshown (fixture, fixture->admin, 0, "tax_id,secret");
}

static void
test_rejects (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->admin);
  g_autoptr(CrmLayout) contact_layout = NULL;
  g_autoptr(CrmElement) element = load (fixture, fixture->admin);
  g_autoptr(GError) error = NULL;
  gint64 lead_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "lead"));
  CrmPipeline *lead_pipeline = crm_catalog_get_default_pipeline (fixture->catalog, lead_type);
  g_autoptr(CrmStage) lead_stage = g_list_model_get_item (crm_pipeline_get_stages (lead_pipeline), 0);

  /* A lead's stage, an unknown one. */
  g_assert_null (crm_layout_get_required_unshown (layout, fixture->admin, element, crm_stage_get_id (lead_stage),
                                                  &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (crm_layout_get_required_unshown (layout, fixture->admin, element, 999999, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* The layout of another kind of card. */
  contact_layout = crm_layout_resolve (fixture->admin,
                                       crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "contact")),
                                       0, 0, &error);
  g_assert_no_error (error);
  g_assert_null (crm_layout_get_required_unshown (contact_layout, fixture->admin, element, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/layout-required/lists-unshown", test_lists_unshown);
  ADD ("/layout-required/other-pipeline", test_other_pipeline);
  ADD ("/layout-required/person", test_person);
  ADD ("/layout-required/rejects", test_rejects);

  return g_test_run ();
}
