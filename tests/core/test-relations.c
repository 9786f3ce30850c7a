/* test-relations.c — the Dependencies tab's relations both ways, only
 * what the reader may see, and repeat leads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "convert-fixture.h"
#include "crm-test-utils.h"

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

  g_test_add ("/relations/both-ways", Fixture, NULL, fixture_set_up, test_relations, fixture_tear_down);
  g_test_add ("/relations/repeat-lead", Fixture, NULL, fixture_set_up, test_repeat_lead, fixture_tear_down);

  return g_test_run ();
}
