/* crm-element-list-model.c — the elements of a type as a paged GListModel
 *
 * CrmPagedModel does the paging and merging; this file says how elements
 * are read, filtered and sorted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-element-list-model.h"
#include "crm-element-private.h"
#include "crm-paged-model-private.h"
#include "crm-search.h"
#include "crm-store-private.h"

#define DEFAULT_PAGE_SIZE 100

struct _CrmElementListModel
{
  CrmPagedModel   parent_instance;

  CrmSession     *session;
  gint64          entity_type_id;
  gint64          stage_id;
  char           *search;      /* what was typed */
  char           *fts_query;   /* what FTS5 gets, or NULL */
  gboolean        fts_rare;    /* few matches: let the index drive the query */
  gboolean        own_only;    /* the reader sees only their own elements */
  gboolean        with_values; /* items carry their values (kanban cards) */
  CrmElementSort  sort;
};

G_DEFINE_FINAL_TYPE (CrmElementListModel, crm_element_list_model, CRM_TYPE_PAGED_MODEL)

/* ---- Queries ------------------------------------------------------------------ */

static const char *
order_clause (CrmElementSort sort)
{
  switch (sort)
    {
    case CRM_ELEMENT_SORT_TITLE:
      return " ORDER BY e.sort_title, e.id";
    case CRM_ELEMENT_SORT_UPDATED_DESC:
      return " ORDER BY e.updated_at DESC, e.id DESC";
    case CRM_ELEMENT_SORT_CREATED_DESC:
      return " ORDER BY e.created_at DESC, e.id DESC";
    default:
      g_assert_not_reached ();
    }
}

static const char *
after_clause (CrmElementSort sort)
{
  switch (sort)
    {
    case CRM_ELEMENT_SORT_TITLE:
      return " AND (e.sort_title, e.id) > (?4, ?5)";
    case CRM_ELEMENT_SORT_UPDATED_DESC:
      return " AND (e.updated_at, e.id) < (?4, ?5)";
    case CRM_ELEMENT_SORT_CREATED_DESC:
      return " AND (e.created_at, e.id) < (?4, ?5)";
    default:
      g_assert_not_reached ();
    }
}

/* The statement for this model's filters; parameters: ?1 type, ?2 stage,
 * ?3 FTS query, ?4/?5 keyset, ?6 limit or element id, ?7 the reader when
 * they see only their own elements. */
static sqlite3_stmt *
prepare_query (CrmElementListModel  *self,
               gboolean              after,
               gboolean              one_element,
               GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  /* With few matches, reading them from the index and sorting is cheaper
   * than walking the sort index until a page of matches turns up. */
  if (self->fts_query != NULL && self->fts_rare && !one_element)
    g_string_append (sql, "SELECT " CRM_ELEMENT_COLUMNS " FROM elements_fts f "
                          "CROSS JOIN elements e ON e.id = f.rowid "
                          "WHERE elements_fts MATCH ?3 AND e.entity_type_id = ?1");
  else
    {
      g_string_append (sql, "SELECT " CRM_ELEMENT_COLUMNS " FROM elements e WHERE e.entity_type_id = ?1");
      if (self->fts_query != NULL)
        g_string_append (sql, " AND e.id IN (SELECT rowid FROM elements_fts WHERE elements_fts MATCH ?3)");
    }
  if (self->stage_id != 0)
    g_string_append (sql, " AND e.stage_id = ?2");
  /* Added only when it filters, so that those who see everything keep
   * the plans that walk the sort indexes. */
  if (!one_element)
    self->own_only = !crm_session_reads_all (self->session, self->entity_type_id);
  if (self->own_only)
    g_string_append (sql, " AND (e.responsible_id = ?7 OR e.created_by = ?7)");
  if (one_element)
    g_string_append (sql, " AND e.id = ?6");
  else
    {
      if (after)
        g_string_append (sql, after_clause (self->sort));
      g_string_append (sql, order_clause (self->sort));
      g_string_append (sql, " LIMIT ?6");
    }

  return _crm_store_prepare (crm_session_get_store (self->session), sql->str, error);
}

/* Up to this many matches (of any type) count as few. */
#define RARE_MATCHES 2000

static guint
count_matches (CrmElementListModel *self,
               guint                limit)
{
  CrmStore *store = crm_session_get_store (self->session);
  sqlite3_stmt *stmt;
  guint n = limit;

  stmt = _crm_store_prepare (store,
                             "SELECT count(*) FROM (SELECT 1 FROM elements_fts "
                             "WHERE elements_fts MATCH ? LIMIT ?)", NULL);
  if (stmt == NULL)
    return n;
  sqlite3_bind_text (stmt, 1, self->fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
bind_filters (CrmElementListModel *self,
              sqlite3_stmt        *stmt)
{
  sqlite3_bind_int64 (stmt, 1, self->entity_type_id);
  if (self->stage_id != 0)
    sqlite3_bind_int64 (stmt, 2, self->stage_id);
  if (self->fts_query != NULL)
    sqlite3_bind_text (stmt, 3, self->fts_query, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 7)
    sqlite3_bind_int64 (stmt, 7, crm_session_get_user_id (self->session));
}

static const char *
sort_key (CrmElementListModel *self,
          CrmElement          *element)
{
  switch (self->sort)
    {
    case CRM_ELEMENT_SORT_TITLE:
      return _crm_element_get_sort_title (element);
    case CRM_ELEMENT_SORT_UPDATED_DESC:
      return _crm_element_get_updated_at_text (element);
    case CRM_ELEMENT_SORT_CREATED_DESC:
      return _crm_element_get_created_at_text (element);
    default:
      g_assert_not_reached ();
    }
}

/* ---- CrmPagedModel -------------------------------------------------------------- */

static gboolean
crm_element_list_model_load_page (CrmPagedModel  *model,
                                  gpointer        after,
                                  guint           limit,
                                  GPtrArray      *page,
                                  GError        **error)
{
  CrmElementListModel *self = CRM_ELEMENT_LIST_MODEL (model);
  CrmStore *store = crm_session_get_store (self->session);
  sqlite3_stmt *stmt;
  int rc;

  /* Rights can change while a list is open: ask at every page. */
  if (!crm_session_check_permission (self->session, CRM_PERMISSION_ELEMENT_READ,
                                     self->entity_type_id, error))
    return FALSE;

  stmt = prepare_query (self, after != NULL, FALSE, error);
  if (stmt == NULL)
    {
      g_prefix_error (error, "Could not list elements: ");
      return FALSE;
    }
  bind_filters (self, stmt);
  if (after != NULL)
    {
      sqlite3_bind_text (stmt, 4, sort_key (self, after), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, crm_element_get_id (after));
    }
  sqlite3_bind_int (stmt, 6, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (page, _crm_element_new_from_row (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      g_prefix_error (error, "Could not list elements: ");
      return FALSE;
    }
  /* After the page's statement is reset: the values' own statement is
   * a cached one too. */
  for (guint i = 0; self->with_values && i < page->len; i++)
    if (!_crm_element_load_values (g_ptr_array_index (page, i), self->session, error))
      return FALSE;
  return TRUE;
}

static gpointer
crm_element_list_model_load_item (CrmPagedModel *model,
                                  gint64         id)
{
  CrmElementListModel *self = CRM_ELEMENT_LIST_MODEL (model);
  CrmElement *element = NULL;
  sqlite3_stmt *stmt;

  if (!crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_READ, self->entity_type_id))
    return NULL;
  stmt = prepare_query (self, FALSE, TRUE, NULL);
  if (stmt == NULL)
    return NULL;
  bind_filters (self, stmt);
  sqlite3_bind_int64 (stmt, 6, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    element = _crm_element_new_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (element != NULL && self->with_values && !_crm_element_load_values (element, self->session, NULL))
    g_clear_object (&element);
  return element;
}

/* Mirrors order_clause (). */
static int
crm_element_list_model_compare (CrmPagedModel *model,
                                gpointer       a,
                                gpointer       b)
{
  CrmElementListModel *self = CRM_ELEMENT_LIST_MODEL (model);
  int cmp = g_strcmp0 (sort_key (self, a), sort_key (self, b));

  if (cmp == 0)
    {
      gint64 ida = crm_element_get_id (a), idb = crm_element_get_id (b);

      cmp = (ida > idb) - (ida < idb);
    }
  else
    cmp = cmp > 0 ? 1 : -1;
  return self->sort == CRM_ELEMENT_SORT_TITLE ? cmp : -cmp;
}

static gint64
crm_element_list_model_get_item_id (CrmPagedModel *model,
                                    gpointer       item)
{
  return crm_element_get_id (item);
}

static CrmPagedChange
crm_element_list_model_classify (CrmPagedModel       *model,
                                 const CrmChangeItem *change)
{
  CrmElementListModel *self = CRM_ELEMENT_LIST_MODEL (model);

  switch (change->kind)
    {
    case CRM_CHANGE_ELEMENT_ADDED:
    case CRM_CHANGE_ELEMENT_UPDATED:
      return change->parent == self->entity_type_id ? CRM_PAGED_CHANGE_ITEM : CRM_PAGED_CHANGE_NONE;
    case CRM_CHANGE_ELEMENT_REMOVED:
      return change->parent == self->entity_type_id ? CRM_PAGED_CHANGE_ITEM_REMOVED : CRM_PAGED_CHANGE_NONE;
    case CRM_CHANGE_ENTRY_ADDED:
    case CRM_CHANGE_ENTRY_UPDATED:
    case CRM_CHANGE_ENTRY_REMOVED:
    case CRM_CHANGE_LAYOUT:
    case CRM_CHANGE_CATALOG:
    default:
      return CRM_PAGED_CHANGE_NONE;
    }
}

/* A role, a permission or a department membership changed: the fields
 * the reader may find words in, and whether they see every element, are
 * asked again, and the list starts over when either changed. */
static void
store_changed_cb (CrmStore            *store,
                  CrmChange           *change,
                  CrmElementListModel *self)
{
  g_autofree char *fts_query = NULL;
  gboolean own_only;

  if (!crm_change_has_kind (change, CRM_CHANGE_CATALOG))
    return;
  fts_query = crm_search_build_query_for (self->session, self->entity_type_id, self->search);
  own_only = !crm_session_reads_all (self->session, self->entity_type_id);
  if (g_strcmp0 (fts_query, self->fts_query) == 0 && own_only == self->own_only)
    return;
  g_free (self->fts_query);
  self->fts_query = g_steal_pointer (&fts_query);
  self->fts_rare = self->fts_query != NULL && count_matches (self, RARE_MATCHES + 1) <= RARE_MATCHES;
  _crm_paged_model_reload (CRM_PAGED_MODEL (self));
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_element_list_model_finalize (GObject *object)
{
  CrmElementListModel *self = (CrmElementListModel *)object;

  g_clear_object (&self->session);
  g_free (self->search);
  g_free (self->fts_query);

  G_OBJECT_CLASS (crm_element_list_model_parent_class)->finalize (object);
}

static void
crm_element_list_model_class_init (CrmElementListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CrmPagedModelClass *paged_class = CRM_PAGED_MODEL_CLASS (klass);

  object_class->finalize = crm_element_list_model_finalize;

  paged_class->item_type = CRM_TYPE_ELEMENT;
  paged_class->load_page = crm_element_list_model_load_page;
  paged_class->load_item = crm_element_list_model_load_item;
  paged_class->compare = crm_element_list_model_compare;
  paged_class->get_item_id = crm_element_list_model_get_item_id;
  paged_class->classify = crm_element_list_model_classify;
}

static void
crm_element_list_model_init (CrmElementListModel *self)
{
  crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), DEFAULT_PAGE_SIZE);
  self->sort = CRM_ELEMENT_SORT_UPDATED_DESC;
}

/* ---- Public API ----------------------------------------------------------------- */

static CrmElementListModel *
model_new (CrmSession *session,
           gint64      entity_type_id,
           gint64      stage_id,
           guint       page_size,
           gboolean    with_values)
{
  CrmElementListModel *self;

  self = g_object_new (CRM_TYPE_ELEMENT_LIST_MODEL,
                       "store", crm_session_get_store (session),
                       NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = entity_type_id;
  self->stage_id = stage_id;
  self->with_values = with_values;
  if (page_size > 0)
    crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), page_size);
  g_signal_connect_object (crm_session_get_store (session), "changed",
                           G_CALLBACK (store_changed_cb), self, 0);
  crm_paged_model_load_more (CRM_PAGED_MODEL (self));
  return self;
}

CrmElementListModel *
crm_element_list_model_new (CrmSession *session,
                            gint64      entity_type_id)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  return model_new (session, entity_type_id, 0, 0, FALSE);
}

CrmElementListModel *
crm_element_list_model_new_for_stage (CrmSession *session,
                                      gint64      entity_type_id,
                                      gint64      stage_id,
                                      guint       page_size)
{
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (stage_id > 0, NULL);

  return model_new (session, entity_type_id, stage_id, page_size, TRUE);
}

gint64
crm_element_list_model_get_entity_type_id (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), 0);
  return self->entity_type_id;
}

void
crm_element_list_model_set_search (CrmElementListModel *self,
                                   const char          *search)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_free (self->fts_query);
  self->fts_query = crm_search_build_query_for (self->session, self->entity_type_id, search);
  self->fts_rare = self->fts_query != NULL && count_matches (self, RARE_MATCHES + 1) <= RARE_MATCHES;
  _crm_paged_model_reload (CRM_PAGED_MODEL (self));
}

const char *
crm_element_list_model_get_search (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), NULL);
  return self->search;
}

void
crm_element_list_model_set_sort (CrmElementListModel *self,
                                 CrmElementSort       sort)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self));
  g_return_if_fail (sort <= CRM_ELEMENT_SORT_CREATED_DESC);

  if (self->sort == sort)
    return;
  self->sort = sort;
  _crm_paged_model_reload (CRM_PAGED_MODEL (self));
}

CrmElementSort
crm_element_list_model_get_sort (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), CRM_ELEMENT_SORT_TITLE);
  return self->sort;
}

void
crm_element_list_model_set_stage (CrmElementListModel *self,
                                  gint64               stage_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self));

  if (self->stage_id == stage_id)
    return;
  self->stage_id = stage_id;
  _crm_paged_model_reload (CRM_PAGED_MODEL (self));
}

void
crm_element_list_model_set_page_size (CrmElementListModel *self,
                                      guint                page_size)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self));
  crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), page_size);
}

gboolean
crm_element_list_model_has_more (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), FALSE);
  return crm_paged_model_has_more (CRM_PAGED_MODEL (self));
}

guint
crm_element_list_model_load_more (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), 0);
  return crm_paged_model_load_more (CRM_PAGED_MODEL (self));
}
