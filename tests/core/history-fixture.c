/* history-fixture.c — what test-history and test-as-of share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>

#include "crm-test-utils.h"
#include "history-fixture.h"

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalog = crm_store_get_catalog (f->store);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (crm_session_is_admin (f->session));
}

static gint64
create_field (Fixture      *f,
              const char   *label,
              CrmFieldType  type,
              gboolean      multiple)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_field_create (f->session, f->deal_type, label, type, multiple, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  g_autofree char *sql = NULL;
  gint64 admin;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "history.db", NULL);

  /* The desktop user first, then the colleague behind the store's back. */
  open_store (f);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  sql = g_strdup_printf ("INSERT INTO users (id, login, name, is_admin, created_at) "
                         "VALUES (%d, 'colega', 'Colega de Equipe', 0, '2024-01-01T00:00:00.000Z');"
                         "INSERT INTO role_assignments (role_id, user_id) "
                         "  SELECT id, %d FROM roles WHERE code = 'employee';",
                         COLLEAGUE_ID, COLLEAGUE_ID);
  crm_test_exec_sql (f->path, sql);
  open_store (f);
  f->other = crm_session_new (f->store, COLLEAGUE_ID, &error);
  g_assert_no_error (error);

  f->deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (f->catalog, "deal"));
  f->tags_id = create_field (f, "Tags", CRM_FIELD_TYPE_STRING, TRUE);
  f->region_id = create_field (f, "Região", CRM_FIELD_TYPE_STRING, FALSE);
  f->commission_id = create_field (f, "Commission", CRM_FIELD_TYPE_MONEY, FALSE);

  admin = crm_session_get_user_id (f->session);
  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, f->commission_id));
  g_array_append_val (config->visible_users, admin);
  g_assert_true (crm_field_configure (f->session, f->commission_id, config, &error));
  g_assert_no_error (error);
  g_assert_false (crm_session_can_see_field (f->other, crm_catalog_get_field (f->catalog, f->commission_id)));
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->other);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 3, day, hour, 0, 0);
}

CrmField *
field (Fixture    *f,
       const char *code)
{
  CrmField *found = crm_catalog_find_field (f->catalog, f->deal_type, code);

  g_assert_nonnull (found);
  return found;
}

gint64
create_deal (Fixture    *f,
             GDateTime  *when,
             const char *title,
             const char *amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "deal", &error);
  g_autoptr(GDateTime) owned = when;
  gint64 id;

  g_assert_no_error (error);
  set_input (draft, "title", title);
  set_input (draft, "amount", amount);
  crm_element_draft_set_created_at (draft, owned);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

CrmElementDraft *
edit (Fixture    *f,
      CrmSession *session,
      gint64      element_id,
      GDateTime  *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (session, element_id, &error);
  g_autoptr(GDateTime) owned = when;
  CrmElementDraft *draft;

  g_assert_no_error (error);
  draft = crm_element_draft_new_for (session, element);
  crm_element_draft_set_created_at (draft, owned);
  return draft;
}

void
set_input (CrmElementDraft *draft,
           const char      *code,
           const char      *input)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_element_draft_set_input_by_code (draft, code, input, &error));
  g_assert_no_error (error);
}

void
set_input_id (Fixture         *f,
              CrmElementDraft *draft,
              gint64           field_id,
              const char      *input)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_element_draft_set_input (draft, crm_catalog_get_field (f->catalog, field_id),
                                              crm_locale_get ("C"), input, &error));
  g_assert_no_error (error);
}

void
set_tags (Fixture         *f,
          CrmElementDraft *draft,
          ...)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_value_free);
  const char *tag;
  va_list args;

  va_start (args, draft);
  while ((tag = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (values, crm_value_new_text (CRM_FIELD_TYPE_STRING, tag));
  va_end (args);
  crm_element_draft_set_values (draft, crm_catalog_get_field (f->catalog, f->tags_id), values);
}

void
save (CrmElementDraft *draft,
      gint64           element_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, element_id);
  g_assert_no_error (error);
}

void
assert_change (Fixture    *f,
               CrmSession *session,
               gint64      element_id,
               const char *label,
               const char *old_text,
               const char *new_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = crm_timeline_query_field_changes (session, element_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *got_label = NULL;
      g_autofree char *got_old = NULL;
      g_autofree char *got_new = NULL;

      g_assert_true (crm_timeline_entry_get_change (g_ptr_array_index (changes, i),
                                                    &got_label, &got_old, &got_new));
      if (!g_str_equal (got_label, label))
        continue;
      g_assert_cmpstr (got_old, ==, old_text);
      g_assert_cmpstr (got_new, ==, new_text);
      return;
    }
  g_error ("no change of “%s” in the history", label);
}

void
assert_summary (Fixture    *f,
                CrmSession *session,
                gint64      element_id,
                const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = crm_timeline_query_page (session, element_id, NULL, 0, 1000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = crm_timeline_entry_dup_summary (g_ptr_array_index (entries, i));

      if (g_str_equal (text, summary))
        return;
    }
  g_error ("no entry “%s” on the timeline", summary);
}

guint
count_entries (Fixture    *f,
               CrmSession *session,
               gint64      element_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = crm_timeline_query_page (session, element_id, NULL, 0, 1000, &error);

  g_assert_no_error (error);
  return entries->len;
}
