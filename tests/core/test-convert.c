/* test-convert.c — creating elements from elements: the mapping (system
 * fields by meaning, custom ones by code or label and type), product rows,
 * the three-at-once conversion of a lead in one transaction, required
 * fields refused then filled, and rights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "convert-fixture.h"
#include "crm-test-utils.h"

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
#undef ADD

  return g_test_run ();
}
