/* test-convert.c — creating elements from elements: the mapping (system
 * fields by meaning, custom ones by code or label and type), product rows,
 * the three-at-once conversion of a lead in one transaction, required
 * fields refused then filled, rights, relations both ways on the
 * Dependencies tab, and repeat leads
 *
 * Users: the administrator (the desktop user); Ana (500) sees only her own
 * elements; Bruno (501) sees everything; Dora (503) reads everything but
 * may write only leads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define ANA   500
#define BRUNO 501
#define DORA  503

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *admin;
  CrmSession *ana;
  CrmSession *dora;
  gint64      company;  /* an existing client */
  gint64      contact;
  gint64      lead;
} Fixture;

static const char setup_sql[] =
  "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
  "  (500, 'ana', 'Ana Souza', 0, '2024-01-01T00:00:00.000Z'),"
  "  (501, 'bruno', 'Bruno Dias', 0, '2024-01-01T00:00:00.000Z'),"
  "  (503, 'dora', 'Dora Lima', 0, '2024-01-01T00:00:00.000Z');"
  "INSERT INTO roles (id, code, name) VALUES (90, 'rep', 'Vendedor'), (91, 'sdr', 'Pré-vendas');"
  "INSERT INTO role_permissions (role_id, permission, entity_type_id) VALUES "
  "  (90, 'element.read', NULL), (90, 'element.write', NULL),"
  "  (91, 'element.read', NULL), (91, 'element.read_all', NULL),"
  "  (91, 'element.write', (SELECT id FROM entity_types WHERE code = 'lead'));"
  "INSERT INTO role_assignments (role_id, user_id) VALUES (90, 500), (91, 503);"
  "INSERT INTO role_assignments (role_id, user_id) "
  "  SELECT r.id, 501 FROM roles r WHERE r.code = 'employee';"
  /* Custom fields: same code on both sides; same label only; same code
   * but another type; a list whose items differ. */
  "INSERT INTO fields (id, entity_type_id, code, label, type, options, sort, created_at) VALUES "
  "  (9001, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_cpf', 'CPF', 'string', NULL, 100, '2024-01-01T00:00:00.000Z'),"
  "  (9002, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_cpf', 'CPF do cliente', 'string', NULL, 100, '2024-01-01T00:00:00.000Z'),"
  "  (9003, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_9003', 'Canal', 'string', NULL, 101, '2024-01-01T00:00:00.000Z'),"
  "  (9004, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_9004', 'canal', 'string', NULL, 101, '2024-01-01T00:00:00.000Z'),"
  "  (9005, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_size', 'Porte', 'string', NULL, 102, '2024-01-01T00:00:00.000Z'),"
  "  (9006, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_size', 'Porte', 'integer', NULL, 102, '2024-01-01T00:00:00.000Z'),"
  "  (9007, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_tier', 'Nível', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"},{\"key\":\"silver\",\"label\":\"Prata\"}]}', 103, '2024-01-01T00:00:00.000Z'),"
  "  (9008, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_tier', 'Nível', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"}]}', 103, '2024-01-01T00:00:00.000Z'),"
  "  (9009, (SELECT id FROM entity_types WHERE code = 'lead'), 'uf_other', 'Nível 2', 'list', "
  "     '{\"items\":[{\"key\":\"silver\",\"label\":\"Prata\"}]}', 104, '2024-01-01T00:00:00.000Z'),"
  "  (9010, (SELECT id FROM entity_types WHERE code = 'deal'), 'uf_other', 'Nível 2', 'list', "
  "     '{\"items\":[{\"key\":\"gold\",\"label\":\"Ouro\"}]}', 104, '2024-01-01T00:00:00.000Z');";

/* ---- Helpers ------------------------------------------------------------------ */

static CrmSession *
new_session (CrmStore *store,
             gint64    user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

static void
set_input (CrmElementDraft *draft,
           const char      *code,
           const char      *input)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
  g_assert_no_error (error);
}

static gint64
save (CrmElementDraft *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_element_draft_save (draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_link (CrmStore        *store,
          CrmElementDraft *draft,
          const char      *code,
          gint64           id)
{
  CrmField *field = crm_catalog_find_field (crm_store_get_catalog (store),
                                            crm_element_draft_get_entity_type_id (draft), code);

  crm_element_draft_set_value (draft, field, id ? crm_value_new_number (CRM_FIELD_TYPE_LINK, id) : NULL);
}

/* The display text of field @code of element @id, as the admin sees it. */
static char *
format_field (Fixture    *f,
              gint64      id,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->admin, id, &error);
  CrmField *field;

  g_assert_no_error (error);
  field = crm_catalog_find_field (crm_store_get_catalog (f->store), crm_element_get_entity_type_id (element), code);
  g_assert_nonnull (field);
  return crm_element_format_field (element, field);
}

static gint64
link_of (Fixture    *f,
         gint64      id,
         const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id "
                                          "WHERE v.element_id = %" G_GINT64_FORMAT " AND f.code = '%s' AND f.type = 'link'",
                                          id, code);

  return crm_test_query_int (f->path, sql);
}

/* Takes @sql. */
static void
assert_query_text (const char *path,
                   char       *sql,
                   const char *expected)
{
  g_autofree char *text = crm_test_query_text (path, sql);

  g_assert_cmpstr (text, ==, expected);
  g_free (sql);
}

static CrmConversion *
convert (CrmSession  *session,
         gint64       source,
         const char  *targets)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_strsplit (targets, ",", -1);
  CrmConversion *conversion = crm_conversion_new (session, source, (const char * const *)codes, &error);

  g_assert_no_error (error);
  return conversion;
}

static GArray *
run (CrmConversion *conversion)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = crm_conversion_run (conversion, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) company = NULL;
  g_autoptr(CrmElementDraft) contact = NULL;
  g_autoptr(CrmElementDraft) lead = NULL;
  CrmSession *admin;
  CrmStore *store;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  admin = crm_session_new_for_desktop_user (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (admin);
  g_assert_finalize_object (store);
  crm_test_exec_sql (f->path, setup_sql);

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->admin = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  f->ana = new_session (f->store, ANA);
  f->dora = new_session (f->store, DORA);

  company = crm_element_draft_new (f->admin, "company", &error);
  set_input (company, "title", "Padaria Pão Quente");
  f->company = save (company);
  contact = crm_element_draft_new (f->admin, "contact", &error);
  set_input (contact, "name", "Joana");
  f->contact = save (contact);

  lead = crm_element_draft_new (f->admin, "lead", &error);
  g_assert_no_error (error);
  crm_element_draft_set_responsible (lead, BRUNO);
  set_input (lead, "title", "Site novo para a padaria");
  set_input (lead, "name", "Marcos");
  set_input (lead, "last_name", "Pereira");
  set_input (lead, "company_name", "Marcos Doces");
  set_input (lead, "phone", "+55 11 98765-4321");
  set_input (lead, "email", "marcos@doces.com.br");
  set_input (lead, "amount", "4500.00 BRL");
  set_input (lead, "comments", "Quer loja on-line");
  set_input (lead, "source", "website");
  set_input (lead, "uf_cpf", "123.456.789-09");
  set_input (lead, "uf_9003", "Instagram");
  set_input (lead, "uf_size", "42");
  set_input (lead, "uf_tier", "gold");
  set_input (lead, "uf_other", "silver");
  f->lead = save (lead);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->dora);
  g_assert_finalize_object (f->ana);
  g_assert_finalize_object (f->admin);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- Mapping ------------------------------------------------------------------ */

static void
test_mapping_table (void)
{
  guint n = 0;
  const CrmConvertMapping *mappings = crm_convert_get_mappings (&n);

  g_assert_cmpuint (n, >, 0);
  /* Every pair of the table is a target the source offers. */
  for (guint i = 0; i < n; i++)
    g_assert_true (g_strv_contains (crm_convert_get_targets (mappings[i].source_type), mappings[i].target_type));
  g_assert_true (g_strv_contains (crm_convert_get_targets ("lead"), "deal"));
  g_assert_true (g_strv_contains (crm_convert_get_targets ("deal"), "invoice"));
  g_assert_true (g_strv_contains (crm_convert_get_targets ("quote"), "deal"));
  g_assert_null (crm_convert_get_targets ("contact")[0]);
}

static void
test_lead_to_deal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmConversion) conversion = convert (f->admin, f->lead, "deal");
  g_autoptr(GArray) ids = run (conversion);
  gint64 deal = g_array_index (ids, gint64, 0);
  g_autofree char *sql = NULL;
  g_autofree char *title = format_field (f, deal, "title");
  g_autofree char *comments = format_field (f, deal, "comments");

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (title, ==, "Site novo para a padaria");
  g_assert_cmpstr (comments, ==, "Quer loja on-line");
  /* Money keeps its currency. */
  sql = g_strdup_printf ("SELECT value || ' ' || aux FROM field_values v JOIN fields f ON f.id = v.field_id "
                         "WHERE v.element_id = %" G_GINT64_FORMAT " AND f.code = 'amount'", deal);
  assert_query_text (f->path, g_steal_pointer (&sql), "450000 BRL");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT responsible_id FROM elements WHERE id = %" G_GINT64_FORMAT, deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, BRUNO);
  g_clear_pointer (&sql, g_free);
  assert_query_text (f->path, g_strdup_printf ("SELECT v.value FROM field_values v JOIN fields f ON f.id = v.field_id "
                                                "WHERE v.element_id = %" G_GINT64_FORMAT " AND f.code = 'source'", deal),
                     "website");

  /* Custom: by code, by label, not across types, only known list items. */
  sql = g_strdup_printf ("SELECT count(*) FROM field_values WHERE element_id = %" G_GINT64_FORMAT " AND field_id = 9002 AND value = '123.456.789-09'", deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM field_values WHERE element_id = %" G_GINT64_FORMAT " AND field_id = 9004 AND value = 'Instagram'", deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM field_values WHERE element_id = %" G_GINT64_FORMAT " AND field_id = 9006", deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT value FROM field_values WHERE element_id = %" G_GINT64_FORMAT " AND field_id = 9008", deal);
  assert_query_text (f->path, g_steal_pointer (&sql), "gold");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM field_values WHERE element_id = %" G_GINT64_FORMAT " AND field_id = 9010", deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 0);
  g_clear_pointer (&sql, g_free);

  /* In the default pipeline's first stage. */
  sql = g_strdup_printf ("SELECT s.code FROM elements e JOIN stages s ON s.id = e.stage_id "
                         "JOIN pipelines p ON p.id = e.pipeline_id AND p.is_default = 1 WHERE e.id = %" G_GINT64_FORMAT, deal);
  assert_query_text (f->path, g_steal_pointer (&sql), "new");
  g_clear_pointer (&sql, g_free);

  /* The lead is a good lead now. */
  sql = g_strdup_printf ("SELECT s.code FROM elements e JOIN stages s ON s.id = e.stage_id WHERE e.id = %" G_GINT64_FORMAT, f->lead);
  assert_query_text (f->path, g_steal_pointer (&sql), "converted");
  g_clear_pointer (&sql, g_free);

  /* The relation, and an entry on both timelines that names the other. */
  sql = g_strdup_printf ("SELECT count(*) FROM relations WHERE source_id = %" G_GINT64_FORMAT " AND target_id = %"
                         G_GINT64_FORMAT " AND kind = 'created-from'", f->lead, deal);
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  {
    g_autoptr(GPtrArray) deal_page = crm_timeline_query_page (f->admin, deal, NULL, 0, 50, NULL);
    g_autoptr(GPtrArray) lead_page = crm_timeline_query_page (f->admin, f->lead, NULL, 0, 50, NULL);
    gboolean deal_found = FALSE, lead_found = FALSE;

    for (guint i = 0; i < deal_page->len; i++)
      {
        CrmTimelineEntry *entry = g_ptr_array_index (deal_page, i);
        g_autofree char *summary = crm_timeline_entry_dup_summary (entry);

        if (crm_timeline_entry_get_kind (entry) == CRM_ENTRY_LINK)
          {
            deal_found = TRUE;
            g_assert_cmpint (crm_timeline_entry_get_linked_element_id (entry), ==, f->lead);
            g_assert_true (g_str_has_prefix (summary, "Created from Lead #"));
            g_assert_nonnull (strstr (summary, "Site novo para a padaria"));
          }
      }
    for (guint i = 0; i < lead_page->len; i++)
      {
        CrmTimelineEntry *entry = g_ptr_array_index (lead_page, i);
        g_autofree char *summary = crm_timeline_entry_dup_summary (entry);

        if (crm_timeline_entry_get_kind (entry) == CRM_ENTRY_LINK)
          {
            lead_found = TRUE;
            g_assert_cmpint (crm_timeline_entry_get_linked_element_id (entry), ==, deal);
            g_assert_true (g_str_has_prefix (summary, "Deal #"));
            g_assert_true (g_str_has_suffix (summary, "created from this element"));
          }
      }
    g_assert_true (deal_found);
    g_assert_true (lead_found);
  }
}

static void
test_lead_to_contact (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CrmConversion) conversion = convert (f->admin, f->lead, "contact");
  g_autoptr(GArray) ids = run (conversion);
  gint64 contact = g_array_index (ids, gint64, 0);
  g_autofree char *phone = format_field (f, contact, "phone");
  g_autofree char *email = format_field (f, contact, "email");
  assert_query_text (f->path, g_strdup_printf ("SELECT title FROM elements WHERE id = %" G_GINT64_FORMAT, contact),
                     "Marcos Pereira");
  g_assert_nonnull (strstr (phone, "98765"));
  g_assert_cmpstr (email, ==, "marcos@doces.com.br");
}

static void
test_product_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO product_rows (element_id, name, price, currency, quantity, discount, tax_rate, sort) VALUES "
    "(%1$" G_GINT64_FORMAT ", 'Loja virtual', 300000, 'BRL', 1000, 0, 0, 0),"
    "(%1$" G_GINT64_FORMAT ", 'Hospedagem', 15000, 'BRL', 12000, 500, 1800, 1)", f->lead);
  g_autofree char *sql = NULL;

  crm_test_exec_sql (f->path, insert);
  conversion = convert (f->admin, f->lead, "deal,contact");
  ids = run (conversion);

  /* The deal has them (the contact has no products). */
  sql = g_strdup_printf ("SELECT group_concat (name || ':' || price || ':' || quantity || ':' || discount || ':' || tax_rate, '|') "
                         "FROM (SELECT * FROM product_rows WHERE element_id = %" G_GINT64_FORMAT " ORDER BY sort)",
                         g_array_index (ids, gint64, 1));
  assert_query_text (f->path, g_steal_pointer (&sql), "Loja virtual:300000:1000:0:0|Hospedagem:15000:12000:500:1800");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM product_rows WHERE element_id = %" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_assert_cmpint (crm_test_query_int (f->path, sql), ==, 0);
}

/* ---- Three at once, in one transaction ------------------------------------------ */

static void
test_three_at_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Prazo de entrega");
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  CrmPipeline *pipeline;
  CrmElementDraft *deal_draft;
  CrmField *field;
  gint64 field_id, company, contact, deal;
  gint64 deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));

  /* Required from the deals' first stage on: the third element fails.
   * (Creating the field reloads the catalog: keep ids, not objects.) */
  pipeline = crm_catalog_get_default_pipeline (catalog, deal_type);
  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  config->required_stage_id = crm_stage_get_id (crm_pipeline_get_first_stage (pipeline));
  field_id = crm_field_create_full (f->admin, deal_type, CRM_FIELD_TYPE_STRING,
                                    FALSE, NULL, config, 0, 0, &error);
  g_assert_no_error (error);

  conversion = convert (f->admin, f->lead, "deal,contact,company");
  g_assert_cmpuint (crm_conversion_get_n_drafts (conversion), ==, 4);  /* + the lead's move */
  deal_draft = crm_conversion_get_draft (conversion, 2);
  g_assert_cmpint (crm_element_draft_get_entity_type_id (deal_draft), ==, deal_type);

  before = crm_test_dump_db (f->path);
  g_assert_null (crm_conversion_run (conversion, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Prazo de entrega"));
  g_clear_error (&error);
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The draft names the field; validating says the same without writing. */
  field = crm_catalog_get_field (catalog, field_id);
  g_assert_cmpuint (crm_element_draft_get_invalid_fields (deal_draft)->len, ==, 1);
  g_assert_cmpint (crm_field_get_id (g_ptr_array_index (crm_element_draft_get_invalid_fields (deal_draft), 0)), ==, field_id);
  g_assert_false (crm_conversion_validate (conversion, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Filled in, it goes through. */
  g_assert_true (crm_element_draft_set_input (deal_draft, field, crm_locale_get ("C"), "30 dias", &error));
  g_assert_true (crm_conversion_validate (conversion, &error));
  g_assert_no_error (error);
  ids = run (conversion);
  g_assert_cmpuint (ids->len, ==, 3);
  company = g_array_index (ids, gint64, 0);
  contact = g_array_index (ids, gint64, 1);
  deal = g_array_index (ids, gint64, 2);

  /* They link to each other. */
  g_assert_cmpint (link_of (f, contact, "company"), ==, company);
  g_assert_cmpint (link_of (f, deal, "company"), ==, company);
  g_assert_cmpint (link_of (f, deal, "contact"), ==, contact);
  {
    char *sql = g_strdup_printf ("SELECT title FROM elements WHERE id = %" G_GINT64_FORMAT, company);
    g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM relations WHERE source_id = %" G_GINT64_FORMAT, f->lead);
    g_autofree char *entries = g_strdup_printf ("SELECT count(*) FROM timeline_entries WHERE element_id = %" G_GINT64_FORMAT
                                                " AND kind = 'link'", f->lead);

    assert_query_text (f->path, g_steal_pointer (&sql), "Marcos Doces");
    g_assert_cmpint (crm_test_query_int (f->path, count), ==, 3);
    g_assert_cmpint (crm_test_query_int (f->path, entries), ==, 3);
  }
}

/* The lead's own rule at its success stage blocks the whole conversion. */
static void
test_source_move_required (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Motivo do ganho");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 lead_type = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "lead"));
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, lead_type);
  GListModel *stages = crm_pipeline_get_stages (pipeline);

  config->required_mode = CRM_REQUIRED_FROM_STAGE;
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS)
        config->required_stage_id = crm_stage_get_id (stage);
    }
  crm_field_create_full (f->admin, lead_type, CRM_FIELD_TYPE_STRING, FALSE, NULL, config, 0, 0, &error);
  g_assert_no_error (error);

  conversion = convert (f->admin, f->lead, "deal");
  before = crm_test_dump_db (f->path);
  g_assert_null (crm_conversion_run (conversion, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Motivo do ganho"));
  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (crm_element_draft_get_invalid_fields (crm_conversion_get_source_draft (conversion))->len, ==, 1);
}

/* ---- Rights ------------------------------------------------------------------- */

static void
test_rights (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *deal[] = { "deal", NULL };
  const char *contact[] = { "contact", NULL };
  const char *invoice[] = { "invoice", NULL };
  g_autofree char *before = crm_test_dump_db (f->path);
  g_autofree char *after = NULL;

  /* Dora may read the lead but create no deal. */
  g_assert_null (crm_conversion_new (f->dora, f->lead, deal, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Ana may not read Bruno's lead. */
  g_assert_null (crm_conversion_new (f->ana, f->lead, contact, &error));
  g_assert_true (g_error_matches (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED) ||
                 g_error_matches (error, CRM_ERROR, CRM_ERROR_NOT_FOUND));
  g_clear_error (&error);
  /* Nothing is made of a lead but what it offers. */
  g_assert_null (crm_conversion_new (f->admin, f->lead, invoice, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  after = crm_test_dump_db (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A link the user could not pick is not copied: Ana's lead links to a
 * company she may not see (given to her by the admin). */
static void
test_hidden_link_not_copied (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) lead = crm_element_draft_new (f->admin, "lead", &error);
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  set_input (lead, "title", "Pedido da padaria");
  set_link (f->store, lead, "company", f->company);
  set_link (f->store, lead, "contact", f->contact);
  crm_element_draft_set_responsible (lead, ANA);
  id = save (lead);

  conversion = convert (f->ana, id, "deal");
  ids = run (conversion);
  g_assert_cmpint (link_of (f, g_array_index (ids, gint64, 0), "company"), ==, -1);
  g_assert_cmpint (link_of (f, g_array_index (ids, gint64, 0), "contact"), ==, -1);

  /* The admin's copy of the same links them. */
  g_clear_pointer (&ids, g_array_unref);
  g_clear_object (&conversion);
  conversion = convert (f->admin, id, "deal");
  ids = run (conversion);
  g_assert_cmpint (link_of (f, g_array_index (ids, gint64, 0), "company"), ==, f->company);
  g_assert_cmpint (link_of (f, g_array_index (ids, gint64, 0), "contact"), ==, f->contact);
}

/* ---- Deals and quotes ------------------------------------------------------------- */

static void
test_deal_quote_invoice (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "deal", &error);
  g_autoptr(CrmConversion) to_quote = NULL;
  g_autoptr(CrmConversion) to_invoice = NULL;
  g_autoptr(GArray) quote_ids = NULL;
  g_autoptr(GArray) invoice_ids = NULL;
  gint64 deal, quote, invoice;

  set_input (draft, "title", "Cardápio digital");
  set_input (draft, "amount", "1200.50 USD");
  set_link (f->store, draft, "company", f->company);
  deal = save (draft);

  to_quote = convert (f->admin, deal, "quote");
  g_assert_null (crm_conversion_get_source_draft (to_quote));  /* a deal does not move */
  quote_ids = run (to_quote);
  quote = g_array_index (quote_ids, gint64, 0);
  g_assert_cmpint (link_of (f, quote, "deal"), ==, deal);
  g_assert_cmpint (link_of (f, quote, "company"), ==, f->company);

  to_invoice = convert (f->admin, quote, "invoice");
  invoice_ids = run (to_invoice);
  invoice = g_array_index (invoice_ids, gint64, 0);
  g_assert_cmpint (link_of (f, invoice, "quote"), ==, quote);
  g_assert_cmpint (link_of (f, invoice, "deal"), ==, deal);
  assert_query_text (f->path, g_strdup_printf ("SELECT value || aux FROM field_values v JOIN fields f ON f.id = v.field_id "
                                                "WHERE v.element_id = %" G_GINT64_FORMAT " AND f.code = 'amount'", invoice),
                     "120050USD");
}

/* ---- Dependencies ------------------------------------------------------------------ */

static gboolean
lists (GPtrArray       *relations,
       gint64           id,
       CrmRelationKind  kind)
{
  for (guint i = 0; i < relations->len; i++)
    {
      CrmRelation *relation = g_ptr_array_index (relations, i);

      if (crm_element_get_id (crm_relation_get_element (relation)) == id && crm_relation_get_kind (relation) == kind)
        return TRUE;
    }
  return FALSE;
}

static void
test_relations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "lead", &error);
  g_autoptr(CrmConversion) conversion = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) of_lead = NULL;
  g_autoptr(GPtrArray) of_deal = NULL;
  g_autoptr(GPtrArray) of_company = NULL;
  g_autoptr(GPtrArray) anas = NULL;
  gint64 lead, deal;

  set_input (draft, "title", "Bolo de casamento");
  set_link (f->store, draft, "company", f->company);
  lead = save (draft);
  conversion = convert (f->admin, lead, "deal");
  ids = run (conversion);
  deal = g_array_index (ids, gint64, 0);

  of_lead = crm_relations_list (f->admin, lead, &error);
  g_assert_no_error (error);
  g_assert_true (lists (of_lead, deal, CRM_RELATION_CREATED));
  g_assert_true (lists (of_lead, f->company, CRM_RELATION_LINKS_TO));

  of_deal = crm_relations_list (f->admin, deal, &error);
  g_assert_true (lists (of_deal, lead, CRM_RELATION_CREATED_FROM));
  g_assert_true (lists (of_deal, f->company, CRM_RELATION_LINKS_TO));
  g_assert_cmpuint (of_deal->len, ==, 2);
  /* By type in sidebar order: the lead before the company. */
  g_assert_cmpint (crm_element_get_id (crm_relation_get_element (g_ptr_array_index (of_deal, 0))), ==, lead);
  g_assert_cmpstr (crm_relation_get_label (g_ptr_array_index (of_deal, 1)), ==, "Company");

  of_company = crm_relations_list (f->admin, f->company, &error);
  g_assert_true (lists (of_company, deal, CRM_RELATION_LINKED_FROM));
  g_assert_true (lists (of_company, lead, CRM_RELATION_LINKED_FROM));

  /* Ana sees only her own: not the admin's company's deals, nor the
   * company itself. */
  g_assert_null (crm_relations_list (f->ana, f->company, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autoptr(CrmElementDraft) mine = crm_element_draft_new (f->ana, "deal", &error);
    g_autofree char *insert = NULL;
    gint64 anas_deal;

    set_input (mine, "title", "Doces da Ana");
    set_link (f->store, mine, "contact", 0);
    anas_deal = save (mine);
    insert = g_strdup_printf ("INSERT INTO relations (source_id, target_id, kind, created_at) "
                              "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'created-from', '2024-01-01T00:00:00.000Z')",
                              lead, anas_deal);
    crm_test_exec_sql (f->path, insert);
    anas = crm_relations_list (f->ana, anas_deal, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (anas->len, ==, 0);  /* the lead is the admin's */
  }
}

/* ---- Repeat leads ------------------------------------------------------------------ */

static gint64
lead_kind_of (Fixture *f,
              gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT k.code = 'repeat' FROM elements e JOIN lead_kinds k ON k.id = e.lead_kind_id "
                                          "WHERE e.id = %" G_GINT64_FORMAT, id);

  return crm_test_query_int (f->path, sql);
}

static void
test_repeat_lead (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->admin, "lead", &error);
  g_autoptr(CrmElementDraft) change = NULL;
  g_autoptr(CrmElementDraft) unlink = NULL;
  g_autoptr(CrmElement) element = NULL;
  g_autoptr(CrmLayout) repeat_layout = NULL;
  g_autoptr(CrmLayout) regular_layout = NULL;
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 id;

  /* The fixture's lead names no client. */
  g_assert_cmpint (lead_kind_of (f, f->lead), ==, 0);

  set_input (draft, "title", "Mais pães");
  set_link (f->store, draft, "contact", f->contact);
  id = save (draft);
  g_assert_cmpint (lead_kind_of (f, id), ==, 1);

  /* The repeat lead gets its own layout. */
  element = crm_element_load (f->admin, id, &error);
  repeat_layout = crm_layout_resolve (f->admin, crm_element_get_entity_type_id (element), 0,
                                      crm_element_get_lead_kind_id (element), &error);
  regular_layout = crm_layout_resolve (f->admin, crm_element_get_entity_type_id (element), 0,
                                       crm_catalog_find_lead_kind (catalog, "regular"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_layout_get_lead_kind_id (repeat_layout), ==, crm_catalog_find_lead_kind (catalog, "repeat"));
  g_assert_cmpint (crm_layout_get_id (repeat_layout), !=, crm_layout_get_id (regular_layout));

  /* Linked to a company instead: still repeat; no links: regular. */
  change = crm_element_draft_new_for (f->admin, element);
  set_link (f->store, change, "contact", 0);
  set_link (f->store, change, "company", f->company);
  save (change);
  g_assert_cmpint (lead_kind_of (f, id), ==, 1);
  g_clear_object (&element);
  element = crm_element_load (f->admin, id, &error);
  unlink = crm_element_draft_new_for (f->admin, element);
  set_link (f->store, unlink, "company", 0);
  save (unlink);
  g_assert_cmpint (lead_kind_of (f, id), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/convert/mapping-table", test_mapping_table);
  ADD ("/convert/lead-to-deal", test_lead_to_deal);
  ADD ("/convert/lead-to-contact", test_lead_to_contact);
  ADD ("/convert/product-rows", test_product_rows);
  ADD ("/convert/three-at-once", test_three_at_once);
  ADD ("/convert/source-move-required", test_source_move_required);
  ADD ("/convert/rights", test_rights);
  ADD ("/convert/hidden-link-not-copied", test_hidden_link_not_copied);
  ADD ("/convert/deal-quote-invoice", test_deal_quote_invoice);
  ADD ("/convert/relations", test_relations);
  ADD ("/convert/repeat-lead", test_repeat_lead);
#undef ADD

  return g_test_run ();
}
