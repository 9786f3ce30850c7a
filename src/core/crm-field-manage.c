/* crm-field-manage.c — creating and configuring custom fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-field.h"
#include "crm-session.h"
#include "crm-store-private.h"

#define MAX_LABEL_LENGTH 255

static char *
clean_label (const char  *label,
             GError     **error)
{
  g_autofree char *clean = NULL;

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The field name is not valid text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (label));
  if (*clean == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Give the field a name"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_LABEL_LENGTH || strchr (clean, '\n') != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The field name must be one line of at most %d characters"), MAX_LABEL_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
crm_field_create (CrmSession             *session,
                  gint64                  entity_type_id,
                  const char             *label,
                  CrmFieldType            type,
                  gboolean                multiple,
                  const CrmFieldOptions  *options,
                  GError                **error)
{
  g_autoptr(CrmFieldOptions) defaults = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_SESSION (session), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  store = crm_session_get_store (session);

  if (crm_catalog_get_entity_type (crm_store_get_catalog (store), entity_type_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return 0;
    }
  if (!crm_session_check_permission (session, CRM_PERMISSION_FIELDS_MANAGE, entity_type_id, error))
    return 0;
  if ((clean = clean_label (label, error)) == NULL)
    return 0;
  if (type >= CRM_FIELD_TYPE_LAST || !crm_field_type_is_user_creatable (type))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Fields of this type cannot be created"));
      return 0;
    }
  if (options == NULL)
    options = defaults = crm_field_options_new ();
  if (!crm_field_options_validate (options, type, error))
    return 0;

  json = crm_field_options_to_json (options);
  now = _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;

  /* The code only has to be stable and unique; the row id makes it so. */
  stmt = _crm_store_prepare (store,
                             "INSERT INTO fields (entity_type_id, code, label, type, is_system, is_multiple, "
                             "  options, sort, created_at) "
                             "VALUES (?1, 'uf_new', ?2, ?3, 0, ?4, ?5, "
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

  _crm_store_note_change (store, CRM_CHANGE_CATALOG, id, entity_type_id);
  if (!_crm_store_commit (store, error))
    return 0;
  return id;

failed:
  _crm_store_rollback (store);
  return 0;
}
