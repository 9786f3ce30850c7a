/* crm-test-paged-model.h — a tiny CrmPagedModel and a signal recorder for
 * test-paged-model.c
 *
 * TestPagedModel lists TestItems kept in a hash table (id → key), sorted by
 * (key, id); the tests change the table and tell the model through the
 * store's change notification, as the core's writes do. The recorder
 * replays every items-changed on a shadow copy of the model: when the
 * replay ends up holding the model's very objects, each signal was exact
 * and matched the model as it was when it arrived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "clientele-core.h"

G_BEGIN_DECLS

#define PAGED_LIST      4242   /* the parent of the changes that concern the model */
#define PAGED_PAGE_SIZE 5

#define TEST_TYPE_ITEM (test_item_get_type ())
G_DECLARE_FINAL_TYPE (TestItem, test_item, TEST, ITEM, GObject)

struct _TestItem
{
  GObject parent_instance;
  gint64  id;
  int     key;
};

#define TEST_TYPE_PAGED_MODEL (test_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (TestPagedModel, test_paged_model, TEST, PAGED_MODEL, CrmPagedModel)

struct _TestPagedModel
{
  CrmPagedModel  parent_instance;
  GHashTable    *rows;        /* id → key, the "database"; the fixture's */
  GArray        *cursors;     /* the id after which each page was asked for, 0 for none */
  guint          item_loads;  /* load_item calls */
  int            fail_code;   /* -1, or the CRM_ERROR the next page fails with */
};

typedef struct
{
  CrmStore       *store;
  GHashTable     *rows;
  TestPagedModel *model;      /* page size PAGED_PAGE_SIZE, nothing loaded yet */
  GArray         *log;        /* of (position, removed, added), since the last check */
  GPtrArray      *shadow;     /* the model as the signals describe it */
} PagedFixture;

/* 23 rows, ids 1…23, keys 10, 20, …; ids 5 and 6 share 50, 10 and 11 share
 * 100: ties across the first two page boundaries. */
void    paged_fixture_set_up    (PagedFixture  *f,
                                 gconstpointer  data);
void    paged_fixture_tear_down (PagedFixture  *f,
                                 gconstpointer  data);

TestPagedModel *test_paged_model_new (PagedFixture *f);
void    paged_put_row           (PagedFixture  *f,
                                 gint64         id,
                                 int            key);
/* Tells the model what changed, in one committed transaction. */
void    paged_notify            (PagedFixture  *f,
                                 CrmChangeKind  kind,
                                 gint64         id,
                                 gint64         parent);
/* The signals since the last check, n (position, removed, added) triples. */
void    paged_assert_log        (PagedFixture  *f,
                                 guint          n,
                                 ...);
/* The replay holds the model's own objects wherever no signal said they
 * changed, in the model's order: no signal was missing or too narrow. */
void    paged_assert_shadow     (PagedFixture  *f);
#define paged_assert_signals(f, ...) G_STMT_START { \
    paged_assert_log (f, __VA_ARGS__);              \
    paged_assert_shadow (f);                        \
  } G_STMT_END
/* The ids the model holds, "1 2 3". */
char   *paged_model_ids         (PagedFixture  *f);
/* Loads every page; the model then lists exactly the rows. */
void    paged_assert_complete   (PagedFixture  *f);
gint64  paged_cursor_at         (PagedFixture  *f,
                                 guint          index);
void    paged_drain             (void);

G_END_DECLS
