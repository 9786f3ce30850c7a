/* test-layout-edit.c — shaping cards: sections, fields, tabs, and the
 * rules that refuse bad edits
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
  guint       changes;
} Fixture;

static void
changed_cb (CrmStore  *store,
            CrmChange *change,
            Fixture   *fixture)
{
  if (crm_change_has_kind (change, CRM_CHANGE_LAYOUT))
    fixture->changes++;
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->session = crm_session_new_for_desktop_user (fixture->store, &error);
  g_assert_no_error (error);
  fixture->catalog = crm_store_get_catalog (fixture->store);
  fixture->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "deal"));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_close (Fixture *fixture)
{
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, fixture);
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->store);
  fixture->session = NULL;
  fixture->store = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = crm_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture_open (fixture);
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


static CrmLayout *
resolve (Fixture    *fixture,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session ? session : fixture->session,
                                          fixture->deal_type, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* "title|stage|…" for the fields of section @index, or the section titles
 * ("About deal|More") when @index is -1. */
static char *
describe (CrmLayout *layout,
          int        index)
{
  GListModel *sections = crm_layout_get_sections (layout);
  g_autoptr(GString) out = g_string_new (NULL);

  if (index < 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);

          g_string_append_printf (out, "%s%s", i ? "|" : "", crm_layout_section_get_title (section));
        }
    }
  else
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, index);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

          g_string_append_printf (out, "%s%s", i ? "|" : "", crm_field_get_code (field));
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
section_id (CrmLayout *layout,
            guint      index)
{
  g_autoptr(CrmLayoutSection) section = g_list_model_get_item (crm_layout_get_sections (layout), index);

  g_assert_nonnull (section);
  return crm_layout_section_get_id (section);
}

static gint64
field_id (Fixture    *fixture,
          const char *code)
{
  return crm_field_get_id (crm_catalog_find_field (fixture->catalog, fixture->deal_type, code));
}

static gboolean
is_hidden (CrmLayout  *layout,
           const char *code)
{
  GListModel *hidden = crm_layout_get_hidden_fields (layout);

  for (guint i = 0; i < g_list_model_get_n_items (hidden); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (hidden, i);

      if (g_str_equal (crm_field_get_code (field), code))
        return TRUE;
    }
  return FALSE;
}

#define assert_layout(fixture, index, expected) G_STMT_START { \
    g_autoptr(CrmLayout) l_ = resolve (fixture, NULL);          \
    g_autofree char *d_ = describe (l_, index);                 \
    g_assert_cmpstr (d_, ==, expected);                         \
  } G_STMT_END

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
  gint64 layout_id = crm_layout_get_id (layout);
  gint64 about = section_id (layout, 0);
  gint64 added;
  guint before;

  assert_layout (fixture, -1, "About deal|More");

  added = crm_layout_add_section (fixture->session, layout_id, "  Logística ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  assert_layout (fixture, -1, "About deal|More|Logística");
  assert_layout (fixture, 2, "");

  /* Drag the new section above the first one. */
  g_assert_true (crm_layout_move_section (fixture->session, added, 0, &error));
  assert_layout (fixture, -1, "Logística|About deal|More");
  g_assert_true (crm_layout_move_section (fixture->session, added, 99, &error));
  assert_layout (fixture, -1, "About deal|More|Logística");

  g_assert_true (crm_layout_rename_section (fixture->session, about, "Sobre", &error));
  assert_layout (fixture, -1, "Sobre|More|Logística");

  /* Refusals change nothing and notify nobody. */
  before = fixture->changes;
  g_assert_false (crm_layout_rename_section (fixture->session, about, "   ", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_layout_rename_section (fixture->session, about, "two\nlines", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_layout_add_section (fixture->session, layout_id, "", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_layout_move_section (fixture->session, 999999, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes, ==, before);
  assert_layout (fixture, -1, "Sobre|More|Logística");

  /* Deleting a section hides its fields; their values stay. */
  g_assert_true (crm_layout_delete_section (fixture->session, about, &error));
  assert_layout (fixture, -1, "More|Logística");
  {
    g_autoptr(CrmLayout) after = resolve (fixture, NULL);

    g_assert_true (is_hidden (after, "title"));
    g_assert_true (is_hidden (after, "amount"));
    g_assert_false (is_hidden (after, "deal_type"));
  }

  /* Undo puts it back where it was, with its fields in order. */
  {
    gint64 fields[] = { field_id (fixture, "title"), field_id (fixture, "stage"), field_id (fixture, "amount") };

    g_assert_cmpint (crm_layout_restore_section (fixture->session, layout_id, 0, "Sobre", fields,
                                                 G_N_ELEMENTS (fields), &error), >, 0);
    g_assert_no_error (error);
  }
  assert_layout (fixture, -1, "Sobre|More|Logística");
  assert_layout (fixture, 0, "title|stage|amount");

  /* Everything survives a restart. */
  fixture_close (fixture);
  fixture_open (fixture);
  assert_layout (fixture, -1, "Sobre|More|Logística");
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
  gint64 layout_id = crm_layout_get_id (layout);
  gint64 about = section_id (layout, 0);
  gint64 more = section_id (layout, 1);
  gint64 contact_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "contact"));
  guint before;

  assert_layout (fixture, 0, "title|stage|amount|close_date|contact|company");

  /* Within a section. */
  g_assert_true (crm_layout_place_field (fixture->session, about, field_id (fixture, "company"), 0, &error));
  g_assert_no_error (error);
  assert_layout (fixture, 0, "company|title|stage|amount|close_date|contact");
  g_assert_true (crm_layout_place_field (fixture->session, about, field_id (fixture, "company"), 3, &error));
  assert_layout (fixture, 0, "title|stage|amount|company|close_date|contact");

  /* Across sections. */
  g_assert_true (crm_layout_place_field (fixture->session, more, field_id (fixture, "amount"), 1, &error));
  assert_layout (fixture, 0, "title|stage|company|close_date|contact");
  assert_layout (fixture, 1, "pipeline|amount|deal_type|source|source_description|start_date|probability|responsible|comments");

  /* Hide, then restore from the hidden ones. */
  g_assert_true (crm_layout_hide_field (fixture->session, layout_id, field_id (fixture, "contact"), &error));
  assert_layout (fixture, 0, "title|stage|company|close_date");
  {
    g_autoptr(CrmLayout) after = resolve (fixture, NULL);

    g_assert_true (is_hidden (after, "contact"));
  }
  g_assert_true (crm_layout_place_field (fixture->session, about, field_id (fixture, "contact"), 1, &error));
  assert_layout (fixture, 0, "title|contact|stage|company|close_date");

  /* A field of another type, or an unknown one, is refused. */
  before = fixture->changes;
  g_assert_false (crm_layout_place_field (fixture->session, about,
                                          crm_field_get_id (crm_catalog_find_field (fixture->catalog, contact_type, "name")),
                                          0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_layout_hide_field (fixture->session, layout_id, 987654, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes, ==, before);
  assert_layout (fixture, 0, "title|contact|stage|company|close_date");
}

static void
test_tabs (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
  gint64 layout_id = crm_layout_get_id (layout);
  CrmTab order[] = { CRM_TAB_GENERAL, CRM_TAB_HISTORY, CRM_TAB_PRODUCTS, CRM_TAB_DOCUMENTS, CRM_TAB_DEPENDENCIES };
  CrmTab twice[] = { CRM_TAB_GENERAL, CRM_TAB_GENERAL };
  GArray *tabs;

  tabs = crm_layout_get_tabs (layout);
  g_assert_cmpuint (tabs->len, ==, 5);
  g_assert_cmpint (g_array_index (tabs, CrmTab, 0), ==, CRM_TAB_GENERAL);

  g_assert_true (crm_layout_set_tabs (fixture->session, layout_id, order, G_N_ELEMENTS (order),
                                      1u << CRM_TAB_PRODUCTS, &error));
  g_assert_no_error (error);
  g_clear_object (&layout);
  layout = resolve (fixture, NULL);
  tabs = crm_layout_get_tabs (layout);
  g_assert_cmpuint (tabs->len, ==, 4);
  g_assert_cmpint (g_array_index (tabs, CrmTab, 1), ==, CRM_TAB_HISTORY);
  g_assert_cmpint (g_array_index (tabs, CrmTab, 2), ==, CRM_TAB_DOCUMENTS);
  g_assert_true (crm_layout_is_tab_hidden (layout, CRM_TAB_PRODUCTS));

  g_assert_false (crm_layout_set_tabs (fixture->session, layout_id, order, G_N_ELEMENTS (order),
                                       1u << CRM_TAB_GENERAL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_layout_set_tabs (fixture->session, layout_id, twice, G_N_ELEMENTS (twice), 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_object (&layout);
  layout = resolve (fixture, NULL);
  g_assert_true (crm_layout_is_tab_hidden (layout, CRM_TAB_PRODUCTS));
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
  g_autoptr(CrmLayout) seen = NULL;
  g_autofree char *sql = NULL;
  gint64 layout_id = crm_layout_get_id (layout);
  gint64 about = section_id (layout, 0);
  CrmSession *employee;

  fixture_close (fixture);
  sql = g_strdup_printf ("INSERT INTO users (id, login, name, created_at) VALUES (70, 'lia', 'Lia', '2026-01-01');"
                         "INSERT INTO role_assignments (role_id, user_id) SELECT id, 70 FROM roles WHERE code = 'employee';"
                         "INSERT INTO layouts (id, entity_type_id, scope, user_id, updated_at) "
                         "  VALUES (900, %" G_GINT64_FORMAT ", 'personal', 70, '2026-01-01');"
                         "INSERT INTO layout_sections (id, layout_id, title, sort) VALUES (901, 900, 'Minha', 0);",
                         fixture->deal_type);
  crm_test_exec_sql (fixture->path, sql);
  fixture_open (fixture);
  employee = crm_session_new (fixture->store, 70, &error);
  g_assert_no_error (error);

  /* The standard layout needs the right to edit it. */
  g_assert_false (crm_layout_move_section (employee, about, 1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (crm_layout_add_section (employee, layout_id, "Minha", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* One's own personal layout is fine; someone else's is not. */
  g_assert_true (crm_layout_rename_section (employee, 901, "Meus campos", &error));
  g_assert_no_error (error);
  g_assert_false (crm_layout_rename_section (fixture->session, 901, "Dele", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  seen = resolve (fixture, NULL);
  {
    g_autofree char *titles = describe (seen, -1);

    g_assert_cmpstr (titles, ==, "About deal|More");
  }
  g_assert_finalize_object (employee);
}

static void
test_create_field_in_section (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) layout = resolve (fixture, NULL);
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Canal");
  gint64 more = section_id (layout, 1);
  gint64 contact_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "contact"));
  g_autofree char *expected = NULL;
  gint64 id;

  crm_field_options_add_item (options, "loja", "Loja física");
  crm_field_options_add_item (options, "site", "Site");
  id = crm_field_create_full (fixture->session, fixture->deal_type, CRM_FIELD_TYPE_LIST, FALSE,
                              options, config, more, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  expected = g_strdup_printf ("pipeline|deal_type|uf_%" G_GINT64_FORMAT "|source|source_description|"
                              "start_date|probability|responsible|comments", id);
  assert_layout (fixture, 1, expected);

  /* Into a section of another type's card: refused whole. */
  g_assert_cmpint (crm_field_create_full (fixture->session, contact_type, CRM_FIELD_TYPE_STRING, FALSE,
                                          NULL, config, more, 0, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_null (crm_catalog_find_field (fixture->catalog, contact_type, "uf_3"));
  {
    GListModel *fields = crm_catalog_get_fields (fixture->catalog, contact_type);

    for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
      {
        g_autoptr(CrmField) f = g_list_model_get_item (fields, i);

        g_assert_true (crm_field_is_system (f));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/layout-edit/sections", test_sections);
  ADD ("/layout-edit/fields", test_fields);
  ADD ("/layout-edit/tabs", test_tabs);
  ADD ("/layout-edit/permissions", test_permissions);
  ADD ("/layout-edit/create-field-in-section", test_create_field_in_section);

  return g_test_run ();
}
