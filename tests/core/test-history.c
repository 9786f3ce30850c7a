/* test-history.c — field changes kept as data, read in the reader's
 * locale, hidden from those who may not see the field
 *
 * Every case opens its own database with two users: the administrator
 * (the desktop user) and an ordinary colleague. Writes are dated with
 * crm_element_draft_set_created_at (), so times are exact. Runs with
 * TZ=UTC and LC_ALL=C.UTF-8: labels read in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <json-glib/json-glib.h>

#include "clientele-core.h"
#include "history-fixture.h"

/* ---- Tests ------------------------------------------------------------------ */

static void
test_payload (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  JsonObject *payload, *tags_payload = NULL, *amount_payload = NULL;
  JsonArray *values;
  gint64 deal;

  deal = create_deal (f, at (1, 9), "Consultoria", "1000.00 BRL");
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 9));

    set_input (draft, "amount", "1200.00 USD");
    set_tags (f, draft, "urgente", "fiscal", NULL);
    save (draft, deal);
  }

  changes = crm_timeline_query_field_changes (f->session, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *json = crm_timeline_entry_get_payload (g_ptr_array_index (changes, i));

      g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
      payload = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      if (g_str_equal (json_object_get_string_member (payload, "code"), "amount"))
        amount_payload = payload;
      else
        tags_payload = payload;
    }
  g_assert_nonnull (amount_payload);
  g_assert_nonnull (tags_payload);

  /* Money as stored: minor units and currency, not "BRL 1000.00". */
  g_assert_cmpstr (json_object_get_string_member (amount_payload, "type"), ==, "money");
  values = json_object_get_array_member (amount_payload, "old");
  g_assert_cmpuint (json_array_get_length (values), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (values, 0), "value"), ==, 100000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (values, 0), "aux"), ==, "BRL");
  values = json_object_get_array_member (amount_payload, "new");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (values, 0), "value"), ==, 120000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (values, 0), "aux"), ==, "USD");

  /* Every value of a multiple field, in order. */
  g_assert_cmpint (json_object_get_int_member (tags_payload, "field"), ==, f->tags_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tags_payload, "old")), ==, 0);
  values = json_object_get_array_member (tags_payload, "new");
  g_assert_cmpuint (json_array_get_length (values), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (values, 0), "value"), ==, "urgente");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (values, 1), "value"), ==, "fiscal");

  json_object_unref (amount_payload);
  json_object_unref (tags_payload);
}

/* A change written by a pt_BR session reads in each reader's conventions. */
static void
test_reader_locale (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deal;

  crm_session_set_locale (f->session, crm_locale_get ("pt_BR"));
  g_assert_cmpstr (crm_session_get_locale (f->session)->name, ==, "pt_BR");
  deal = create_deal (f, at (1, 9), "Consultoria", "10.00 BRL");
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 9));

    set_input (draft, "amount", "12.00 BRL");
    set_input (draft, "close_date", "2026-03-12");
    save (draft, deal);
  }

  assert_change (f, f->session, deal, "Amount", "R$ 10,00", "R$ 12,00");
  assert_change (f, f->session, deal, "Expected close date", "", "12/03/2026");
  assert_summary (f, f->session, deal, "Amount: R$ 10,00 → R$ 12,00");

  crm_session_set_locale (f->other, crm_locale_get ("en_US"));
  assert_change (f, f->other, deal, "Amount", "R$10.00", "R$12.00");
  assert_change (f, f->other, deal, "Expected close date", "", "03/12/2026");
  assert_summary (f, f->other, deal, "Amount: R$10.00 → R$12.00");

  /* Back to the process's conventions: C here. */
  crm_session_set_locale (f->other, NULL);
  assert_summary (f, f->other, deal, "Amount: BRL 10.00 → BRL 12.00");
}

/* The label is today's; a deleted field keeps the one it had. */
static void
test_renamed_and_deleted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldConfig) config = NULL;
  gint64 deal;

  deal = create_deal (f, at (1, 9), "Consultoria", "10.00 BRL");
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 9));

    set_input_id (f, draft, f->region_id, "Sul");
    set_tags (f, draft, "a", "b", NULL);
    save (draft, deal);
  }
  assert_summary (f, f->session, deal, "Região: — → Sul");

  config = crm_field_config_new_for (crm_catalog_get_field (f->catalog, f->region_id));
  g_free (config->label);
  config->label = g_strdup ("Região de vendas");
  g_assert_true (crm_field_configure (f->session, f->region_id, config, &error));
  g_assert_no_error (error);
  assert_change (f, f->session, deal, "Região de vendas", "", "Sul");

  g_assert_true (crm_field_delete (f->session, f->region_id, &error));
  g_assert_no_error (error);
  g_assert_null (crm_catalog_get_field (f->catalog, f->region_id));
  /* Its history stays, under the label it had when written. */
  assert_change (f, f->session, deal, "Região", "", "Sul");
  assert_change (f, f->session, deal, "Tags", "", "a, b");
}

/* Entries of the old format show the text they stored, under today's
 * label. */
static void
test_legacy_entries (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  CrmField *amount = field (f, "amount");
  gint64 deal;

  deal = create_deal (f, at (1, 9), "Consultoria", "12.00 BRL");
  payload = g_strdup_printf ("{\"field\":%" G_GINT64_FORMAT ",\"code\":\"amount\",\"label\":\"Valor\","
                             "\"old\":\"R$ 10,00\",\"new\":\"R$ 12,00\"}", crm_field_get_id (amount));
  g_assert_cmpint (crm_timeline_add_entry (f->session, deal, CRM_ENTRY_FIELD_CHANGE, at (1, 10),
                                           NULL, payload, &error), >, 0);
  g_assert_no_error (error);

  assert_change (f, f->session, deal, "Amount", "R$ 10,00", "R$ 12,00");
  assert_summary (f, f->session, deal, "Amount: R$ 10,00 → R$ 12,00");

  /* A payload that is not a change at all still makes a row. */
  g_assert_cmpint (crm_timeline_add_entry (f->session, deal, CRM_ENTRY_FIELD_CHANGE, at (1, 11),
                                           NULL, "[1, 2]", &error), >, 0);
  assert_summary (f, f->session, deal, "Field changed");
}

/* A field the reader may not see: not in the History, not on the
 * timeline, not in a page count, not in a pin, not through a summary. */
static void
test_restricted (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) pinned = NULL;
  g_autoptr(CrmTimelineModel) model = NULL;
  gint64 deal, secret_entry = 0;

  deal = create_deal (f, at (1, 9), "Consultoria", "10.00 BRL");
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 9));

    set_input_id (f, draft, f->commission_id, "99.00 BRL");
    set_input (draft, "amount", "20.00 BRL");
    save (draft, deal);
  }

  changes = crm_timeline_query_field_changes (f->session, deal, &error);
  g_assert_cmpuint (changes->len, ==, 2);
  for (guint i = 0; i < changes->len; i++)
    if (crm_timeline_entry_get_field_id (g_ptr_array_index (changes, i)) == f->commission_id)
      secret_entry = crm_timeline_entry_get_id (g_ptr_array_index (changes, i));
  g_assert_cmpint (secret_entry, >, 0);
  g_assert_true (crm_timeline_set_pinned (f->session, secret_entry, TRUE, &error));
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* The colleague: one change, the amount. */
  changes = crm_timeline_query_field_changes (f->other, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (crm_timeline_entry_get_field_id (g_ptr_array_index (changes, 0)), ==,
                   crm_field_get_id (field (f, "amount")));
  pinned = crm_timeline_query_pinned (f->other, deal, &error);
  g_assert_cmpuint (pinned->len, ==, 0);

  /* A page of two holds the amount and the creation: the hidden entry
   * takes no place in it. */
  page = crm_timeline_query_page (f->other, deal, NULL, 0, 2, &error);
  g_assert_cmpuint (page->len, ==, 2);
  for (guint i = 0; i < page->len; i++)
    {
      g_autofree char *summary = crm_timeline_entry_dup_summary (g_ptr_array_index (page, i));

      g_assert_null (strstr (summary, "99"));
      g_assert_null (strstr (summary, "Commission"));
    }
  model = crm_timeline_model_new (f->other, deal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (count_entries (f, f->session, deal), ==, 3);

  /* A new hidden change does not reach the colleague's open timeline. */
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (3, 9));

    set_input_id (f, draft, f->commission_id, "150.00 BRL");
    save (draft, deal);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* Deleted, its changes stay hidden from those it was hidden from. */
  g_assert_true (crm_field_delete (f->session, f->commission_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = crm_timeline_query_field_changes (f->other, deal, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (count_entries (f, f->other, deal), ==, 2);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = crm_timeline_query_field_changes (f->session, deal, &error);
  g_assert_cmpuint (changes->len, ==, 3);
}

/* Every page of the timeline, through the keyset cursor. */
static GPtrArray *
read_in_pages (CrmSession *session,
               gint64      element_id,
               guint       page_size)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      CrmTimelineEntry *last = all->len > 0 ? g_ptr_array_index (all, all->len - 1) : NULL;
      g_autofree char *seconds = NULL;
      g_autofree char *cursor = NULL;

      if (last != NULL)
        {
          GDateTime *last_time = crm_timeline_entry_get_created_at (last);

          /* The stored form of created_at, as the model keeps it. */
          seconds = g_date_time_format (last_time, "%Y-%m-%dT%H:%M:%S");
          cursor = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (last_time) / 1000);
        }
      page = crm_timeline_query_page (session, element_id, cursor,
                                      last ? crm_timeline_entry_get_id (last) : 0, page_size, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, page_size);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < page_size)
        return all;
    }
}

/* Pages after the first leave the hidden changes out too, and stay full. */
static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  gint64 deal = create_deal (f, at (1, 9), "Consultoria", "10.00 BRL");

  for (int day = 2; day <= 4; day++)
    {
      g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (day, 9));
      g_autofree char *amount = g_strdup_printf ("%d.00 BRL", 10 * day);
      g_autofree char *commission = g_strdup_printf ("%d.00 BRL", day);

      set_input (draft, "amount", amount);
      set_input_id (f, draft, f->commission_id, commission);
      save (draft, deal);
    }

  mine = read_in_pages (f->session, deal, 2);
  g_assert_cmpuint (mine->len, ==, 7);
  theirs = read_in_pages (f->other, deal, 2);
  g_assert_cmpuint (theirs->len, ==, 4);
  for (guint i = 0; i < theirs->len; i++)
    {
      CrmTimelineEntry *entry = g_ptr_array_index (theirs, i);

      g_assert_cmpint (crm_timeline_entry_get_field_id (entry), !=, f->commission_id);
      if (i > 0)
        g_assert_cmpint (crm_timeline_entry_get_id (entry), <, crm_timeline_entry_get_id (g_ptr_array_index (theirs, i - 1)));
    }
}

/* An entry read by a session that is gone since tells nothing more. */
static void
test_reader_gone (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;
  CrmSession *reader;
  gint64 deal = create_deal (f, at (1, 9), "Consultoria", "10.00 BRL");

  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 9));

    set_input (draft, "amount", "20.00 BRL");
    save (draft, deal);
  }

  reader = crm_session_new (f->store, COLLEAGUE_ID, &error);
  g_assert_no_error (error);
  changes = crm_timeline_query_field_changes (reader, deal, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_finalize_object (reader);

  summary = crm_timeline_entry_dup_summary (g_ptr_array_index (changes, 0));
  g_assert_cmpstr (summary, ==, "Field changed");
  g_assert_false (crm_timeline_entry_get_change (g_ptr_array_index (changes, 0), NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/payload", test_payload);
  ADD ("/history/reader-locale", test_reader_locale);
  ADD ("/history/renamed-and-deleted", test_renamed_and_deleted);
  ADD ("/history/legacy-entries", test_legacy_entries);
  ADD ("/history/restricted", test_restricted);
  ADD ("/history/paging", test_paging);
  ADD ("/history/reader-gone", test_reader_gone);

  return g_test_run ();
}
