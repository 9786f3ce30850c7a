/* crm-timeline-model.c — an element's timeline as a paged GListModel
 *
 * CrmPagedModel does the paging and merging; this file says how entries
 * are read and ordered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-error.h"
#include "crm-paged-model-private.h"
#include "crm-store-private.h"
#include "crm-timeline-model.h"
#include "crm-timeline-private.h"

#define DEFAULT_PAGE_SIZE 50

struct _CrmTimelineModel
{
  CrmPagedModel  parent_instance;

  CrmSession    *session;
  gint64         element_id;
};

G_DEFINE_FINAL_TYPE (CrmTimelineModel, crm_timeline_model, CRM_TYPE_PAGED_MODEL)

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

/* ---- CrmPagedModel -------------------------------------------------------------- */

static gboolean
crm_timeline_model_load_page (CrmPagedModel  *model,
                              gpointer        after,
                              guint           limit,
                              GPtrArray      *page,
                              GError        **error)
{
  CrmTimelineModel *self = CRM_TIMELINE_MODEL (model);
  GPtrArray *entries;

  entries = crm_timeline_query_page (self->session, self->element_id,
                                     after ? _crm_timeline_entry_get_created_at_text (after) : NULL,
                                     after ? crm_timeline_entry_get_id (after) : 0,
                                     limit, error);
  if (entries == NULL)
    {
      g_prefix_error (error, "Could not load the timeline: ");
      return FALSE;
    }
  g_ptr_array_extend_and_steal (page, entries);
  return TRUE;
}

static gpointer
crm_timeline_model_load_item (CrmPagedModel *model,
                              gint64         entry_id)
{
  CrmTimelineModel *self = CRM_TIMELINE_MODEL (model);
  CrmTimelineEntry *entry = NULL;
  sqlite3_stmt *stmt;

  /* The element may have been given to someone else since the model
   * opened: its new entries are no longer the reader's. */
  if (!_crm_timeline_check_read (self->session, self->element_id, NULL))
    return NULL;
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

/* Newest first, as the queries above. */
static int
crm_timeline_model_compare (CrmPagedModel *model,
                            gpointer       a,
                            gpointer       b)
{
  int cmp = g_strcmp0 (_crm_timeline_entry_get_created_at_text (a),
                       _crm_timeline_entry_get_created_at_text (b));
  gint64 ida = crm_timeline_entry_get_id (a), idb = crm_timeline_entry_get_id (b);

  if (cmp != 0)
    return cmp > 0 ? -1 : 1;
  return (ida < idb) - (ida > idb);
}

static gint64
crm_timeline_model_get_item_id (CrmPagedModel *model,
                                gpointer       item)
{
  return crm_timeline_entry_get_id (item);
}

static CrmPagedChange
crm_timeline_model_classify (CrmPagedModel       *model,
                             const CrmChangeItem *change)
{
  CrmTimelineModel *self = CRM_TIMELINE_MODEL (model);

  switch (change->kind)
    {
    case CRM_CHANGE_ENTRY_ADDED:
    case CRM_CHANGE_ENTRY_UPDATED:
      return change->parent == self->element_id ? CRM_PAGED_CHANGE_ITEM : CRM_PAGED_CHANGE_NONE;
    case CRM_CHANGE_ENTRY_REMOVED:
      return change->parent == self->element_id ? CRM_PAGED_CHANGE_ITEM_REMOVED : CRM_PAGED_CHANGE_NONE;
    case CRM_CHANGE_ELEMENT_REMOVED:
      /* Its entries went with it; reading the timeline again finds it gone
       * and leaves the model empty, with nothing more to load. */
      return change->id == self->element_id ? CRM_PAGED_CHANGE_RELOAD : CRM_PAGED_CHANGE_NONE;
    case CRM_CHANGE_ELEMENT_ADDED:
    case CRM_CHANGE_ELEMENT_UPDATED:
    case CRM_CHANGE_LAYOUT:
    case CRM_CHANGE_CATALOG:
    default:
      return CRM_PAGED_CHANGE_NONE;
    }
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_timeline_model_finalize (GObject *object)
{
  CrmTimelineModel *self = (CrmTimelineModel *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_timeline_model_parent_class)->finalize (object);
}

static void
crm_timeline_model_class_init (CrmTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CrmPagedModelClass *paged_class = CRM_PAGED_MODEL_CLASS (klass);

  object_class->finalize = crm_timeline_model_finalize;

  paged_class->item_type = CRM_TYPE_TIMELINE_ENTRY;
  paged_class->load_page = crm_timeline_model_load_page;
  paged_class->load_item = crm_timeline_model_load_item;
  paged_class->compare = crm_timeline_model_compare;
  paged_class->get_item_id = crm_timeline_model_get_item_id;
  paged_class->classify = crm_timeline_model_classify;
}

static void
crm_timeline_model_init (CrmTimelineModel *self)
{
  crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), DEFAULT_PAGE_SIZE);
}

/* ---- Public API ----------------------------------------------------------------- */

CrmTimelineModel *
crm_timeline_model_new (CrmSession *session,
                        gint64      element_id)
{
  CrmTimelineModel *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  self = g_object_new (CRM_TYPE_TIMELINE_MODEL,
                       "store", crm_session_get_store (session),
                       NULL);
  self->session = g_object_ref (session);
  self->element_id = element_id;
  crm_paged_model_load_more (CRM_PAGED_MODEL (self));
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
  return crm_paged_model_get_page_size (CRM_PAGED_MODEL (self));
}

void
crm_timeline_model_set_page_size (CrmTimelineModel *self,
                                  guint             page_size)
{
  g_return_if_fail (CRM_IS_TIMELINE_MODEL (self));
  crm_paged_model_set_page_size (CRM_PAGED_MODEL (self), page_size);
}

gboolean
crm_timeline_model_has_more (CrmTimelineModel *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), FALSE);
  return crm_paged_model_has_more (CRM_PAGED_MODEL (self));
}

guint
crm_timeline_model_load_more (CrmTimelineModel *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_MODEL (self), 0);
  return crm_paged_model_load_more (CRM_PAGED_MODEL (self));
}
