/* crm-element-draft.c — validating and writing an element's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-element-draft.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

struct _CrmElementDraft
{
  GObject     parent_instance;

  CrmSession *session;
  CrmElement *element;          /* NULL for a new element */
  gint64      entity_type_id;
  gint64      pipeline_id;
  gint64      stage_id;
  gint64      lead_kind_id;
  gint64      responsible_id;
  GHashTable *changes;          /* field id → GPtrArray of CrmValue */
  GPtrArray  *invalid_fields;   /* of CrmField */
  GDateTime  *created_at;
};

G_DEFINE_FINAL_TYPE (CrmElementDraft, crm_element_draft, G_TYPE_OBJECT)

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static CrmCatalog *
get_catalog (CrmElementDraft *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static GPtrArray *
new_value_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
}

static void
crm_element_draft_finalize (GObject *object)
{
  CrmElementDraft *self = (CrmElementDraft *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->element);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->invalid_fields, g_ptr_array_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (crm_element_draft_parent_class)->finalize (object);
}

static void
crm_element_draft_class_init (CrmElementDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_element_draft_finalize;
}

static void
crm_element_draft_init (CrmElementDraft *self)
{
  self->changes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->invalid_fields = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---- Reading what will be saved ------------------------------------------------ */

/* The values @field will have after saving: changed, or as stored. */
static GPtrArray *
final_values (CrmElementDraft *self,
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
  return final_values (self, field) != NULL;
}

static gboolean
field_is_required (CrmElementDraft *self,
                   CrmField        *field)
{
  CrmCatalog *catalog;
  CrmStage *from;
  CrmPipeline *pipeline;
  int from_index, at_index;

  switch (crm_field_get_required_mode (field))
    {
    case CRM_REQUIRED_NEVER:
      return FALSE;
    case CRM_REQUIRED_ALWAYS:
      return TRUE;
    case CRM_REQUIRED_FROM_STAGE:
      catalog = get_catalog (self);
      from = crm_catalog_get_stage (catalog, crm_field_get_required_stage_id (field));
      if (from == NULL || crm_stage_get_pipeline_id (from) != self->pipeline_id)
        return FALSE;
      pipeline = crm_catalog_get_pipeline (catalog, self->pipeline_id);
      if (pipeline == NULL)
        return FALSE;
      from_index = crm_pipeline_get_stage_index (pipeline, crm_stage_get_id (from));
      at_index = crm_pipeline_get_stage_index (pipeline, self->stage_id);
      return from_index >= 0 && at_index >= from_index;
    default:
      g_assert_not_reached ();
    }
}

static char *
join_values (CrmElementDraft *self,
             const char      *code)
{
  CrmField *field = crm_catalog_find_field (get_catalog (self), self->entity_type_id, code);
  GPtrArray *values;

  if (field == NULL || (values = final_values (self, field)) == NULL)
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
                                 "SELECT 1 FROM elements e JOIN entity_types t ON t.id = e.entity_type_id "
                                 "WHERE e.id = ?1 AND (?2 IS NULL OR t.code = ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, value->number);
      sqlite3_bind_text (stmt, 2, options->link_type, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
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

static gboolean
validate (CrmElementDraft  *self,
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

/* ---- Writing ------------------------------------------------------------------------ */

static gboolean
write_values (CrmElementDraft  *self,
              gint64            element_id,
              CrmField         *field,
              GPtrArray        *values,
              GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  sqlite3_stmt *stmt;

  if (self->element != NULL)
    {
      stmt = _crm_store_prepare (store, "DELETE FROM field_values WHERE element_id = ? AND field_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, element_id);
      sqlite3_bind_int64 (stmt, 2, crm_field_get_id (field));
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);

      stmt = _crm_store_prepare (store,
                                 "INSERT INTO field_values (element_id, field_id, ordinal, value, aux, kind) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, element_id);
      sqlite3_bind_int64 (stmt, 2, crm_field_get_id (field));
      sqlite3_bind_int (stmt, 3, i);
      if (crm_field_type_stores_number (value->type))
        sqlite3_bind_int64 (stmt, 4, value->number);
      else
        sqlite3_bind_text (stmt, 4, value->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, value->aux, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, value->kind, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
values_equal (GPtrArray *a,
              GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!crm_value_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static char *
format_values (CrmStore  *store,
               CrmField  *field,
               GPtrArray *values)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      g_autofree char *one = _crm_format_value (store, field, g_ptr_array_index (values, i), locale);

      if (one == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, one);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
change_payload (CrmStore  *store,
                CrmField  *field,
                GPtrArray *old_values,
                GPtrArray *new_values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *old_text = format_values (store, field, old_values);
  g_autofree char *new_text = format_values (store, field, new_values);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_int_value (builder, crm_field_get_id (field));
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, crm_field_get_code (field));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, crm_field_get_label (field));
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, old_text);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, new_text);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
stage_payload (CrmCatalog *catalog,
               gint64      from,
               gint64      to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  CrmStage *from_stage = crm_catalog_get_stage (catalog, from);
  CrmStage *to_stage = crm_catalog_get_stage (catalog, to);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, to);
  json_builder_set_member_name (builder, "from_name");
  json_builder_add_string_value (builder, from_stage ? crm_stage_get_name (from_stage) : "");
  json_builder_set_member_name (builder, "to_name");
  json_builder_add_string_value (builder, to_stage ? crm_stage_get_name (to_stage) : "");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The words search finds an element by: its text values, list labels and
 * the digits of its phones. */
static void
append_search_text (GString        *body,
                    CrmField       *field,
                    const CrmValue *value)
{
  switch (value->type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_MESSENGER:
      g_string_append_printf (body, "%s\n", value->text);
      break;
    case CRM_FIELD_TYPE_PHONE:
      g_string_append_printf (body, "%s %s\n", value->text, value->aux ? value->aux + 1 : "");
      break;
    case CRM_FIELD_TYPE_LIST:
      {
        const CrmListItem *item = crm_field_options_find_item (crm_field_get_options (field), value->text);

        if (item != NULL)
          g_string_append_printf (body, "%s\n", item->label);
      }
      break;
    case CRM_FIELD_TYPE_ADDRESS:
      {
        g_autoptr(CrmAddress) address = crm_address_from_json (value->text, NULL);
        g_autofree char *text = address ? crm_address_format (address) : NULL;

        if (text != NULL)
          g_string_append_printf (body, "%s\n", text);
      }
      break;
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      break;
    }
}

static gboolean
index_element (CrmElementDraft  *self,
               gint64            element_id,
               const char       *title,
               GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  GListModel *fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = g_list_model_get_n_items (fields);
  
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      GPtrArray *values;

      /* Restricted fields stay out of the index, so search cannot reveal
       * them to someone who may not see them. */
      if (g_str_equal (crm_field_get_code (field), "title") ||
          crm_field_get_visible_users (field)->len > 0 ||
          crm_field_get_visible_departments (field)->len > 0)
        continue;
      values = final_values (self, field);
      for (guint j = 0; values != NULL && j < values->len; j++)
        append_search_text (body, field, g_ptr_array_index (values, j));
    }

  _crm_store_queue_index (store, element_id, title, g_string_free (g_steal_pointer (&body), FALSE),
                          self->element == NULL);
  return TRUE;
}

static gint64
insert_element (CrmElementDraft  *self,
                const char       *title,
                const char       *now,
                GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 user = crm_session_get_user_id (self->session);
  g_autofree char *sort_title = _crm_element_make_sort_title (title);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO elements (entity_type_id, lead_kind_id, pipeline_id, stage_id, title, "
                             "  responsible_id, created_by, created_at, updated_by, updated_at, sort_title) "
                             "VALUES (?1, nullif (?2, 0), nullif (?3, 0), nullif (?4, 0), ?5, "
                             "        nullif (?6, 0), ?7, ?8, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->entity_type_id);
  sqlite3_bind_int64 (stmt, 2, self->lead_kind_id);
  sqlite3_bind_int64 (stmt, 3, self->pipeline_id);
  sqlite3_bind_int64 (stmt, 4, self->stage_id);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, self->responsible_id);
  sqlite3_bind_int64 (stmt, 7, user);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, sort_title, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_crm_store_get_db (store));
}

static gboolean
update_element (CrmElementDraft  *self,
                gint64            element_id,
                const char       *title,
                const char       *now,
                GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  g_autofree char *sort_title = _crm_element_make_sort_title (title);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "UPDATE elements SET lead_kind_id = nullif (?2, 0), pipeline_id = nullif (?3, 0), "
                             "  stage_id = nullif (?4, 0), title = ?5, responsible_id = nullif (?6, 0), "
                             "  updated_by = ?7, updated_at = ?8, sort_title = ?9 "
                             "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_int64 (stmt, 2, self->lead_kind_id);
  sqlite3_bind_int64 (stmt, 3, self->pipeline_id);
  sqlite3_bind_int64 (stmt, 4, self->stage_id);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, self->responsible_id);
  sqlite3_bind_int64 (stmt, 7, crm_session_get_user_id (self->session));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, sort_title, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The element was deleted meanwhile"));
      return FALSE;
    }
  return TRUE;
}

/* Timeline entries for what an update changed: one per field, and one for
 * the stage. */
static gboolean
log_changes (CrmElementDraft  *self,
             gint64            element_id,
             const char       *now,
             GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 user = crm_session_get_user_id (self->session);
  CrmCatalog *catalog = get_catalog (self);
  GHashTableIter iter;
  gpointer key, data;

  if (self->stage_id != crm_element_get_stage_id (self->element))
    {
      g_autofree char *payload = stage_payload (catalog, crm_element_get_stage_id (self->element),
                                                self->stage_id);

      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_STAGE_CHANGE, user, now,
                                NULL, payload, error) == 0)
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      CrmField *field = crm_catalog_get_field (catalog, GPOINTER_TO_SIZE (key));
      GPtrArray *old_values = _crm_element_peek_values (self->element, GPOINTER_TO_SIZE (key));
      g_autofree char *payload = NULL;

      if (values_equal (old_values, data))
        continue;
      if (!write_values (self, element_id, field, data, error))
        return FALSE;
      payload = change_payload (store, field, old_values, data);
      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_FIELD_CHANGE, user, now,
                                NULL, payload, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
add_default_values (CrmElementDraft *self)
{
  GListModel *fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      const CrmFieldOptions *options = crm_field_get_options (field);
      CrmValue *value;

      if (options->default_value == NULL ||
          g_hash_table_contains (self->changes, ID_KEY (crm_field_get_id (field))) ||
          _crm_field_get_column (field) != NULL)
        continue;

      value = crm_value_parse (crm_field_get_field_type (field), options,
                               crm_locale_get ("C"), options->default_value, NULL);
      if (value != NULL)
        crm_element_draft_set_value (self, field, value);
    }
}

/* ---- Public API ------------------------------------------------------------------- */

CrmElementDraft *
crm_element_draft_new (CrmSession  *session,
                       const char  *entity_type_code,
                       GError     **error)
{
  CrmCatalog *catalog;
  CrmEntityType *type;
  CrmElementDraft *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (entity_type_code != NULL, NULL);

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  type = crm_catalog_find_entity_type (catalog, entity_type_code);
  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("There is no kind of element called “%s”"), entity_type_code);
      return NULL;
    }

  self = g_object_new (CRM_TYPE_ELEMENT_DRAFT, NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = crm_entity_type_get_id (type);
  self->responsible_id = crm_session_get_user_id (session);

  if (crm_entity_type_has_stages (type))
    {
      CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, self->entity_type_id);
      CrmStage *first = pipeline ? crm_pipeline_get_first_stage (pipeline) : NULL;

      self->pipeline_id = pipeline ? crm_pipeline_get_id (pipeline) : 0;
      self->stage_id = first ? crm_stage_get_id (first) : 0;
    }
  if (g_str_equal (entity_type_code, "lead"))
    self->lead_kind_id = crm_catalog_find_lead_kind (catalog, "regular");

  add_default_values (self);
  return self;
}

CrmElementDraft *
crm_element_draft_new_for (CrmSession *session,
                           CrmElement *element)
{
  CrmElementDraft *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (crm_element_has_values (element), NULL);

  self = g_object_new (CRM_TYPE_ELEMENT_DRAFT, NULL);
  self->session = g_object_ref (session);
  self->element = g_object_ref (element);
  self->entity_type_id = crm_element_get_entity_type_id (element);
  self->pipeline_id = crm_element_get_pipeline_id (element);
  self->stage_id = crm_element_get_stage_id (element);
  self->lead_kind_id = crm_element_get_lead_kind_id (element);
  self->responsible_id = crm_element_get_responsible_id (element);
  return self;
}

gint64
crm_element_draft_get_element_id (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->element ? crm_element_get_id (self->element) : 0;
}

gint64
crm_element_draft_get_entity_type_id (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->entity_type_id;
}

void
crm_element_draft_set_pipeline (CrmElementDraft *self,
                                gint64           pipeline_id)
{
  CrmPipeline *pipeline;
  CrmStage *first;

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));

  if (self->pipeline_id == pipeline_id)
    return;
  self->pipeline_id = pipeline_id;
  /* A new pipeline starts at its first stage unless told otherwise. */
  pipeline = crm_catalog_get_pipeline (get_catalog (self), pipeline_id);
  first = pipeline ? crm_pipeline_get_first_stage (pipeline) : NULL;
  self->stage_id = first ? crm_stage_get_id (first) : 0;
}

void
crm_element_draft_set_stage (CrmElementDraft *self,
                             gint64           stage_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->stage_id = stage_id;
}

gint64
crm_element_draft_get_stage (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->stage_id;
}

void
crm_element_draft_set_lead_kind (CrmElementDraft *self,
                                 gint64           lead_kind_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->lead_kind_id = lead_kind_id;
}

void
crm_element_draft_set_responsible (CrmElementDraft *self,
                                   gint64           user_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->responsible_id = user_id;
}

void
crm_element_draft_set_values (CrmElementDraft *self,
                              CrmField        *field,
                              GPtrArray       *values)
{
  GPtrArray *copy = new_value_array ();

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  for (guint i = 0; values != NULL && i < values->len; i++)
    g_ptr_array_add (copy, crm_value_copy (g_ptr_array_index (values, i)));
  g_hash_table_insert (self->changes, ID_KEY (crm_field_get_id (field)), copy);
}

void
crm_element_draft_set_value (CrmElementDraft *self,
                             CrmField        *field,
                             CrmValue        *value)
{
  GPtrArray *values = new_value_array ();

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  if (value != NULL)
    g_ptr_array_add (values, value);
  g_hash_table_insert (self->changes, ID_KEY (crm_field_get_id (field)), values);
}

gboolean
crm_element_draft_set_input (CrmElementDraft  *self,
                             CrmField         *field,
                             const CrmLocale  *locale,
                             const char       *input,
                             GError          **error)
{
  g_autofree char *trimmed = NULL;
  CrmValue *value;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);
  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);

  trimmed = g_strstrip (g_strdup (input ? input : ""));
  if (*trimmed == '\0')
    {
      crm_element_draft_set_value (self, field, NULL);
      return TRUE;
    }

  value = crm_value_parse (crm_field_get_field_type (field), crm_field_get_options (field),
                           locale ? locale : crm_locale_get_default (), trimmed, error);
  if (value == NULL)
    {
      g_prefix_error (error, "%s: ", crm_field_get_label (field));
      return FALSE;
    }
  crm_element_draft_set_value (self, field, value);
  return TRUE;
}

gboolean
crm_element_draft_set_input_by_code (CrmElementDraft  *self,
                                     const char       *code,
                                     const char       *input,
                                     GError          **error)
{
  CrmField *field;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);

  field = crm_catalog_find_field (get_catalog (self), self->entity_type_id, code);
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), code);
      return FALSE;
    }
  return crm_element_draft_set_input (self, field, crm_locale_get ("C"), input, error);
}

GPtrArray *
crm_element_draft_get_values (CrmElementDraft *self,
                              CrmField        *field)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  return final_values (self, field);
}

gboolean
crm_element_draft_validate (CrmElementDraft  *self,
                            GError          **error)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);

  return validate (self, NULL, error);
}

GPtrArray *
crm_element_draft_get_invalid_fields (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), NULL);
  return self->invalid_fields;
}

void
crm_element_draft_set_created_at (CrmElementDraft *self,
                                  GDateTime       *created_at)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));

  g_clear_pointer (&self->created_at, g_date_time_unref);
  if (created_at != NULL)
    self->created_at = g_date_time_ref (created_at);
}

gint64
crm_element_draft_save (CrmElementDraft  *self,
                        GError          **error)
{
  g_autofree char *title = NULL;
  g_autofree char *now = NULL;
  CrmStore *store;
  gint64 element_id;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!validate (self, &title, error))
    return 0;

  store = crm_session_get_store (self->session);
  now = self->created_at ? _crm_timestamp_from_datetime (self->created_at) : _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;

  if (self->element == NULL)
    {
      GHashTableIter iter;
      gpointer key, data;

      element_id = insert_element (self, title, now, error);
      if (element_id == 0)
        goto failed;

      g_hash_table_iter_init (&iter, self->changes);
      while (g_hash_table_iter_next (&iter, &key, &data))
        if (!write_values (self, element_id,
                           crm_catalog_get_field (get_catalog (self), GPOINTER_TO_SIZE (key)),
                           data, error))
          goto failed;

      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_CREATED,
                                crm_session_get_user_id (self->session), now, NULL, NULL, error) == 0)
        goto failed;
      _crm_store_note_change (store, CRM_CHANGE_ELEMENT_ADDED, element_id, self->entity_type_id);
    }
  else
    {
      element_id = crm_element_get_id (self->element);
      if (!update_element (self, element_id, title, now, error) ||
          !log_changes (self, element_id, now, error))
        goto failed;
      _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, element_id, self->entity_type_id);
    }

  if (!index_element (self, element_id, title, error))
    goto failed;

  if (!_crm_store_commit (store, error))
    return 0;
  return element_id;

failed:
  _crm_store_rollback (store);
  return 0;
}
