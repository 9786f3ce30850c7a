/* test-as-of.c — the card as it was at a given time
 *
 * One deal edited on four days of March 2026 (dated writes, no sleeps),
 * loaded as of times between the edits: values of every kind (money with
 * its currency, dates, a multiple field), the stage, the title and who
 * wrote last come back as they were. Runs with TZ=UTC and LC_ALL=C.UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "clientele-core.h"
#include "history-fixture.h"

/* ---- Helpers ---------------------------------------------------------------- */

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

static CrmElement *
load_as_of (CrmSession *session,
            gint64      element_id,
            GDateTime  *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) owned = when;
  CrmElement *element = crm_element_load_as_of (session, element_id, owned, &error);

  g_assert_no_error (error);
  g_assert_nonnull (element);
  g_assert_true (g_date_time_equal (crm_element_get_as_of (element), owned));
  return element;
}

static void
assert_money (CrmElement *element,
              CrmField   *amount,
              gint64      minor_units,
              const char *currency)
{
  const CrmValue *value = crm_element_get_value (element, amount);

  g_assert_nonnull (value);
  g_assert_cmpint (value->number, ==, minor_units);
  g_assert_cmpstr (value->aux, ==, currency);
}

static void
assert_text (CrmElement *element,
             CrmField   *field,
             const char *text)
{
  g_autofree char *shown = crm_element_format_field (element, field);

  g_assert_cmpstr (shown, ==, text);
}

static void
assert_updated (CrmElement *element,
                GDateTime  *expected)
{
  g_autoptr(GDateTime) owned = expected;

  g_assert_true (g_date_time_equal (crm_element_get_updated_at (element), owned));
}

/* The deal of most cases: created on the 1st, edited on the 2nd, 3rd and
 * 4th. */
static gint64
make_history (Fixture *f)
{
  gint64 deal = create_deal (f, at (1, 9), "Consultoria", "1000.00 BRL");

  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (1, 9));

    set_input (draft, "close_date", "2026-04-30");
    set_tags (f, draft, "a", "b", NULL);
    set_input_id (f, draft, f->region_id, "Sul");
    save (draft, deal);
  }
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (2, 10));

    set_input (draft, "amount", "1200.00 BRL");
    crm_element_draft_set_stage (draft, stage_id (f, "preparation"));
    save (draft, deal);
  }
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (3, 11));

    set_tags (f, draft, "a", "b", "c", NULL);
    set_input (draft, "title", "Consultoria fiscal");
    set_input (draft, "close_date", "2026-05-15");
    save (draft, deal);
  }
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->other, deal, at (4, 12));

    set_input (draft, "amount", "1500.00 USD");
    set_input (draft, "close_date", "");
    set_input_id (f, draft, f->region_id, "Norte");
    save (draft, deal);
  }
  return deal;
}

/* ---- Tests ------------------------------------------------------------------ */

static void
test_edits_over_time (Fixture       *f,
                      gconstpointer  data)
{
  gint64 deal = make_history (f);
  CrmField *amount = field (f, "amount");
  CrmField *close = field (f, "close_date");
  CrmField *stage = field (f, "stage");
  CrmField *tags = crm_catalog_get_field (f->catalog, f->tags_id);

  /* The moment of the first writes: they count. */
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (1, 9));

    assert_money (then, amount, 100000, "BRL");
    assert_text (then, close, "2026-04-30");
    assert_text (then, tags, "a, b");
    g_assert_cmpint (crm_element_get_stage_id (then), ==, stage_id (f, "new"));
    assert_text (then, stage, "New");
    g_assert_cmpstr (crm_element_get_title (then), ==, "Consultoria");
    assert_updated (then, at (1, 9));
  }
  /* Between the first and second day. */
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (2, 9));

    assert_money (then, amount, 100000, "BRL");
    g_assert_cmpint (crm_element_get_stage_id (then), ==, stage_id (f, "new"));
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (2, 10));

    assert_money (then, amount, 120000, "BRL");
    assert_text (then, amount, "BRL 1200.00");
    g_assert_cmpint (crm_element_get_stage_id (then), ==, stage_id (f, "preparation"));
    assert_text (then, tags, "a, b");
    g_assert_cmpstr (crm_element_get_title (then), ==, "Consultoria");
    assert_updated (then, at (2, 10));
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (3, 12));

    assert_money (then, amount, 120000, "BRL");
    assert_text (then, tags, "a, b, c");
    assert_text (then, close, "2026-05-15");
    g_assert_cmpstr (crm_element_get_title (then), ==, "Consultoria fiscal");
    g_assert_cmpint (crm_element_get_updated_by (then), ==, crm_session_get_user_id (f->session));
  }
  /* After the last edit, by the colleague: a new currency, an emptied date. */
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (5, 0));

    assert_money (then, amount, 150000, "USD");
    g_assert_null (crm_element_get_values (then, close));
    assert_text (then, crm_catalog_get_field (f->catalog, f->region_id), "Norte");
    g_assert_cmpint (crm_element_get_updated_by (then), ==, COLLEAGUE_ID);
    assert_updated (then, at (4, 12));
  }
}

static void
test_before_creation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = at (1, 8);
  gint64 deal = make_history (f);

  g_assert_null (crm_element_load_as_of (f->session, deal, before, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Consultoria fiscal” did not exist yet on 2026-03-01 08:00"));
  g_assert_nonnull (strstr (error->message, "created on 2026-03-01 09:00"));
  g_clear_error (&error);

  g_assert_null (crm_element_load_as_of (f->session, deal + 1000, before, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

/* Now, the card is the card: every field, the stage, the title. */
static void
test_now_is_current (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) current = NULL;
  g_autoptr(CrmElement) now = NULL;
  GListModel *fields;
  gint64 deal = make_history (f);

  current = crm_element_load (f->session, deal, &error);
  g_assert_no_error (error);
  g_assert_null (crm_element_get_as_of (current));
  now = load_as_of (f->session, deal, g_date_time_new_now_utc ());

  g_assert_cmpstr (crm_element_get_title (now), ==, crm_element_get_title (current));
  g_assert_cmpint (crm_element_get_stage_id (now), ==, crm_element_get_stage_id (current));
  g_assert_cmpint (crm_element_get_pipeline_id (now), ==, crm_element_get_pipeline_id (current));
  g_assert_true (g_date_time_equal (crm_element_get_updated_at (now), crm_element_get_updated_at (current)));

  fields = crm_catalog_get_fields (f->catalog, f->deal_type);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(CrmField) one = g_list_model_get_item (fields, i);
      GPtrArray *a = crm_element_get_values (now, one);
      GPtrArray *b = crm_element_get_values (current, one);

      g_assert_true (crm_element_is_value_known (now, one));
      g_assert_cmpuint (a ? a->len : 0, ==, b ? b->len : 0);
      for (guint j = 0; a != NULL && j < a->len; j++)
        g_assert_true (crm_value_equal (g_ptr_array_index (a, j), g_ptr_array_index (b, j)));
    }
}

/* A field deleted since is left out; the rest rebuilds as before. */
static void
test_deleted_field (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deal = make_history (f);

  g_assert_true (crm_field_delete (f->session, f->region_id, &error));
  g_assert_no_error (error);

  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (2, 10));

    assert_money (then, field (f, "amount"), 120000, "BRL");
    assert_text (then, field (f, "close_date"), "2026-04-30");
  }
}

/* What the reader may not see stays out, then as now. */
static void
test_restricted (Fixture       *f,
                 gconstpointer  data)
{
  gint64 deal = make_history (f);
  CrmField *commission;

  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (6, 9));

    set_input_id (f, draft, f->commission_id, "99.00 BRL");
    save (draft, deal);
  }
  {
    g_autoptr(CrmElementDraft) draft = edit (f, f->session, deal, at (7, 9));

    set_input_id (f, draft, f->commission_id, "150.00 BRL");
    set_input (draft, "probability", "80");
    save (draft, deal);
  }
  commission = crm_catalog_get_field (f->catalog, f->commission_id);

  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (6, 12));

    assert_money (then, commission, 9900, "BRL");
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->other, deal, at (6, 12));

    g_assert_null (crm_element_get_values (then, commission));
    g_assert_null (crm_element_get_values (then, field (f, "probability")));
    assert_money (then, field (f, "amount"), 150000, "USD");
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->other, deal, at (7, 12));

    g_assert_null (crm_element_get_values (then, commission));
    assert_text (then, field (f, "probability"), "80");
  }
}

/* Changes of the old format cannot be undone: the field shows nothing
 * rather than a wrong value, until an older full change tells again. */
static void
test_legacy_changes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autoptr(GDateTime) when = at (3, 0);
  gint64 deal = make_history (f);
  CrmField *amount = field (f, "amount");

  payload = g_strdup_printf ("{\"field\":%" G_GINT64_FORMAT ",\"label\":\"Amount\","
                             "\"old\":\"BRL 1200.00\",\"new\":\"BRL 1300.00\"}", crm_field_get_id (amount));
  g_assert_cmpint (crm_timeline_add_entry (f->session, deal, CRM_ENTRY_FIELD_CHANGE, when,
                                           NULL, payload, &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (3, 1));

    g_assert_true (crm_element_is_value_known (then, amount));
    assert_money (then, amount, 120000, "BRL");
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (2, 23));

    g_assert_false (crm_element_is_value_known (then, amount));
    g_assert_null (crm_element_get_values (then, amount));
    g_assert_true (crm_element_is_value_known (then, field (f, "close_date")));
  }
  {
    g_autoptr(CrmElement) then = load_as_of (f->session, deal, at (2, 9));

    g_assert_true (crm_element_is_value_known (then, amount));
    assert_money (then, amount, 100000, "BRL");
  }
}

/* A snapshot is for reading: no draft takes it. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrmElement) then = NULL;
  gint64 deal = make_history (f);

  then = load_as_of (f->session, deal, at (2, 12));
  g_test_expect_message ("clientele-core", G_LOG_LEVEL_CRITICAL, "*crm_element_get_as_of*");
  g_assert_null (crm_element_draft_new_for (f->session, then));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/as-of/edits-over-time", test_edits_over_time);
  ADD ("/as-of/before-creation", test_before_creation);
  ADD ("/as-of/now-is-current", test_now_is_current);
  ADD ("/as-of/deleted-field", test_deleted_field);
  ADD ("/as-of/restricted", test_restricted);
  ADD ("/as-of/legacy-changes", test_legacy_changes);
  ADD ("/as-of/read-only", test_read_only);

  return g_test_run ();
}
