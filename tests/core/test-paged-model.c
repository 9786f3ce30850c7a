/* test-paged-model.c — CrmPagedModel by itself, through a tiny subclass
 *
 * Paging across page boundaries, pages on an idle, and changes merged
 * before, inside and after the loaded window, each checked against the
 * exact items-changed it must cause (see crm-test-paged-model.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "clientele-core.h"
#include "crm-paged-model-private.h"
#include "crm-store-private.h"
#include "crm-test-paged-model.h"

/* ---- Paging ------------------------------------------------------------------- */

static void
test_pages (PagedFixture  *f,
            gconstpointer  data)
{
  CrmPagedModel *model = CRM_PAGED_MODEL (f->model);
  g_autofree char *ids = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == TEST_TYPE_ITEM);
  g_assert_cmpuint (crm_paged_model_get_page_size (model), ==, PAGED_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (crm_paged_model_has_more (model));

  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (crm_paged_model_load_more (model), ==, PAGED_PAGE_SIZE);
      paged_assert_signals (f, 1, i * PAGED_PAGE_SIZE, 0, PAGED_PAGE_SIZE);
      g_assert_true (crm_paged_model_has_more (model));
    }
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 3);
  paged_assert_signals (f, 1, 20, 0, 3);
  g_assert_false (crm_paged_model_has_more (model));
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 0);
  paged_assert_signals (f, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 23));

  /* Each page from the last item loaded, ties included; none after the
   * short one. */
  g_assert_cmpuint (f->model->cursors->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (paged_cursor_at (f, i), ==, i * PAGED_PAGE_SIZE);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23");

  /* Twenty rows: the fifth page is empty, and only then is there no more. */
  for (gint64 id = 21; id <= 23; id++)
    g_hash_table_remove (f->rows, &id);
  _crm_paged_model_reload (model);
  paged_assert_signals (f, 1, 0, 23, 5);
  g_assert_cmpint (paged_cursor_at (f, 5), ==, 0);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpuint (crm_paged_model_load_more (model), ==, PAGED_PAGE_SIZE);
  paged_assert_signals (f, 3, 5, 0, 5, 10, 0, 5, 15, 0, 5);
  g_assert_true (crm_paged_model_has_more (model));
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 0);
  paged_assert_signals (f, 0);
  g_assert_false (crm_paged_model_has_more (model));
  g_assert_cmpint (paged_cursor_at (f, 9), ==, 20);

  /* A new page size counts from the next page on. */
  _crm_paged_model_reload (model);
  paged_assert_signals (f, 1, 0, 20, 5);
  crm_paged_model_set_page_size (model, 8);
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 8);
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 7);
  paged_assert_signals (f, 2, 5, 0, 8, 13, 0, 7);
  g_assert_false (crm_paged_model_has_more (model));
}

static void
get_and_drop (PagedFixture *f,
              guint         position)
{
  g_autoptr(TestItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_nonnull (item);
}

/* Reading near the end loads the next page on an idle, never inside
 * get_item; asking again before it ran loads one page. */
static void
test_pages_on_idle (PagedFixture  *f,
                    gconstpointer  data)
{
  CrmPagedModel *model = CRM_PAGED_MODEL (f->model);
  TestPagedModel *weak;

  crm_paged_model_load_more (model);
  paged_assert_log (f, 1, 0, 0, 5);

  /* "Near" is within half a page of the end. */
  get_and_drop (f, 2);
  paged_drain ();
  paged_assert_log (f, 0);
  g_assert_cmpuint (f->model->cursors->len, ==, 1);

  get_and_drop (f, 3);
  get_and_drop (f, 4);
  paged_assert_log (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  paged_drain ();
  paged_assert_log (f, 1, 5, 0, 5);
  g_assert_cmpuint (f->model->cursors->len, ==, 2);

  for (guint position = 8; position < 23; position += 5)
    {
      get_and_drop (f, position);
      paged_drain ();
    }
  paged_assert_log (f, 3, 10, 0, 5, 15, 0, 5, 20, 0, 3);
  g_assert_false (crm_paged_model_has_more (model));
  get_and_drop (f, 22);
  paged_drain ();
  paged_assert_log (f, 0);
  g_assert_cmpuint (f->model->cursors->len, ==, 5);
  paged_assert_shadow (f);

  /* A waiting page keeps its model alive until it has run… */
  weak = test_paged_model_new (f);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
  crm_paged_model_load_more (CRM_PAGED_MODEL (weak));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (weak), 4));
  g_object_unref (weak);
  g_assert_nonnull (weak);
  paged_drain ();
  g_assert_null (weak);

  /* … and a reload drops the wait. */
  weak = test_paged_model_new (f);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
  crm_paged_model_load_more (CRM_PAGED_MODEL (weak));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (weak), 4));
  _crm_paged_model_reload (CRM_PAGED_MODEL (weak));
  g_assert_cmpuint (weak->cursors->len, ==, 2);
  g_object_unref (weak);
  g_assert_null (weak);
}

/* ---- Merging changes -------------------------------------------------------------- */

/* Two pages loaded: ids 1…10, keys 10…100; id 11 (key 100) comes next. */
static void
load_two_pages (PagedFixture *f)
{
  crm_paged_model_load_more (CRM_PAGED_MODEL (f->model));
  crm_paged_model_load_more (CRM_PAGED_MODEL (f->model));
  paged_assert_signals (f, 2, 0, 0, 5, 5, 0, 5);
  f->model->item_loads = 0;
}

static void
test_insert (PagedFixture  *f,
             gconstpointer  data)
{
  g_autofree char *ids = NULL;

  load_two_pages (f);

  /* Before the window, inside it, and just past its last item. */
  paged_put_row (f, 30, 5);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 30, PAGED_LIST);
  paged_assert_signals (f, 1, 0, 0, 1);
  paged_put_row (f, 31, 35);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 31, PAGED_LIST);
  paged_assert_signals (f, 1, 4, 0, 1);
  paged_put_row (f, 32, 101);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 32, PAGED_LIST);
  paged_put_row (f, 33, 100);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 33, PAGED_LIST);
  paged_assert_signals (f, 0);
  g_assert_cmpuint (f->model->item_loads, ==, 4);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "30 1 2 3 31 4 5 6 7 8 9 10");

  /* Another list's change is not even read. */
  paged_put_row (f, 34, 1);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 34, PAGED_LIST + 1);
  paged_assert_signals (f, 0);
  g_assert_cmpuint (f->model->item_loads, ==, 4);
  g_hash_table_remove (f->rows, &(gint64){ 34 });

  /* An item told twice (a page read it before the change came) is there
   * once, replaced. */
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 31, PAGED_LIST);
  paged_assert_signals (f, 1, 4, 1, 1);

  /* The later pages bring what sorted past the window, in its place. */
  paged_assert_complete (f);
  g_clear_pointer (&ids, g_free);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "30 1 2 3 31 4 5 6 7 8 9 10 11 33 32 12 13 14 15 16 17 18 19 20 21 22 23");

  /* Everything loaded: past the end is the end. */
  paged_put_row (f, 35, 1000);
  paged_notify (f, CRM_CHANGE_ELEMENT_ADDED, 35, PAGED_LIST);
  paged_assert_signals (f, 1, 27, 0, 1);
}

static void
test_remove (PagedFixture  *f,
             gconstpointer  data)
{
  g_autofree char *ids = NULL;
  guint pages;

  load_two_pages (f);

  g_hash_table_remove (f->rows, &(gint64){ 3 });
  paged_notify (f, CRM_CHANGE_ELEMENT_REMOVED, 3, PAGED_LIST);
  paged_assert_signals (f, 1, 2, 1, 0);

  /* Not loaded, or never there: nothing to tell. */
  g_hash_table_remove (f->rows, &(gint64){ 15 });
  paged_notify (f, CRM_CHANGE_ELEMENT_REMOVED, 15, PAGED_LIST);
  paged_notify (f, CRM_CHANGE_ELEMENT_REMOVED, 99, PAGED_LIST);
  paged_assert_signals (f, 0);
  g_assert_cmpuint (f->model->item_loads, ==, 0);

  /* An update that no longer belongs (a search that stops matching). */
  g_hash_table_remove (f->rows, &(gint64){ 4 });
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 4, PAGED_LIST);
  paged_assert_signals (f, 1, 2, 1, 0);

  /* The last loaded item: the next page starts after the one before. */
  g_hash_table_remove (f->rows, &(gint64){ 10 });
  paged_notify (f, CRM_CHANGE_ELEMENT_REMOVED, 10, PAGED_LIST);
  paged_assert_signals (f, 1, 7, 1, 0);
  pages = f->model->cursors->len;
  g_assert_cmpuint (crm_paged_model_load_more (CRM_PAGED_MODEL (f->model)), ==, PAGED_PAGE_SIZE);
  paged_assert_signals (f, 1, 7, 0, 5);
  g_assert_cmpint (paged_cursor_at (f, pages), ==, 9);

  paged_assert_complete (f);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "1 2 5 6 7 8 9 11 12 13 14 16 17 18 19 20 21 22 23");
}

static void
test_update (PagedFixture  *f,
             gconstpointer  data)
{
  g_autoptr(TestItem) before = NULL;
  g_autoptr(TestItem) after = NULL;
  g_autofree char *ids = NULL;

  load_two_pages (f);

  /* In place: one row replaced by the new object. */
  before = g_list_model_get_item (G_LIST_MODEL (f->model), 3);
  paged_put_row (f, 4, 41);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 4, PAGED_LIST);
  paged_assert_signals (f, 1, 3, 1, 1);
  after = g_list_model_get_item (G_LIST_MODEL (f->model), 3);
  g_assert_true (after != before);
  g_assert_cmpint (after->key, ==, 41);

  /* A move down, then up: one signal spans it. */
  paged_put_row (f, 2, 75);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 2, PAGED_LIST);
  paged_assert_signals (f, 1, 1, 6, 6);
  paged_put_row (f, 9, 15);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 9, PAGED_LIST);
  paged_assert_signals (f, 1, 1, 8, 8);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "1 9 3 4 5 6 7 2 8 10");

  /* Out past the window, and in from beyond it. */
  paged_put_row (f, 5, 500);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 5, PAGED_LIST);
  paged_assert_signals (f, 1, 4, 1, 0);
  paged_put_row (f, 20, 1);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 20, PAGED_LIST);
  paged_assert_signals (f, 1, 0, 0, 1);

  /* The last loaded item keeps its place when its key stays, and leaves
   * when its key passes the next unloaded one. */
  paged_put_row (f, 10, 100);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 10, PAGED_LIST);
  paged_assert_signals (f, 1, 9, 1, 1);
  paged_put_row (f, 10, 105);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 10, PAGED_LIST);
  paged_assert_signals (f, 1, 9, 1, 0);

  /* Unloaded and staying so. */
  paged_put_row (f, 17, 171);
  paged_notify (f, CRM_CHANGE_ELEMENT_UPDATED, 17, PAGED_LIST);
  paged_assert_signals (f, 0);

  paged_assert_complete (f);
  g_clear_pointer (&ids, g_free);
  ids = paged_model_ids (f);
  g_assert_cmpstr (ids, ==, "20 1 9 3 4 6 7 2 8 11 10 12 13 14 15 16 17 18 19 21 22 23 5");
}

/* ---- Batches and reloads ------------------------------------------------------ */

static void
notify_batch (PagedFixture  *f,
              CrmChangeKind  kind,
              gint64         first_id,
              guint          n,
              gint64         parent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    _crm_store_note_change (f->store, kind, first_id + i, parent);
  g_assert_true (crm_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static void
test_batches (PagedFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  load_two_pages (f);

  /* A page's worth, among others' changes, is merged one by one. */
  for (guint i = 0; i < PAGED_PAGE_SIZE; i++)
    paged_put_row (f, 40 + i, 1 + i);
  g_assert_true (crm_store_begin (f->store, &error));
  for (guint i = 0; i < PAGED_PAGE_SIZE; i++)
    {
      _crm_store_note_change (f->store, CRM_CHANGE_ELEMENT_ADDED, 40 + i, PAGED_LIST);
      _crm_store_note_change (f->store, CRM_CHANGE_ELEMENT_ADDED, 40 + i, PAGED_LIST + 1);
    }
  g_assert_true (crm_store_commit (f->store, &error));
  paged_assert_signals (f, 5, 0, 0, 1, 1, 0, 1, 2, 0, 1, 3, 0, 1, 4, 0, 1);
  g_assert_cmpuint (f->model->item_loads, ==, PAGED_PAGE_SIZE);

  /* More than a page: one reload. */
  for (guint i = 0; i <= PAGED_PAGE_SIZE; i++)
    paged_put_row (f, 50 + i, 2000 + i);
  notify_batch (f, CRM_CHANGE_ELEMENT_ADDED, 50, PAGED_PAGE_SIZE + 1, PAGED_LIST);
  paged_assert_signals (f, 1, 0, 15, 5);
  g_assert_cmpuint (f->model->item_loads, ==, PAGED_PAGE_SIZE);
  g_assert_cmpint (paged_cursor_at (f, f->model->cursors->len - 1), ==, 0);
  g_assert_true (crm_paged_model_has_more (CRM_PAGED_MODEL (f->model)));

  /* The subclass may ask for a reload: it wins over the rest of the change. */
  g_assert_true (crm_store_begin (f->store, &error));
  _crm_store_note_change (f->store, CRM_CHANGE_ELEMENT_REMOVED, 40, PAGED_LIST);
  _crm_store_note_change (f->store, CRM_CHANGE_CATALOG, 0, PAGED_LIST);
  g_assert_true (crm_store_commit (f->store, &error));
  paged_assert_signals (f, 1, 0, 5, 5);
  g_assert_cmpuint (f->model->item_loads, ==, PAGED_PAGE_SIZE);

  paged_assert_complete (f);
  g_assert_cmpuint (f->shadow->len, ==, 23 + 2 * PAGED_PAGE_SIZE + 1);
}

/* A page that cannot be read ends the list: quietly when refused, with a
 * warning otherwise. A reload tries again. */
static void
test_failed_page (PagedFixture  *f,
                  gconstpointer  data)
{
  CrmPagedModel *model = CRM_PAGED_MODEL (f->model);

  f->model->fail_code = CRM_ERROR_PERMISSION_DENIED;
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 0);
  g_assert_false (crm_paged_model_has_more (model));
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 0);
  g_assert_cmpuint (f->model->cursors->len, ==, 1);
  paged_assert_signals (f, 0);

  _crm_paged_model_reload (model);
  paged_assert_signals (f, 1, 0, 0, 5);
  g_assert_true (crm_paged_model_has_more (model));

  f->model->fail_code = CRM_ERROR_STORAGE;
  g_test_expect_message ("clientele-core", G_LOG_LEVEL_WARNING, "Test page refused");
  g_assert_cmpuint (crm_paged_model_load_more (model), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_false (crm_paged_model_has_more (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  paged_assert_signals (f, 0);

  _crm_paged_model_reload (model);
  paged_assert_signals (f, 1, 0, 5, 5);
  paged_assert_complete (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/paged-model/pages", PagedFixture, NULL,
              paged_fixture_set_up, test_pages, paged_fixture_tear_down);
  g_test_add ("/paged-model/pages-on-idle", PagedFixture, NULL,
              paged_fixture_set_up, test_pages_on_idle, paged_fixture_tear_down);
  g_test_add ("/paged-model/insert", PagedFixture, NULL,
              paged_fixture_set_up, test_insert, paged_fixture_tear_down);
  g_test_add ("/paged-model/remove", PagedFixture, NULL,
              paged_fixture_set_up, test_remove, paged_fixture_tear_down);
  g_test_add ("/paged-model/update", PagedFixture, NULL,
              paged_fixture_set_up, test_update, paged_fixture_tear_down);
  g_test_add ("/paged-model/batches", PagedFixture, NULL,
              paged_fixture_set_up, test_batches, paged_fixture_tear_down);
  g_test_add ("/paged-model/failed-page", PagedFixture, NULL,
              paged_fixture_set_up, test_failed_page, paged_fixture_tear_down);

  return g_test_run ();
}
