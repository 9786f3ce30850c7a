/* crm-element-validate.c — the rules a draft must pass before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-element-draft-private.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-required-private.h"
#include "crm-session-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

/* ---- Reading what will be saved ------------------------------------------------ */

/* The values @field will have after saving: changed, or as stored. */
GPtrArray *
_crm_element_draft_final_values (CrmElementDraft *self,
                                 CrmField        *field)
{
  GPtrArray *changed = g_hash_table_lookup (self->changes, ID_KEY (crm_field_get_id (field)));
  const char *column = _crm_field_get_column (field);

  if (changed != NULL)
    return changed->len > 0 ? changed : NULL;
  if (column != NULL)
    return NULL;  /* answered from the draft's own columns by callers */
  if (self->element != NULL)
    return _crm_element_peek_values (self->element, crm_field_get_id (field));
  return NULL;
}

static gboolean
field_is_filled (CrmElementDraft *self,
                 CrmField        *field)
{
  const char *code = crm_field_get_code (field);

  if (_crm_field_get_column (field) != NULL)
    {
      if (g_str_equal (code, "responsible"))
        return self->responsible_id != 0;
      if (g_str_equal (code, "stage"))
        return self->stage_id != 0;
      if (g_str_equal (code, "pipeline"))
        return self->pipeline_id != 0;
      return TRUE;  /* set by the core */
    }
  return _crm_element_draft_final_values (self, field) != NULL;
}

static gboolean
field_is_required (CrmElementDraft *self,
                   CrmField        *field)
{
  return _crm_field_is_required_at (get_catalog (self), field, self->pipeline_id, self->stage_id);
}

static char *
join_values (CrmElementDraft *self,
             const char      *code)
{
  CrmField *field = crm_catalog_find_field (get_catalog (self), self->entity_type_id, code);
  GPtrArray *values;

  if (field == NULL || (values = _crm_element_draft_final_values (self, field)) == NULL)
    return NULL;
  return g_strdup (((CrmValue *)g_ptr_array_index (values, 0))->text);
}

/* Deals, leads, companies … have a title field; people are named. */
static char *
compute_title (CrmElementDraft *self)
{
  g_autofree char *title = join_values (self, "title");
  g_autoptr(GString) name = NULL;
  static const char *name_parts[] = { "name", "second_name", "last_name" };

  if (title != NULL || crm_catalog_find_field (get_catalog (self), self->entity_type_id, "title") != NULL)
    return g_steal_pointer (&title);

  name = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (name_parts); i++)
    {
      g_autofree char *part = join_values (self, name_parts[i]);

      if (part == NULL)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

/* ---- Validation ------------------------------------------------------------------- */

static gboolean
check_reference (CrmElementDraft  *self,
                 CrmField         *field,
                 const CrmValue   *value,
                 GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  CrmCatalog *catalog = get_catalog (self);
  const CrmFieldOptions *options = crm_field_get_options (field);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  switch (value->type)
    {
    case CRM_FIELD_TYPE_EMPLOYEE:
      found = crm_catalog_get_user (catalog, value->number) != NULL;
      break;
    case CRM_FIELD_TYPE_LINK:
      stmt = _crm_store_prepare (store,
                                 "SELECT e.entity_type_id, e.responsible_id, e.created_by "
                                 "FROM elements e JOIN entity_types t ON t.id = e.entity_type_id "
                                 "WHERE e.id = ?1 AND (?2 IS NULL OR t.code = ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, value->number);
      sqlite3_bind_text (stmt, 2, options->link_type, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      /* A link the writer could not have picked would show them the
       * title of an element hidden from them. */
      if (found && !crm_session_can_read_element (self->session, sqlite3_column_int64 (stmt, 0),
                                                  sqlite3_column_int64 (stmt, 1),
                                                  sqlite3_column_int64 (stmt, 2)))
        {
          sqlite3_reset (stmt);
          g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                       _("“%s” points to an element you may not see"), crm_field_get_label (field));
          return FALSE;
        }
      sqlite3_reset (stmt);
      break;
    case CRM_FIELD_TYPE_FILE:
      stmt = _crm_store_prepare (store, "SELECT 1 FROM files WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, value->number);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      break;
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      return TRUE;
    }

  if (!found)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("“%s” points to something that does not exist"),
                 crm_field_get_label (field));
  return found;
}

static gboolean
check_field_values (CrmElementDraft  *self,
                    CrmField         *field,
                    GPtrArray        *values,
                    GError          **error)
{
  if (crm_field_get_entity_type_id (field) != self->entity_type_id)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a field of this element"), crm_field_get_label (field));
      return FALSE;
    }
  if (crm_field_is_read_only (field) || _crm_field_get_column (field) != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is set by Clientele and cannot be changed here"),
                   crm_field_get_label (field));
      return FALSE;
    }
  if (!crm_session_can_see_field (self->session, field))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_PERMISSION_DENIED,
                   _("You are not allowed to change “%s”"), crm_field_get_label (field));
      return FALSE;
    }
  if (values->len > 1 && !crm_field_is_multiple (field))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” takes only one value"), crm_field_get_label (field));
      return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);
      g_autoptr(GError) local_error = NULL;

      if (value->type != crm_field_get_field_type (field))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("“%s” got a value of the wrong type"), crm_field_get_label (field));
          return FALSE;
        }
      if (!crm_value_validate (value, crm_field_get_options (field), &local_error))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       "%s: %s", crm_field_get_label (field), local_error->message);
          return FALSE;
        }
      if (!check_reference (self, field, value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_columns (CrmElementDraft  *self,
               GError          **error)
{
  CrmCatalog *catalog = get_catalog (self);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, self->entity_type_id);

  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return FALSE;
    }

  if (crm_entity_type_has_stages (type))
    {
      CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, self->pipeline_id);
      CrmStage *stage = crm_catalog_get_stage (catalog, self->stage_id);

      if (pipeline == NULL || crm_pipeline_get_entity_type_id (pipeline) != self->entity_type_id)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Choose a pipeline of this kind of element"));
          return FALSE;
        }
      if (stage == NULL || crm_stage_get_pipeline_id (stage) != self->pipeline_id)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Choose a stage of the pipeline “%s”"), crm_pipeline_get_name (pipeline));
          return FALSE;
        }
    }
  else if (self->pipeline_id != 0 || self->stage_id != 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("%s have no stages"), crm_entity_type_get_name_plural (type));
      return FALSE;
    }

  if (self->responsible_id != 0 && crm_catalog_get_user (catalog, self->responsible_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The responsible person does not exist"));
      return FALSE;
    }
  if (self->lead_kind_id != 0 && crm_catalog_get_lead_kind_name (catalog, self->lead_kind_id) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown kind of lead"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_crm_element_draft_check (CrmElementDraft  *self,
                          char            **title_out,
                          GError          **error)
{
  g_autoptr(GString) bad_values = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GError) first_error = NULL;
  g_autofree char *title = NULL;
  GListModel *fields;
  GHashTableIter iter;
  gpointer key, data;
  guint n;

  g_ptr_array_set_size (self->invalid_fields, 0);

  if (!crm_session_check_permission (self->session, CRM_PERMISSION_ELEMENT_WRITE,
                                     self->entity_type_id, error))
    return FALSE;
  /* As stored now: it may have been given to someone else since loaded. */
  if (self->element != NULL &&
      !_crm_session_check_element_id (self->session, CRM_PERMISSION_ELEMENT_WRITE,
                                      crm_element_get_id (self->element), NULL, error))
    return FALSE;
  if (!check_columns (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      CrmField *field = crm_catalog_get_field (get_catalog (self), GPOINTER_TO_SIZE (key));
      g_autoptr(GError) local_error = NULL;

      if (field == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("A field was deleted meanwhile"));
          return FALSE;
        }
      if (!check_field_values (self, field, data, &local_error))
        {
          if (local_error->code == CRM_ERROR_PERMISSION_DENIED)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (self->invalid_fields, g_object_ref (field));
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          g_string_append_printf (bad_values, "%s%s", bad_values->len ? ", " : "",
                                  crm_field_get_label (field));
        }
    }

  fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

      /* Nobody can be asked to fill a field they cannot see. */
      if (!crm_session_can_see_field (self->session, field))
        continue;
      if (field_is_required (self, field) && !field_is_filled (self, field) &&
          !g_ptr_array_find (self->invalid_fields, field, NULL))
        {
          g_ptr_array_add (self->invalid_fields, g_object_ref (field));
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "",
                                  crm_field_get_label (field));
        }
    }

  title = compute_title (self);
  if (title == NULL && missing->len == 0 && bad_values->len == 0)
    {
      CrmField *name = crm_catalog_find_field (get_catalog (self), self->entity_type_id, "title");

      if (name == NULL)
        name = crm_catalog_find_field (get_catalog (self), self->entity_type_id, "name");
      if (name != NULL)
        g_ptr_array_add (self->invalid_fields, g_object_ref (name));
      g_string_append (missing, name ? crm_field_get_label (name) : _("Name"));
    }

  if (bad_values->len > 0 && missing->len > 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Correct %s and fill in the required fields: %s"),
                   bad_values->str, missing->str);
      return FALSE;
    }
  if (bad_values->len > 0)
    {
      if (self->invalid_fields->len == 1)
        g_propagate_error (error, g_steal_pointer (&first_error));
      else
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("These fields have invalid values: %s"), bad_values->str);
      return FALSE;
    }
  if (missing->len > 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_REQUIRED,
                   _("Fill in the required fields: %s"), missing->str);
      return FALSE;
    }

  if (title_out != NULL)
    *title_out = g_steal_pointer (&title);
  return TRUE;
}

