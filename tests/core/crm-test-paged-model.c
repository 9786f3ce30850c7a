/* crm-test-paged-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crm-paged-model-private.h"
#include "crm-store-private.h"
#include "crm-test-paged-model.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Signal;

/* ---- TestItem ------------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (TestItem, test_item, G_TYPE_OBJECT)

static void
test_item_class_init (TestItemClass *klass)
{
}

static void
test_item_init (TestItem *self)
{
}

static TestItem *
test_item_new (gint64 id,
               int    key)
{
  TestItem *self = g_object_new (TEST_TYPE_ITEM, NULL);

  self->id = id;
  self->key = key;
  return self;
}

static int
compare_items (TestItem *a,
               TestItem *b)
{
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b)
{
  return compare_items (*(TestItem **)a, *(TestItem **)b);
}

/* Every row as a new item, in the model's order. */
static GPtrArray *
sorted_rows (GHashTable *rows)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer id, key;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &id, &key))
    g_ptr_array_add (all, test_item_new (*(gint64 *)id, GPOINTER_TO_INT (key)));
  g_ptr_array_sort (all, compare_items_cb);
  return all;
}

/* ---- TestPagedModel -------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (TestPagedModel, test_paged_model, CRM_TYPE_PAGED_MODEL)

/* A refused page has appended some items first: the model must drop them. */
static gboolean
test_paged_model_load_page (CrmPagedModel  *model,
                            gpointer        after,
                            guint           limit,
                            GPtrArray      *page,
                            GError        **error)
{
  TestPagedModel *self = TEST_PAGED_MODEL (model);
  g_autoptr(GPtrArray) all = sorted_rows (self->rows);
  gint64 cursor = after != NULL ? TEST_ITEM (after)->id : 0;
  guint n = 0;

  g_array_append_val (self->cursors, cursor);
  for (guint i = 0; i < all->len && n < limit; i++)
    if (after == NULL || compare_items (after, all->pdata[i]) < 0)
      {
        g_ptr_array_add (page, g_object_ref (all->pdata[i]));
        n++;
      }

  if (self->fail_code >= 0)
    {
      g_set_error (error, CRM_ERROR, self->fail_code, "Test page refused");
      self->fail_code = -1;
      return FALSE;
    }
  return TRUE;
}

static gpointer
test_paged_model_load_item (CrmPagedModel *model,
                            gint64         id)
{
  TestPagedModel *self = TEST_PAGED_MODEL (model);
  gpointer key;

  self->item_loads++;
  if (!g_hash_table_lookup_extended (self->rows, &id, NULL, &key))
    return NULL;
  return test_item_new (id, GPOINTER_TO_INT (key));
}

static int
test_paged_model_compare (CrmPagedModel *model,
                          gpointer       a,
                          gpointer       b)
{
  return compare_items (a, b);
}

static gint64
test_paged_model_get_item_id (CrmPagedModel *model,
                              gpointer       item)
{
  return TEST_ITEM (item)->id;
}

/* Elements of PAGED_LIST are its items; a catalog change of it reloads. */
static CrmPagedChange
test_paged_model_classify (CrmPagedModel       *model,
                           const CrmChangeItem *change)
{
  if (change->parent != PAGED_LIST)
    return CRM_PAGED_CHANGE_NONE;
  switch (change->kind)
    {
    case CRM_CHANGE_ELEMENT_ADDED:
    case CRM_CHANGE_ELEMENT_UPDATED:
      return CRM_PAGED_CHANGE_ITEM;
    case CRM_CHANGE_ELEMENT_REMOVED:
      return CRM_PAGED_CHANGE_ITEM_REMOVED;
    case CRM_CHANGE_CATALOG:
      return CRM_PAGED_CHANGE_RELOAD;
    case CRM_CHANGE_ENTRY_ADDED:
    case CRM_CHANGE_ENTRY_UPDATED:
    case CRM_CHANGE_ENTRY_REMOVED:
    case CRM_CHANGE_LAYOUT:
    default:
      return CRM_PAGED_CHANGE_NONE;
    }
}

static void
test_paged_model_finalize (GObject *object)
{
  TestPagedModel *self = TEST_PAGED_MODEL (object);

  g_array_unref (self->cursors);

  G_OBJECT_CLASS (test_paged_model_parent_class)->finalize (object);
}

static void
test_paged_model_class_init (TestPagedModelClass *klass)
{
  CrmPagedModelClass *paged_class = CRM_PAGED_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_paged_model_finalize;

  paged_class->item_type = TEST_TYPE_ITEM;
  paged_class->load_page = test_paged_model_load_page;
  paged_class->load_item = test_paged_model_load_item;
  paged_class->compare = test_paged_model_compare;
  paged_class->get_item_id = test_paged_model_get_item_id;
  paged_class->classify = test_paged_model_classify;
}

static void
test_paged_model_init (TestPagedModel *self)
{
  self->cursors = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fail_code = -1;
}

TestPagedModel *
test_paged_model_new (PagedFixture *f)
{
  TestPagedModel *self = g_object_new (TEST_TYPE_PAGED_MODEL, "store", f->store, NULL);

  self->rows = f->rows;
  crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), PAGED_PAGE_SIZE);
  return self;
}

/* ---- Fixture and recorder ------------------------------------------------------ */

static void
unref_if_set (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* Reads no item: reading near the model's end would schedule a page.
 * Added items stay NULL until paged_assert_shadow () fetches them. */
static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  PagedFixture *f)
{
  Signal signal = { position, removed, added };

  g_array_append_val (f->log, signal);
  /* Each signal must fit the model as it is when it arrives. */
  g_assert_cmpuint (position + removed, <=, f->shadow->len);
  g_assert_cmpuint (f->shadow->len - removed + added, ==, g_list_model_get_n_items (model));
  g_ptr_array_remove_range (f->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->shadow, position + i, NULL);
}

void
paged_put_row (PagedFixture *f,
               gint64        id,
               int           key)
{
  g_hash_table_insert (f->rows, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (key));
}

void
paged_fixture_set_up (PagedFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = crm_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (gint64 id = 1; id <= 23; id++)
    paged_put_row (f, id, (id == 6 || id == 11 ? id - 1 : id) * 10);
  f->log = g_array_new (FALSE, FALSE, sizeof (Signal));
  f->shadow = g_ptr_array_new_with_free_func (unref_if_set);

  f->model = test_paged_model_new (f);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed_cb), f);
}

void
paged_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

void
paged_fixture_tear_down (PagedFixture  *f,
                         gconstpointer  data)
{
  /* Idle page loads hold the model; let them finish first. */
  paged_drain ();

  g_signal_handlers_disconnect_by_data (f->model, f);
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->store);
  g_ptr_array_unref (f->shadow);
  g_array_unref (f->log);
  g_hash_table_unref (f->rows);
}

void
paged_notify (PagedFixture  *f,
              CrmChangeKind  kind,
              gint64         id,
              gint64         parent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_begin (f->store, &error));
  _crm_store_note_change (f->store, kind, id, parent);
  g_assert_true (crm_store_commit (f->store, &error));
  g_assert_no_error (error);
}

void
paged_assert_log (PagedFixture *f,
                  guint         n,
                  ...)
{
  va_list args;

  if (f->log->len != n)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < f->log->len; i++)
        {
          Signal *s = &g_array_index (f->log, Signal, i);

          g_string_append_printf (text, " (%u,%u,%u)", s->position, s->removed, s->added);
        }
      g_error ("expected %u items-changed, got %u:%s", n, f->log->len, text->str);
    }
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      Signal *s = &g_array_index (f->log, Signal, i);
      guint position = va_arg (args, guint);
      guint removed = va_arg (args, guint);
      guint added = va_arg (args, guint);

      g_assert_cmpuint (s->position, ==, position);
      g_assert_cmpuint (s->removed, ==, removed);
      g_assert_cmpuint (s->added, ==, added);
    }
  va_end (args);
  g_array_set_size (f->log, 0);
}

void
paged_assert_shadow (PagedFixture *f)
{
  GListModel *model = G_LIST_MODEL (f->model);

  g_assert_cmpuint (f->shadow->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < f->shadow->len; i++)
    {
      g_autoptr(TestItem) item = g_list_model_get_item (model, i);

      if (f->shadow->pdata[i] == NULL)
        f->shadow->pdata[i] = g_object_ref (item);
      g_assert_true (item == f->shadow->pdata[i]);
      if (i > 0)
        g_assert_cmpint (compare_items (f->shadow->pdata[i - 1], item), <, 0);
    }
}

char *
paged_model_ids (PagedFixture *f)
{
  g_autoptr(GString) text = g_string_new (NULL);

  paged_assert_shadow (f);
  for (guint i = 0; i < f->shadow->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            TEST_ITEM (f->shadow->pdata[i])->id);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
paged_assert_complete (PagedFixture *f)
{
  g_autoptr(GPtrArray) all = sorted_rows (f->rows);

  while (crm_paged_model_load_more (CRM_PAGED_MODEL (f->model)) > 0)
    ;
  g_array_set_size (f->log, 0);
  paged_assert_shadow (f);
  g_assert_false (crm_paged_model_has_more (CRM_PAGED_MODEL (f->model)));
  g_assert_cmpuint (f->shadow->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (TEST_ITEM (f->shadow->pdata[i])->id, ==, TEST_ITEM (all->pdata[i])->id);
}

gint64
paged_cursor_at (PagedFixture *f,
                 guint         index)
{
  g_assert_cmpuint (index, <, f->model->cursors->len);
  return g_array_index (f->model->cursors, gint64, index);
}
