/* test-layout.c — crm_layout_resolve (): standard layouts per card kind,
 * hidden fields, tabs, field visibility, and which layout a user gets
 * (DESIGN.md §1: forced standard > view for the user or their department >
 * personal, if chosen and permitted > standard)
 *
 * What has no public API yet (pipelines, views, personal layouts, users,
 * departments, visibility) is written with SQL on the database file, and
 * the store opened again. Runs with LC_ALL=C.UTF-8: titles read in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  guint       n_layout_changes;
  gulong      changed_id;
  gint64      deal;
  gint64      contact;
  gint64      lead;
  gint64      company;
} Fixture;

/* ---- Fixture ------------------------------------------------------------------ */

static void
store_changed_cb (CrmStore  *store,
                  CrmChange *change,
                  Fixture   *f)
{
  for (guint i = 0; i < crm_change_get_n_items (change); i++)
    if (crm_change_get_item (change, i)->kind == CRM_CHANGE_LAYOUT)
      f->n_layout_changes++;
}

static gint64
type_id (Fixture    *f,
         const char *code)
{
  CrmEntityType *type = crm_catalog_find_entity_type (crm_store_get_catalog (f->store), code);

  g_assert_nonnull (type);
  return crm_entity_type_get_id (type);
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (crm_session_is_admin (f->session));
  f->changed_id = g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), f);
  f->deal = type_id (f, "deal");
  f->contact = type_id (f, "contact");
  f->lead = type_id (f, "lead");
  f->company = type_id (f, "company");
}

static void
close_store (Fixture *f)
{
  g_clear_signal_handler (&f->changed_id, f->store);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  f->session = NULL;
  f->store = NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  open_store (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_store (f);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}



/* Writes behind the store's back, then opens it again. */
static void
reopen_with_sql (Fixture    *f,
                 const char *sql)
{
  close_store (f);
  crm_test_exec_sql (f->path, sql);
  open_store (f);
}

static CrmLayout *
resolve (CrmSession *session,
         gint64      entity_type_id,
         gint64      pipeline_id,
         gint64      lead_kind_id)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session, entity_type_id, pipeline_id, lead_kind_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpint (crm_layout_get_entity_type_id (layout), ==, entity_type_id);
  return layout;
}

static CrmSession *
session_for (Fixture *f,
             gint64   user_id)
{
  g_autoptr(GError) error = NULL;
  CrmSession *session = crm_session_new (f->store, user_id, &error);

  g_assert_no_error (error);
  return session;
}

/* The codes of a list of fields, joined by spaces. */
static char *
field_codes (GListModel *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      g_assert_true (CRM_IS_FIELD (field));
      g_string_append_printf (text, "%s%s", i ? " " : "", crm_field_get_code (field));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static CrmLayoutSection *
section_at (CrmLayout *layout,
            guint      position)
{
  CrmLayoutSection *section = g_list_model_get_item (crm_layout_get_sections (layout), position);

  g_assert_nonnull (section);
  g_object_unref (section);  /* the layout keeps it */
  return section;
}

static char *
section_codes (CrmLayout *layout,
               guint      position)
{
  return field_codes (crm_layout_section_get_fields (section_at (layout, position)));
}

static char *
hidden_codes (CrmLayout *layout)
{
  return field_codes (crm_layout_get_hidden_fields (layout));
}

static char *
tab_codes (CrmLayout *layout)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GArray *tabs = crm_layout_get_tabs (layout);

  for (guint i = 0; i < tabs->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", crm_tab_to_code (g_array_index (tabs, CrmTab, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
layout_shows_field (CrmLayout *layout,
                    gint64     field_id)
{
  GListModel *sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      GListModel *fields = crm_layout_section_get_fields (section_at (layout, i));

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          if (crm_field_get_id (field) == field_id)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
layout_hides_field (CrmLayout *layout,
                    gint64     field_id)
{
  GListModel *hidden = crm_layout_get_hidden_fields (layout);

  for (guint i = 0; i < g_list_model_get_n_items (hidden); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (hidden, i);

      if (crm_field_get_id (field) == field_id)
        return TRUE;
    }
  return FALSE;
}

static gint64
default_pipeline (Fixture *f)
{
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (crm_store_get_catalog (f->store), f->deal);

  g_assert_nonnull (pipeline);
  return crm_pipeline_get_id (pipeline);
}

/* ---- Standard layouts ------------------------------------------------------------ */

static void
test_standard_deal (Fixture       *f,
                    gconstpointer  data)
{
  gint64 pipeline = default_pipeline (f);
  CrmLayout *layout = resolve (f->session, f->deal, pipeline, 0);
  g_autofree char *about = NULL, *more = NULL, *hidden = NULL;
  CrmLayoutSection *section;

  g_assert_cmpint (crm_layout_get_scope (layout), ==, CRM_LAYOUT_STANDARD);
  g_assert_null (crm_layout_get_name (layout));
  g_assert_cmpint (crm_layout_get_id (layout), >, 0);
  g_assert_cmpint (crm_layout_get_pipeline_id (layout), ==, pipeline);
  g_assert_cmpint (crm_layout_get_lead_kind_id (layout), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (crm_layout_get_sections (layout)), ==, 2);
  g_assert_true (g_list_model_get_item_type (crm_layout_get_sections (layout)) == CRM_TYPE_LAYOUT_SECTION);
  section = section_at (layout, 0);
  g_assert_cmpint (crm_layout_section_get_id (section), >, 0);
  g_assert_cmpstr (crm_layout_section_get_code (section), ==, "about");
  g_assert_cmpstr (crm_layout_section_get_title (section), ==, "About deal");
  section = section_at (layout, 1);
  g_assert_cmpstr (crm_layout_section_get_code (section), ==, "more");
  g_assert_cmpstr (crm_layout_section_get_title (section), ==, "More");

  about = section_codes (layout, 0);
  more = section_codes (layout, 1);
  hidden = hidden_codes (layout);
  g_assert_cmpstr (about, ==, "title stage amount close_date contact company");
  g_assert_cmpstr (more, ==, "pipeline deal_type source source_description start_date probability "
                             "responsible comments");
  /* The type's fields in no section. */
  g_assert_cmpstr (hidden, ==, "created_at created_by updated_at updated_by");

  /* Every field of the type is shown or hidden, once. */
  {
    GListModel *fields = crm_catalog_get_fields (crm_store_get_catalog (f->store), f->deal);

    for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
      {
        g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
        gint64 id = crm_field_get_id (field);

        g_assert_true (layout_shows_field (layout, id) != layout_hides_field (layout, id));
      }
  }

  /* Fields carry their labels. */
  {
    g_autoptr(CrmField) first = g_list_model_get_item (crm_layout_section_get_fields (section_at (layout, 0)), 0);

    g_assert_cmpstr (crm_field_get_label (first), ==, "Deal name");
  }

  g_assert_finalize_object (layout);
}

static void
test_standard_once (Fixture       *f,
                    gconstpointer  data)
{
  gint64 pipeline = default_pipeline (f);
  CrmLayout *first, *second;
  gint64 id;

  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts"), ==, 0);
  f->n_layout_changes = 0;

  first = resolve (f->session, f->deal, pipeline, 0);
  id = crm_layout_get_id (first);
  g_assert_cmpuint (f->n_layout_changes, ==, 1);
  g_assert_finalize_object (first);

  second = resolve (f->session, f->deal, pipeline, 0);
  g_assert_cmpint (crm_layout_get_id (second), ==, id);
  g_assert_cmpuint (f->n_layout_changes, ==, 1);
  g_assert_finalize_object (second);

  /* Still one after opening the database again. */
  close_store (f);
  open_store (f);
  second = resolve (f->session, f->deal, pipeline, 0);
  g_assert_cmpint (crm_layout_get_id (second), ==, id);
  g_assert_finalize_object (second);

  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts WHERE scope = 'standard'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layout_sections"), ==, 2);

  /* Types without pipelines or kinds ignore what is passed for them. */
  {
    CrmLayout *plain = resolve (f->session, f->contact, 0, 0);
    CrmLayout *odd = resolve (f->session, f->contact, pipeline,
                              crm_catalog_find_lead_kind (crm_store_get_catalog (f->store), "repeat"));

    g_assert_cmpint (crm_layout_get_id (odd), ==, crm_layout_get_id (plain));
    g_assert_cmpint (crm_layout_get_pipeline_id (odd), ==, 0);
    g_assert_cmpint (crm_layout_get_lead_kind_id (odd), ==, 0);
    g_assert_finalize_object (plain);
    g_assert_finalize_object (odd);
  }
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts WHERE scope = 'standard'"), ==, 2);

  /* No such type: an error, and nothing written. */
  {
    g_autoptr(GError) error = NULL;
    CrmLayout *none = crm_layout_resolve (f->session, 987654, 0, 0, &error);

    g_assert_null (none);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts"), ==, 2);
  }
}

static void
test_standard_lead_kinds (Fixture       *f,
                          gconstpointer  data)
{
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 regular = crm_catalog_find_lead_kind (catalog, "regular");
  gint64 repeat = crm_catalog_find_lead_kind (catalog, "repeat");
  CrmLayout *a, *b, *c;
  g_autofree char *a_about = NULL, *b_about = NULL, *a_more = NULL, *b_more = NULL;

  g_assert_cmpint (regular, >, 0);
  g_assert_cmpint (repeat, >, 0);
  g_assert_cmpint (regular, !=, repeat);

  a = resolve (f->session, f->lead, 0, regular);
  b = resolve (f->session, f->lead, 0, repeat);
  g_assert_cmpint (crm_layout_get_id (a), !=, crm_layout_get_id (b));
  g_assert_cmpint (crm_layout_get_lead_kind_id (a), ==, regular);
  g_assert_cmpint (crm_layout_get_lead_kind_id (b), ==, repeat);
  g_assert_cmpint (crm_layout_get_scope (b), ==, CRM_LAYOUT_STANDARD);

  g_assert_cmpstr (crm_layout_section_get_title (section_at (a, 0)), ==, "About lead");
  g_assert_cmpstr (crm_layout_section_get_title (section_at (b, 0)), ==, "About lead");
  a_about = section_codes (a, 0);
  b_about = section_codes (b, 0);
  a_more = section_codes (a, 1);
  b_more = section_codes (b, 1);
  g_assert_cmpstr (a_about, ==, "title stage honorific name second_name last_name position company_name "
                                "phone email messenger");
  g_assert_cmpstr (a_more, ==, "amount source source_description website address birthdate responsible comments");
  g_assert_cmpstr (b_about, ==, "title stage contact company phone email");
  g_assert_cmpstr (b_more, ==, "amount source source_description responsible comments");

  /* A repeat lead's card hides what it does not need. */
  g_assert_true (layout_hides_field (b, crm_field_get_id (crm_catalog_find_field (catalog, f->lead, "name"))));
  g_assert_false (layout_hides_field (a, crm_field_get_id (crm_catalog_find_field (catalog, f->lead, "name"))));

  /* No kind given: a regular lead. */
  c = resolve (f->session, f->lead, 0, 0);
  g_assert_cmpint (crm_layout_get_id (c), ==, crm_layout_get_id (a));
  g_assert_cmpint (crm_layout_get_lead_kind_id (c), ==, regular);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
}

static void
test_standard_pipelines (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *sql = NULL;
  gint64 first_pipeline = default_pipeline (f), second_pipeline;
  CrmLayout *a, *b;
  g_autofree char *a_about = NULL, *b_about = NULL;

  /* A second deal pipeline ("Corporate"), with two stages. */
  sql = g_strdup_printf ("INSERT INTO pipelines (id, entity_type_id, code, name, is_default, sort) "
                         "VALUES (4000, %" G_GINT64_FORMAT ", 'corporate', 'Corporate', 0, 1);"
                         "INSERT INTO stages (pipeline_id, code, name, semantics, sort) VALUES "
                         "(4000, 'qualify', 'Qualify', 'progress', 0), (4000, 'signed', 'Signed', 'success', 1);",
                         f->deal);
  reopen_with_sql (f, sql);
  second_pipeline = 4000;
  g_assert_nonnull (crm_catalog_get_pipeline (crm_store_get_catalog (f->store), second_pipeline));
  g_assert_cmpint (default_pipeline (f), ==, first_pipeline);

  a = resolve (f->session, f->deal, first_pipeline, 0);
  b = resolve (f->session, f->deal, second_pipeline, 0);
  g_assert_cmpint (crm_layout_get_id (a), !=, crm_layout_get_id (b));
  g_assert_cmpint (crm_layout_get_pipeline_id (a), ==, first_pipeline);
  g_assert_cmpint (crm_layout_get_pipeline_id (b), ==, second_pipeline);
  g_assert_cmpint (crm_layout_get_scope (b), ==, CRM_LAYOUT_STANDARD);

  /* Both start from the deal default, as separate rows. */
  a_about = section_codes (a, 0);
  b_about = section_codes (b, 0);
  g_assert_cmpstr (a_about, ==, b_about);
  g_assert_cmpint (crm_layout_section_get_id (section_at (a, 0)), !=,
                   crm_layout_section_get_id (section_at (b, 0)));
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts WHERE scope = 'standard'"), ==, 2);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);

  /* Each pipeline keeps its own. */
  a = resolve (f->session, f->deal, second_pipeline, 0);
  g_assert_cmpint (crm_layout_get_pipeline_id (a), ==, second_pipeline);
  g_assert_cmpint (crm_test_query_int (f->path, "SELECT count(*) FROM layouts WHERE scope = 'standard'"), ==, 2);
  g_assert_finalize_object (a);
}

/* ---- Tabs -------------------------------------------------------------------------- */

static void
test_tabs (Fixture       *f,
           gconstpointer  data)
{
  gint64 pipeline = default_pipeline (f);
  CrmLayout *deal = resolve (f->session, f->deal, pipeline, 0);
  CrmLayout *contact = resolve (f->session, f->contact, 0, 0);
  gint64 deal_layout = crm_layout_get_id (deal), contact_layout = crm_layout_get_id (contact);
  g_autofree char *deal_tabs = tab_codes (deal);
  g_autofree char *contact_tabs = tab_codes (contact);
  g_autofree char *sql = NULL;

  g_assert_cmpstr (deal_tabs, ==, "general products dependencies history documents");
  g_assert_cmpstr (contact_tabs, ==, "general dependencies history documents");
  for (CrmTab tab = 0; tab < CRM_TAB_LAST; tab++)
    g_assert_false (crm_layout_is_tab_hidden (deal, tab));

  /* Codes and labels. */
  {
    CrmTab tab = CRM_TAB_LAST;

    g_assert_true (crm_tab_from_code ("documents", &tab));
    g_assert_cmpint (tab, ==, CRM_TAB_DOCUMENTS);
    g_assert_false (crm_tab_from_code ("timeline", &tab));
    g_assert_cmpstr (crm_tab_get_label (CRM_TAB_GENERAL), ==, "General");
    g_assert_cmpstr (crm_tab_get_label (CRM_TAB_PRODUCTS), ==, "Products");
  }
  g_assert_finalize_object (deal);
  g_assert_finalize_object (contact);

  /* Stored settings: an order, hidden tabs, and General "hidden", which
   * cannot be: it is the card itself. */
  sql = g_strdup_printf ("INSERT INTO layout_tabs (layout_id, tab, sort, hidden) VALUES "
                         "(%1$" G_GINT64_FORMAT ", 'documents', 0, 0), "
                         "(%1$" G_GINT64_FORMAT ", 'history', 1, 1), "
                         "(%1$" G_GINT64_FORMAT ", 'general', 2, 1), "
                         "(%1$" G_GINT64_FORMAT ", 'no-such-tab', 3, 0);",
                         deal_layout);
  reopen_with_sql (f, sql);
  deal = resolve (f->session, f->deal, pipeline, 0);
  g_clear_pointer (&deal_tabs, g_free);
  deal_tabs = tab_codes (deal);
  g_assert_cmpstr (deal_tabs, ==, "general documents products dependencies");
  g_assert_false (crm_layout_is_tab_hidden (deal, CRM_TAB_GENERAL));
  g_assert_true (crm_layout_is_tab_hidden (deal, CRM_TAB_HISTORY));
  g_assert_false (crm_layout_is_tab_hidden (deal, CRM_TAB_PRODUCTS));
  g_assert_finalize_object (deal);

  /* General can be moved, though. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE layout_tabs SET hidden = 0 WHERE layout_id = %" G_GINT64_FORMAT
                         " AND tab = 'general';", deal_layout);
  reopen_with_sql (f, sql);
  deal = resolve (f->session, f->deal, pipeline, 0);
  g_clear_pointer (&deal_tabs, g_free);
  deal_tabs = tab_codes (deal);
  g_assert_cmpstr (deal_tabs, ==, "documents general products dependencies");
  g_assert_finalize_object (deal);

  /* Other card kinds keep their own settings. */
  contact = resolve (f->session, f->contact, 0, 0);
  g_assert_cmpint (crm_layout_get_id (contact), ==, contact_layout);
  g_clear_pointer (&contact_tabs, g_free);
  contact_tabs = tab_codes (contact);
  g_assert_cmpstr (contact_tabs, ==, "general dependencies history documents");
  g_assert_finalize_object (contact);
}

/* A type without products never shows the Products tab, whatever the
 * stored settings say (they may predate a change of the type, or come
 * from an import). */
static void
test_tabs_products_only_with_products (Fixture       *f,
                                       gconstpointer  data)
{
  CrmLayout *contact = resolve (f->session, f->contact, 0, 0);
  gint64 contact_layout = crm_layout_get_id (contact);
  g_autofree char *contact_tabs = NULL;
  g_autofree char *sql = NULL;

  g_assert_finalize_object (contact);
  sql = g_strdup_printf ("INSERT INTO layout_tabs (layout_id, tab, sort, hidden) VALUES "
                         "(%" G_GINT64_FORMAT ", 'products', 0, 0);", contact_layout);
  reopen_with_sql (f, sql);
  contact = resolve (f->session, f->contact, 0, 0);
  contact_tabs = tab_codes (contact);
  g_assert_cmpstr (contact_tabs, ==, "general dependencies history documents");
  g_assert_finalize_object (contact);
}

/* ---- Fields ------------------------------------------------------------------------- */

static void
test_custom_field_hidden (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before_about = NULL, *before_more = NULL;
  g_autofree char *after_about = NULL, *after_more = NULL, *hidden = NULL, *expected = NULL;
  CrmLayout *layout;
  gint64 id, field, company_field;

  layout = resolve (f->session, f->contact, 0, 0);
  id = crm_layout_get_id (layout);
  before_about = section_codes (layout, 0);
  before_more = section_codes (layout, 1);
  g_clear_pointer (&hidden, g_free);
  hidden = hidden_codes (layout);
  g_assert_cmpstr (hidden, ==, "created_at created_by updated_at updated_by");
  g_assert_finalize_object (layout);

  field = crm_field_create (f->session, f->contact, "Time do coração", CRM_FIELD_TYPE_STRING,
                            FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (field, >, 0);

  /* Placed nowhere in the existing layout: hidden. */
  layout = resolve (f->session, f->contact, 0, 0);
  g_assert_cmpint (crm_layout_get_id (layout), ==, id);
  after_about = section_codes (layout, 0);
  after_more = section_codes (layout, 1);
  g_assert_cmpstr (after_about, ==, before_about);
  g_assert_cmpstr (after_more, ==, before_more);
  g_assert_false (layout_shows_field (layout, field));
  g_assert_true (layout_hides_field (layout, field));
  g_clear_pointer (&hidden, g_free);
  hidden = hidden_codes (layout);
  expected = g_strdup_printf ("created_at created_by updated_at updated_by uf_%" G_GINT64_FORMAT, field);
  g_assert_cmpstr (hidden, ==, expected);
  g_assert_finalize_object (layout);

  /* A custom field made before a built-in type's first layout is hidden
   * in it too: the default only places the built-in fields. */
  company_field = crm_field_create (f->session, f->company, "Número de filiais", CRM_FIELD_TYPE_INTEGER,
                                    FALSE, NULL, &error);
  g_assert_no_error (error);
  layout = resolve (f->session, f->company, 0, 0);
  g_assert_true (layout_hides_field (layout, company_field));
  g_assert_false (layout_shows_field (layout, company_field));
  g_assert_finalize_object (layout);
}

static void
test_field_visibility (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  CrmLayout *layout;
  gint64 layout_id, secret, team;

  /* Two custom fields, put in the "about" section of the contact card:
   * one visible to user 601 only, one to the department Vendas (800),
   * whose sub-department Vendas SP (801) has user 603. */
  secret = crm_field_create (f->session, f->contact, "Comissão", CRM_FIELD_TYPE_STRING, FALSE, NULL, &error);
  g_assert_no_error (error);
  team = crm_field_create (f->session, f->contact, "Meta do time", CRM_FIELD_TYPE_STRING, FALSE, NULL, &error);
  g_assert_no_error (error);
  layout = resolve (f->session, f->contact, 0, 0);
  layout_id = crm_layout_get_id (layout);
  g_assert_finalize_object (layout);

  sql = g_strdup_printf ("INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
                         "(601, 'u601', 'Pode Ver', 0, '2024-01-01T00:00:00.000Z'), "
                         "(602, 'u602', 'Não Pode Ver', 0, '2024-01-01T00:00:00.000Z'), "
                         "(603, 'u603', 'Do Time', 0, '2024-01-01T00:00:00.000Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id > 600;"
                         "INSERT INTO departments (id, name, parent_id) VALUES (800, 'Vendas', NULL), "
                         "  (801, 'Vendas SP', 800);"
                         "INSERT INTO user_departments (user_id, department_id) VALUES (603, 801);"
                         "INSERT INTO field_visibility (field_id, user_id) VALUES (%1$" G_GINT64_FORMAT ", 601);"
                         "INSERT INTO field_visibility (field_id, department_id) VALUES (%2$" G_GINT64_FORMAT ", 800);"
                         "INSERT INTO layout_placements (section_id, field_id, sort) "
                         "  SELECT id, %1$" G_GINT64_FORMAT ", 100 FROM layout_sections "
                         "  WHERE layout_id = %3$" G_GINT64_FORMAT " AND code = 'about';"
                         "INSERT INTO layout_placements (section_id, field_id, sort) "
                         "  SELECT id, %2$" G_GINT64_FORMAT ", 101 FROM layout_sections "
                         "  WHERE layout_id = %3$" G_GINT64_FORMAT " AND code = 'about';",
                         secret, team, layout_id);
  reopen_with_sql (f, sql);

  /* The administrator sees both. */
  layout = resolve (f->session, f->contact, 0, 0);
  {
    g_autofree char *about = section_codes (layout, 0);
    g_autofree char *expected = g_strdup_printf ("honorific name second_name last_name position company "
                                                 "phone email messenger uf_%" G_GINT64_FORMAT
                                                 " uf_%" G_GINT64_FORMAT, secret, team);

    g_assert_cmpstr (about, ==, expected);
  }
  g_assert_finalize_object (layout);

  /* User 601 sees the field made for them, not the team's. */
  {
    g_autoptr(CrmSession) session = session_for (f, 601);

    layout = resolve (session, f->contact, 0, 0);
    g_assert_cmpint (crm_layout_get_id (layout), ==, layout_id);
    g_assert_true (layout_shows_field (layout, secret));
    g_assert_false (layout_shows_field (layout, team));
    g_assert_false (layout_hides_field (layout, team));
    g_assert_finalize_object (layout);
  }

  /* User 602 sees neither, in a section or among the hidden fields. */
  {
    g_autoptr(CrmSession) session = session_for (f, 602);
    g_autofree char *about = NULL;

    layout = resolve (session, f->contact, 0, 0);
    about = section_codes (layout, 0);
    g_assert_cmpstr (about, ==, "honorific name second_name last_name position company phone email messenger");
    g_assert_false (layout_shows_field (layout, secret));
    g_assert_false (layout_hides_field (layout, secret));
    g_assert_false (layout_shows_field (layout, team));
    g_assert_false (layout_hides_field (layout, team));
    g_assert_finalize_object (layout);
  }

  /* User 603, in a sub-department of Vendas, sees the team's field. */
  {
    g_autoptr(CrmSession) session = session_for (f, 603);

    layout = resolve (session, f->contact, 0, 0);
    g_assert_false (layout_shows_field (layout, secret));
    g_assert_true (layout_shows_field (layout, team));
    g_assert_finalize_object (layout);
  }
}

/* ---- Which layout a user gets ------------------------------------------------------ */

#define SECTION_SQL(layout, title) \
  "INSERT INTO layout_sections (layout_id, code, title, sort) VALUES (" layout ", NULL, '" title "', 0);"

static char *
first_section_title (CrmLayout *layout)
{
  return g_strdup (crm_layout_section_get_title (section_at (layout, 0)));
}

static void
assert_resolves (Fixture        *f,
                 gint64          user_id,
                 CrmLayoutScope  scope,
                 gint64          layout_id,
                 const char     *name,
                 const char     *section)
{
  g_autoptr(CrmSession) session = user_id ? session_for (f, user_id) : g_object_ref (f->session);
  CrmLayout *layout = resolve (session, f->contact, 0, 0);
  g_autofree char *title = first_section_title (layout);

  if (crm_layout_get_scope (layout) != scope || crm_layout_get_id (layout) != layout_id)
    g_error ("user %" G_GINT64_FORMAT " got layout %" G_GINT64_FORMAT " (scope %d, “%s”), "
             "expected %" G_GINT64_FORMAT " (scope %d)",
             user_id, crm_layout_get_id (layout), crm_layout_get_scope (layout),
             crm_layout_get_name (layout) ? crm_layout_get_name (layout) : "", layout_id, scope);
  g_assert_cmpstr (crm_layout_get_name (layout), ==, name);
  g_assert_cmpstr (title, ==, section);
  g_assert_finalize_object (layout);
}

static void
test_resolution (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sql = NULL;
  CrmLayout *standard;
  gint64 standard_id;

  standard = resolve (f->session, f->contact, 0, 0);
  standard_id = crm_layout_get_id (standard);
  g_assert_finalize_object (standard);

  /*   701 Bia:   view assigned to her, and member of Vendas, and a personal
   *              layout she chose: her view.
   *   702 Caio:  member of Vendas: the department's view.
   *   703 Duda:  a personal layout she chose: it.
   *   704 Edu:   a personal layout he did not choose: standard.
   *   705 Fabi:  a personal layout she chose but no role allowing one: standard.
   *   706 Gil:   chose personal but has none: standard.
   *   707 Hugo:  a deal view only: standard for contacts.
   */
  sql = g_strdup_printf (
    "INSERT INTO users (id, login, name, is_admin, created_at) VALUES "
    "(701, 'bia', 'Bia', 0, '2024-01-01T00:00:00.000Z'), (702, 'caio', 'Caio', 0, '2024-01-01T00:00:00.000Z'), "
    "(703, 'duda', 'Duda', 0, '2024-01-01T00:00:00.000Z'), (704, 'edu', 'Edu', 0, '2024-01-01T00:00:00.000Z'), "
    "(705, 'fabi', 'Fabi', 0, '2024-01-01T00:00:00.000Z'), (706, 'gil', 'Gil', 0, '2024-01-01T00:00:00.000Z'), "
    "(707, 'hugo', 'Hugo', 0, '2024-01-01T00:00:00.000Z');"
    "INSERT INTO role_assignments (role_id, user_id) "
    "  SELECT r.id, u.id FROM roles r, users u WHERE r.code = 'employee' AND u.id > 700 AND u.id <> 705;"
    "INSERT INTO departments (id, name) VALUES (900, 'Vendas');"
    "INSERT INTO user_departments (user_id, department_id) VALUES (701, 900), (702, 900);"
    "INSERT INTO layouts (id, entity_type_id, scope, user_id, name, updated_at) VALUES "
    "  (9001, %1$" G_GINT64_FORMAT ", 'view', NULL, 'Visão da Bia', '2024-01-01T00:00:00.000Z'), "
    "  (9002, %1$" G_GINT64_FORMAT ", 'view', NULL, 'Visão de Vendas', '2024-01-01T00:00:00.000Z'), "
    "  (9003, %2$" G_GINT64_FORMAT ", 'view', NULL, 'Negócios do Hugo', '2024-01-01T00:00:00.000Z'), "
    "  (9101, %1$" G_GINT64_FORMAT ", 'personal', 701, NULL, '2024-01-01T00:00:00.000Z'), "
    "  (9103, %1$" G_GINT64_FORMAT ", 'personal', 703, NULL, '2024-01-01T00:00:00.000Z'), "
    "  (9104, %1$" G_GINT64_FORMAT ", 'personal', 704, NULL, '2024-01-01T00:00:00.000Z'), "
    "  (9105, %1$" G_GINT64_FORMAT ", 'personal', 705, NULL, '2024-01-01T00:00:00.000Z');"
    SECTION_SQL ("9001", "Seção da Bia")
    SECTION_SQL ("9002", "Seção de Vendas")
    SECTION_SQL ("9003", "Seção do Hugo")
    SECTION_SQL ("9101", "Pessoal da Bia")
    SECTION_SQL ("9103", "Pessoal da Duda")
    SECTION_SQL ("9104", "Pessoal do Edu")
    SECTION_SQL ("9105", "Pessoal da Fabi")
    "INSERT INTO layout_assignments (layout_id, user_id, department_id) VALUES "
    "  (9002, NULL, 900), (9001, 701, NULL), (9003, 707, NULL);"
    "INSERT INTO layout_choices (user_id, entity_type_id, use_personal) VALUES "
    "  (701, %1$" G_GINT64_FORMAT ", 1), (703, %1$" G_GINT64_FORMAT ", 1), (704, %1$" G_GINT64_FORMAT ", 0), "
    "  (705, %1$" G_GINT64_FORMAT ", 1), (706, %1$" G_GINT64_FORMAT ", 1);",
    f->contact, f->deal);
  reopen_with_sql (f, sql);

  assert_resolves (f, 701, CRM_LAYOUT_VIEW, 9001, "Visão da Bia", "Seção da Bia");
  assert_resolves (f, 702, CRM_LAYOUT_VIEW, 9002, "Visão de Vendas", "Seção de Vendas");
  assert_resolves (f, 703, CRM_LAYOUT_PERSONAL, 9103, NULL, "Pessoal da Duda");
  assert_resolves (f, 704, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
  assert_resolves (f, 705, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
  assert_resolves (f, 706, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
  assert_resolves (f, 707, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
  assert_resolves (f, 0, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");

  /* A view shows only what it places; the rest of the type is hidden. */
  {
    g_autoptr(CrmSession) session = session_for (f, 702);
    CrmLayout *layout = resolve (session, f->contact, 0, 0);
    GListModel *hidden = crm_layout_get_hidden_fields (layout);
    GListModel *all = crm_catalog_get_fields (crm_store_get_catalog (f->store), f->contact);

    g_assert_cmpuint (g_list_model_get_n_items (crm_layout_get_sections (layout)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (crm_layout_section_get_fields (section_at (layout, 0))), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (hidden), ==, g_list_model_get_n_items (all));
    g_assert_finalize_object (layout);
  }

  /* Forced standard: everyone gets it. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE layouts SET forced = 1 WHERE id = %" G_GINT64_FORMAT ";", standard_id);
  reopen_with_sql (f, sql);
  for (gint64 user = 701; user <= 707; user++)
    assert_resolves (f, user, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
  assert_resolves (f, 0, CRM_LAYOUT_STANDARD, standard_id, NULL, "About contact");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/layout/standard/deal", Fixture, NULL,
              fixture_set_up, test_standard_deal, fixture_tear_down);
  g_test_add ("/layout/standard/once", Fixture, NULL,
              fixture_set_up, test_standard_once, fixture_tear_down);
  g_test_add ("/layout/standard/lead-kinds", Fixture, NULL,
              fixture_set_up, test_standard_lead_kinds, fixture_tear_down);
  g_test_add ("/layout/standard/pipelines", Fixture, NULL,
              fixture_set_up, test_standard_pipelines, fixture_tear_down);
  g_test_add ("/layout/tabs/order-and-hidden", Fixture, NULL,
              fixture_set_up, test_tabs, fixture_tear_down);
  g_test_add ("/layout/fields/custom-field-hidden", Fixture, NULL,
              fixture_set_up, test_custom_field_hidden, fixture_tear_down);
  g_test_add ("/layout/fields/visibility", Fixture, NULL,
              fixture_set_up, test_field_visibility, fixture_tear_down);
  g_test_add ("/layout/resolution", Fixture, NULL,
              fixture_set_up, test_resolution, fixture_tear_down);

  g_test_add ("/layout/stored-tabs/products-only-with-products", Fixture, NULL,
              fixture_set_up, test_tabs_products_only_with_products, fixture_tear_down);

  return g_test_run ();
}
