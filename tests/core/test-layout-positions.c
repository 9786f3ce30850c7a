/* test-layout-positions.c — moving fields for someone who cannot see
 * every field of a section
 *
 * A custom field visible only to the administrator sits between fields
 * everyone sees. Lia, who shapes the standard layout but cannot see it,
 * moves fields by naming the one to land before: each lands where she
 * saw it drop, and the unseen field keeps its place among the others.
 * Undoing a section delete puts back every field, the unseen one too.
 * Refusals leave the layout as it was.
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
  CrmSession *lia;
  CrmCatalog *catalog;
  gint64      deal_type;
  gint64      secret;      /* the field Lia cannot see */
  char       *secret_code;
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
  fixture->admin = crm_session_new_for_desktop_user (fixture->store, &error);
  g_assert_no_error (error);
  fixture->catalog = crm_store_get_catalog (fixture->store);
  fixture->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "deal"));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_object (&fixture->lia);
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, fixture);
  g_assert_finalize_object (fixture->admin);
  g_assert_finalize_object (fixture->store);
  fixture->admin = NULL;
  fixture->store = NULL;
}

static gint64
field_id (Fixture    *fixture,
          const char *code)
{
  CrmField *field = crm_catalog_find_field (fixture->catalog, fixture->deal_type, code);

  g_assert_nonnull (field);
  return crm_field_get_id (field);
}

static CrmLayout *
resolve (Fixture    *fixture,
         CrmSession *session)
{
  g_autoptr(GError) error = NULL;
  CrmLayout *layout = crm_layout_resolve (session, fixture->deal_type, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static CrmLayoutSection *
get_section (CrmLayout *layout,
             guint      index)
{
  CrmLayoutSection *section = g_list_model_get_item (crm_layout_get_sections (layout), index);

  g_assert_nonnull (section);
  g_object_unref (section);  /* the layout keeps it */
  return section;
}

/* "title|secret|stage…": section @index as @session sees it, the
 * unseen field called "secret". */
static char *
describe (Fixture    *fixture,
          CrmSession *session,
          guint       index)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, session);
  GListModel *fields = crm_layout_section_get_fields (get_section (layout, index));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      const char *code = crm_field_get_code (field);

      g_string_append_printf (out, "%s%s", i ? "|" : "",
                              g_str_equal (code, fixture->secret_code) ? "secret" : code);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_section(fixture, session, index, expected) G_STMT_START { \
    g_autofree char *d_ = describe (fixture, session, index);             \
    g_assert_cmpstr (d_, ==, expected);                                   \
  } G_STMT_END

static gint64
section_id (Fixture *fixture,
            guint    index)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->admin);

  return crm_layout_section_get_id (get_section (layout, index));
}

/* Lia edits the standard layout and works deals; a custom field is
 * placed second in About deal and shown to the administrator only. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new ("Margem interna");
  g_autoptr(CrmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gint64 admin_id;

  fixture->dir = crm_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture_open (fixture);

  layout = resolve (fixture, fixture->admin);
  admin_id = crm_session_get_user_id (fixture->admin);
  config->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (config->visible_users, admin_id);
  fixture->secret = crm_field_create_full (fixture->admin, fixture->deal_type, CRM_FIELD_TYPE_STRING, FALSE,
                                           NULL, config, crm_layout_section_get_id (get_section (layout, 0)), 1,
                                           &error);
  g_assert_no_error (error);
  fixture->secret_code = g_strdup (crm_field_get_code (crm_catalog_get_field (fixture->catalog, fixture->secret)));

  fixture_close (fixture);
  crm_test_exec_sql (fixture->path,
                     "INSERT INTO users (id, login, name, created_at) VALUES (70, 'lia', 'Lia', '2026-01-01');"
                     "INSERT INTO roles (id, code, name) VALUES (40, 'layout_editor', 'Layout editor');"
                     "INSERT INTO role_permissions (role_id, permission) VALUES "
                     "  (40, 'element.read'), (40, 'element.write'), (40, 'layout.edit_standard');"
                     "INSERT INTO role_assignments (role_id, user_id) VALUES (40, 70);");
  fixture_open (fixture);
  fixture->lia = crm_session_new (fixture->store, LIA, &error);
  g_assert_no_error (error);
  g_assert_false (crm_session_can_see_field (fixture->lia, crm_catalog_get_field (fixture->catalog, fixture->secret)));
  g_assert_true (crm_session_has_permission (fixture->lia, CRM_PERMISSION_LAYOUT_EDIT_STANDARD, fixture->deal_type));

  assert_section (fixture, fixture->admin, 0, "title|secret|stage|amount|close_date|contact|company");
  assert_section (fixture, fixture->lia, 0, "title|stage|amount|close_date|contact|company");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    fixture_close (fixture);
  g_free (fixture->secret_code);
  g_free (fixture->path);
  crm_test_tmpdir_free (fixture->dir);
}

static void
place_before (Fixture    *fixture,
              gint64      section,
              const char *code,
              const char *before)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_layout_place_field_before (fixture->lia, section, field_id (fixture, code),
                                                before != NULL ? field_id (fixture, before) : 0, &error));
  g_assert_no_error (error);
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_moves (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 about = section_id (fixture, 0);
  gint64 more = section_id (fixture, 1);

  /* Counted by position, Lia's "title one down" (to index 1 of the rest)
   * lands after the unseen field, where she sees no change at all. */
  g_assert_true (crm_layout_place_field (fixture->lia, about, field_id (fixture, "title"), 1, &error));
  g_assert_no_error (error);
  assert_section (fixture, fixture->lia, 0, "title|stage|amount|close_date|contact|company");
  g_assert_true (crm_layout_place_field (fixture->lia, about, field_id (fixture, "title"), 0, &error));
  assert_section (fixture, fixture->admin, 0, "title|secret|stage|amount|close_date|contact|company");

  /* Named, it lands before the field she saw below it. */
  place_before (fixture, about, "title", "amount");
  assert_section (fixture, fixture->lia, 0, "stage|title|amount|close_date|contact|company");
  assert_section (fixture, fixture->admin, 0, "secret|stage|title|amount|close_date|contact|company");

  /* Back up, before stage: the unseen field stays where it was. */
  place_before (fixture, about, "title", "stage");
  assert_section (fixture, fixture->lia, 0, "title|stage|amount|close_date|contact|company");
  assert_section (fixture, fixture->admin, 0, "secret|title|stage|amount|close_date|contact|company");

  /* Up from below the unseen field keeps it between its neighbours. */
  place_before (fixture, about, "amount", "title");
  assert_section (fixture, fixture->lia, 0, "amount|title|stage|close_date|contact|company");
  assert_section (fixture, fixture->admin, 0, "secret|amount|title|stage|close_date|contact|company");

  /* To the end (none to land before), and into another section. */
  place_before (fixture, about, "amount", NULL);
  assert_section (fixture, fixture->lia, 0, "title|stage|close_date|contact|company|amount");
  place_before (fixture, more, "amount", "deal_type");
  assert_section (fixture, fixture->lia, 0, "title|stage|close_date|contact|company");
  assert_section (fixture, fixture->lia, 1,
                  "pipeline|amount|deal_type|source|source_description|start_date|probability|responsible|comments");

  /* A hidden field comes back where it is named. */
  {
    g_autoptr(CrmLayout) layout = resolve (fixture, fixture->lia);

    g_assert_true (crm_layout_hide_field (fixture->lia, crm_layout_get_id (layout), field_id (fixture, "contact"),
                                          &error));
  }
  assert_section (fixture, fixture->lia, 0, "title|stage|close_date|company");
  place_before (fixture, about, "contact", "stage");
  assert_section (fixture, fixture->admin, 0, "secret|title|contact|stage|close_date|company");

  /* The administrator can name the unseen field itself. */
  g_assert_true (crm_layout_place_field_before (fixture->admin, about, field_id (fixture, "company"),
                                                fixture->secret, &error));
  g_assert_no_error (error);
  assert_section (fixture, fixture->admin, 0, "company|secret|title|contact|stage|close_date");

  /* Everything survives a restart. */
  fixture_close (fixture);
  fixture_open (fixture);
  assert_section (fixture, fixture->admin, 0, "company|secret|title|contact|stage|close_date");
}

static void
test_placed_ids (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->lia);
  CrmLayoutSection *about = get_section (layout, 0);
  GArray *placed = crm_layout_section_get_placed_ids (about);

  /* Lia's section lists six fields, and knows of seven. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_layout_section_get_fields (about)), ==, 6);
  g_assert_cmpuint (placed->len, ==, 7);
  g_assert_cmpint (g_array_index (placed, gint64, 0), ==, field_id (fixture, "title"));
  g_assert_cmpint (g_array_index (placed, gint64, 1), ==, fixture->secret);
  g_assert_cmpint (crm_layout_section_get_next_placed (about, field_id (fixture, "title")), ==, fixture->secret);
  g_assert_cmpint (crm_layout_section_get_next_placed (about, fixture->secret), ==, field_id (fixture, "stage"));
  g_assert_cmpint (crm_layout_section_get_next_placed (about, field_id (fixture, "company")), ==, 0);
  g_assert_cmpint (crm_layout_section_get_next_placed (about, field_id (fixture, "pipeline")), ==, 0);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->lia);
  CrmLayoutSection *about = get_section (layout, 0);
  g_autoptr(GArray) placed = g_array_copy (crm_layout_section_get_placed_ids (about));
  g_autofree char *title = g_strdup (crm_layout_section_get_title (about));
  g_autoptr(GError) error = NULL;
  gint64 layout_id = crm_layout_get_id (layout);
  gint64 restored;

  /* Deleted, every field of it is hidden, the unseen one too. */
  g_assert_true (crm_layout_delete_section (fixture->lia, crm_layout_section_get_id (about), &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmLayout) after = resolve (fixture, fixture->admin);

    g_assert_cmpuint (g_list_model_get_n_items (crm_layout_get_sections (after)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (crm_layout_get_hidden_fields (after)), >=, 7);
  }

  /* Undo, with what Lia's section knew: all seven, in their places. */
  restored = crm_layout_restore_section (fixture->lia, layout_id, 0, title,
                                         (const gint64 *) placed->data, placed->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored, >, 0);
  assert_section (fixture, fixture->admin, 0, "title|secret|stage|amount|close_date|contact|company");
  assert_section (fixture, fixture->lia, 0, "title|stage|amount|close_date|contact|company");
  g_assert_cmpint (section_id (fixture, 0), ==, restored);
}

static void
test_restore_after_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CrmLayout) layout = resolve (fixture, fixture->admin);
  g_autoptr(GArray) placed = g_array_copy (crm_layout_section_get_placed_ids (get_section (layout, 0)));
  g_autoptr(GError) error = NULL;
  gint64 layout_id = crm_layout_get_id (layout);
  gint64 extra;

  /* A field of its own, deleted once the section is gone. */
  extra = crm_field_create (fixture->admin, fixture->deal_type, "Rascunho", CRM_FIELD_TYPE_STRING, FALSE,
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crm_layout_place_field_before (fixture->admin, section_id (fixture, 0), extra,
                                                field_id (fixture, "stage"), &error));
  g_array_insert_val (placed, 2, extra);
  {
    g_autofree char *expected = g_strdup_printf ("title|secret|%s|stage|amount|close_date|contact|company",
                                                 crm_field_get_code (crm_catalog_get_field (fixture->catalog, extra)));

    assert_section (fixture, fixture->admin, 0, expected);
  }

  g_assert_true (crm_layout_delete_section (fixture->admin, section_id (fixture, 0), &error));
  g_assert_true (crm_field_delete (fixture->admin, extra, &error));
  g_assert_no_error (error);
  /* Meanwhile one of its fields was shown in the other section. */
  place_before (fixture, section_id (fixture, 0), "contact", NULL);

  g_assert_cmpint (crm_layout_restore_section (fixture->admin, layout_id, 0, "About deal",
                                               (const gint64 *) placed->data, placed->len, &error), >, 0);
  g_assert_no_error (error);
  assert_section (fixture, fixture->admin, 0, "title|secret|stage|amount|close_date|company");
  {
    g_autofree char *more = describe (fixture, fixture->admin, 1);

    g_assert_true (g_str_has_suffix (more, "|contact"));
  }
}

static void
test_rejects (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmLayout) contact_layout = NULL;
  gint64 contact_type = crm_entity_type_get_id (crm_catalog_find_entity_type (fixture->catalog, "contact"));
  gint64 contact_name = crm_field_get_id (crm_catalog_find_field (fixture->catalog, contact_type, "name"));
  gint64 about = section_id (fixture, 0);
  gint64 contact_section;
  const char *before = "title|secret|stage|amount|close_date|contact|company";
  guint changes;

  contact_layout = crm_layout_resolve (fixture->lia, contact_type, 0, 0, &error);
  g_assert_no_error (error);
  contact_section = crm_layout_section_get_id (get_section (contact_layout, 0));
  changes = fixture->changes;

  /* A field of another kind of element. */
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, contact_name, 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A section of another layout: the contact card's. */
  g_assert_false (crm_layout_place_field_before (fixture->lia, contact_section, field_id (fixture, "amount"),
                                                 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (crm_layout_restore_section (fixture->lia, crm_layout_get_id (contact_layout), 0, "Negócio",
                                               (gint64[]) { field_id (fixture, "amount") }, 1, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Before a field of another section (in the same layout or not), an
   * unknown one, or itself: the move was begun and is rolled back. */
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, field_id (fixture, "title"),
                                                 field_id (fixture, "pipeline"), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, field_id (fixture, "title"),
                                                 contact_name, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, field_id (fixture, "title"), 987654, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, field_id (fixture, "title"),
                                                 field_id (fixture, "title"), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* An unknown section, and one Lia may not shape. */
  g_assert_false (crm_layout_place_field_before (fixture->lia, 999999, field_id (fixture, "title"), 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fixture_close (fixture);
  crm_test_exec_sql (fixture->path,
                     "DELETE FROM role_permissions WHERE role_id = 40 AND permission = 'layout.edit_standard'");
  fixture_open (fixture);
  fixture->lia = crm_session_new (fixture->store, LIA, &error);
  g_assert_no_error (error);
  changes = fixture->changes;
  g_assert_false (crm_layout_place_field_before (fixture->lia, about, field_id (fixture, "title"),
                                                 field_id (fixture, "amount"), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_cmpuint (fixture->changes, ==, changes);
  assert_section (fixture, fixture->admin, 0, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/layout-positions/moves", test_moves);
  ADD ("/layout-positions/placed-ids", test_placed_ids);
  ADD ("/layout-positions/restore", test_restore);
  ADD ("/layout-positions/restore-after-changes", test_restore_after_changes);
  ADD ("/layout-positions/rejects", test_rejects);

  return g_test_run ();
}
