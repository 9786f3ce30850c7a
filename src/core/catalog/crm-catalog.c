/* crm-catalog.c — the store's metadata, loaded once and after each change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-store-private.h"

struct _CrmCatalog
{
  GObject     parent_instance;

  CrmStore   *store;          /* not owned: the store owns us */

  GListStore *entity_types;
  GHashTable *types_by_id;     /* id → CrmEntityType */
  GHashTable *pipelines;       /* id → CrmPipeline */
  GHashTable *type_pipelines;  /* entity type id → GListStore of CrmPipeline */
  GHashTable *stages;          /* id → CrmStage */
  GHashTable *fields;          /* id → CrmField */
  GHashTable *type_fields;     /* entity type id → GListStore of CrmField */
  GHashTable *lead_kinds;      /* id → name */
  GHashTable *lead_kind_codes; /* code → id */
  GListStore *users;
  GHashTable *users_by_id;     /* id → CrmUser */
  GHashTable *departments;     /* id → name */
  GHashTable *department_parents; /* id → parent id */
};

G_DEFINE_FINAL_TYPE (CrmCatalog, crm_catalog, G_TYPE_OBJECT)

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static const char *
translated (const char *text,
            gboolean    is_msgid)
{
  return is_msgid ? g_dgettext (GETTEXT_PACKAGE, text) : text;
}

static void
clear_all (CrmCatalog *self)
{
  g_list_store_remove_all (self->entity_types);
  g_list_store_remove_all (self->users);
  g_hash_table_remove_all (self->types_by_id);
  g_hash_table_remove_all (self->pipelines);
  g_hash_table_remove_all (self->type_pipelines);
  g_hash_table_remove_all (self->stages);
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->type_fields);
  g_hash_table_remove_all (self->lead_kinds);
  g_hash_table_remove_all (self->lead_kind_codes);
  g_hash_table_remove_all (self->users_by_id);
  g_hash_table_remove_all (self->departments);
  g_hash_table_remove_all (self->department_parents);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static gboolean
load_entity_types (CrmCatalog  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, code, name, name_plural, label_msgid, icon_name, "
                             "       is_builtin, has_stages, has_pipelines, has_products "
                             "FROM entity_types ORDER BY sort, id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean msgid = sqlite3_column_int (stmt, 4);
      g_autoptr(CrmEntityType) type = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      type = _crm_entity_type_new (id,
                                   column_text (stmt, 1),
                                   translated (column_text (stmt, 2), msgid),
                                   translated (column_text (stmt, 3), msgid),
                                   column_text (stmt, 5),
                                   sqlite3_column_int (stmt, 6),
                                   sqlite3_column_int (stmt, 7),
                                   sqlite3_column_int (stmt, 8),
                                   sqlite3_column_int (stmt, 9));
      g_list_store_append (self->entity_types, type);
      g_hash_table_insert (self->types_by_id, ID_KEY (id), g_object_ref (type));
      g_hash_table_insert (self->type_pipelines, ID_KEY (id), g_list_store_new (CRM_TYPE_PIPELINE));
      g_hash_table_insert (self->type_fields, ID_KEY (id), g_list_store_new (CRM_TYPE_FIELD));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_pipelines (CrmCatalog  *self,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, entity_type_id, code, name, label_msgid, is_default "
                             "FROM pipelines ORDER BY entity_type_id, sort, id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CrmPipeline) pipeline = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 type_id = sqlite3_column_int64 (stmt, 1);
      GListStore *list;

      pipeline = _crm_pipeline_new (id, type_id,
                                    column_text (stmt, 2),
                                    translated (column_text (stmt, 3), sqlite3_column_int (stmt, 4)),
                                    sqlite3_column_int (stmt, 5));
      g_hash_table_insert (self->pipelines, ID_KEY (id), g_object_ref (pipeline));
      list = g_hash_table_lookup (self->type_pipelines, ID_KEY (type_id));
      if (list != NULL)
        g_list_store_append (list, pipeline);
    }
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, pipeline_id, code, name, label_msgid, color, semantics, sort "
                             "FROM stages ORDER BY pipeline_id, sort, id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CrmStage) stage = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 pipeline_id = sqlite3_column_int64 (stmt, 1);
      const char *semantics = column_text (stmt, 6);
      CrmPipeline *pipeline;

      stage = _crm_stage_new (id, pipeline_id,
                              column_text (stmt, 2),
                              translated (column_text (stmt, 3), sqlite3_column_int (stmt, 4)),
                              column_text (stmt, 5),
                              g_str_equal (semantics, "success") ? CRM_STAGE_SUCCESS :
                              g_str_equal (semantics, "failure") ? CRM_STAGE_FAILURE :
                                                                   CRM_STAGE_PROGRESS,
                              sqlite3_column_int (stmt, 7));
      g_hash_table_insert (self->stages, ID_KEY (id), g_object_ref (stage));
      pipeline = g_hash_table_lookup (self->pipelines, ID_KEY (pipeline_id));
      if (pipeline != NULL)
        _crm_pipeline_add_stage (pipeline, stage);
    }
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, code, name, label_msgid FROM lead_kinds", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (self->lead_kinds, ID_KEY (id),
                           g_strdup (translated (column_text (stmt, 2), sqlite3_column_int (stmt, 3))));
      g_hash_table_insert (self->lead_kind_codes, g_strdup (column_text (stmt, 1)), ID_KEY (id));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_fields (CrmCatalog  *self,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, entity_type_id, code, label, label_msgid, type, is_system, "
                             "       is_multiple, options, required_mode, required_stage_id "
                             "FROM fields ORDER BY entity_type_id, is_system DESC, sort, id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CrmFieldOptions) options = NULL;
      g_autoptr(CrmField) field = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 type_id = sqlite3_column_int64 (stmt, 1);
      gboolean msgid = sqlite3_column_int (stmt, 4);
      const char *mode = column_text (stmt, 9);
      CrmFieldType type;
      GListStore *list;

      if (!crm_field_type_from_code (column_text (stmt, 5), &type))
        {
          g_warning ("Field %s has an unknown type %s; skipped",
                     column_text (stmt, 2), column_text (stmt, 5));
          continue;
        }

      options = crm_field_options_from_json (column_text (stmt, 8), &local_error);
      if (options == NULL)
        {
          g_warning ("Field %s has broken options: %s", column_text (stmt, 2), local_error->message);
          options = crm_field_options_new ();
        }
      if (msgid)
        {
          for (guint i = 0; i < options->items->len; i++)
            {
              CrmListItem *item = g_ptr_array_index (options->items, i);
              char *label = g_strdup (g_dgettext (GETTEXT_PACKAGE, item->label));

              g_free (item->label);
              item->label = label;
            }
        }

      field = _crm_field_new (id, type_id,
                              column_text (stmt, 2),
                              translated (column_text (stmt, 3), msgid),
                              type,
                              sqlite3_column_int (stmt, 6),
                              sqlite3_column_int (stmt, 7),
                              g_steal_pointer (&options),
                              g_str_equal (mode, "always") ? CRM_REQUIRED_ALWAYS :
                              g_str_equal (mode, "stage") ? CRM_REQUIRED_FROM_STAGE :
                                                            CRM_REQUIRED_NEVER,
                              sqlite3_column_int64 (stmt, 10));
      g_hash_table_insert (self->fields, ID_KEY (id), g_object_ref (field));
      list = g_hash_table_lookup (self->type_fields, ID_KEY (type_id));
      if (list != NULL)
        g_list_store_append (list, field);
    }
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (self->store,
                             "SELECT field_id, user_id, department_id FROM field_visibility", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmField *field = g_hash_table_lookup (self->fields, ID_KEY (sqlite3_column_int64 (stmt, 0)));

      if (field == NULL)
        continue;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        _crm_field_add_visible_user (field, sqlite3_column_int64 (stmt, 1));
      else
        _crm_field_add_visible_department (field, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_people (CrmCatalog  *self,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, login, name, email, position, is_admin, active "
                             "FROM users ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CrmUser) user = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      user = _crm_user_new (id,
                            column_text (stmt, 1),
                            column_text (stmt, 2),
                            column_text (stmt, 3),
                            column_text (stmt, 4),
                            sqlite3_column_int (stmt, 5),
                            sqlite3_column_int (stmt, 6));
      g_list_store_append (self->users, user);
      g_hash_table_insert (self->users_by_id, ID_KEY (id), g_object_ref (user));
    }
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (self->store,
                             "SELECT id, name, parent_id FROM departments", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (self->departments, ID_KEY (id), g_strdup (column_text (stmt, 1)));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_insert (self->department_parents, ID_KEY (id),
                             ID_KEY (sqlite3_column_int64 (stmt, 2)));
    }
  sqlite3_reset (stmt);

  stmt = _crm_store_prepare (self->store,
                             "SELECT user_id, department_id FROM user_departments", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmUser *user = g_hash_table_lookup (self->users_by_id, ID_KEY (sqlite3_column_int64 (stmt, 0)));

      if (user != NULL)
        _crm_user_add_department (user, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

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

gboolean
_crm_catalog_reload (CrmCatalog  *self,
                     GError     **error)
{
  clear_all (self);

  return load_entity_types (self, error) &&
         load_pipelines (self, error) &&
         load_fields (self, error) &&
         load_people (self, error);
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
