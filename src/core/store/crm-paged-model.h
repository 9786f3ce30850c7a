/* crm-paged-model.h — a GListModel that loads its items a page at a time
 *
 * The base of the core's long lists (a type's elements, an element's
 * timeline). It holds the items loaded so far, from the first in the
 * subclass's order on; when a view reads near their end it asks for the
 * page after the last one (keyset pagination), so n_items grows as the
 * view scrolls. The store's change notifications are merged into the
 * loaded items with one precise items-changed each, never a reload where
 * a precise change is possible: list views keep their scroll and selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* What one item of a committed change means to a paged model. */
typedef enum
{
  CRM_PAGED_CHANGE_NONE,          /* not this model's business */
  CRM_PAGED_CHANGE_ITEM,          /* the item with the change's id was added or changed */
  CRM_PAGED_CHANGE_ITEM_REMOVED,  /* the item with the change's id is gone */
  CRM_PAGED_CHANGE_RELOAD,        /* any item may have changed: load the first page again */
} CrmPagedChange;

#define CRM_TYPE_PAGED_MODEL (crm_paged_model_get_type ())

G_DECLARE_DERIVABLE_TYPE (CrmPagedModel, crm_paged_model, CRM, PAGED_MODEL, GObject)

struct _CrmPagedModelClass
{
  GObjectClass parent_class;

  /* What get_item returns; set in class_init. */
  GType item_type;

  /* Appends to @page (which owns them) up to @limit items that follow
   * @after (NULL: the first ones), in the model's order. FALSE with @error
   * when they cannot be read: what it appended is dropped and the list
   * ends there (PERMISSION_DENIED and NOT_FOUND quietly, anything else
   * with a warning). */
  gboolean        (*load_page)   (CrmPagedModel       *self,
                                  gpointer             after,
                                  guint                limit,
                                  GPtrArray           *page,
                                  GError             **error);
  /* The item with @id as the model lists it now (a new reference), or
   * NULL when it does not, or no longer, belongs. */
  gpointer        (*load_item)   (CrmPagedModel       *self,
                                  gint64               id);
  /* Negative when @a is listed before @b, positive after; 0 only for the
   * same item. Must agree with the order load_page reads in. */
  int             (*compare)     (CrmPagedModel       *self,
                                  gpointer             a,
                                  gpointer             b);
  gint64          (*get_item_id) (CrmPagedModel       *self,
                                  gpointer             item);
  /* Which items of a change concern this model, and how; asked more than
   * once per item, so it only looks. */
  CrmPagedChange  (*classify)    (CrmPagedModel       *self,
                                  const CrmChangeItem *change);
};

guint     crm_paged_model_get_page_size (CrmPagedModel *self);
/* Takes effect from the next page on. */
void      crm_paged_model_set_page_size (CrmPagedModel *self,
                                         guint          page_size);
/* FALSE once a page came back short, or could not be read. */
gboolean  crm_paged_model_has_more      (CrmPagedModel *self);
/* Loads the next page now (the model does it by itself, on an idle, when
 * asked for items near its end); returns how many items arrived. */
guint     crm_paged_model_load_more     (CrmPagedModel *self);

G_END_DECLS
