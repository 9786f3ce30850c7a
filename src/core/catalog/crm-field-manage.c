/* crm-field-manage.c — creating, configuring and deleting fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-error.h"
#include "crm-field-manage-private.h"
#include "crm-field.h"
#include "crm-layout-private.h"
#include "crm-search-private.h"
#include "crm-session.h"
#include "crm-store-private.h"
#include "crm-util-private.h"

/* ---- Configurations ------------------------------------------------------------- */

CrmFieldConfig *
crm_field_config_new (const char *label)
{
  CrmFieldConfig *config = g_new0 (CrmFieldConfig, 1);

  config->label = g_strdup (label);
  config->required_mode = CRM_REQUIRED_NEVER;
  config->visible_users = g_array_new (FALSE, FALSE, sizeof (gint64));
  config->visible_departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  return config;
}

CrmFieldConfig *
crm_field_config_new_for (CrmField *field)
{
  CrmFieldConfig *config;
  GArray *users, *departments;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  config = crm_field_config_new (crm_field_get_label (field));
  config->required_mode = crm_field_get_required_mode (field);
  config->required_stage_id = crm_field_get_required_stage_id (field);
  users = crm_field_get_visible_users (field);
  departments = crm_field_get_visible_departments (field);
  g_array_append_vals (config->visible_users, users->data, users->len);
  g_array_append_vals (config->visible_departments, departments->data, departments->len);
  return config;
}

void
crm_field_config_free (CrmFieldConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->label);
  g_clear_pointer (&config->visible_users, g_array_unref);
  g_clear_pointer (&config->visible_departments, g_array_unref);
  g_clear_pointer (&config->options, crm_field_options_free);
  g_free (config);
}

/* ---- Writing ---------------------------------------------------------------------- */

/* Stores required rule and visibility of @field_id (the label is the
 * caller's: inserting and updating differ). */
static gboolean
write_config (CrmStore              *store,
              gint64                 field_id,
              const CrmFieldConfig  *config,
              GError               **error)
{
  static const char *modes[] = { "never", "always", "stage" };
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "UPDATE fields SET required_mode = ?2, required_stage_id = nullif (?3, 0) "
                             "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, field_id);
  sqlite3_bind_text (stmt, 2, modes[config->required_mode], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, config->required_mode == CRM_REQUIRED_FROM_STAGE ? config->required_stage_id : 0);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  stmt = _crm_store_prepare (store, "DELETE FROM field_visibility WHERE field_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, field_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *ids = pass == 0 ? config->visible_users : config->visible_departments;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          stmt = _crm_store_prepare (store,
                                     pass == 0
                                     ? "INSERT OR IGNORE INTO field_visibility (field_id, user_id) VALUES (?, ?)"
                                     : "INSERT OR IGNORE INTO field_visibility (field_id, department_id) VALUES (?, ?)",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, field_id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
          if (!_crm_store_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Inside the transaction that changed @field: the elements with values in
 * it get index rows again when its audience changed (restricted, opened to
 * everyone, or to other people: nobody finds a value they may no longer
 * see once this commits) or when @relabelled (a list item's new words). */
static gboolean
reindex_if_needed (CrmStore    *store,
                   CrmField    *field,
                   const char  *old_tag,
                   gboolean     relabelled,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *new_tag = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!_crm_search_type_is_indexed (crm_field_get_field_type (field)))
    return TRUE;
  new_tag = _crm_search_load_tag (store, crm_field_get_id (field), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (old_tag, new_tag) == 0 && !relabelled)
    return TRUE;
  ids = _crm_search_elements_with_values (store, crm_field_get_id (field), error);
  return ids != NULL && _crm_search_reindex (store, ids, error);
}

/* ---- Public API ------------------------------------------------------------------ */

gint64
crm_field_create (CrmSession             *session,
                  gint64                  entity_type_id,
                  const char             *label,
                  CrmFieldType            type,
                  gboolean                multiple,
                  const CrmFieldOptions  *options,
                  GError                **error)
{
  g_autoptr(CrmFieldConfig) config = crm_field_config_new (label);

  return crm_field_create_full (session, entity_type_id, type, multiple, options, config, 0, 0, error);
}

gint64
crm_field_create_full (CrmSession             *session,
                       gint64                  entity_type_id,
                       CrmFieldType            type,
                       gboolean                multiple,
                       const CrmFieldOptions  *options,
                       const CrmFieldConfig   *config,
                       gint64                  section_id,
                       guint                   position,
                       GError                **error)
{
  g_autoptr(CrmFieldOptions) defaults = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;
  CrmStore *store;
  CrmCatalog *catalog;
  sqlite3_stmt *stmt;
  gint64 layout_id = 0, layout_type = 0;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  store = crm_session_get_store (session);
  catalog = crm_store_get_catalog (store);

  if (crm_catalog_get_entity_type (catalog, entity_type_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return 0;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_FIELDS_MANAGE, entity_type_id, error))
    return 0;
  if ((clean = _crm_clean_name (config->label, _("Give the field a name"), error)) == NULL)
    return 0;
  if (type >= CRM_FIELD_TYPE_LAST || !crm_field_type_is_user_creatable (type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Fields of this type cannot be created"));
      return 0;
    }
  if (options == NULL)
    options = defaults = crm_field_options_new ();
  if (!crm_field_options_validate (options, type, error) ||
      !_crm_field_check_option_references (store, type, options, error) ||
      !_crm_field_check_config (catalog, entity_type_id, FALSE, FALSE, config, error))
    return 0;
  if (type == CRM_FIELD_TYPE_LIST && options->items->len == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A list field needs at least one item to choose from"));
      return 0;
    }
  if (section_id != 0)
    {
      if (!_crm_layout_check_section (session, section_id, &layout_id, &layout_type, error))
        return 0;
      if (layout_type != entity_type_id)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The section belongs to another kind of element"));
          return 0;
        }
    }

  json = crm_field_options_to_json (options);
  now = _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;

  /* The code only has to be stable and unique; the row id makes it so. */
  stmt = _crm_store_prepare (store,
                             "INSERT INTO fields (id, entity_type_id, code, label, type, is_system, is_multiple, "
                             "  options, sort, created_at) "
                             "VALUES (" CRM_NEXT_ID_SQL ("fields") ", ?1, 'uf_new', ?2, ?3, 0, ?4, ?5, "
                             "  (SELECT ifnull (max (sort), 0) + 1 FROM fields WHERE entity_type_id = ?1), ?6)",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, crm_field_type_to_code (type), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, !!multiple);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  stmt = _crm_store_prepare (store, "UPDATE fields SET code = 'uf_' || id WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;

  if (!write_config (store, id, config, error))
    goto failed;
  if (section_id != 0 &&
      !_crm_layout_place (store, layout_id, entity_type_id, section_id, id, position, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, id, entity_type_id);
  if (!_crm_store_commit (store, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}

gboolean
crm_field_configure (CrmSession            *session,
                     gint64                 field_id,
                     const CrmFieldConfig  *config,
                     GError               **error)
{
  g_autoptr(GError) tag_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *old_tag = NULL;
  g_autofree char *json = NULL;
  CrmStore *store;
  CrmField *field;
  sqlite3_stmt *stmt;
  gint64 type_id;
  gboolean relabel;
  gboolean items_relabelled = FALSE;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  store = crm_session_get_store (session);
  field = crm_catalog_get_field (crm_store_get_catalog (store), field_id);
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This field no longer exists"));
      return FALSE;
    }
  type_id = crm_field_get_entity_type_id (field);
  if (!crm_session_check_permission (session, CRM_PERMISSION_FIELDS_MANAGE, type_id, error))
    return FALSE;
  if ((clean = _crm_clean_name (config->label, _("Give the field a name"), error)) == NULL)
    return FALSE;
  if (!_crm_field_check_config (crm_store_get_catalog (store), type_id, crm_field_is_system (field),
                     crm_field_is_read_only (field), config, error))
    return FALSE;
  if (config->options != NULL)
    {
      if (!_crm_field_check_new_options (store, field, config->options, &items_relabelled, error))
        return FALSE;
      json = crm_field_options_to_json (config->options);
    }

  /* A system field keeps its translated name until someone renames it. */
  relabel = !g_str_equal (clean, crm_field_get_label (field));

  if (!_crm_store_begin (store, error))
    return FALSE;

  if (relabel)
    {
      stmt = _crm_store_prepare (store, "UPDATE fields SET label = ?2, label_msgid = 0 WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, field_id);
      sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        goto failed;
    }
  /* The tag as stored, not as the catalog last saw it, so that the test
   * below compares two states of this transaction. */
  old_tag = _crm_search_load_tag (store, field_id, &tag_error);
  if (tag_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&tag_error));
      goto failed;
    }
  if (json != NULL)
    {
      stmt = _crm_store_prepare (store, "UPDATE fields SET options = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, field_id);
      sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        goto failed;
    }
  if (!write_config (store, field_id, config, error) ||
      !reindex_if_needed (store, field, old_tag, items_relabelled, error))
    goto failed;

  /* Leaves the catalog's objects (and @field) to be replaced on commit. */
  _crm_store_note_change (store, CRM_CHANGE_CATALOG, field_id, type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}
