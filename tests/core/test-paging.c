/* test-paging.c — CrmElementListModel and CrmTimelineModel load pages on
 * demand, keep their order across page boundaries, and merge writes
 *
 * Every case opens its own database in a temporary directory. Runs with
 * TZ=UTC and LC_ALL=C.UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>
#include <glib.h>

#include "clientele-core.h"
#include "crm-test-utils.h"

#define N_CONTACTS 250

typedef struct
{
  char       *dir;
  char       *path;
  CrmStore   *store;
  CrmSession *session;
  gint64      contact_type_id;
} Fixture;

/* One contact the test knows about: what it should sort by. */
typedef struct
{
  gint64  id;
  char   *key;    /* sort key, written by hand: accent-free, casefolded */
  gint64  stamp;  /* seconds after 2024-01-01, the created/updated time */
} Known;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

/* Names with their accent-free, casefolded spelling: the oracle for
 * CRM_ELEMENT_SORT_TITLE. "Álvaro" and "alvaro" share a key on purpose. */
static const struct {
  const char *name;
  const char *key;
} names[] = {
  { "Álvaro", "alvaro" }, { "alvaro", "alvaro" }, { "Ana", "ana" },
  { "Ângela", "angela" }, { "Bárbara", "barbara" }, { "Beatriz", "beatriz" },
  { "Caio", "caio" }, { "Çelik", "celik" }, { "Débora", "debora" },
  { "Eduardo", "eduardo" }, { "Émile", "emile" }, { "Fábio", "fabio" },
  { "Gustavo", "gustavo" }, { "Iara", "iara" }, { "Ígor", "igor" },
  { "João", "joao" }, { "Júlia", "julia" }, { "Lúcia", "lucia" },
  { "Márcio", "marcio" }, { "Nélson", "nelson" }, { "Óscar", "oscar" },
  { "Otávio", "otavio" }, { "Úrsula", "ursula" }, { "Vítor", "vitor" },
  { "Zé", "ze" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (names) * 10 == N_CONTACTS);

/* ---- Fixture ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmEntityType *type;

  f->dir = crm_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "clientele.db", NULL);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (crm_session_is_admin (f->session));

  type = crm_catalog_find_entity_type (crm_store_get_catalog (f->store), "contact");
  g_assert_nonnull (type);
  f->contact_type_id = crm_entity_type_get_id (type);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Idle page loads hold the models; let them finish first. */
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  crm_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* ---- Helpers ------------------------------------------------------------------ */

static void
known_clear (Known *known)
{
  g_free (known->key);
}

static GDateTime *
stamp_to_datetime (gint64 stamp)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);

  return g_date_time_add_seconds (base, stamp);
}

static gint64
create_contact (Fixture    *f,
                const char *name,
                const char *last_name,
                GDateTime  *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElementDraft) draft = NULL;
  gint64 id;

  draft = crm_element_draft_new (f->session, "contact", &error);
  g_assert_no_error (error);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", name, &error));
  g_assert_no_error (error);
  if (last_name != NULL)
    {
      g_assert_true (crm_element_draft_set_input_by_code (draft, "last_name", last_name, &error));
      g_assert_no_error (error);
    }
  if (when != NULL)
    crm_element_draft_set_created_at (draft, when);
  id = crm_element_draft_save (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
rename_contact (Fixture    *f,
                gint64      id,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmElement) element = crm_element_load (f->session, id, &error);
  g_autoptr(CrmElementDraft) draft = NULL;

  g_assert_no_error (error);
  draft = crm_element_draft_new_for (f->session, element);
  g_assert_true (crm_element_draft_set_input_by_code (draft, "name", name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_element_draft_save (draft, &error), ==, id);
  g_assert_no_error (error);
}

/* 250 contacts, created in a shuffled order so that neither sort follows
 * the ids; pairs of them share a time stamp, so UPDATED_DESC breaks ties
 * by id at page boundaries. */
static GArray *
create_contacts (Fixture *f)
{
  GArray *known = g_array_sized_new (FALSE, TRUE, sizeof (Known), N_CONTACTS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);
  guint order[N_CONTACTS], stamps[N_CONTACTS];

  g_array_set_clear_func (known, (GDestroyNotify)known_clear);

  for (guint i = 0; i < N_CONTACTS; i++)
    order[i] = stamps[i] = i;
  for (guint i = N_CONTACTS - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1), k = g_rand_int_range (rand, 0, i + 1), t;

      t = order[i], order[i] = order[j], order[j] = t;
      t = stamps[i], stamps[i] = stamps[k], stamps[k] = t;
    }

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      guint n = order[i] / 10, number = order[i] % 10;
      g_autofree char *last_name = g_strdup_printf ("%02u", number);
      Known one = { 0, };
      g_autoptr(GDateTime) when = NULL;

      one.stamp = (stamps[i] / 2) * 60;
      one.key = g_strdup_printf ("%s %02u", names[n].key, number);
      when = stamp_to_datetime (one.stamp);
      one.id = create_contact (f, names[n].name, last_name, when);
      g_array_append_val (known, one);
    }
  return known;
}

static int
compare_title (gconstpointer a,
               gconstpointer b)
{
  const Known *ka = a, *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;
  return ka->id < kb->id ? -1 : ka->id > kb->id;
}

static int
compare_updated_desc (gconstpointer a,
                      gconstpointer b)
{
  const Known *ka = a, *kb = b;

  if (ka->stamp != kb->stamp)
    return ka->stamp > kb->stamp ? -1 : 1;
  return ka->id > kb->id ? -1 : ka->id < kb->id;
}

static int
compare_known_ptrs (gconstpointer a,
                    gconstpointer b,
                    gpointer      compare)
{
  return ((GCompareFunc)compare) (*(Known * const *)a, *(Known * const *)b);
}

/* The ids in the order the oracle expects. */
static GArray *
expected_ids (GArray       *known,
              GCompareFunc  compare)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < known->len; i++)
    g_ptr_array_add (sorted, &g_array_index (known, Known, i));
  g_ptr_array_sort_with_data (sorted, compare_known_ptrs, compare);
  for (guint i = 0; i < sorted->len; i++)
    g_array_append_val (ids, ((Known *)g_ptr_array_index (sorted, i))->id);
  return ids;
}

static Known *
find_known (GArray *known,
            gint64  id)
{
  for (guint i = 0; i < known->len; i++)
    if (g_array_index (known, Known, i).id == id)
      return &g_array_index (known, Known, i);
  g_assert_not_reached ();
}

static void
forget_known (GArray *known,
              gint64  id)
{
  for (guint i = 0; i < known->len; i++)
    if (g_array_index (known, Known, i).id == id)
      {
        g_array_remove_index (known, i);
        return;
      }
  g_assert_not_reached ();
}

static gint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return -1;
}

/* The ids the model holds. Reading items may schedule the next page on an
 * idle; the main context is not iterated here. */
static GArray *
element_model_ids (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (model, i);
      gint64 id = crm_element_get_id (element);

      g_assert_true (CRM_IS_ELEMENT (element));
      g_array_append_val (ids, id);
    }
  g_assert_null (g_list_model_get_item (model, n));
  return ids;
}

static gint64
element_id_at (GListModel *model,
               guint       position)
{
  g_autoptr(CrmElement) element = g_list_model_get_item (model, position);

  g_assert_nonnull (element);
  return crm_element_get_id (element);
}

/* @got is the first got->len ids of @expected, each once. */
static void
assert_prefix (GArray *got,
               GArray *expected)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_cmpuint (got->len, <=, expected->len);
  for (guint i = 0; i < got->len; i++)
    {
      gint64 *id = &g_array_index (got, gint64, i);

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      if (*id != g_array_index (expected, gint64, i))
        g_error ("position %u holds element %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 i, *id, g_array_index (expected, gint64, i));
    }
}

static void
assert_same_ids (GArray *got,
                 GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  assert_prefix (got, expected);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_log (GArray *log,
            guint   n,
            ...)
{
  va_list args;

  if (log->len != n)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < log->len; i++)
        {
          ItemsChanged *c = &g_array_index (log, ItemsChanged, i);

          g_string_append_printf (text, " (%u,%u,%u)", c->position, c->removed, c->added);
        }
      g_error ("expected %u items-changed, got %u:%s", n, log->len, text->str);
    }

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      ItemsChanged *c = &g_array_index (log, ItemsChanged, i);
      guint position = va_arg (args, guint);
      guint removed = va_arg (args, guint);
      guint added = va_arg (args, guint);

      g_assert_cmpuint (c->position, ==, position);
      g_assert_cmpuint (c->removed, ==, removed);
      g_assert_cmpuint (c->added, ==, added);
    }
  va_end (args);
  g_array_set_size (log, 0);
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

/* ---- Element list: explicit paging ------------------------------------------------ */

static void
test_list_page_boundaries (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) known = create_contacts (f);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) by_updated = expected_ids (known, compare_updated_desc);
  g_autoptr(GArray) by_title = expected_ids (known, compare_title);
  g_autoptr(GArray) ids = NULL;
  CrmElementListModel *model;

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  g_assert_cmpint (crm_element_list_model_get_sort (model), ==, CRM_ELEMENT_SORT_UPDATED_DESC);
  g_assert_cmpint (crm_element_list_model_get_entity_type_id (model), ==, f->contact_type_id);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CRM_TYPE_ELEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_true (crm_element_list_model_has_more (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  crm_element_list_model_set_page_size (model, 100);
  g_assert_cmpuint (crm_element_list_model_load_more (model), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);
  g_assert_true (crm_element_list_model_has_more (model));
  g_assert_cmpuint (crm_element_list_model_load_more (model), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_false (crm_element_list_model_has_more (model));
  g_assert_cmpuint (crm_element_list_model_load_more (model), ==, 0);
  assert_log (log, 2, 100, 0, 100, 200, 0, 50);

  /* Most recently changed first; equal times by id, newest id first. */
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, by_updated);
  g_clear_pointer (&ids, g_array_unref);

  /* A → Z by the accent-free, casefolded title. */
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpint (crm_element_list_model_get_sort (model), ==, CRM_ELEMENT_SORT_TITLE);
  assert_log (log, 1, 0, 250, 100);
  g_assert_true (crm_element_list_model_has_more (model));
  while (crm_element_list_model_load_more (model) > 0)
    ;
  g_assert_false (crm_element_list_model_has_more (model));
  assert_log (log, 2, 100, 0, 100, 200, 0, 50);
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, by_title);
  g_clear_pointer (&ids, g_array_unref);

  /* "Álvaro 00" and "alvaro 00" share a key: the older id comes first, and
   * both come before "Ana"; "Zé" is last. */
  {
    g_autoptr(CrmElement) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(CrmElement) second = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autoptr(CrmElement) last = g_list_model_get_item (G_LIST_MODEL (model), N_CONTACTS - 1);
    const char *t1 = crm_element_get_title (first), *t2 = crm_element_get_title (second);

    g_assert_true ((g_str_equal (t1, "Álvaro 00") && g_str_equal (t2, "alvaro 00")) ||
                   (g_str_equal (t1, "alvaro 00") && g_str_equal (t2, "Álvaro 00")));
    g_assert_cmpint (crm_element_get_id (first), <, crm_element_get_id (second));
    g_assert_cmpstr (crm_element_get_title (last), ==, "Zé 09");
    /* List rows carry the columns, not the values. */
    g_assert_false (crm_element_has_values (first));
  }

  /* Small pages: every boundary is crossed, and with page size 1 each
   * page ends on a tie of the UPDATED_DESC key. */
  crm_element_list_model_set_page_size (model, 7);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_UPDATED_DESC);
  assert_log (log, 1, 0, 250, 7);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  g_assert_cmpuint (log->len, ==, 35);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 34).position, ==, 245);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 34).added, ==, 5);
  g_array_set_size (log, 0);
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, by_updated);
  g_clear_pointer (&ids, g_array_unref);

  crm_element_list_model_set_page_size (model, 1);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_UPDATED_DESC);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  while (crm_element_list_model_load_more (model) > 0)
    ;
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, by_updated);
  g_clear_pointer (&ids, g_array_unref);

  drain_main_context ();
  g_assert_finalize_object (model);
}

/* ---- Element list: paging by itself ------------------------------------------------ */

static void
test_list_pages_on_idle (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) known = create_contacts (f);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) by_updated = expected_ids (known, compare_updated_desc);
  g_autoptr(GArray) ids = NULL;
  CrmElementListModel *model;
  CrmElement *item;

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);

  /* Far from the end: nothing to fetch. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (crm_element_get_id (item), ==, g_array_index (by_updated, gint64, 0));
  g_object_unref (item);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  assert_log (log, 0);

  /* Near the end: the next page comes on an idle, never inside get_item,
   * and asking twice fetches one page. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 95);
  g_assert_cmpint (crm_element_get_id (item), ==, g_array_index (by_updated, gint64, 95));
  g_object_unref (item);
  item = g_list_model_get_item (G_LIST_MODEL (model), 99);
  g_object_unref (item);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  assert_log (log, 0);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);
  assert_log (log, 1, 100, 0, 100);
  g_assert_true (crm_element_list_model_has_more (model));

  item = g_list_model_get_item (G_LIST_MODEL (model), 195);
  g_object_unref (item);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  assert_log (log, 1, 200, 0, 50);
  g_assert_false (crm_element_list_model_has_more (model));

  /* At the end there is nothing more to ask for. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 249);
  g_assert_nonnull (item);
  g_object_unref (item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 250));
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  assert_log (log, 0);

  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, by_updated);

  drain_main_context ();
  g_assert_finalize_object (model);
}

/* ---- Element list: writes while paging --------------------------------------------- */

static void
test_list_changes_while_paging (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GArray) known = create_contacts (f);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) ids = NULL;
  CrmElementListModel *model;
  gint64 inside, outside, moved, gone, far, back, company;
  gint old_position, new_position;
  Known one = { 0, };

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Sorts into the loaded range: right after the two "alvaro 03". */
  inside = create_contact (f, "Alvaro", "03x", NULL);
  one.id = inside, one.key = g_strdup ("alvaro 03x");
  g_array_append_val (known, one);
  expected = expected_ids (known, compare_title);
  g_assert_cmpint (index_of (expected, inside), ==, 8);
  assert_log (log, 1, 8, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 101);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 8), ==, inside);

  /* Sorts past it: a later page brings it. */
  outside = create_contact (f, "Zuleica", "99", NULL);
  one.id = outside, one.key = g_strdup ("zuleica 99");
  g_array_append_val (known, one);
  assert_log (log, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 101);

  /* Another type's element is none of this model's business. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "company", &error);

    g_assert_no_error (error);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "title", "Aaa Ltda", &error));
    company = crm_element_draft_save (draft, &error);
    g_assert_no_error (error);
    g_assert_cmpint (company, >, 0);
    assert_log (log, 0);
  }

  /* A rename moves an element inside the loaded range. */
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  moved = g_array_index (expected, gint64, 2);
  rename_contact (f, moved, "Beatriz");
  {
    Known *k = find_known (known, moved);
    g_autofree char *old_key = k->key;

    k->key = g_strdup_printf ("beatriz %s", old_key + strlen ("alvaro "));
  }
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  new_position = index_of (expected, moved);
  g_assert_cmpint (new_position, >, 2);
  g_assert_cmpint (new_position, <, 100);
  /* One signal spans the move (GTK's list views need each signal to match
   * the model as it is then). */
  assert_log (log, 1, 2, (guint)new_position - 1, (guint)new_position - 1);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), new_position), ==, moved);
  {
    g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (model), new_position);

    g_assert_true (g_str_has_prefix (crm_element_get_title (element), "Beatriz "));
  }

  /* A rename that keeps the place changes the row in place. */
  {
    gint64 same = g_array_index (expected, gint64, 10);
    g_autoptr(CrmElement) before = g_list_model_get_item (G_LIST_MODEL (model), 10);
    g_autoptr(CrmElement) after = NULL;
    Known *k = find_known (known, same);
    g_autofree char *name = NULL;

    /* Same key, different spelling: "Ana" → "ANA" */
    g_assert_true (g_str_has_prefix (k->key, "ana ") || g_str_has_prefix (k->key, "alvaro "));
    name = g_str_has_prefix (k->key, "ana ") ? g_strdup ("ANA") : g_strdup ("ALVARO");
    rename_contact (f, same, name);
    assert_log (log, 1, 10, 1, 1);
    after = g_list_model_get_item (G_LIST_MODEL (model), 10);
    g_assert_cmpint (crm_element_get_id (after), ==, same);
    g_assert_true (g_str_has_prefix (crm_element_get_title (after), name));
    g_assert_true (after != before);
  }

  /* A rename that moves it past the loaded range only removes it. */
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  far = g_array_index (expected, gint64, 3);
  rename_contact (f, far, "Vítor");
  {
    Known *k = find_known (known, far);
    g_autofree char *old_key = k->key;

    k->key = g_strdup_printf ("vitor %s", strchr (old_key, ' ') + 1);
  }
  assert_log (log, 1, 3, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);

  /* An element from beyond the loaded range renamed into it is inserted. */
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  back = g_array_index (expected, gint64, 240);
  rename_contact (f, back, "Aaron");
  {
    Known *k = find_known (known, back);
    g_autofree char *old_key = k->key;

    k->key = g_strdup_printf ("aaron %s", strchr (old_key, ' ') + 1);
  }
  assert_log (log, 1, 0, 0, 1);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 0), ==, back);

  /* A delete removes the row. */
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  gone = g_array_index (expected, gint64, 4);
  old_position = 4;
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (crm_element_delete (f->session, gone, &error));
    g_assert_no_error (error);
  }
  forget_known (known, gone);
  assert_log (log, 1, (guint)old_position, 1, 0);

  /* What is loaded is a prefix of the full order; the rest arrives with
   * the next pages, Zuleica last, nothing twice, nothing missing. */
  g_clear_pointer (&expected, g_array_unref);
  expected = expected_ids (known, compare_title);
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_prefix (ids, expected);
  g_clear_pointer (&ids, g_array_unref);

  while (crm_element_list_model_load_more (model) > 0)

    ;
  g_assert_false (crm_element_list_model_has_more (model));
  ids = element_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, expected);
  g_assert_cmpint (g_array_index (ids, gint64, ids->len - 1), ==, outside);
  g_assert_cmpint (index_of (ids, gone), ==, -1);
  g_assert_cmpint (index_of (ids, far), >, 200);

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* Most recently changed first: writes land on top. */
static void
test_list_changes_updated_desc (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GArray) known = create_contacts (f);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) expected = expected_ids (known, compare_updated_desc);
  CrmElementListModel *model;
  gint64 fresh, touched, unloaded;

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Created now: newer than every contact above (all from 2024). */
  fresh = create_contact (f, "Nova", "Pessoa", NULL);
  assert_log (log, 1, 0, 0, 1);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 0), ==, fresh);

  touched = g_array_index (expected, gint64, 30);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 31), ==, touched);
  /* Time stamps have milliseconds: make this write the newest. */
  g_usleep (2000);
  rename_contact (f, touched, "Renomeado");
  assert_log (log, 1, 0, 32, 32);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 0), ==, touched);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 1), ==, fresh);

  /* Not loaded yet, but now the most recent: it shows up on top. */
  unloaded = g_array_index (expected, gint64, 200);
  /* Time stamps have milliseconds: make this write the newest. */
  g_usleep (2000);
  rename_contact (f, unloaded, "Desenterrado");
  assert_log (log, 1, 0, 0, 1);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 0), ==, unloaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 102);

  /* Paging on still sees each element once. */
  while (crm_element_list_model_load_more (model) > 0)
    ;
  {
    g_autoptr(GArray) ids = element_model_ids (G_LIST_MODEL (model));
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

    g_assert_cmpuint (ids->len, ==, N_CONTACTS + 1);
    for (guint i = 0; i < ids->len; i++)
      g_assert_true (g_hash_table_add (seen, &g_array_index (ids, gint64, i)));
  }

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* One transaction with more changes than a page: the model reloads once
 * instead of merging each. */
static void
test_list_big_batch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GError) error = NULL;
  CrmElementListModel *model;

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_false (crm_element_list_model_has_more (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  g_assert_true (crm_store_begin (f->store, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *last_name = g_strdup_printf ("%03u", i);

      create_contact (f, "Lote", last_name, NULL);
    }
  assert_log (log, 0);
  g_assert_true (crm_store_commit (f->store, &error));
  g_assert_no_error (error);

  assert_log (log, 1, 0, 0, 100);
  g_assert_true (crm_element_list_model_has_more (model));
  g_assert_cmpuint (crm_element_list_model_load_more (model), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 150);

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* Titles in other scripts sort alphabetically too, not all alike:
 * "accent-free, casefolded" must not mean "ASCII or nothing". */
static void
test_list_title_other_scripts (Fixture       *f,
                               gconstpointer  data)
{
  static const char *titles[] = { "Вера", "Борис", "Анна", "Дмитрий", "Галина" };
  static const char *sorted[] = { "Анна", "Борис", "Вера", "Галина", "Дмитрий" };
  CrmElementListModel *model;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    create_contact (f, titles[i], NULL, NULL);

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(CrmElement) element = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (crm_element_get_title (element), ==, sorted[i]);
    }

  drain_main_context ();
  g_assert_finalize_object (model);
}

/* Kanban columns: a model per stage; moving a deal moves its row. */
static void
test_list_stage_filter (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) log_new = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) log_next = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  CrmCatalog *catalog = crm_store_get_catalog (f->store);
  gint64 deal_type = crm_entity_type_get_id (crm_catalog_find_entity_type (catalog, "deal"));
  CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, deal_type);
  CrmElementListModel *column_new, *column_next, *all;
  gint64 stage_new, stage_next, deals[3];

  {
    g_autoptr(CrmStage) first = g_list_model_get_item (crm_pipeline_get_stages (pipeline), 0);
    g_autoptr(CrmStage) second = g_list_model_get_item (crm_pipeline_get_stages (pipeline), 1);

    stage_new = crm_stage_get_id (first);
    stage_next = crm_stage_get_id (second);
  }

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      g_autoptr(CrmElementDraft) draft = crm_element_draft_new (f->session, "deal", &error);
      g_autofree char *title = g_strdup_printf ("Negócio %u", i);
      g_autoptr(GDateTime) when = stamp_to_datetime (i * 60);

      g_assert_true (crm_element_draft_set_input_by_code (draft, "title", title, &error));
      crm_element_draft_set_created_at (draft, when);
      deals[i] = crm_element_draft_save (draft, &error);
      g_assert_no_error (error);
    }

  column_new = crm_element_list_model_new (f->session, deal_type);
  crm_element_list_model_set_stage (column_new, stage_new);
  column_next = crm_element_list_model_new (f->session, deal_type);
  crm_element_list_model_set_stage (column_next, stage_next);
  all = crm_element_list_model_new (f->session, deal_type);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column_new)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (column_next)), ==, 0);
  g_signal_connect (column_new, "items-changed", G_CALLBACK (items_changed_cb), log_new);
  g_signal_connect (column_next, "items-changed", G_CALLBACK (items_changed_cb), log_next);

  /* Newest first: deals[2], deals[1], deals[0]. Move deals[1]. */
  g_assert_cmpint (element_id_at (G_LIST_MODEL (column_new), 1), ==, deals[1]);
  {
    g_autoptr(CrmElement) element = crm_element_load (f->session, deals[1], &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, element);
    crm_element_draft_set_stage (draft, stage_next);
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, deals[1]);
    g_assert_no_error (error);
  }
  assert_log (log_new, 1, 1, 1, 0);
  assert_log (log_next, 1, 0, 0, 1);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (column_next), 0), ==, deals[1]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (all), 0), ==, deals[1]);

  /* Back to every stage. */
  crm_element_list_model_set_stage (column_next, 0);
  assert_log (log_next, 1, 0, 1, 3);

  g_signal_handlers_disconnect_by_data (column_new, log_new);
  g_signal_handlers_disconnect_by_data (column_next, log_next);
  drain_main_context ();
  g_assert_finalize_object (column_new);
  g_assert_finalize_object (column_next);
  g_assert_finalize_object (all);
}

/* A user who may not read a type gets an empty model, and it stays empty
 * when others write. */
static void
test_list_no_read_permission (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSession) visitor = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  CrmElementListModel *model;
  gint64 existing, created;
  sqlite3 *db = NULL;

  existing = create_contact (f, "Já", "Existia", NULL);

  /* A user with no role (no public API for users yet). */
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO users (id, login, name, is_admin, created_at) "
                                     "VALUES (300, 'visitante', 'Visitante', 0, '2024-01-01T00:00:00.000Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = crm_store_open (f->path, &error);
  g_assert_no_error (error);
  f->session = crm_session_new_for_desktop_user (f->store, &error);
  g_assert_no_error (error);
  visitor = crm_session_new (f->store, 300, &error);
  g_assert_no_error (error);
  g_assert_false (crm_session_has_permission (visitor, CRM_PERMISSION_ELEMENT_READ, f->contact_type_id));

  model = crm_element_list_model_new (visitor, f->contact_type_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_false (crm_element_list_model_has_more (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Sorting, searching or filtering reloads: still nothing. */
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  crm_element_list_model_set_search (model, "existia");
  crm_element_list_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  assert_log (log, 0);

  created = create_contact (f, "Novo", "Contato", NULL);
  g_assert_cmpint (created, >, existing);
  rename_contact (f, existing, "Renomeado");
  assert_log (log, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* ---- Timeline ---------------------------------------------------------------------- */

/* The stored form of timeline_entries.created_at (schema: UTC,
 * "YYYY-MM-DDTHH:MM:SS.fffZ"), which crm_timeline_query_page () compares. */
static char *
entry_cursor_text (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

static GArray *
timeline_model_ids (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmTimelineEntry) entry = g_list_model_get_item (model, i);
      gint64 id = crm_timeline_entry_get_id (entry);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_timeline_pages (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) inserted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2020, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2021, 3, 1, 12, 0, 0);
  CrmTimelineModel *model;
  gint64 element, created_entry, comment;

  element = create_contact (f, "Linha", "do Tempo", created);

  /* The 'created' entry (2020) plus 119 more, one a minute from 2021 on:
   * 120 in all. Entries 67–70 share one time and straddle the boundary
   * between the first and the second page. */
  for (guint i = 0; i < 119; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (base, (i >= 67 && i <= 70) ? 67 : i);
      g_autofree char *text = g_strdup_printf ("Ligação %u", i);
      gint64 id = crm_timeline_add_entry (f->session, element,
                                          i % 3 == 0 ? CRM_ENTRY_CALL : CRM_ENTRY_COMMENT,
                                          when, text, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_array_append_val (inserted, id);
    }

  /* Newest first; the tie by id, the larger first. */
  for (guint i = inserted->len; i-- > 0;)
    g_array_append_val (expected, g_array_index (inserted, gint64, i));

  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpint (crm_timeline_model_get_element_id (model), ==, element);
  g_assert_cmpuint (crm_timeline_model_get_page_size (model), ==, 50);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CRM_TYPE_TIMELINE_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  g_assert_true (crm_timeline_model_has_more (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  g_assert_cmpuint (crm_timeline_model_load_more (model), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_cmpuint (crm_timeline_model_load_more (model), ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 120);
  g_assert_false (crm_timeline_model_has_more (model));
  g_assert_cmpuint (crm_timeline_model_load_more (model), ==, 0);
  assert_log (log, 2, 50, 0, 50, 100, 0, 20);

  ids = timeline_model_ids (G_LIST_MODEL (model));
  g_assert_cmpuint (ids->len, ==, 120);
  for (guint i = 0; i < 119; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (expected, gint64, i));

  /* The oldest is the 'created' entry, at the element's creation time. */
  {
    g_autoptr(CrmTimelineEntry) last = g_list_model_get_item (G_LIST_MODEL (model), 119);

    g_assert_cmpint (crm_timeline_entry_get_kind (last), ==, CRM_ENTRY_CREATED);
    g_assert_true (g_date_time_equal (crm_timeline_entry_get_created_at (last), created));
    created_entry = crm_timeline_entry_get_id (last);
  }

  /* The four entries of one time are at positions 48–51, by id. */
  {
    g_autoptr(CrmTimelineEntry) a = g_list_model_get_item (G_LIST_MODEL (model), 48);
    g_autoptr(CrmTimelineEntry) b = g_list_model_get_item (G_LIST_MODEL (model), 51);

    g_assert_cmpint (crm_timeline_entry_get_id (a), ==, g_array_index (inserted, gint64, 70));
    g_assert_cmpint (crm_timeline_entry_get_id (b), ==, g_array_index (inserted, gint64, 67));
    g_assert_true (g_date_time_equal (crm_timeline_entry_get_created_at (a),
                                      crm_timeline_entry_get_created_at (b)));
  }

  /* A page from a cursor: strictly older than (time, id). */
  {
    g_autoptr(CrmTimelineEntry) cursor = g_list_model_get_item (G_LIST_MODEL (model), 10);
    g_autofree char *before = entry_cursor_text (crm_timeline_entry_get_created_at (cursor));
    g_autoptr(GPtrArray) page = crm_timeline_query_page (f->session, element, before,
                                                         crm_timeline_entry_get_id (cursor),
                                                         5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpint (crm_timeline_entry_get_id (g_ptr_array_index (page, i)), ==,
                       g_array_index (ids, gint64, 11 + i));
  }

  /* A cursor inside the tie: the rest of the tie, then older. */
  {
    g_autoptr(CrmTimelineEntry) cursor = g_list_model_get_item (G_LIST_MODEL (model), 49);
    g_autofree char *before = entry_cursor_text (crm_timeline_entry_get_created_at (cursor));
    g_autoptr(GPtrArray) page = crm_timeline_query_page (f->session, element, before,
                                                         crm_timeline_entry_get_id (cursor),
                                                         3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (crm_timeline_entry_get_id (g_ptr_array_index (page, i)), ==,
                       g_array_index (ids, gint64, 50 + i));
  }

  /* The newest without a cursor; nothing older than the oldest. */
  {
    g_autoptr(GPtrArray) first = crm_timeline_query_page (f->session, element, NULL, 0, 2, &error);
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(CrmTimelineEntry) oldest = g_list_model_get_item (G_LIST_MODEL (model), 119);
    g_autofree char *before = entry_cursor_text (crm_timeline_entry_get_created_at (oldest));

    g_assert_no_error (error);
    g_assert_cmpuint (first->len, ==, 2);
    g_assert_cmpint (crm_timeline_entry_get_id (g_ptr_array_index (first, 0)), ==,
                     g_array_index (ids, gint64, 0));
    none = crm_timeline_query_page (f->session, element, before, created_entry, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* A new comment is the newest: one insertion at the top. */
  comment = crm_timeline_add_comment (f->session, element, "  Cliente ligou de volta  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment, >, 0);
  assert_log (log, 1, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 121);
  {
    g_autoptr(CrmTimelineEntry) top = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (crm_timeline_entry_get_id (top), ==, comment);
    g_assert_cmpint (crm_timeline_entry_get_kind (top), ==, CRM_ENTRY_COMMENT);
    g_assert_cmpstr (crm_timeline_entry_get_text (top), ==, "Cliente ligou de volta");
  }

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* The timeline pages by itself too; small pages keep a tie whole. */
static void
test_timeline_pages_on_idle (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) inserted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2019, 6, 1, 8, 0, 0);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2022, 5, 5, 5, 5, 5.5);
  CrmTimelineModel *model;
  CrmTimelineEntry *item;
  gint64 element, created_entry;

  element = create_contact (f, "Empate", NULL, created);

  /* 129 entries after the 'created' one; 27–31 share one instant and sit
   * at positions 97–101, across the boundary of the second page. */
  for (guint i = 0; i < 129; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, (i >= 27 && i <= 31) ? 27 : i);
      gint64 id = crm_timeline_add_entry (f->session, element, CRM_ENTRY_EMAIL, when,
                                          "Mesmo assunto", NULL, &error);

      g_assert_no_error (error);
      g_array_append_val (inserted, id);
    }
  for (guint i = inserted->len; i-- > 0;)
    g_array_append_val (expected, g_array_index (inserted, gint64, i));
  {
    g_autoptr(GPtrArray) all = crm_timeline_query_page (f->session, element, NULL, 0, 1000, &error);
    g_autoptr(GPtrArray) oldest = NULL;
    CrmTimelineEntry *first;
    g_autofree char *before = NULL;

    /* The entry before everything added: the 'created' one. */
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 130);
    first = g_ptr_array_index (all, 129);
    g_assert_cmpint (crm_timeline_entry_get_kind (first), ==, CRM_ENTRY_CREATED);
    created_entry = crm_timeline_entry_get_id (first);
    before = entry_cursor_text (crm_timeline_entry_get_created_at (first));
    oldest = crm_timeline_query_page (f->session, element, before, created_entry, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (oldest->len, ==, 0);
  }
  g_array_append_val (expected, created_entry);

  model = crm_timeline_model_new (f->session, element);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);

  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_object_unref (item);
  drain_main_context ();
  assert_log (log, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);

  item = g_list_model_get_item (G_LIST_MODEL (model), 45);
  g_object_unref (item);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  drain_main_context ();
  assert_log (log, 1, 50, 0, 50);

  item = g_list_model_get_item (G_LIST_MODEL (model), 99);
  g_object_unref (item);
  drain_main_context ();
  assert_log (log, 1, 100, 0, 30);
  g_assert_false (crm_timeline_model_has_more (model));

  ids = timeline_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, expected);
  g_clear_pointer (&ids, g_array_unref);
  drain_main_context ();
  assert_log (log, 0);
  g_signal_handlers_disconnect_by_data (model, log);
  g_assert_finalize_object (model);

  /* Pages of 4 after the first: 25 boundaries, one inside the tie. */
  model = crm_timeline_model_new (f->session, element);
  crm_timeline_model_set_page_size (model, 4);
  g_assert_cmpuint (crm_timeline_model_get_page_size (model), ==, 4);
  while (crm_timeline_model_load_more (model) > 0)
    ;
  g_assert_false (crm_timeline_model_has_more (model));
  ids = timeline_model_ids (G_LIST_MODEL (model));
  assert_same_ids (ids, expected);

  drain_main_context ();
  g_assert_finalize_object (model);
}

/* Changing the last loaded element without moving it keeps it in place;
 * it must not drop out until the next page. */
static void
test_list_update_last_loaded (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) known = create_contacts (f);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GArray) by_title = expected_ids (known, compare_title);
  g_autoptr(GError) error = NULL;
  CrmElementListModel *model;
  gint64 last;

  model = crm_element_list_model_new (f->session, f->contact_type_id);
  crm_element_list_model_set_sort (model, CRM_ELEMENT_SORT_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  /* A new position does not change the title. */
  last = g_array_index (by_title, gint64, 99);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 99), ==, last);
  {
    g_autoptr(CrmElement) element = crm_element_load (f->session, last, &error);
    g_autoptr(CrmElementDraft) draft = NULL;

    g_assert_no_error (error);
    draft = crm_element_draft_new_for (f->session, element);
    g_assert_true (crm_element_draft_set_input_by_code (draft, "position", "Gerente", &error));
    g_assert_cmpint (crm_element_draft_save (draft, &error), ==, last);
    g_assert_no_error (error);
  }
  assert_log (log, 1, 99, 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_cmpint (element_id_at (G_LIST_MODEL (model), 99), ==, last);

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

/* The same for the timeline: pinning the oldest loaded entry. */
static void
test_timeline_update_last_loaded (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GDateTime) base = g_date_time_new_utc (2021, 3, 1, 12, 0, 0);
  CrmTimelineModel *model;
  gint64 element, last;

  element = create_contact (f, "Fixar", NULL, NULL);
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (base, i);

      crm_timeline_add_entry (f->session, element, CRM_ENTRY_COMMENT, when, "Nota", NULL, &error);
      g_assert_no_error (error);
    }

  model = crm_timeline_model_new (f->session, element);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  g_assert_true (crm_timeline_model_has_more (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
  {
    g_autoptr(CrmTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), 49);

    last = crm_timeline_entry_get_id (entry);
  }

  g_assert_true (crm_timeline_set_pinned (f->session, last, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  {
    g_autoptr(CrmTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), 49);

    g_assert_cmpint (crm_timeline_entry_get_id (entry), ==, last);
    g_assert_true (crm_timeline_entry_is_pinned (entry));
  }

  g_signal_handlers_disconnect_by_data (model, log);
  drain_main_context ();
  g_assert_finalize_object (model);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/paging/list/page-boundaries", Fixture, NULL,
              fixture_set_up, test_list_page_boundaries, fixture_tear_down);
  g_test_add ("/paging/list/pages-on-idle", Fixture, NULL,
              fixture_set_up, test_list_pages_on_idle, fixture_tear_down);
  g_test_add ("/paging/list/changes-while-paging", Fixture, NULL,
              fixture_set_up, test_list_changes_while_paging, fixture_tear_down);
  g_test_add ("/paging/list/changes-updated-desc", Fixture, NULL,
              fixture_set_up, test_list_changes_updated_desc, fixture_tear_down);
  g_test_add ("/paging/list/big-batch", Fixture, NULL,
              fixture_set_up, test_list_big_batch, fixture_tear_down);
  g_test_add ("/paging/list/stage-filter", Fixture, NULL,
              fixture_set_up, test_list_stage_filter, fixture_tear_down);
  g_test_add ("/paging/timeline/pages", Fixture, NULL,
              fixture_set_up, test_timeline_pages, fixture_tear_down);
  g_test_add ("/paging/timeline/pages-on-idle", Fixture, NULL,
              fixture_set_up, test_timeline_pages_on_idle, fixture_tear_down);

  g_test_add ("/paging/sort/other-scripts", Fixture, NULL,
              fixture_set_up, test_list_title_other_scripts, fixture_tear_down);
  g_test_add ("/paging/permission/no-read", Fixture, NULL,
              fixture_set_up, test_list_no_read_permission, fixture_tear_down);
  g_test_add ("/paging/update-last-loaded/list", Fixture, NULL,
              fixture_set_up, test_list_update_last_loaded, fixture_tear_down);
  g_test_add ("/paging/update-last-loaded/timeline", Fixture, NULL,
              fixture_set_up, test_timeline_update_last_loaded, fixture_tear_down);

  return g_test_run ();
}
