/* test-stage-move.c — moving an element through the stages of its pipeline
 *
 * A deal in the default pipeline, with two custom fields required from
 * "Final invoice" on: a contract number everyone sees and an internal
 * margin only the administrator sees. Ana may read and write her own
 * elements, Vera may only read. A second deal pipeline, "Parcerias",
 * holds a stage no deal of the default pipeline may move to.
 *
 * Every refusal leaves the database exactly as it was (dumps compared).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA  500
#define VERA 501

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *vera;
  CrmCatalog *catalog;
  gint64      deal_type;
  gint64      deal;       /* the administrator's, responsible Ana */
  gint64      other_deal; /* the administrator's own */
  gint64      partner;    /* Ana's, in "Parcerias" */
  gint64      contract;   /* required from final_invoice on */
  gint64      margin;     /* required from final_invoice on, the admin's only */
} Fixture;

static const char people_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'vera', 'Vera Lima', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor'), (91, 'viewer', 'Leitura');"
  "INSERT INTO role_permissions (role_id, permission) VALUES "
  "  (90, 'element.read'), (90, 'element.write'),"
  "  (91, 'element.read'), (91, 'element.read_all');"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500), (91, 501);"
  "INSERT INTO pipelines (id, entity_type_id, code, name, is_default, sort) "
  "  SELECT 900, id, 'partners', 'Parcerias', 0, 1 FROM entity_types WHERE code = 'deal';"
  "INSERT INTO stages (id, pipeline_id, code, name, semantics, sort) VALUES "
  "  (9001, 900, 'talk', 'Conversa', 'progress', 0),"
  "  (9002, 900, 'dropped', 'Desistência', 'failure', 1);";

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

static gint64
stage_id (Fixture    *f,
          const char *code)
{
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (f->catalog, f->deal_type);
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (crm_stage_get_code (stage), code))
        return crm_stage_get_id (stage);
    }
  g_assert_not_reached ();
}

static gint64
create_required_field (Fixture    *f,
                       const char *label,
                       gboolean    admin_only)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);
  g_autoptr(GError) error = NULL;
  gint64 id;

  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  config->required_stage_id = stage_id (f, "final_invoice");
  if (admin_only)
    {
      gint64 admin_id = crm_session_get_user_id (f->admin);

      config->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (config->visible_users, admin_id);
    }
  id = crm_field_create_full (f->admin, f->deal_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config,
                              0, G_MAXUINT, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
create_deal (Fixture    *f,
             const char *title,
             gint64      responsible)
{
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft = crm_element_draft_new (f->admin, "deal", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
  crm_element_draft_set_responsible (draft, responsible);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "test.db", NULL);

  /* The schema first, then the people and the second pipeline behind the
   * store's back (after the administrator the first start makes), then the
 * store again, whose catalog knows them. */
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_exec_sql (f->path, people_sql);

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->vera = new_session (f->store, VERA);
  f->catalog = crm_store_get_catalog (f->store);
  f->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));

  f->deal = create_deal (f, "Padaria Pão Quente", ANA);
  f->other_deal = create_deal (f, "Oficina Boa Vista", crm_session_get_user_id (f->admin));
  {
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "deal", &error);

    g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Rede Sul Parceria", &error));
    crm_element_draft_set_pipeline (draft, 900);
    crm_element_draft_set_responsible (draft, ANA);
    f->partner = crm_element_draft_save (draft, &error);
    g_assert_no_error (error);
  }
  f->contract = create_required_field (f, "Número do contrato", FALSE);
  f->margin = create_required_field (f, "Margem interna", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->vera);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  g_free (f->path);
  crm_test_tmpdir_free (f->dir);
}

static gint64
stored_stage (Fixture *f,
              gint64   element_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stage_id FROM elements WHERE id = %" G_GINT64_FORMAT, element_id);

  return crm_test_query_int (f->path, sql);
}

static gint64
count_stage_changes (Fixture *f,
                     gint64   element_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM timeline_entries "
                                          "WHERE element_id = %" G_GINT64_FORMAT " AND kind = 'stage-change'",
                                          element_id);

  return crm_test_query_int (f->path, sql);
}

/* The newest stage change of @element_id as its reader sees it. */
static CrmTimelineEntry *
last_stage_change (Fixture    *f,
                   CrmSession *reader,
                   gint64      element_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = crm_timeline_query_page (reader, element_id, NULL, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (crm_timeline_entry_get_kind (g_ptr_array_index (entries, i)) == CRM_ENTRY_STAGE_CHANGE)
      return g_object_ref (g_ptr_array_index (entries, i));
  return NULL;
}

/* "Refused with @code, nothing written." */
static void
assert_refused (Fixture         *f,
                CrmSession      *session,
                gint64           element_id,
                gint64           to,
                const char      *reason,
                CrmElementDraft *values,
                int              code)
{
  g_autofree char *before = crm_test_dump_db (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_element_move_to_stage (session, element_id, to, reason, values, &error));
  g_assert_error (error, CRM_ERROR, code);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

static CrmElement *
load (Fixture    *f,
      CrmSession *session,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (session, id, &error);

  g_assert_no_error (error);
  return element;
}

/* ---- Tests ------------------------------------------------------------------- */

static void
test_move_writes_entry (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrmTimelineEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sql = NULL;
  JsonObject *payload;
  gint64 from = stage_id (f, "new"), to = stage_id (f, "preparation");

  g_assert_true (crm_element_move_to_stage (f->ana, f->deal, to, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_stage (f, f->deal), ==, to);
  g_assert_cmpint (count_stage_changes (f, f->deal), ==, 1);

  sql = g_strdup_printf ("SELECT updated_by FROM elements WHERE id = %" G_GINT64_FORMAT, f->deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, ANA);

  entry = last_stage_change (f, f->admin, f->deal);
  g_assert_nonnull (entry);
  g_assert_cmpint (crm_timeline_entry_get_author_id (entry), ==, ANA);
  g_assert_nonnull (crm_timeline_entry_get_created_at (entry));
  g_assert_true (json_parser_load_from_data (parser, crm_timeline_entry_get_payload (entry), -1, NULL));
  payload = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (payload, "from"), ==, from);
  g_assert_cmpint (json_object_get_int_member (payload, "to"), ==, to);
  g_assert_cmpstr (json_object_get_string_member (payload, "to_name"), ==, "Preparing documents");
  g_assert_false (json_object_has_member (payload, "reason"));
  summary = crm_timeline_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Stage changed from New to Preparing documents");

  /* Where it already is: nothing to write. */
  {
    g_autofree char *before = crm_test_dump_db (f->path);
    g_autofree char *after = NULL;

    g_assert_true (crm_element_move_to_stage (f->ana, f->deal, to, NULL, NULL, &error));
    g_assert_no_error (error);
    after = crm_test_dump_db (f->path);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_gate_refuses (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 gated = stage_id (f, "final_invoice");

  assert_refused (f, f->admin, f->deal, gated, NULL, NULL, CRM_ERROR_REQUIRED);
  g_assert_false (crm_element_move_to_stage (f->admin, f->deal, gated, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Número do contrato"));
  g_assert_nonnull (strstr (error->message, "Margem interna"));
  g_clear_error (&error);

  /* Later stages require them too; earlier ones do not. */
  assert_refused (f, f->admin, f->deal, stage_id (f, "won"), NULL, NULL, CRM_ERROR_REQUIRED);
  g_assert_cmpint (stored_stage (f, f->deal), ==, stage_id (f, "new"));

  /* Values given for one of the two are not enough either. */
  {
    g_autoptr(CrmElement) element = load (f, f->admin, f->deal);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->admin, element);

    crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->contract),
                                 crm_value_new_text (CRM_FIELD_TYPE_STRING, "CT-2026-014"));
    assert_refused (f, f->admin, f->deal, gated, NULL, draft, CRM_ERROR_REQUIRED);
  }
}

static void
test_gate_filled_in_same_call (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CrmElement) element = load (f, f->admin, f->deal);
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->admin, element);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;
  gint64 gated = stage_id (f, "final_invoice");

  crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->contract),
                               crm_value_new_text (CRM_FIELD_TYPE_STRING, "CT-2026-014"));
  crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->margin),
                               crm_value_new_text (CRM_FIELD_TYPE_STRING, "18%"));
  g_assert_true (crm_element_move_to_stage (f->admin, f->deal, gated, NULL, draft, &error));
  g_assert_no_error (error);

  g_assert_cmpint (stored_stage (f, f->deal), ==, gated);
  g_assert_cmpint (count_stage_changes (f, f->deal), ==, 1);
  sql = g_strdup_printf ("SELECT value FROM field_values WHERE element_id = %" G_GINT64_FORMAT
                         " AND field_id = %" G_GINT64_FORMAT, f->deal, f->contract);
  value = crm_test_query_text (f->path, sql);
  g_assert_cmpstr (value, ==, "CT-2026-014");

  /* Filled now: the next move needs nothing more. */
  g_assert_true (crm_element_move_to_stage (f->admin, f->deal, stage_id (f, "won"), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_stage (f, f->deal), ==, stage_id (f, "won"));
}

/* Nobody is asked for a field they cannot see: Ana's gate is the contract
 * alone, and filling it moves her deal. */
static void
test_gate_follows_visibility (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CrmElement) as_admin = load (f, f->admin, f->deal);
  g_autoptr(CrmElement) as_ana = load (f, f->ana, f->deal);
  g_autoptr(GPtrArray) admin_missing = NULL;
  g_autoptr(GPtrArray) ana_missing = NULL;
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 gated = stage_id (f, "final_invoice");

  admin_missing = crm_element_get_missing_at_stage (f->admin, as_admin, gated);
  g_assert_cmpuint (admin_missing->len, ==, 2);
  g_assert_cmpint (crm_field_get_id (g_ptr_array_index (admin_missing, 0)), ==, f->contract);
  g_assert_cmpint (crm_field_get_id (g_ptr_array_index (admin_missing, 1)), ==, f->margin);

  ana_missing = crm_element_get_missing_at_stage (f->ana, as_ana, gated);
  g_assert_cmpuint (ana_missing->len, ==, 1);
  g_assert_cmpint (crm_field_get_id (g_ptr_array_index (ana_missing, 0)), ==, f->contract);

  early = crm_element_get_missing_at_stage (f->ana, as_ana, stage_id (f, "executing"));
  g_assert_cmpuint (early->len, ==, 0);

  assert_refused (f, f->ana, f->deal, gated, NULL, NULL, CRM_ERROR_REQUIRED);
  draft = crm_element_draft_new_for (f->ana, as_ana);
  crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->contract),
                               crm_value_new_text (CRM_FIELD_TYPE_STRING, "CT-2026-015"));
  g_assert_true (crm_element_move_to_stage (f->ana, f->deal, gated, NULL, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_stage (f, f->deal), ==, gated);
}

static void
test_failure_needs_reason (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CrmTimelineEntry) entry = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 lost = stage_id (f, "lost");

  assert_refused (f, f->ana, f->partner, 9002, NULL, NULL, CRM_ERROR_VALIDATION);
  assert_refused (f, f->ana, f->partner, 9002, "   ", NULL, CRM_ERROR_VALIDATION);

  g_assert_true (crm_element_move_to_stage (f->ana, f->partner, 9002, "  O cliente achou caro  ", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_stage (f, f->partner), ==, 9002);

  entry = last_stage_change (f, f->ana, f->partner);
  g_assert_true (json_parser_load_from_data (parser, crm_timeline_entry_get_payload (entry), -1, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "reason"),
                   ==, "O cliente achou caro");
  summary = crm_timeline_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Stage changed from Conversa to Desistência\nReason: O cliente achou caro");
  g_clear_object (&entry);
  g_clear_pointer (&summary, g_free);

  /* With values (a failure after "Final invoice" requires the contract
   * too): the reason is still needed, and stored. */
  {
    g_autoptr(CrmElement) element = load (f, f->ana, f->deal);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->ana, element);

    crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->contract),
                                 crm_value_new_text (CRM_FIELD_TYPE_STRING, "CT-2026-017"));
    assert_refused (f, f->ana, f->deal, lost, NULL, draft, CRM_ERROR_VALIDATION);
    g_assert_true (crm_element_move_to_stage (f->ana, f->deal, lost, "Fechou com outro", draft, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (stored_stage (f, f->deal), ==, lost);
  entry = last_stage_change (f, f->ana, f->deal);
  summary = crm_timeline_entry_dup_summary (entry);
  g_assert_cmpstr (summary, ==, "Stage changed from New to Deal lost\nReason: Fechou com outro");

  /* Success needs no reason (the fields "Deal won" requires come along). */
  {
    g_autoptr(CrmElement) element = load (f, f->admin, f->other_deal);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->admin, element);

    crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->contract),
                                 crm_value_new_text (CRM_FIELD_TYPE_STRING, "CT-2026-016"));
    crm_element_draft_set_value (draft, crm_catalog_get_field (f->catalog, f->margin),
                                 crm_value_new_text (CRM_FIELD_TYPE_STRING, "12%"));
    g_assert_true (crm_element_move_to_stage (f->admin, f->other_deal, stage_id (f, "won"), NULL, draft, &error));
    g_assert_no_error (error);
    g_assert_cmpint (stored_stage (f, f->other_deal), ==, stage_id (f, "won"));
  }
}

static void
test_other_pipeline_refused (Fixture       *f,
                             gconstpointer  data)
{
  gint64 lead_stage = crm_test_query_int (f->path,
                                          "SELECT s.id FROM stages s JOIN pipelines p ON p.id = s.pipeline_id "
                                          "JOIN entity_types t ON t.id = p.entity_type_id WHERE t.code = 'lead' "
                                          "ORDER BY s.sort LIMIT 1");

  g_assert_nonnull (crm_catalog_get_stage (f->catalog, 9001));
  assert_refused (f, f->admin, f->deal, 9001, NULL, NULL, CRM_ERROR_VALIDATION);
  g_assert_nonnull (crm_catalog_get_stage (f->catalog, lead_stage));
  assert_refused (f, f->admin, f->deal, lead_stage, NULL, NULL, CRM_ERROR_VALIDATION);
  assert_refused (f, f->admin, f->deal, 424242, NULL, NULL, CRM_ERROR_NOT_FOUND);
  assert_refused (f, f->admin, 424242, stage_id (f, "preparation"), NULL, NULL, CRM_ERROR_NOT_FOUND);

  /* With values the same checks come first. */
  {
    g_autoptr(CrmElement) element = load (f, f->admin, f->deal);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->admin, element);

    assert_refused (f, f->admin, f->deal, 9001, NULL, draft, CRM_ERROR_VALIDATION);
    assert_refused (f, f->admin, f->other_deal, stage_id (f, "preparation"), NULL, draft, CRM_ERROR_VALIDATION);
  }
}

static void
test_permission_refused (Fixture       *f,
                         gconstpointer  data)
{
  gint64 to = stage_id (f, "preparation");

  /* Vera reads every deal and writes none. */
  assert_refused (f, f->vera, f->deal, to, NULL, NULL, CRM_ERROR_PERMISSION_DENIED);
  /* Ana writes her own deals only. */
  assert_refused (f, f->ana, f->other_deal, to, NULL, NULL, CRM_ERROR_PERMISSION_DENIED);
  {
    g_autoptr(CrmElement) element = load (f, f->vera, f->deal);
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new_for (f->vera, element);

    assert_refused (f, f->vera, f->deal, to, NULL, draft, CRM_ERROR_PERMISSION_DENIED);
  }
  g_assert_cmpint (count_stage_changes (f, f->deal), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stage-move/writes-entry", test_move_writes_entry);
  ADD ("/stage-move/gate-refuses", test_gate_refuses);
  ADD ("/stage-move/gate-filled-in-same-call", test_gate_filled_in_same_call);
  ADD ("/stage-move/gate-follows-visibility", test_gate_follows_visibility);
  ADD ("/stage-move/failure-needs-reason", test_failure_needs_reason);
  ADD ("/stage-move/other-pipeline-refused", test_other_pipeline_refused);
  ADD ("/stage-move/permission-refused", test_permission_refused);
#undef ADD

  return g_test_run ();
}
