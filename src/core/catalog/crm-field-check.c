/* crm-field-check.c — what a field's configuration and options must be
 * before crm-field-manage.c writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-field-manage-private.h"
#include "crm-store-private.h"

static gboolean
has_visibility (const CrmFieldConfig *config)
{
  return (config->visible_users != NULL && config->visible_users->len > 0) ||
         (config->visible_departments != NULL && config->visible_departments->len > 0);
}

/* Everything but the label, which callers clean themselves. */
gboolean
_crm_field_check_config (CrmCatalog            *catalog,
                         gint64                 entity_type_id,
                         gboolean               is_system,
                         gboolean               read_only,
                         const CrmFieldConfig  *config,
                         GError               **error)
{
  switch (config->required_mode)
    {
    case CRM_REQUIRED_NEVER:
      break;
    case CRM_REQUIRED_ALWAYS:
      if (read_only)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("This field is filled in by Clientele and cannot be required"));
          return FALSE;
        }
      break;
    case CRM_REQUIRED_FROM_STAGE:
      {
        CrmStage *stage = crm_catalog_get_stage (catalog, config->required_stage_id);
        CrmPipeline *pipeline = stage ? crm_catalog_get_pipeline (catalog, crm_stage_get_pipeline_id (stage)) : NULL;

        if (read_only)
          {
            g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                         _("This field is filled in by Clientele and cannot be required"));
            return FALSE;
          }
        if (pipeline == NULL || crm_pipeline_get_entity_type_id (pipeline) != entity_type_id)
          {
            g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                         _("Choose a stage of this kind of element for the field to be required from"));
            return FALSE;
          }
      }
      break;
    default:
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown required rule"));
      return FALSE;
    }

  if (has_visibility (config) && is_system)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("System fields are visible to everyone; only custom fields can be restricted"));
      return FALSE;
    }
  for (guint i = 0; config->visible_users && i < config->visible_users->len; i++)
    if (crm_catalog_get_user (catalog, g_array_index (config->visible_users, gint64, i)) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("One of the chosen people no longer exists"));
        return FALSE;
      }
  for (guint i = 0; config->visible_departments && i < config->visible_departments->len; i++)
    if (crm_catalog_get_department_name (catalog, g_array_index (config->visible_departments, gint64, i)) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("One of the chosen departments no longer exists"));
        return FALSE;
      }
  return TRUE;
}

/* What crm_field_options_validate () cannot see from the values layer:
 * that the type a link points to exists, and that a default naming a row
 * (a person, an element, a file) names one; else every new element would
 * start with a value that cannot be saved. */
gboolean
_crm_field_check_option_references (CrmStore               *store,
                                    CrmFieldType            type,
                                    const CrmFieldOptions  *options,
                                    GError                **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (store);
  g_autoptr(CrmValue) value = NULL;
  sqlite3_stmt *stmt;
  gboolean found = TRUE;

  if (type == CRM_FIELD_TYPE_LINK && options->link_type != NULL &&
      (!g_utf8_validate (options->link_type, -1, NULL) ||
       crm_catalog_find_entity_type (catalog, options->link_type) == NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The kind of element the field links to does not exist"));
      return FALSE;
    }

  if (options->default_value == NULL ||
      (type != CRM_FIELD_TYPE_EMPLOYEE && type != CRM_FIELD_TYPE_LINK && type != CRM_FIELD_TYPE_FILE))
    return TRUE;
  /* Validated already: it parses. */
  value = crm_value_parse (type, options, crm_locale_get ("C"), options->default_value, NULL);
  if (value == NULL)
    return TRUE;

  if (type == CRM_FIELD_TYPE_EMPLOYEE)
    found = crm_catalog_get_user (catalog, value->number) != NULL;
  else
    {
      stmt = _crm_store_prepare (store,
                                 type == CRM_FIELD_TYPE_FILE
                                 ? "SELECT 1 FROM files WHERE id = ?1"
                                 : "SELECT 1 FROM elements e JOIN entity_types t ON t.id = e.entity_type_id "
                                   "WHERE e.id = ?1 AND (?2 IS NULL OR t.code = ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, value->number);
      if (type == CRM_FIELD_TYPE_LINK)
        sqlite3_bind_text (stmt, 2, options->link_type, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  if (!found)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("The default value points to something that does not exist"));
  return found;
}

/* How many elements hold @key in the list field @field_id; -1 on error. */
static gint64
count_holders (CrmStore    *store,
               gint64       field_id,
               const char  *key,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count;

  stmt = _crm_store_prepare (store,
                             "SELECT count (DISTINCT element_id) FROM field_values "
                             "WHERE field_id = ? AND value = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, field_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _crm_store_set_error (store, error);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* New options of a field keep what its stored values mean: the decimal
 * places they are scaled by, the kind of element they point to, every
 * list item an element holds. Sets @relabelled when a list item that
 * stays has a new label. */
gboolean
_crm_field_check_new_options (CrmStore               *store,
                              CrmField               *field,
                              const CrmFieldOptions  *options,
                              gboolean               *relabelled,
                              GError                **error)
{
  const CrmFieldOptions *old = crm_field_get_options (field);
  CrmFieldType type = crm_field_get_field_type (field);

  *relabelled = FALSE;
  if (crm_field_is_system (field))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The options of system fields cannot be changed"));
      return FALSE;
    }
  if (!crm_field_options_validate (options, type, error) ||
      !_crm_field_check_option_references (store, type, options, error))
    return FALSE;
  if (type == CRM_FIELD_TYPE_LIST && options->items->len == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A list field needs at least one item to choose from"));
      return FALSE;
    }
  if (type == CRM_FIELD_TYPE_DECIMAL && options->precision != old->precision)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The number of decimal places of a field cannot change: its values are kept with them"));
      return FALSE;
    }
  if (type == CRM_FIELD_TYPE_LINK && g_strcmp0 (options->link_type, old->link_type) != 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The kind of element a field links to cannot change"));
      return FALSE;
    }

  for (guint i = 0; i < old->items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (old->items, i);
      const CrmListItem *kept = crm_field_options_find_item (options, item->key);
      gint64 holders;

      if (kept != NULL)
        {
          *relabelled = *relabelled || !g_str_equal (kept->label, item->label);
          continue;
        }
      if ((holders = count_holders (store, crm_field_get_id (field), item->key, error)) < 0)
        return FALSE;
      if (holders > 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_CONFLICT,
                       /* Translators: %s is a list item, %d how many elements have it chosen */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” is chosen in %d element: keep the item, or choose another one there first",
                                    "“%s” is chosen in %d elements: keep the item, or choose another one there first",
                                    (gulong) holders),
                       item->label, (int) holders);
          return FALSE;
        }
    }
  return TRUE;
}
