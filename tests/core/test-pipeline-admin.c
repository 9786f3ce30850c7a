/* test-pipeline-admin.c — pipelines and stages administered: created with their
 * stages and layout, renamed (built-in names stay translated until
 * changed), reordered, recoloured, deleted with their elements moved; and
 * every refusal (no right, the last pipeline, elements without a target,
 * a bad colour, a broken rule of the stages) leaving the database as it was
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
  gint64      deal_type;
  guint       n_changes;
} Fixture;

static void
changed_cb (CrmStore  *store,
            CrmChange *change,
            Fixture   *f)
{
  f->n_changes++;
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
  f->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, f);
  g_assert_finalize_object (f->employee);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  crm_test_tmpdir_free (f->dir);
}

/* ---- Helpers ------------------------------------------------------------------- */

static CrmPipeline *
default_deals (Fixture *f)
{
  return crm_catalog_get_default_pipeline (f->catalog, f->deal_type);
}

static CrmStage *
stage_by_code (CrmPipeline *pipeline,
               const char  *code)
{
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return stage;
    }
  g_error ("No stage %s", code);
}

static gint64
stage_id (CrmPipeline *pipeline,
          const char  *code)
{
  return crm_stage_get_id (stage_by_code (pipeline, code));
}

/* "new,preparation,…" in order. */
static char *
stage_codes (Fixture *f,
             gint64   pipeline_id)
{
  CrmPipeline *pipeline = crm_catalog_get_pipeline (f->catalog, pipeline_id);
  GListModel *stages = crm_pipeline_get_stages (pipeline);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (codes, "%s%s", i ? "," : "", crm_stage_get_code (stage));
    }
  return g_string_free (codes, FALSE);
}

static gint64
save_deal (Fixture    *f,
           const char *title,
           gint64      pipeline_id,
           gint64      stage)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft = crm_element_draft_new (f->session, "deal", &error);
  g_assert_no_error (error);
  crm_element_draft_set_pipeline (draft, pipeline_id);
  crm_element_draft_set_stage (draft, stage);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
query (Fixture    *f,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
query (Fixture    *f,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return crm_test_query_int (f->path, sql);
}

/* Deals' source required from @stage on, behind the store's back. */
static void
require_source_from (Fixture *f,
                     gint64   stage)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE fields SET required_mode = 'stage', required_stage_id = %"
                                          G_GINT64_FORMAT " WHERE entity_type_id = %" G_GINT64_FORMAT
                                          " AND code = 'source'", stage, f->deal_type);

  crm_test_exec_sql (f->path, sql);
}

/* The call fails with @code and leaves the database as it was. */
#define ASSERT_REFUSED(f, call, domain_code)                        \
  G_STMT_START {                                                     \
    g_autofree char *before_ = crm_test_dump_db ((f)->path);         \
    g_autofree char *after_ = NULL;                                  \
    g_autoptr(GError) error_ = NULL;                                 \
    guint changes_ = (f)->n_changes;                                 \
    GError **refusal = &error_;                                        \
    g_assert_false ((call) != 0);                                    \
    g_assert_error (error_, CRM_ERROR, (domain_code));               \
    after_ = crm_test_dump_db ((f)->path);                           \
    g_assert_cmpstr (before_, ==, after_);                           \
    g_assert_cmpuint ((f)->n_changes, ==, changes_);                 \
  } G_STMT_END

/* The call succeeds and writes nothing. */
#define ASSERT_NO_WRITE(f, call)                                    \
  G_STMT_START {                                                     \
    g_autofree char *before_ = crm_test_dump_db ((f)->path);         \
    g_autofree char *after_ = NULL;                                  \
    g_autoptr(GError) error_ = NULL;                                 \
    GError **refusal = &error_;                                        \
    g_assert_true (call);                                            \
    g_assert_no_error (error_);                                      \
    after_ = crm_test_dump_db ((f)->path);                           \
    g_assert_cmpstr (before_, ==, after_);                           \
  } G_STMT_END

/* ---- Pipelines ----------------------------------------------------------------- */

static void
test_pipeline_create (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  CrmPipeline *pipeline;
  gint64 id;
  guint changes = f->n_changes;

  id = crm_pipeline_create (f->session, f->deal_type, "  Vendas B2B ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changes, ==, changes + 1);
  pipeline = crm_catalog_get_pipeline (f->catalog, id);
  g_assert_nonnull (pipeline);
  g_assert_cmpstr (crm_pipeline_get_name (pipeline), ==, "Vendas B2B");
  g_assert_cmpstr (crm_pipeline_get_code (pipeline), ==, "vendas_b2b");
  g_assert_false (crm_pipeline_is_default (pipeline));
  g_assert_true (crm_pipeline_is_default (default_deals (f)));
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_pipelines (f->catalog, f->deal_type)), ==, 2);

  /* A deal's default stages, their names msgids; the pipeline's typed. */
  codes = stage_codes (f, id);
  g_assert_cmpstr (codes, ==, "new,preparation,prepayment,executing,final_invoice,won,lost");
  g_assert_cmpint (query (f, "SELECT min (label_msgid) FROM stages WHERE pipeline_id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (query (f, "SELECT label_msgid FROM pipelines WHERE id = %" G_GINT64_FORMAT, id), ==, 0);
  g_assert_cmpstr (crm_stage_get_name (stage_by_code (pipeline, "won")), ==, "Deal won");

  /* Its own standard card layout, with the deal's sections. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM layouts WHERE scope = 'standard' AND pipeline_id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM layout_sections s JOIN layouts l ON l.id = s.layout_id "
                             "WHERE l.pipeline_id = %" G_GINT64_FORMAT, id), >=, 2);

  /* A name taken (case aside), an empty one, a type with one pipeline,
   * a user without the right. */
  ASSERT_REFUSED (f, crm_pipeline_create (f->session, f->deal_type, "vendas b2b", refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_create (f->session, f->deal_type, "general", refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_create (f->session, f->deal_type, "   ", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_pipeline_create (f->session,
                                          crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "lead")),
                                          "Outros", refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_pipeline_create (f->employee, f->deal_type, "Varejo", refusal), CRM_ERROR_PERMISSION_DENIED);
}

static void
test_pipeline_user_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmEntityTypeConfig) config = crm_entity_type_config_new ("Obra", "Obras");
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  gint64 type_id, id;

  config->has_stages = TRUE;
  type_id = crm_entity_type_create (f->session, config, &error);
  g_assert_no_error (error);
  id = crm_pipeline_create (f->session, type_id, "Reformas", &error);
  g_assert_no_error (error);
  codes = stage_codes (f, id);
  g_assert_cmpstr (codes, ==, "new,in_progress,success,failure");
  g_assert_cmpint (query (f, "SELECT count (*) FROM layouts WHERE scope = 'standard' AND pipeline_id = %" G_GINT64_FORMAT, id), ==, 1);
}

static void
test_pipeline_rename (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 general_id = crm_pipeline_get_id (default_deals (f));
  gint64 id;

  id = crm_pipeline_create (f->session, f->deal_type, "Varejo", &error);
  g_assert_no_error (error);

  /* The name it shows already: nothing written, still a msgid. */
  ASSERT_NO_WRITE (f, crm_pipeline_rename (f->session, general_id, " General ", refusal));
  g_assert_cmpint (query (f, "SELECT label_msgid FROM pipelines WHERE id = %" G_GINT64_FORMAT, general_id), ==, 1);

  /* A new name is stored as typed, in every language. */
  g_assert_true (crm_pipeline_rename (f->session, general_id, "Geral", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_pipeline_get_name (crm_catalog_get_pipeline (f->catalog, general_id)), ==, "Geral");
  g_assert_cmpint (query (f, "SELECT label_msgid FROM pipelines WHERE id = %" G_GINT64_FORMAT, general_id), ==, 0);
  g_assert_cmpstr (crm_pipeline_get_code (crm_catalog_get_pipeline (f->catalog, general_id)), ==, "default");

  ASSERT_REFUSED (f, crm_pipeline_rename (f->session, id, "GERAL", refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_rename (f->session, id, "", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_pipeline_rename (f->session, id, "Duas\nlinhas", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_pipeline_rename (f->employee, id, "Atacado", refusal), CRM_ERROR_PERMISSION_DENIED);
  ASSERT_REFUSED (f, crm_pipeline_rename (f->session, 9999, "Atacado", refusal), CRM_ERROR_NOT_FOUND);
}

static void
test_pipeline_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 general_id = crm_pipeline_get_id (default_deals (f));
  gint64 lead_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "lead"));
  gint64 varejo, atacado, deal_a, deal_b, moved_from, first_of_general;

  /* The last pipeline of a type stays. */
  ASSERT_REFUSED (f, crm_pipeline_delete (f->session,
                                          crm_pipeline_get_id (crm_catalog_get_default_pipeline (f->catalog, lead_type)),
                                          0, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_pipeline_delete (f->session, general_id, 0, refusal), CRM_ERROR_VALIDATION);

  varejo = crm_pipeline_create (f->session, f->deal_type, "Varejo", &error);
  atacado = crm_pipeline_create (f->session, f->deal_type, "Atacado", &error);
  g_assert_no_error (error);
  moved_from = stage_id (crm_catalog_get_pipeline (f->catalog, varejo), "prepayment");
  deal_a = save_deal (f, "Loja Centro", varejo, moved_from);
  deal_b = save_deal (f, "Loja Norte", varejo, stage_id (crm_catalog_get_pipeline (f->catalog, varejo), "new"));
  /* A rule from one of its stages on holds in it only. */
  require_source_from (f, moved_from);

  /* Elements without a target, a target of another type, itself: refused. */
  ASSERT_REFUSED (f, crm_pipeline_delete (f->session, varejo, 0, refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_delete (f->session, varejo, varejo, refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_delete (f->session, varejo,
                                          crm_pipeline_get_id (crm_catalog_get_default_pipeline (f->catalog, lead_type)),
                                          refusal),
                  CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_pipeline_delete (f->employee, varejo, general_id, refusal), CRM_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (crm_pipeline_count_elements (f->session, varejo, &error), ==, 2);
  g_assert_cmpint (crm_pipeline_count_elements (f->employee, varejo, &error), ==, -1);
  g_clear_error (&error);

  /* Moved to the first stage of General, each with a stage change. */
  first_of_general = crm_stage_get_id (crm_pipeline_get_first_stage (default_deals (f)));
  g_assert_true (crm_pipeline_delete (f->session, varejo, general_id, &error));
  g_assert_no_error (error);
  g_assert_null (crm_catalog_get_pipeline (f->catalog, varejo));
  g_assert_cmpint (query (f, "SELECT count (*) FROM elements WHERE pipeline_id = %" G_GINT64_FORMAT
                             " AND stage_id = %" G_GINT64_FORMAT " AND id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                          general_id, first_of_general, deal_a, deal_b), ==, 2);
  g_assert_cmpint (query (f, "SELECT count (*) FROM timeline_entries WHERE element_id = %" G_GINT64_FORMAT
                             " AND kind = 'stage-change' AND json_extract (payload, '$.from') = %" G_GINT64_FORMAT
                             " AND json_extract (payload, '$.to') = %" G_GINT64_FORMAT,
                          deal_a, moved_from, first_of_general), ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM stages WHERE pipeline_id = %" G_GINT64_FORMAT, varejo), ==, 0);
  g_assert_cmpint (query (f, "SELECT count (*) FROM layouts WHERE pipeline_id = %" G_GINT64_FORMAT, varejo), ==, 0);
  g_assert_cmpint (query (f, "SELECT count (*) FROM fields WHERE code = 'source' AND required_mode = 'never' "
                             "AND entity_type_id = %" G_GINT64_FORMAT, f->deal_type), ==, 1);

  /* The default one, empty: the first left becomes the default. */
  g_assert_true (crm_pipeline_delete (f->session, general_id, atacado, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_pipeline_get_id (default_deals (f)), ==, atacado);
  g_assert_cmpint (query (f, "SELECT count (*) FROM elements WHERE pipeline_id = %" G_GINT64_FORMAT, atacado), ==, 2);

  /* Ids of deleted pipelines and stages are not handed out again. */
  g_assert_cmpint (crm_pipeline_create (f->session, f->deal_type, "Varejo", &error), >, atacado);
  g_assert_cmpint (query (f, "SELECT min (id) FROM stages WHERE pipeline_id = (SELECT max (id) FROM pipelines)"), >,
                   query (f, "SELECT last_id FROM retired_ids WHERE name = 'stages'"));
}

/* ---- Stages -------------------------------------------------------------------- */

static void
test_stage_create (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *codes2 = NULL;
  CrmPipeline *general = default_deals (f);
  gint64 pipeline_id = crm_pipeline_get_id (general);
  gint64 id, id2;

  id = crm_stage_create (f->session, pipeline_id, "Negociação", "#AA33CC", CRM_STAGE_PROGRESS, &error);
  g_assert_no_error (error);
  general = crm_catalog_get_pipeline (f->catalog, pipeline_id);
  codes = stage_codes (f, pipeline_id);
  /* Last of those in progress, before the success stage. */
  g_assert_cmpstr (codes, ==, "new,preparation,prepayment,executing,final_invoice,negociacao,won,lost");
  g_assert_cmpstr (crm_stage_get_color (crm_catalog_get_stage (f->catalog, id)), ==, "#aa33cc");
  g_assert_cmpint (crm_stage_get_semantics (crm_catalog_get_stage (f->catalog, id)), ==, CRM_STAGE_PROGRESS);

  id2 = crm_stage_create (f->session, pipeline_id, "Sem resposta", "#777777", CRM_STAGE_FAILURE, &error);
  g_assert_no_error (error);
  codes2 = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes2, ==, "new,preparation,prepayment,executing,final_invoice,negociacao,won,lost,sem_resposta");
  g_assert_cmpint (id2, >, id);

  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "negociação", "#aa33cc", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Deal WON", "#aa33cc", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "", "#aa33cc", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Outra", "#aa33c", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Outra", "red", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Outra", "#gg0000", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Outra", NULL, CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->session, pipeline_id, "Outra", "#aa33cc", CRM_STAGE_SUCCESS, refusal),
                  CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_create (f->employee, pipeline_id, "Outra", "#aa33cc", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_PERMISSION_DENIED);
  ASSERT_REFUSED (f, crm_stage_create (f->session, 9999, "Outra", "#aa33cc", CRM_STAGE_PROGRESS, refusal),
                  CRM_ERROR_NOT_FOUND);
}

static void
test_stage_rename_and_color (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmPipeline *general = default_deals (f);
  gint64 won = stage_id (general, "won");
  gint64 lost = stage_id (general, "lost");

  /* Shown as it is: a msgid still, translated in each reader's language. */
  ASSERT_NO_WRITE (f, crm_stage_rename (f->session, won, "Deal won", refusal));
  g_assert_cmpint (query (f, "SELECT label_msgid FROM stages WHERE id = %" G_GINT64_FORMAT, won), ==, 1);

  g_assert_true (crm_stage_rename (f->session, won, "Fechado", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_stage_get_name (crm_catalog_get_stage (f->catalog, won)), ==, "Fechado");
  g_assert_cmpint (query (f, "SELECT label_msgid FROM stages WHERE id = %" G_GINT64_FORMAT, won), ==, 0);
  g_assert_cmpstr (crm_stage_get_code (crm_catalog_get_stage (f->catalog, won)), ==, "won");
  /* Renaming to another case of its own name is a rename. */
  g_assert_true (crm_stage_rename (f->session, won, "FECHADO", &error));
  g_assert_cmpstr (crm_stage_get_name (crm_catalog_get_stage (f->catalog, won)), ==, "FECHADO");

  ASSERT_REFUSED (f, crm_stage_rename (f->session, lost, "fechado", refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_rename (f->session, lost, " ", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_rename (f->employee, lost, "Perdido", refusal), CRM_ERROR_PERMISSION_DENIED);

  g_assert_true (crm_stage_set_color (f->session, lost, "#C01C28", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_stage_get_color (crm_catalog_get_stage (f->catalog, lost)), ==, "#c01c28");
  ASSERT_NO_WRITE (f, crm_stage_set_color (f->session, lost, "#c01c28", refusal));
  ASSERT_REFUSED (f, crm_stage_set_color (f->session, lost, "#c01c2", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_color (f->session, lost, "#c01c28ff", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_color (f->session, lost, "c01c28", refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_color (f->employee, lost, "#000000", refusal), CRM_ERROR_PERMISSION_DENIED);
}

static void
test_stage_semantics (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *codes2 = NULL;
  gint64 pipeline_id = crm_pipeline_get_id (default_deals (f));
  gint64 lead_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "lead"));
  CrmPipeline *leads = crm_catalog_get_default_pipeline (f->catalog, lead_type);
  CrmPipeline *general = default_deals (f);
  gint64 prepayment = stage_id (general, "prepayment");
  gint64 lost = stage_id (general, "lost");
  gint64 won = stage_id (general, "won");

  /* In progress → failure: just after the success stage. */
  g_assert_true (crm_stage_set_semantics (f->session, prepayment, CRM_STAGE_FAILURE, &error));
  g_assert_no_error (error);
  codes = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes, ==, "new,preparation,executing,final_invoice,won,prepayment,lost");
  g_assert_cmpint (crm_stage_get_semantics (crm_catalog_get_stage (f->catalog, prepayment)), ==, CRM_STAGE_FAILURE);

  /* And back: just before it. */
  g_assert_true (crm_stage_set_semantics (f->session, lost, CRM_STAGE_PROGRESS, &error));
  g_assert_no_error (error);
  codes2 = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes2, ==, "new,preparation,executing,final_invoice,lost,won,prepayment");

  /* One success stage, always; one failure at least; one in progress. */
  ASSERT_REFUSED (f, crm_stage_set_semantics (f->session, won, CRM_STAGE_PROGRESS, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_semantics (f->session, lost, CRM_STAGE_SUCCESS, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_semantics (f->session, prepayment, CRM_STAGE_PROGRESS, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_set_semantics (f->employee, lost, CRM_STAGE_FAILURE, refusal), CRM_ERROR_PERMISSION_DENIED);

  /* Leads: three in progress, made failures: the last one stays. */
  leads = crm_catalog_get_default_pipeline (f->catalog, lead_type);
  g_assert_true (crm_stage_set_semantics (f->session, stage_id (leads, "in_process"), CRM_STAGE_FAILURE, &error));
  leads = crm_catalog_get_default_pipeline (f->catalog, lead_type);
  g_assert_true (crm_stage_set_semantics (f->session, stage_id (leads, "processed"), CRM_STAGE_FAILURE, &error));
  g_assert_no_error (error);
  leads = crm_catalog_get_default_pipeline (f->catalog, lead_type);
  ASSERT_REFUSED (f, crm_stage_set_semantics (f->session, stage_id (leads, "new"), CRM_STAGE_FAILURE, refusal),
                  CRM_ERROR_VALIDATION);
}

static void
test_stage_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *codes2 = NULL;
  CrmPipeline *general = default_deals (f);
  gint64 pipeline_id = crm_pipeline_get_id (general);
  gint64 lost2;

  g_assert_true (crm_stage_move (f->session, stage_id (general, "final_invoice"), 0, &error));
  g_assert_no_error (error);
  codes = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes, ==, "final_invoice,new,preparation,prepayment,executing,won,lost");

  general = default_deals (f);
  g_assert_true (crm_stage_move (f->session, stage_id (general, "final_invoice"), 3, &error));
  codes2 = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes2, ==, "new,preparation,prepayment,final_invoice,executing,won,lost");
  ASSERT_NO_WRITE (f, crm_stage_move (f->session, stage_id (default_deals (f), "new"), 0, refusal));

  /* Failure stages reorder among themselves. */
  lost2 = crm_stage_create (f->session, pipeline_id, "Cancelado", "#000000", CRM_STAGE_FAILURE, &error);
  g_assert_true (crm_stage_move (f->session, lost2, 5, &error) == FALSE);
  g_clear_error (&error);
  g_assert_true (crm_stage_move (f->session, lost2, 6, &error));
  g_assert_no_error (error);

  /* Out of their part: refused. */
  general = default_deals (f);
  ASSERT_REFUSED (f, crm_stage_move (f->session, stage_id (default_deals (f), "new"), 6, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_move (f->session, stage_id (default_deals (f), "won"), 0, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_move (f->session, stage_id (default_deals (f), "lost"), 0, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_move (f->employee, stage_id (default_deals (f), "new"), 2, refusal), CRM_ERROR_PERMISSION_DENIED);
}

static void
test_stage_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  CrmPipeline *general = default_deals (f);
  gint64 pipeline_id = crm_pipeline_get_id (general);
  gint64 other, prepayment, executing, new_stage, deal, retired, cancel;

  prepayment = stage_id (general, "prepayment");
  executing = stage_id (general, "executing");
  new_stage = stage_id (general, "new");
  deal = save_deal (f, "Contrato anual", pipeline_id, prepayment);
  require_source_from (f, prepayment);
  other = crm_pipeline_create (f->session, f->deal_type, "Varejo", &error);
  g_assert_no_error (error);

  /* The success stage, the last failure stage: they stay. */
  ASSERT_REFUSED (f, crm_stage_delete (f->session, stage_id (default_deals (f), "won"), 0, refusal), CRM_ERROR_VALIDATION);
  ASSERT_REFUSED (f, crm_stage_delete (f->session, stage_id (default_deals (f), "lost"), 0, refusal), CRM_ERROR_VALIDATION);
  /* Elements and no target, a target elsewhere, itself. */
  g_assert_cmpint (crm_stage_count_elements (f->session, prepayment, &error), ==, 1);
  ASSERT_REFUSED (f, crm_stage_delete (f->session, prepayment, 0, refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_delete (f->session, prepayment, prepayment, refusal), CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_delete (f->session, prepayment,
                                       stage_id (crm_catalog_get_pipeline (f->catalog, other), "new"), refusal),
                  CRM_ERROR_CONFLICT);
  ASSERT_REFUSED (f, crm_stage_delete (f->employee, prepayment, new_stage, refusal), CRM_ERROR_PERMISSION_DENIED);

  /* Moved in the same write, with a stage change; the rule goes on from
   * the next stage. */
  g_assert_true (crm_stage_delete (f->session, prepayment, new_stage, &error));
  g_assert_no_error (error);
  g_assert_null (crm_catalog_get_stage (f->catalog, prepayment));
  codes = stage_codes (f, pipeline_id);
  g_assert_cmpstr (codes, ==, "new,preparation,executing,final_invoice,won,lost");
  g_assert_cmpint (query (f, "SELECT stage_id FROM elements WHERE id = %" G_GINT64_FORMAT, deal), ==, new_stage);
  g_assert_cmpint (query (f, "SELECT count (*) FROM timeline_entries WHERE element_id = %" G_GINT64_FORMAT
                             " AND kind = 'stage-change' AND json_extract (payload, '$.from_name') = 'Prepayment invoice'",
                          deal), ==, 1);
  g_assert_cmpint (query (f, "SELECT required_stage_id FROM fields WHERE code = 'source' AND entity_type_id = %"
                             G_GINT64_FORMAT, f->deal_type), ==, executing);

  /* Empty: no target needed. The newest stage's id is not handed out again. */
  cancel = crm_stage_create (f->session, pipeline_id, "Cancelado", "#000000", CRM_STAGE_FAILURE, &error);
  g_assert_true (crm_stage_delete (f->session, cancel, 0, &error));
  g_assert_no_error (error);
  retired = crm_stage_create (f->session, pipeline_id, "Cancelado", "#000000", CRM_STAGE_FAILURE, &error);
  g_assert_cmpint (retired, >, cancel);
  /* Now lost is not the last failure: it may go. */
  g_assert_true (crm_stage_delete (f->session, stage_id (default_deals (f), "lost"), 0, &error));
  g_assert_no_error (error);
  ASSERT_REFUSED (f, crm_stage_delete (f->session, retired, 0, refusal), CRM_ERROR_VALIDATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pipelines/create", test_pipeline_create);
  ADD ("/pipelines/user-type", test_pipeline_user_type);
  ADD ("/pipelines/rename", test_pipeline_rename);
  ADD ("/pipelines/delete", test_pipeline_delete);
  ADD ("/stages/create", test_stage_create);
  ADD ("/stages/rename-and-color", test_stage_rename_and_color);
  ADD ("/stages/semantics", test_stage_semantics);
  ADD ("/stages/move", test_stage_move);
  ADD ("/stages/delete", test_stage_delete);

  return g_test_run ();
}
