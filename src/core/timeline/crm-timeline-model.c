/* crm-timeline-model.c — an element's timeline as a paged GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-error.h"
#include "crm-store-private.h"
#include "crm-timeline-model.h"
#include "crm-timeline-private.h"

#define DEFAULT_PAGE_SIZE 50

struct _CrmTimelineModel
{
  GObject     parent_instance;

  CrmSession *session;
  gint64      element_id;
  GPtrArray  *items;        /* of CrmTimelineEntry, newest first */
  guint       page_size;
  guint       idle_id;
  gulong      changed_id;
  guint       has_more : 1;
  guint       loaded : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmTimelineModel, crm_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Two statements, not one with "?2 IS NULL OR …": the OR would keep the
 * planner from seeking to the cursor, and every page would scan from the
 * newest entry down. */
#define FIRST_PAGE_SQL \
  "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t " \
  "WHERE t.element_id = ?1 AND " CRM_ENTRY_VISIBLE_TO_READER " " \
  "ORDER BY t.created_at DESC, t.id DESC LIMIT ?4"
#define NEXT_PAGE_SQL \
  "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t " \
  "WHERE t.element_id = ?1 AND (t.created_at, t.id) < (?2, ?3) AND " CRM_ENTRY_VISIBLE_TO_READER " " \
  "ORDER BY t.created_at DESC, t.id DESC LIMIT ?4"

GPtrArray *
crm_timeline_query_page (CrmSession  *session,
                         gint64       element_id,
                         const char  *before_time,
                         gint64       before_id,
                         guint        limit,
                         GError     **error)
{
  CrmStore *store;
  g_autoptr(GPtrArray) page = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  if (!_crm_timeline_check_read (session, element_id, error))
    return NULL;
  store = crm_session_get_store (session);
  stmt = _crm_timeline_prepare (session, before_time ? NEXT_PAGE_SQL : FIRST_PAGE_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);
  if (before_time != NULL)
    sqlite3_bind_text (stmt, 2, before_time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, before_id);
  sqlite3_bind_int (stmt, 4, limit);

  page = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (page, _crm_timeline_entry_new_from_row (session, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&page);
}

static CrmTimelineEntry *
load_entry (CrmTimelineModel *self,
            gint64            entry_id)
{
  CrmTimelineEntry *entry = NULL;
  sqlite3_stmt *stmt;

  stmt = _crm_timeline_prepare (self->session,
                                "SELECT " CRM_ENTRY_COLUMNS " FROM timeline_entries t "
                                "WHERE t.id = ?1 AND " CRM_ENTRY_VISIBLE_TO_READER, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = _crm_timeline_entry_new_from_row (self->session, stmt);
  sqlite3_reset (stmt);
  return entry;
}

/* Newest first: is @a before @b? */
static gboolean
entry_before (CrmTimelineEntry *a,
              CrmTimelineEntry *b)
{
  int cmp = g_strcmp0 (_crm_timeline_entry_get_created_at_text (a),
                       _crm_timeline_entry_get_created_at_text (b));

  if (cmp != 0)
    return cmp > 0;
  return crm_timeline_entry_get_id (a) > crm_timeline_entry_get_id (b);
}

static int
find_entry (CrmTimelineModel *self,
            gint64            entry_id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (crm_timeline_entry_get_id (g_ptr_array_index (self->items, i)) == entry_id)
      return i;
  return -1;
}

static void
remove_at (CrmTimelineModel *self,
           guint             position)
{
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* @boundary: the last loaded entry before the change; entries up to it
 * belong to what is loaded. */
static void
insert_sorted (CrmTimelineModel *self,
               CrmTimelineEntry *entry,
               CrmTimelineEntry *boundary)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (entry_before (g_ptr_array_index (self->items, mid), entry))
        low = mid + 1;
      else
        high = mid;
    }

  /* Older than everything loaded: it will arrive with a later page. */
  if (low == self->items->len && self->has_more &&
      (boundary == NULL || entry_before (boundary, entry)))
    return;

  g_ptr_array_insert (self->items, low, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
}

static void
store_changed_cb (CrmTimelineModel *self,
                  CrmChange        *change,
                  CrmStore         *store)
{
  guint n = crm_change_get_n_items (change);

  for (guint i = 0; i < n; i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);
      g_autoptr(CrmTimelineEntry) entry = NULL;
      g_autoptr(CrmTimelineEntry) boundary = NULL;
      int position;

      if (item->kind == CRM_CHANGE_ELEMENT_REMOVED && item->id == self->element_id)
        {
          guint removed = self->items->len;

          g_ptr_array_set_size (self->items, 0);
          self->has_more = FALSE;
          g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
          return;
        }

      if (item->parent != self->element_id)
        continue;

      switch (item->kind)
        {
        case CRM_CHANGE_ENTRY_ADDED:
          entry = load_entry (self, item->id);
          if (entry != NULL)
            insert_sorted (self, entry, NULL);
          break;

        case CRM_CHANGE_ENTRY_UPDATED:
          position = find_entry (self, item->id);
          entry = load_entry (self, item->id);
          if (self->items->len > 0)
            boundary = g_object_ref (g_ptr_array_index (self->items, self->items->len - 1));
          if (position >= 0)
            remove_at (self, position);
          if (entry != NULL)
            insert_sorted (self, entry, boundary);
          break;

        case CRM_CHANGE_ENTRY_REMOVED:
          position = find_entry (self, item->id);
          if (position >= 0)
            remove_at (self, position);
          break;

        case CRM_CHANGE_ELEMENT_ADDED:
        case CRM_CHANGE_ELEMENT_UPDATED:
        case CRM_CHANGE_ELEMENT_REMOVED:
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
  CrmTimelineModel *self = data;

  self->idle_id = 0;
  crm_timeline_model_load_more (self);
  return G_SOURCE_REMOVE;
}

/* ---- GListModel -------------------------------------------------------------- */

static GType
crm_timeline_model_get_item_type (GListModel *model)
{
  return CRM_TYPE_TIMELINE_ENTRY;
}

static guint
crm_timeline_model_get_n_items (GListModel *model)
{
  CrmTimelineModel *self = CRM_TIMELINE_MODEL (model);

  return self->items->len;
}

static gpointer
crm_timeline_model_get_item (GListModel *model,
                             guint       position)
{
  CrmTimelineModel *self = CRM_TIMELINE_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  /* A view is getting close to the end: fetch the next page, but not from
   * inside get_item, where changing the model would confuse the view. */
  if (self->has_more && self->idle_id == 0 &&
      position + self->page_size / 2 >= self->items->len)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_idle_cb,
                                     g_object_ref (self), g_object_unref);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_timeline_model_get_item_type;
  iface->get_n_items = crm_timeline_model_get_n_items;
  iface->get_item = crm_timeline_model_get_item;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
crm_timeline_model_dispose (GObject *object)
{
  CrmTimelineModel *self = (CrmTimelineModel *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, crm_session_get_store (self->session));

  G_OBJECT_CLASS (crm_timeline_model_parent_class)->dispose (object);
}

static void
crm_timeline_model_finalize (GObject *object)
{
  CrmTimelineModel *self = (CrmTimelineModel *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_timeline_model_parent_class)->finalize (object);
}

static void
crm_timeline_model_class_init (CrmTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_timeline_model_dispose;
  object_class->finalize = crm_timeline_model_finalize;
}

static void
crm_timeline_model_init (CrmTimelineModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = DEFAULT_PAGE_SIZE;
  self->has_more = TRUE;
}

/* ---- Public API ----------------------------------------------------------------- */

CrmTimelineModel *
crm_timeline_model_new (CrmSession *session,
                        gint64      element_id)
{
  CrmTimelineModel *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_TIMELINE_MODEL, NULL);
  self->session = g_object_ref (session);
  self->element_id = element_id;
  self->changed_id = g_signal_connect_object (crm_session_get_store (session), "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  crm_timeline_model_load_more (self);
  return self;
}

gint64
crm_timeline_model_get_element_id (CrmTimelineModel *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), 0);
  return self->element_id;
}

guint
crm_timeline_model_get_page_size (CrmTimelineModel *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), 0);
  return self->page_size;
}

void
crm_timeline_model_set_page_size (CrmTimelineModel *self,
                                  guint             page_size)
{
  g_return_if_fail (CRM_IS_TIMELINE_MODEL (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

gboolean
crm_timeline_model_has_more (CrmTimelineModel *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), FALSE);
  return self->has_more;
}

guint
crm_timeline_model_load_more (CrmTimelineModel *self)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  CrmTimelineEntry *last = NULL;
  guint position;

  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), 0);

  if (!self->has_more)
    return 0;

  if (self->items->len > 0)
    last = g_ptr_array_index (self->items, self->items->len - 1);

  page = crm_timeline_query_page (self->session, self->element_id,
                                  last ? _crm_timeline_entry_get_created_at_text (last) : NULL,
                                  last ? crm_timeline_entry_get_id (last) : 0,
                                  self->page_size, &error);
  if (page == NULL)
    {
      /* A deleted element or one the user may not see has no timeline to
       * show; anything else is worth a warning. */
      if (!g_error_matches (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED) &&
          !g_error_matches (error, CRM_ERROR, CRM_ERROR_NOT_FOUND))
        g_warning ("Could not load the timeline: %s", error->message);
      self->has_more = FALSE;
      return 0;
    }

  self->has_more = page->len == self->page_size;
  if (page->len == 0)
    return 0;

  position = self->items->len;
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, self->items->len - position);
  return self->items->len - position;
}
