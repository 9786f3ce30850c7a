/* crm-element-list-model.c — the elements of a type as a paged GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-element-list-model.h"
#include "crm-element-private.h"
#include "crm-search.h"
#include "crm-store-private.h"

#define DEFAULT_PAGE_SIZE 100

struct _CrmElementListModel
{
  GObject         parent_instance;

  CrmSession     *session;
  gint64          entity_type_id;
  gint64          stage_id;
  char           *search;      /* what was typed */
  char           *fts_query;   /* what FTS5 gets, or NULL */
  gboolean        fts_rare;    /* few matches: let the index drive the query */
  GPtrArray      *items;       /* of CrmElement */
  CrmElementSort  sort;
  guint           page_size;
  guint           idle_id;
  gulong          changed_id;
  guint           has_more : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmElementListModel, crm_element_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

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
 * ?3 FTS query, ?4/?5 keyset, ?6 limit or element id. */
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

/* Is @a listed before @b? Mirrors order_clause (). */
static gboolean
element_before (CrmElementListModel *self,
                CrmElement          *a,
                CrmElement          *b)
{
  int cmp = g_strcmp0 (sort_key (self, a), sort_key (self, b));
  gint64 ida = crm_element_get_id (a), idb = crm_element_get_id (b);

  if (self->sort == CRM_ELEMENT_SORT_TITLE)
    return cmp < 0 || (cmp == 0 && ida < idb);
  return cmp > 0 || (cmp == 0 && ida > idb);
}

/* Appends the next page without telling anyone; returns how many came. */
static guint
fetch_page (CrmElementListModel *self)
{
  g_autoptr(GError) error = NULL;
  CrmElement *last = NULL;
  sqlite3_stmt *stmt;
  guint position, added;
  int rc;

  if (!self->has_more)
    return 0;

  /* Rights can change while a list is open: ask at every page. */
  if (!crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_READ, self->entity_type_id))
    {
      self->has_more = FALSE;
      return 0;
    }

  if (self->items->len > 0)
    last = g_ptr_array_index (self->items, self->items->len - 1);

  stmt = prepare_query (self, last != NULL, FALSE, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list elements: %s", error->message);
      self->has_more = FALSE;
      return 0;
    }
  bind_filters (self, stmt);
  if (last != NULL)
    {
      sqlite3_bind_text (stmt, 4, sort_key (self, last), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, crm_element_get_id (last));
    }
  sqlite3_bind_int (stmt, 6, self->page_size);

  position = self->items->len;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->items, _crm_element_new_from_row (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    g_warning ("Could not list elements: %s",
               sqlite3_errmsg (_crm_store_get_db (crm_session_get_store (self->session))));

  added = self->items->len - position;
  self->has_more = rc == SQLITE_DONE && added == self->page_size;
  return added;
}

static void
reset (CrmElementListModel *self)
{
  guint removed = self->items->len;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_ptr_array_set_size (self->items, 0);
  self->has_more = TRUE;
  fetch_page (self);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

/* ---- Changes -------------------------------------------------------------------- */

static int
find_element (CrmElementListModel *self,
              gint64               id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (crm_element_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return -1;
}

static CrmElement *
load_matching (CrmElementListModel *self,
               gint64               id)
{
  CrmElement *element = NULL;
  sqlite3_stmt *stmt = prepare_query (self, FALSE, TRUE, NULL);

  if (stmt == NULL)
    return NULL;
  bind_filters (self, stmt);
  sqlite3_bind_int64 (stmt, 6, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    element = _crm_element_new_from_row (stmt, 0);
  sqlite3_reset (stmt);
  return element;
}

static void
element_changed (CrmElementListModel *self,
                 gint64               id,
                 gboolean             removed)
{
  gboolean readable = crm_session_has_permission (self->session, CRM_PERMISSION_ELEMENT_READ,
                                                  self->entity_type_id);
  g_autoptr(CrmElement) element = removed || !readable ? NULL : load_matching (self, id);
  g_autoptr(CrmElement) boundary = NULL;
  int old_position = find_element (self, id);
  guint low = 0, high;

  /* The next page starts after the last loaded element: anything up to it
   * belongs to what is loaded. */
  if (self->items->len > 0)
    boundary = g_object_ref (g_ptr_array_index (self->items, self->items->len - 1));

  if (element == NULL)
    {
      if (old_position >= 0)
        {
          g_ptr_array_remove_index (self->items, old_position);
          g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
        }
      return;
    }

  if (old_position >= 0)
    g_ptr_array_remove_index (self->items, old_position);

  high = self->items->len;
  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (element_before (self, g_ptr_array_index (self->items, mid), element))
        low = mid + 1;
      else
        high = mid;
    }

  /* Past what is loaded: a later page brings it. */
  if (low == self->items->len && self->has_more &&
      (boundary == NULL || element_before (self, boundary, element)))
    {
      if (old_position >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      return;
    }

  g_ptr_array_insert (self->items, low, g_steal_pointer (&element));

  if (old_position < 0)
    g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
  else if ((guint)old_position == low)
    g_list_model_items_changed (G_LIST_MODEL (self), low, 1, 1);
  else
    {
      /* One signal for the move: the model already holds its final order,
       * and a "removed" signal followed by an "added" one would describe an
       * intermediate state views never saw (GTK 4.8's list views abort). */
      guint first = MIN ((guint)old_position, low);
      guint span = MAX ((guint)old_position, low) - first + 1;

      g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
    }
}

static void
store_changed_cb (CrmElementListModel *self,
                  CrmChange           *change,
                  CrmStore            *store)
{
  guint n = crm_change_get_n_items (change);

  /* A large batch (an import, the demo) is cheaper to reload than to merge. */
  if (n > self->page_size)
    {
      guint mine = 0;

      for (guint i = 0; i < n; i++)
        {
          const CrmChangeItem *item = crm_change_get_item (change, i);

          if (item->kind <= CRM_CHANGE_ELEMENT_REMOVED && item->parent == self->entity_type_id)
            mine++;
        }
      if (mine > self->page_size)
        {
          reset (self);
          return;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      switch (item->kind)
        {
        case CRM_CHANGE_ELEMENT_ADDED:
        case CRM_CHANGE_ELEMENT_UPDATED:
        case CRM_CHANGE_ELEMENT_REMOVED:
          if (item->parent == self->entity_type_id)
            element_changed (self, item->id, item->kind == CRM_CHANGE_ELEMENT_REMOVED);
          break;
        case CRM_CHANGE_ENTRY_ADDED:
        case CRM_CHANGE_ENTRY_UPDATED:
        case CRM_CHANGE_ENTRY_REMOVED:
        case CRM_CHANGE_LAYOUT:
        case CRM_CHANGE_CATALOG:
        default:
          break;
        }
    }
}

static gboolean
load_more_idle_cb (gpointer data)
{
  CrmElementListModel *self = data;

  self->idle_id = 0;
  crm_element_list_model_load_more (self);
  return G_SOURCE_REMOVE;
}

/* ---- GListModel ----------------------------------------------------------------- */

static GType
crm_element_list_model_get_item_type (GListModel *model)
{
  return CRM_TYPE_ELEMENT;
}

static guint
crm_element_list_model_get_n_items (GListModel *model)
{
  return CRM_ELEMENT_LIST_MODEL (model)->items->len;
}

static gpointer
crm_element_list_model_get_item (GListModel *model,
                                 guint       position)
{
  CrmElementListModel *self = CRM_ELEMENT_LIST_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  if (self->has_more && self->idle_id == 0 &&
      position + self->page_size / 2 >= self->items->len)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_idle_cb,
                                     g_object_ref (self), g_object_unref);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_element_list_model_get_item_type;
  iface->get_n_items = crm_element_list_model_get_n_items;
  iface->get_item = crm_element_list_model_get_item;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_element_list_model_dispose (GObject *object)
{
  CrmElementListModel *self = (CrmElementListModel *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, crm_session_get_store (self->session));

  G_OBJECT_CLASS (crm_element_list_model_parent_class)->dispose (object);
}

static void
crm_element_list_model_finalize (GObject *object)
{
  CrmElementListModel *self = (CrmElementListModel *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->search);
  g_free (self->fts_query);

  G_OBJECT_CLASS (crm_element_list_model_parent_class)->finalize (object);
}

static void
crm_element_list_model_class_init (CrmElementListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_element_list_model_dispose;
  object_class->finalize = crm_element_list_model_finalize;
}

static void
crm_element_list_model_init (CrmElementListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = DEFAULT_PAGE_SIZE;
  self->has_more = TRUE;
  self->sort = CRM_ELEMENT_SORT_UPDATED_DESC;
}

/* ---- Public API ----------------------------------------------------------------- */

CrmElementListModel *
crm_element_list_model_new (CrmSession *session,
                            gint64      entity_type_id)
{
  CrmElementListModel *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_ELEMENT_LIST_MODEL, NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = entity_type_id;
  self->changed_id = g_signal_connect_object (crm_session_get_store (session), "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  if (crm_session_has_permission (session, CRM_PERMISSION_ELEMENT_READ, entity_type_id))
    crm_element_list_model_load_more (self);
  else
    self->has_more = FALSE;
  return self;
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
  reset (self);
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
  reset (self);
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
  reset (self);
}

void
crm_element_list_model_set_page_size (CrmElementListModel *self,
                                      guint                page_size)
{
  g_return_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

gboolean
crm_element_list_model_has_more (CrmElementListModel *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), FALSE);
  return self->has_more;
}

guint
crm_element_list_model_load_more (CrmElementListModel *self)
{
  guint position, added;

  g_return_val_if_fail (CRM_IS_ELEMENT_LIST_MODEL (self), 0);

  position = self->items->len;
  added = fetch_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
  return added;
}
