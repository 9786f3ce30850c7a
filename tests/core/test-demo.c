/* test-demo.c — the sample data of clientele --demo
 *
 * Everything is checked through the public API, the way the window sees it.
 * Runs with LC_ALL=C.UTF-8 and TZ=UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "clientele-core.h"
#include "crm-store-private.h"
#include "crm-test-utils.h"

static const CrmDemoSize small_size = {
  .contacts = 20,
  .companies = 10,
  .deals = 15,
  .leads = 8,
  .quotes = 4,
  .invoices = 4,
  .timeline_entries = 300,
};

static const char *element_types[] = { "company", "contact", "deal", "lead", "quote", "invoice" };

typedef struct
{
  char       *dir;
  CrmStore   *store;
  CrmSession *session;
} Fixture;

/* ---- Helpers ------------------------------------------------------------- */

static void
fixture_open (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  fixture->store = crm_store_open (path, &error);
  g_assert_no_error (error);
  fixture->session = crm_session_new_for_desktop_user (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_close (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->session));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = crm_test_tmpdir_new ();
  fixture_open (fixture, "test.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    fixture_close (fixture);
  crm_test_tmpdir_free (fixture->dir);
}

static void
fill (Fixture           *fixture,
      const CrmDemoSize *size,
      guint32            seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_demo_fill (fixture->session, size, seed, &error));
  g_assert_no_error (error);
  g_assert_false (crm_store_is_empty (fixture->store));
}

static gint64
type_id (Fixture    *fixture,
         const char *code)
{
  CrmEntityType *type = crm_catalog_find_entity_type (crm_store_get_catalog (fixture->store), code);

  g_assert_nonnull (type);
  return crm_entity_type_get_id (type);
}

static CrmField *
field (Fixture    *fixture,
       const char *type_code,
       const char *code)
{
  CrmField *found = crm_catalog_find_field (crm_store_get_catalog (fixture->store),
                                            type_id (fixture, type_code), code);

  g_assert_nonnull (found);
  return found;
}

/* Every element of a type, as list rows, loaded page by page. */
static CrmElementListModel *
list_all (Fixture        *fixture,
          const char     *type_code,
          CrmElementSort  sort)
{
  CrmElementListModel *model = crm_element_list_model_new (fixture->session, type_id (fixture, type_code));

  crm_element_list_model_set_page_size (model, 7);
  crm_element_list_model_set_sort (model, sort);
  while (crm_element_list_model_has_more (model))
    crm_element_list_model_load_more (model);
  return model;
}

static guint
count_elements (Fixture    *fixture,
                const char *type_code)
{
  g_autoptr(CrmElementListModel) model = list_all (fixture, type_code, CRM_ELEMENT_SORT_TITLE);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static CrmElement *
load (Fixture    *fixture,
      CrmElement *row)
{
  g_autoptr(GError) error = NULL;
  CrmElement *element = crm_element_load (fixture->session, crm_element_get_id (row), &error);

  g_assert_no_error (error);
  return element;
}

/* The titles of a type, oldest first: the order the generator made them. */
static GStrv
titles_by_creation (Fixture    *fixture,
                    const char *type_code)
{
  g_autoptr(CrmElementListModel) model = list_all (fixture, type_code, CRM_ELEMENT_SORT_CREATED_DESC);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CrmElement) row = g_list_model_get_item (G_LIST_MODEL (model), i - 1);

      g_strv_builder_add (titles, crm_element_get_title (row));
    }
  return g_strv_builder_end (titles);
}

static CrmUser *
find_user (Fixture    *fixture,
           const char *login)
{
  GListModel *users = crm_catalog_get_users (crm_store_get_catalog (fixture->store));

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);

      if (g_str_equal (crm_user_get_login (user), login))
        return user;
    }
  return NULL;
}

typedef struct
{
  guint created;
  guint stage_changes;
  guint conversations;   /* comments, calls, e-mails, meetings, messages */
} TimelineCount;

/* Counts the entries of every element, and checks each one happened
 * after its element was made and before now. */
static void
count_timelines (Fixture       *fixture,
                 TimelineCount *count)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  *count = (TimelineCount) { 0 };
  for (guint t = 0; t < G_N_ELEMENTS (element_types); t++)
    {
      g_autoptr(CrmElementListModel) model = list_all (fixture, element_types[t], CRM_ELEMENT_SORT_TITLE);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(CrmElement) row = g_list_model_get_item (G_LIST_MODEL (model), i);
          g_autoptr(CrmTimelineModel) timeline = crm_timeline_model_new (fixture->session, crm_element_get_id (row));

          while (crm_timeline_model_has_more (timeline))
            crm_timeline_model_load_more (timeline);
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (timeline)); j++)
            {
              g_autoptr(CrmTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (timeline), j);
              GDateTime *when = crm_timeline_entry_get_created_at (entry);

              g_assert_cmpint (g_date_time_compare (when, crm_element_get_created_at (row)), >=, 0);
              g_assert_cmpint (g_date_time_compare (when, now), <=, 0);
              switch (crm_timeline_entry_get_kind (entry))
                {
                case CRM_ENTRY_CREATED:
                  count->created++;
                  break;
                case CRM_ENTRY_STAGE_CHANGE:
                  count->stage_changes++;
                  break;
                case CRM_ENTRY_COMMENT:
                case CRM_ENTRY_CALL:
                case CRM_ENTRY_EMAIL:
                case CRM_ENTRY_ACTIVITY:
                case CRM_ENTRY_MESSENGER:
                  g_assert_nonnull (crm_timeline_entry_get_text (entry));
                  count->conversations++;
                  break;
                case CRM_ENTRY_FIELD_CHANGE:
                case CRM_ENTRY_DOCUMENT:
                case CRM_ENTRY_SMS:
                case CRM_ENTRY_LINK:
                case CRM_ENTRY_LAST:
                default:
                  g_assert_not_reached ();
                }
            }
        }
    }
}

static void
count_changes_cb (CrmStore  *store,
                  CrmChange *change,
                  guint     *n_changes)
{
  (*n_changes)++;
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_default_size (void)
{
  const CrmDemoSize *size = crm_demo_get_default_size ();

  g_assert_nonnull (size);
  g_assert_cmpuint (size->contacts, ==, 200);
  g_assert_cmpuint (size->companies, ==, 100);
  g_assert_cmpuint (size->deals, ==, 150);
  g_assert_cmpuint (size->leads, ==, 80);
  g_assert_cmpuint (size->quotes, ==, 40);
  g_assert_cmpuint (size->invoices, ==, 40);
  g_assert_cmpuint (size->timeline_entries, ==, 5000);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  fill (fixture, &small_size, 7);

  g_assert_cmpuint (count_elements (fixture, "company"), ==, small_size.companies);
  g_assert_cmpuint (count_elements (fixture, "contact"), ==, small_size.contacts);
  g_assert_cmpuint (count_elements (fixture, "deal"), ==, small_size.deals);
  g_assert_cmpuint (count_elements (fixture, "lead"), ==, small_size.leads);
  g_assert_cmpuint (count_elements (fixture, "quote"), ==, small_size.quotes);
  g_assert_cmpuint (count_elements (fixture, "invoice"), ==, small_size.invoices);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmElementListModel) deals = NULL;
  g_autoptr(GArray) chain = NULL;
  gboolean colleague_responsible = FALSE;
  CrmUser *mariana;
  GArray *departments;

  fill (fixture, &small_size, 7);

  /* Colleagues, in a department tree, with the employee role. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_users (catalog)), >=, 8);
  mariana = find_user (fixture, "mariana.costa");
  g_assert_nonnull (mariana);
  g_assert_cmpstr (crm_user_get_name (mariana), ==, "Mariana Costa");
  g_assert_false (crm_user_is_admin (mariana));
  departments = crm_user_get_departments (mariana);
  g_assert_cmpuint (departments->len, ==, 1);
  g_assert_cmpstr (crm_catalog_get_department_name (catalog, g_array_index (departments, gint64, 0)),
                   ==, "Vendas São Paulo");
  chain = crm_catalog_get_department_ancestors (catalog, g_array_index (departments, gint64, 0));
  g_assert_cmpuint (chain->len, ==, 3);
  g_assert_cmpstr (crm_catalog_get_department_name (catalog, g_array_index (chain, gint64, 2)),
                   ==, "Diretoria");

  /* The whole tree, parents first: Diretoria, Atendimento, Marketing,
   * Vendas, Vendas Rio de Janeiro, Vendas São Paulo. */
  {
    g_autoptr(GArray) tree = crm_catalog_get_department_ids (catalog);
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < tree->len; i++)
      g_string_append_printf (names, "%s%s", i ? "|" : "",
                              crm_catalog_get_department_name (catalog, g_array_index (tree, gint64, i)));
    g_assert_cmpstr (names->str, ==,
                     "Diretoria|Atendimento|Marketing|Vendas|Vendas Rio de Janeiro|Vendas São Paulo");
    g_assert_cmpint (crm_catalog_get_department_parent (catalog, g_array_index (tree, gint64, 0)), ==, 0);
  }

  /* And they are responsible for the deals. */
  deals = list_all (fixture, "deal", CRM_ELEMENT_SORT_TITLE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      g_autoptr(CrmElement) deal = g_list_model_get_item (G_LIST_MODEL (deals), i);
      CrmUser *responsible = crm_catalog_get_user (catalog, crm_element_get_responsible_id (deal));

      g_assert_nonnull (responsible);
      colleague_responsible |= crm_user_get_id (responsible) != crm_session_get_user_id (fixture->session);
    }
  g_assert_true (colleague_responsible);
}

static void
test_pipelines (Fixture       *fixture,
                gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmElementListModel) deals = NULL;
  GListModel *pipelines;
  guint in_pipeline[2] = { 0, 0 };

  fill (fixture, &small_size, 7);

  pipelines = crm_catalog_get_pipelines (catalog, type_id (fixture, "deal"));
  g_assert_cmpuint (g_list_model_get_n_items (pipelines), ==, 2);

  deals = list_all (fixture, "deal", CRM_ELEMENT_SORT_TITLE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      g_autoptr(CrmElement) deal = g_list_model_get_item (G_LIST_MODEL (deals), i);
      CrmStage *stage = crm_catalog_get_stage (catalog, crm_element_get_stage_id (deal));

      g_assert_nonnull (stage);
      g_assert_cmpint (crm_stage_get_pipeline_id (stage), ==, crm_element_get_pipeline_id (deal));
      for (guint p = 0; p < 2; p++)
        {
          g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, p);

          in_pipeline[p] += crm_pipeline_get_id (pipeline) == crm_element_get_pipeline_id (deal);
        }
    }
  g_assert_cmpuint (in_pipeline[0], >, 0);
  g_assert_cmpuint (in_pipeline[1], >, 0);
  g_assert_cmpuint (in_pipeline[0] + in_pipeline[1], ==, small_size.deals);

  {
    g_autoptr(CrmPipeline) corporate = g_list_model_get_item (pipelines, 1);
    g_autoptr(CrmStage) first = g_list_model_get_item (crm_pipeline_get_stages (corporate), 0);

    g_assert_cmpstr (crm_pipeline_get_name (corporate), ==, "Projetos corporativos");
    g_assert_cmpstr (crm_stage_get_name (first), ==, "Qualificação");
  }
}

static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrmElementListModel) deals = NULL;
  g_autoptr(CrmElementListModel) contacts = NULL;
  g_autoptr(CrmElement) deal_row = NULL, deal = NULL, contact_row = NULL, contact = NULL;
  const CrmValue *amount, *phone, *link;
  GPtrArray *phones;

  fill (fixture, &small_size, 7);

  /* The first deal has an amount in reais and a company. */
  deals = list_all (fixture, "deal", CRM_ELEMENT_SORT_TITLE);
  deal_row = g_list_model_get_item (G_LIST_MODEL (deals), 0);
  deal = load (fixture, deal_row);
  amount = crm_element_get_value (deal, field (fixture, "deal", "amount"));
  g_assert_nonnull (amount);
  g_assert_cmpstr (amount->aux, ==, "BRL");
  g_assert_cmpint (amount->number, >=, 2000 * 100);
  g_assert_cmpint (amount->number, <=, 450000 * 100);
  g_assert_nonnull (crm_element_get_value (deal, field (fixture, "deal", "close_date")));

  /* Contacts have a Brazilian mobile phone and, mostly, a company. */
  contacts = list_all (fixture, "contact", CRM_ELEMENT_SORT_TITLE);
  contact_row = g_list_model_get_item (G_LIST_MODEL (contacts), 0);
  contact = load (fixture, contact_row);
  phones = crm_element_get_values (contact, field (fixture, "contact", "phone"));
  g_assert_nonnull (phones);
  phone = g_ptr_array_index (phones, 0);
  g_assert_cmpstr (phone->kind, ==, "mobile");
  g_assert_true (g_str_has_prefix (phone->aux, "+55"));
  g_assert_cmpuint (strlen (phone->aux), ==, 14);
  g_assert_nonnull (crm_element_get_value (contact, field (fixture, "contact", "name")));
  link = crm_element_get_value (contact, field (fixture, "contact", "company"));
  if (link != NULL)
    {
      g_autoptr(CrmElement) company = crm_element_load (fixture->session, link->number, NULL);

      g_assert_nonnull (company);
      g_assert_cmpint (crm_element_get_entity_type_id (company), ==, type_id (fixture, "company"));
    }
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  TimelineCount count;
  guint n_elements = small_size.companies + small_size.contacts + small_size.deals +
                     small_size.leads + small_size.quotes + small_size.invoices;

  fill (fixture, &small_size, 7);
  count_timelines (fixture, &count);

  g_assert_cmpuint (count.created, ==, n_elements);
  g_assert_cmpuint (count.conversations, ==, small_size.timeline_entries);
  g_assert_cmpuint (count.stage_changes, >, 0);
}

static void
test_repeatable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(GStrv) contacts = NULL, deals = NULL, again_contacts = NULL, again_deals = NULL;
  g_auto(GStrv) other_contacts = NULL;

  fill (fixture, &small_size, 2026);
  contacts = titles_by_creation (fixture, "contact");
  deals = titles_by_creation (fixture, "deal");
  fixture_close (fixture);

  fixture_open (fixture, "again.db");
  fill (fixture, &small_size, 2026);
  again_contacts = titles_by_creation (fixture, "contact");
  again_deals = titles_by_creation (fixture, "deal");
  fixture_close (fixture);

  g_assert_cmpuint (g_strv_length (contacts), ==, small_size.contacts);
  g_assert_cmpstrv (contacts, again_contacts);
  g_assert_cmpstrv (deals, again_deals);

  /* Another seed, other people. */
  fixture_open (fixture, "other.db");
  fill (fixture, &small_size, 2027);
  other_contacts = titles_by_creation (fixture, "contact");
  g_assert_false (g_strv_equal ((const char * const *) contacts, (const char * const *) other_contacts));
}

static void
test_refuses_filled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_users, n_changes = 0;
  gulong handler;

  fill (fixture, &small_size, 7);
  n_users = g_list_model_get_n_items (crm_catalog_get_users (crm_store_get_catalog (fixture->store)));

  handler = g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changes_cb), &n_changes);
  g_assert_false (crm_demo_fill (fixture->session, &small_size, 8, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_signal_handler_disconnect (fixture->store, handler);

  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (count_elements (fixture, "contact"), ==, small_size.contacts);
  g_assert_cmpuint (count_elements (fixture, "deal"), ==, small_size.deals);
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_users (crm_store_get_catalog (fixture->store))),
                    ==, n_users);
}

/* A colleague with no role, who may not write elements. */
static CrmSession *
new_intern_session (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = _crm_store_now ();
  CrmSession *intern;
  sqlite3_stmt *stmt;

  g_assert_true (_crm_store_begin (fixture->store, &error));
  stmt = _crm_store_prepare (fixture->store,
                             "INSERT INTO users (login, name, created_at) VALUES ('estagiario', 'Estagiário', ?)",
                             &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  g_assert_true (_crm_store_step_done (fixture->store, stmt, &error));
  _crm_store_note_change (fixture->store, CRM_CHANGE_CATALOG,
                          sqlite3_last_insert_rowid (_crm_store_get_db (fixture->store)), 0);
  g_assert_true (_crm_store_commit (fixture->store, &error));

  g_assert_nonnull (find_user (fixture, "estagiario"));
  intern = crm_session_new (fixture->store, crm_user_get_id (find_user (fixture, "estagiario")), &error);
  g_assert_no_error (error);
  return intern;
}

/* The demo fails after it added the colleagues and the pipeline, and all
 * of it goes away. */
static void
test_failure_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmSession) intern = new_intern_session (fixture);
  g_autoptr(GError) error = NULL;
  guint n_users = g_list_model_get_n_items (crm_catalog_get_users (catalog));
  guint n_changes = 0;
  gulong handler;

  handler = g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changes_cb), &n_changes);
  g_assert_false (crm_demo_fill (intern, &small_size, 7, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_signal_handler_disconnect (fixture->store, handler);

  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_true (crm_store_is_empty (fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_users (catalog)), ==, n_users);
  g_assert_null (find_user (fixture, "mariana.costa"));
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_pipelines (catalog, type_id (fixture, "deal"))), ==, 1);

  /* The database is still good for a demo. */
  fill (fixture, &small_size, 7);
}

/* Inside the caller's transaction, the failure leaves the catalog as the
 * transaction had it. */
static void
test_failure_in_transaction (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmSession) intern = new_intern_session (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_false (crm_demo_fill (intern, &small_size, 7, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_assert_null (find_user (fixture, "mariana.costa"));
  g_assert_nonnull (find_user (fixture, "estagiario"));
  g_assert_cmpuint (g_list_model_get_n_items (crm_catalog_get_pipelines (catalog, type_id (fixture, "deal"))), ==, 1);
  crm_store_rollback (fixture->store);
  g_assert_true (crm_store_is_empty (fixture->store));
}

/* The size --demo uses, which must fill in a few seconds. */
static void
test_default_fill (Fixture       *fixture,
                   gconstpointer  data)
{
  const CrmDemoSize *size = crm_demo_get_default_size ();
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmElementListModel) leads = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gint64 repeat = crm_catalog_find_lead_kind (catalog, "repeat");
  guint n_repeat = 0;

  fill (fixture, size, 1);
  g_test_message ("Default demo filled in %.2f s", g_timer_elapsed (timer, NULL));

  g_assert_cmpuint (count_elements (fixture, "company"), ==, size->companies);
  g_assert_cmpuint (count_elements (fixture, "contact"), ==, size->contacts);
  g_assert_cmpuint (count_elements (fixture, "deal"), ==, size->deals);
  g_assert_cmpuint (count_elements (fixture, "invoice"), ==, size->invoices);

  leads = list_all (fixture, "lead", CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (leads)), ==, size->leads);
  for (guint i = 0; i < size->leads; i++)
    {
      g_autoptr(CrmElement) lead = g_list_model_get_item (G_LIST_MODEL (leads), i);

      n_repeat += crm_element_get_lead_kind_id (lead) == repeat;
    }
  g_assert_cmpuint (n_repeat, >, 0);
  g_assert_cmpuint (n_repeat, <, size->leads / 2);
}

/* The corporate pipeline's "Contrato" stage asks for the contract number:
 * the deals before it lack one, the deals there and after have it. */
static void
test_gated_stage (Fixture       *fixture,
                  gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (fixture->store);
  g_autoptr(CrmElementListModel) deals = NULL;
  g_autoptr(CrmPipeline) corporate = NULL;
  g_autoptr(CrmStage) contract = NULL;
  guint n_before = 0, n_after = 0;

  fill (fixture, &small_size, 7);

  corporate = g_list_model_get_item (crm_catalog_get_pipelines (catalog, type_id (fixture, "deal")), 1);
  contract = g_list_model_get_item (crm_pipeline_get_stages (corporate), 3);
  g_assert_cmpstr (crm_stage_get_code (contract), ==, "contract");

  deals = list_all (fixture, "deal", CRM_ELEMENT_SORT_TITLE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (deals)); i++)
    {
      g_autoptr(CrmElement) row = g_list_model_get_item (G_LIST_MODEL (deals), i);
      g_autoptr(CrmElement) deal = NULL;
      g_autoptr(GPtrArray) missing = NULL;

      if (crm_element_get_pipeline_id (row) != crm_pipeline_get_id (corporate))
        continue;
      deal = load (fixture, row);
      missing = crm_element_get_missing_at_stage (fixture->session, deal, crm_stage_get_id (contract));
      if (crm_pipeline_get_stage_index (corporate, crm_element_get_stage_id (deal)) < 3)
        {
          g_assert_cmpuint (missing->len, ==, 1);
          g_assert_cmpstr (crm_field_get_label (g_ptr_array_index (missing, 0)), ==, "Número do contrato");
          n_before++;
        }
      else
        {
          g_assert_cmpuint (missing->len, ==, 0);
          n_after++;
        }
    }
  g_assert_cmpuint (n_before, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/default-size", test_default_size);
#define ADD(path, func) \
  g_test_add ("/demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("counts", test_counts);
  ADD ("people", test_people);
  ADD ("pipelines", test_pipelines);
  ADD ("gated-stage", test_gated_stage);
  ADD ("values", test_values);
  ADD ("timeline", test_timeline);
  ADD ("repeatable", test_repeatable);
  ADD ("refuses-filled", test_refuses_filled);
  ADD ("failure-writes-nothing", test_failure_writes_nothing);
  ADD ("failure-in-transaction", test_failure_in_transaction);
  ADD ("default-fill", test_default_fill);
#undef ADD

  return g_test_run ();
}
