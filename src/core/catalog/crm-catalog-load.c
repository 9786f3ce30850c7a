/* crm-catalog-load.c — reading the catalog from the store: types,
 * pipelines and stages, fields and who may see them, people
 *
 * Built-in rows carry English msgids (label_msgid = 1), translated here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-store-private.h"

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
                             "SELECT id, login, name, email, position, is_admin, active, photo_file_id "
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
      _crm_user_set_photo_file_id (user, sqlite3_column_int64 (stmt, 7));
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

