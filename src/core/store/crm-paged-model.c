/* crm-paged-model.c — the paging and merging behind the core's list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-error.h"
#include "crm-paged-model-private.h"

#define DEFAULT_PAGE_SIZE 50

typedef struct
{
  CrmStore   *store;
  GPtrArray  *items;      /* the loaded ones, in the subclass's order */
  GHashTable *by_id;      /* gint64 id → its item in items, once a change needs it */
  guint       page_size;
  guint       idle_id;
  gulong      changed_id;
  gboolean    has_more;
} CrmPagedModelPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (CrmPagedModel, crm_paged_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (CrmPagedModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- The loaded items ----------------------------------------------------------- */

static void
index_item (CrmPagedModel *self,
            gpointer       item)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  gint64 id;

  if (priv->by_id == NULL)
    return;
  id = CRM_PAGED_MODEL_GET_CLASS (self)->get_item_id (self, item);
  g_hash_table_insert (priv->by_id, g_memdup2 (&id, sizeof id), item);
}

/* Takes the item at @position out, with its reference. */
static gpointer
take_at (CrmPagedModel *self,
         guint          position)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  gpointer item = g_ptr_array_steal_index (priv->items, position);
  gint64 id;

  if (priv->by_id != NULL)
    {
      id = CRM_PAGED_MODEL_GET_CLASS (self)->get_item_id (self, item);
      g_hash_table_remove (priv->by_id, &id);
    }
  return item;
}

/* ---- Pages ------------------------------------------------------------------ */

/* Appends the next page without telling anyone; returns how many came. */
static guint
fetch_page (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer last = NULL;
  guint before = priv->items->len;

  if (!priv->has_more)
    return 0;

  if (priv->items->len > 0)
    last = g_ptr_array_index (priv->items, priv->items->len - 1);

  /* Straight into the loaded items: no page to copy, and the array keeps
   * its room across reloads. */
  if (!CRM_PAGED_MODEL_GET_CLASS (self)->load_page (self, last, priv->page_size, priv->items, &error))
    {
      g_ptr_array_set_size (priv->items, before);
      /* Someone who may not read, or a deleted parent, has nothing to list;
       * anything else is worth a warning. */
      if (!g_error_matches (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED) &&
          !g_error_matches (error, CRM_ERROR, CRM_ERROR_NOT_FOUND))
        g_warning ("%s", error != NULL ? error->message : "A page could not be loaded");
      priv->has_more = FALSE;
      return 0;
    }

  priv->has_more = priv->items->len - before >= priv->page_size;
  for (guint i = before; i < priv->items->len; i++)
    index_item (self, g_ptr_array_index (priv->items, i));
  return priv->items->len - before;
}

static gboolean
load_more_idle_cb (gpointer data)
{
  CrmPagedModel *self = data;
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  priv->idle_id = 0;
  crm_paged_model_load_more (self);
  return G_SOURCE_REMOVE;
}

/* ---- Changes ------------------------------------------------------------------ */

/* Where @item goes among the loaded items: before the first that is not
 * listed before it. */
static guint
bisect (CrmPagedModel *self,
        gpointer       item)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  CrmPagedModelClass *klass = CRM_PAGED_MODEL_GET_CLASS (self);
  guint low = 0, high = priv->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (klass->compare (self, g_ptr_array_index (priv->items, mid), item) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Where the item with @id is, or -1 when it is not loaded: a look-up and a
 * bisection, not a walk through everything loaded. The index is built at
 * the first change: a model that only shows its pages never pays for it. */
static int
locate (CrmPagedModel *self,
        gint64         id)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  gpointer item;
  guint position;

  if (priv->by_id == NULL)
    {
      priv->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < priv->items->len; i++)
        index_item (self, g_ptr_array_index (priv->items, i));
    }

  item = g_hash_table_lookup (priv->by_id, &id);
  if (item == NULL)
    return -1;
  position = bisect (self, item);
  /* Should compare () and the rows' order ever disagree, the item is
   * still found. */
  if ((position >= priv->items->len || g_ptr_array_index (priv->items, position) != item) &&
      !g_ptr_array_find (priv->items, item, &position))
    g_assert_not_reached ();
  return position;
}

/* Brings the item with @id up to date: in, out, in place or moved. */
static void
merge_item (CrmPagedModel *self,
            gint64         id,
            gboolean       removed)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  CrmPagedModelClass *klass = CRM_PAGED_MODEL_GET_CLASS (self);
  g_autoptr(GObject) item = removed ? NULL : klass->load_item (self, id);
  g_autoptr(GObject) boundary = NULL;
  int old_position = locate (self, id);
  guint position;

  if (item == NULL)
    {
      if (old_position >= 0)
        {
          g_object_unref (take_at (self, old_position));
          g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
        }
      return;
    }

  /* The next page starts after the last loaded item, as it was: anything
   * up to it belongs to what is loaded. */
  if (priv->items->len > 0)
    boundary = g_object_ref (g_ptr_array_index (priv->items, priv->items->len - 1));

  if (old_position >= 0)
    g_object_unref (take_at (self, old_position));
  position = bisect (self, item);

  /* Past what is loaded: a later page brings it. */
  if (position == priv->items->len && priv->has_more &&
      (boundary == NULL || klass->compare (self, boundary, item) < 0))
    {
      if (old_position >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      return;
    }

  index_item (self, item);
  g_ptr_array_insert (priv->items, position, g_steal_pointer (&item));

  if (old_position < 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  else if ((guint)old_position == position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  else
    {
      /* One signal for the move: the model already holds its final order,
       * and a "removed" signal followed by an "added" one would describe an
       * intermediate state views never saw (GTK 4.8's list views abort). */
      guint first = MIN ((guint)old_position, position);
      guint span = MAX ((guint)old_position, position) - first + 1;

      g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
    }
}

static void
store_changed_cb (CrmPagedModel *self,
                  CrmChange     *change,
                  CrmStore      *store)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  CrmPagedModelClass *klass = CRM_PAGED_MODEL_GET_CLASS (self);
  guint n = crm_change_get_n_items (change);
  guint mine = 0;

  for (guint i = 0; i < n; i++)
    {
      CrmPagedChange what = klass->classify (self, crm_change_get_item (change, i));

      if (what == CRM_PAGED_CHANGE_RELOAD)
        {
          _crm_paged_model_reload (self);
          return;
        }
      if (what != CRM_PAGED_CHANGE_NONE)
        mine++;
    }

  /* A large batch (an import, the demo) is cheaper to reload than to
   * merge, and views take one signal instead of hundreds. */
  if (mine > priv->page_size)
    {
      _crm_paged_model_reload (self);
      return;
    }

  for (guint i = 0; i < n && mine > 0; i++)
    {
      const CrmChangeItem *item = crm_change_get_item (change, i);

      switch (klass->classify (self, item))
        {
        case CRM_PAGED_CHANGE_ITEM:
          merge_item (self, item->id, FALSE);
          mine--;
          break;
        case CRM_PAGED_CHANGE_ITEM_REMOVED:
          merge_item (self, item->id, TRUE);
          mine--;
          break;
        case CRM_PAGED_CHANGE_NONE:
        case CRM_PAGED_CHANGE_RELOAD:
        default:
          break;
        }
    }
}

/* ---- GListModel ----------------------------------------------------------------- */

static GType
crm_paged_model_get_item_type (GListModel *model)
{
  return CRM_PAGED_MODEL_GET_CLASS (model)->item_type;
}

static guint
crm_paged_model_get_n_items (GListModel *model)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (CRM_PAGED_MODEL (model));

  return priv->items->len;
}

static gpointer
crm_paged_model_get_item (GListModel *model,
                          guint       position)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (model);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  if (position >= priv->items->len)
    return NULL;

  /* A view is getting close to the end: fetch the next page, but not from
   * inside get_item, where changing the model would confuse the view. */
  if (priv->has_more && priv->idle_id == 0 &&
      position + priv->page_size / 2 >= priv->items->len)
    priv->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_idle_cb,
                                     g_object_ref (self), g_object_unref);

  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_paged_model_get_item_type;
  iface->get_n_items = crm_paged_model_get_n_items;
  iface->get_item = crm_paged_model_get_item;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
crm_paged_model_constructed (GObject *object)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (object);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  G_OBJECT_CLASS (crm_paged_model_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (priv->store));
  priv->changed_id = g_signal_connect_object (priv->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
crm_paged_model_dispose (GObject *object)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (object);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  g_clear_handle_id (&priv->idle_id, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);

  G_OBJECT_CLASS (crm_paged_model_parent_class)->dispose (object);
}

static void
crm_paged_model_finalize (GObject *object)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (object);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  g_clear_object (&priv->store);
  g_clear_pointer (&priv->by_id, g_hash_table_unref);
  g_clear_pointer (&priv->items, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_paged_model_parent_class)->finalize (object);
}

static void
crm_paged_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (object);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_paged_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmPagedModel *self = CRM_PAGED_MODEL (object);
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_paged_model_class_init (CrmPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_paged_model_constructed;
  object_class->dispose = crm_paged_model_dispose;
  object_class->finalize = crm_paged_model_finalize;
  object_class->get_property = crm_paged_model_get_property;
  object_class->set_property = crm_paged_model_set_property;

  klass->item_type = G_TYPE_OBJECT;

  /* Whose change notifications the model follows. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_paged_model_init (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->page_size = DEFAULT_PAGE_SIZE;
  priv->has_more = TRUE;
}

/* ---- Public API ----------------------------------------------------------------- */

guint
crm_paged_model_get_page_size (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  g_return_val_if_fail (CRM_IS_PAGED_MODEL (self), 0);
  return priv->page_size;
}

void
crm_paged_model_set_page_size (CrmPagedModel *self,
                               guint          page_size)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  g_return_if_fail (CRM_IS_PAGED_MODEL (self));
  g_return_if_fail (page_size > 0);

  priv->page_size = page_size;
}

gboolean
crm_paged_model_has_more (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);

  g_return_val_if_fail (CRM_IS_PAGED_MODEL (self), FALSE);
  return priv->has_more;
}

guint
crm_paged_model_load_more (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  guint position, added;

  g_return_val_if_fail (CRM_IS_PAGED_MODEL (self), 0);

  position = priv->items->len;
  added = fetch_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
  return added;
}

void
_crm_paged_model_reload (CrmPagedModel *self)
{
  CrmPagedModelPrivate *priv = crm_paged_model_get_instance_private (self);
  guint removed;

  g_return_if_fail (CRM_IS_PAGED_MODEL (self));

  removed = priv->items->len;
  g_clear_handle_id (&priv->idle_id, g_source_remove);
  g_clear_pointer (&priv->by_id, g_hash_table_unref);
  g_ptr_array_set_size (priv->items, 0);
  priv->has_more = TRUE;
  fetch_page (self);

  if (removed > 0 || priv->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, priv->items->len);
}
