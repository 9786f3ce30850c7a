/* crm-catalog.c — the store's metadata, loaded once and after each change:
 * the object and its lookups
 *
 * What it holds is read from the database in crm-catalog-load.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog-private.h"

G_DEFINE_FINAL_TYPE (CrmCatalog, crm_catalog, G_TYPE_OBJECT)

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static void
crm_catalog_finalize (GObject *object)
{
  CrmCatalog *self = (CrmCatalog *)object;

  g_clear_object (&self->entity_types);
  g_clear_object (&self->users);
  g_clear_pointer (&self->types_by_id, g_hash_table_unref);
  g_clear_pointer (&self->pipelines, g_hash_table_unref);
  g_clear_pointer (&self->type_pipelines, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->type_fields, g_hash_table_unref);
  g_clear_pointer (&self->lead_kinds, g_hash_table_unref);
  g_clear_pointer (&self->lead_kind_codes, g_hash_table_unref);
  g_clear_pointer (&self->users_by_id, g_hash_table_unref);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  g_clear_pointer (&self->department_parents, g_hash_table_unref);

  G_OBJECT_CLASS (crm_catalog_parent_class)->finalize (object);
}

static void
crm_catalog_class_init (CrmCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_catalog_finalize;
}

static void
crm_catalog_init (CrmCatalog *self)
{
  self->entity_types = g_list_store_new (CRM_TYPE_ENTITY_TYPE);
  self->users = g_list_store_new (CRM_TYPE_USER);
  self->types_by_id = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->pipelines = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->type_pipelines = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->stages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->fields = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->type_fields = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->lead_kinds = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->lead_kind_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->users_by_id = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->departments = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->department_parents = g_hash_table_new (NULL, NULL);
}

CrmCatalog *
_crm_catalog_new (CrmStore *store)
{
  CrmCatalog *self = g_object_new (CRM_TYPE_CATALOG, NULL);

  self->store = store;
  return self;
}

GListModel *
crm_catalog_get_entity_types (CrmCatalog *self)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->entity_types);
}

CrmEntityType *
crm_catalog_get_entity_type (CrmCatalog *self,
                             gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->types_by_id, ID_KEY (id));
}

CrmEntityType *
crm_catalog_find_entity_type (CrmCatalog *self,
                              const char *code)
{
  guint n;

  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entity_types));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmEntityType) type = g_list_model_get_item (G_LIST_MODEL (self->entity_types), i);

      if (g_str_equal (crm_entity_type_get_code (type), code))
        return type;  /* the store keeps it alive */
    }
  return NULL;
}

GListModel *
crm_catalog_get_pipelines (CrmCatalog *self,
                           gint64      entity_type_id)
{
  GListStore *list;

  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);

  list = g_hash_table_lookup (self->type_pipelines, ID_KEY (entity_type_id));
  if (list == NULL)
    {
      /* An unknown type still answers with a (lasting) empty model. */
      list = g_list_store_new (CRM_TYPE_PIPELINE);
      g_hash_table_insert (self->type_pipelines, ID_KEY (entity_type_id), list);
    }
  return G_LIST_MODEL (list);
}

CrmPipeline *
crm_catalog_get_pipeline (CrmCatalog *self,
                          gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->pipelines, ID_KEY (id));
}

CrmPipeline *
crm_catalog_get_default_pipeline (CrmCatalog *self,
                                  gint64      entity_type_id)
{
  GListModel *list = crm_catalog_get_pipelines (self, entity_type_id);
  guint n = g_list_model_get_n_items (list);
  CrmPipeline *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (list, i);

      if (crm_pipeline_is_default (pipeline))
        return pipeline;
      if (first == NULL)
        first = pipeline;
    }
  return first;
}

CrmStage *
crm_catalog_get_stage (CrmCatalog *self,
                       gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->stages, ID_KEY (id));
}

gint64
crm_catalog_find_lead_kind (CrmCatalog *self,
                            const char *code)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), 0);
  return GPOINTER_TO_SIZE (g_hash_table_lookup (self->lead_kind_codes, code));
}

const char *
crm_catalog_get_lead_kind_name (CrmCatalog *self,
                                gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->lead_kinds, ID_KEY (id));
}

GListModel *
crm_catalog_get_fields (CrmCatalog *self,
                        gint64      entity_type_id)
{
  GListStore *list;

  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);

  list = g_hash_table_lookup (self->type_fields, ID_KEY (entity_type_id));
  if (list == NULL)
    {
      list = g_list_store_new (CRM_TYPE_FIELD);
      g_hash_table_insert (self->type_fields, ID_KEY (entity_type_id), list);
    }
  return G_LIST_MODEL (list);
}

CrmField *
crm_catalog_get_field (CrmCatalog *self,
                       gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->fields, ID_KEY (id));
}

CrmField *
crm_catalog_find_field (CrmCatalog *self,
                        gint64      entity_type_id,
                        const char *code)
{
  GListModel *list;
  guint n;

  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  list = crm_catalog_get_fields (self, entity_type_id);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (list, i);

      if (g_str_equal (crm_field_get_code (field), code))
        return field;
    }
  return NULL;
}

GListModel *
crm_catalog_get_users (CrmCatalog *self)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->users);
}

CrmUser *
crm_catalog_get_user (CrmCatalog *self,
                      gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->users_by_id, ID_KEY (id));
}

const char *
crm_catalog_get_department_name (CrmCatalog *self,
                                 gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), NULL);
  return g_hash_table_lookup (self->departments, ID_KEY (id));
}

GArray *
crm_catalog_get_department_ancestors (CrmCatalog *self,
                                      gint64      department_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = department_id;

  g_return_val_if_fail (CRM_IS_CATALOG (self), ids);

  /* The length bound stops a cycle someone wrote by hand. */
  while (id != 0 && ids->len < 64)
    {
      g_array_append_val (ids, id);
      id = GPOINTER_TO_SIZE (g_hash_table_lookup (self->department_parents, ID_KEY (id)));
    }
  return ids;
}

gint64
crm_catalog_get_department_parent (CrmCatalog *self,
                                   gint64      id)
{
  g_return_val_if_fail (CRM_IS_CATALOG (self), 0);
  return GPOINTER_TO_SIZE (g_hash_table_lookup (self->department_parents, ID_KEY (id)));
}

static int
compare_department_names (gconstpointer a,
                          gconstpointer b,
                          gpointer      data)
{
  CrmCatalog *self = data;

  return g_utf8_collate (crm_catalog_get_department_name (self, *(const gint64 *)a),
                         crm_catalog_get_department_name (self, *(const gint64 *)b));
}

static void
walk_children (CrmCatalog *self,
               gint64      parent,
               GArray     *all,
               GArray     *out,
               guint       depth)
{
  /* The depth bound stops a cycle someone wrote by hand. */
  if (depth > 64)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);

      if (crm_catalog_get_department_parent (self, id) != parent)
        continue;
      g_array_append_val (out, id);
      walk_children (self, id, all, out, depth + 1);
    }
}

GArray *
crm_catalog_get_department_ids (CrmCatalog *self)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CRM_IS_CATALOG (self), out);

  g_hash_table_iter_init (&iter, self->departments);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = GPOINTER_TO_SIZE (key);

      g_array_append_val (all, id);
    }
  g_array_sort_with_data (all, compare_department_names, self);
  walk_children (self, 0, all, out, 0);
  return out;
}
