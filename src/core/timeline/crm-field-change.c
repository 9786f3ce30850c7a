/* crm-field-change.c — field changes as the timeline stores them, and as
 * each reader sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog.h"
#include "crm-element-private.h"
#include "crm-field-change-private.h"
#include "crm-store-private.h"

/* The version of the payload's format; entries without one are the old,
 * formatted kind. */
#define PAYLOAD_VERSION 2

/* ---- Writing ------------------------------------------------------------------ */

static gboolean
is_restricted (CrmField *field)
{
  return crm_field_get_visible_users (field)->len > 0 ||
         crm_field_get_visible_departments (field)->len > 0;
}

/* [{"value": 1000, "aux": "BRL"}, …]: one object per field_values row. */
static void
add_values (JsonBuilder *builder,
            const char  *member,
            GPtrArray   *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      if (crm_field_type_stores_number (value->type))
        json_builder_add_int_value (builder, value->number);
      else
        json_builder_add_string_value (builder, value->text != NULL ? value->text : "");
      if (value->aux != NULL)
        {
          json_builder_set_member_name (builder, "aux");
          json_builder_add_string_value (builder, value->aux);
        }
      if (value->kind != NULL)
        {
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, value->kind);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
_crm_field_change_to_json (CrmField  *field,
                           GPtrArray *old_values,
                           GPtrArray *new_values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, PAYLOAD_VERSION);
  json_builder_set_member_name (builder, "field");
  json_builder_add_int_value (builder, crm_field_get_id (field));
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, crm_field_get_code (field));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, crm_field_type_to_code (crm_field_get_field_type (field)));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, crm_field_get_label (field));
  json_builder_set_member_name (builder, "restricted");
  json_builder_add_boolean_value (builder, is_restricted (field));
  add_values (builder, "old", old_values);
  add_values (builder, "new", new_values);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* ---- Reading ------------------------------------------------------------------ */

void
_crm_field_change_free (CrmFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->code);
  g_free (change->label);
  g_clear_pointer (&change->old_values, g_ptr_array_unref);
  g_clear_pointer (&change->new_values, g_ptr_array_unref);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* NULL when an item is not a value of @type: a damaged payload is shown
 * as one without values rather than half of them. */
static GPtrArray *
parse_values (JsonObject   *object,
              const char   *member,
              CrmFieldType  type)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *fields;
      JsonNode *stored;
      CrmValue *value;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return NULL;
      fields = json_node_get_object (item);
      stored = json_object_get_member (fields, "value");
      if (stored == NULL || !JSON_NODE_HOLDS_VALUE (stored))
        return NULL;

      if (crm_field_type_stores_number (type))
        {
          if (json_node_get_value_type (stored) != G_TYPE_INT64)
            return NULL;
          value = crm_value_new_number (type, json_node_get_int (stored));
        }
      else
        {
          if (json_node_get_value_type (stored) != G_TYPE_STRING)
            return NULL;
          value = crm_value_new_text (type, json_node_get_string (stored));
        }
      value->aux = g_strdup (get_string (fields, "aux"));
      value->kind = g_strdup (get_string (fields, "kind"));
      g_ptr_array_add (values, value);
    }
  return g_steal_pointer (&values);
}

CrmFieldChange *
_crm_field_change_parse (const char *payload)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(CrmFieldChange) change = NULL;
  JsonObject *object;
  JsonNode *old_node;
  const char *type_code;

  if (payload == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));

  change = g_new0 (CrmFieldChange, 1);
  change->field_id = json_object_get_int_member_with_default (object, "field", 0);
  change->code = g_strdup (get_string (object, "code"));
  change->label = g_strdup (get_string (object, "label"));
  change->restricted = json_object_get_boolean_member_with_default (object, "restricted", FALSE);
  change->type = CRM_FIELD_TYPE_LAST;
  type_code = get_string (object, "type");
  if (type_code != NULL && !crm_field_type_from_code (type_code, &change->type))
    change->type = CRM_FIELD_TYPE_LAST;

  old_node = json_object_get_member (object, "old");
  if (old_node == NULL || !JSON_NODE_HOLDS_ARRAY (old_node))
    {
      change->legacy = TRUE;
      change->old_text = g_strdup (get_string (object, "old"));
      change->new_text = g_strdup (get_string (object, "new"));
      return g_steal_pointer (&change);
    }

  if (change->type == CRM_FIELD_TYPE_LAST)
    return NULL;
  change->old_values = parse_values (object, "old", change->type);
  change->new_values = parse_values (object, "new", change->type);
  if (change->old_values == NULL || change->new_values == NULL)
    return NULL;
  return g_steal_pointer (&change);
}

/* ---- For a reader ------------------------------------------------------------- */

static CrmField *
lookup_field (const CrmFieldChange *change,
              CrmSession           *session)
{
  return crm_catalog_get_field (crm_store_get_catalog (crm_session_get_store (session)),
                                change->field_id);
}

gboolean
_crm_field_change_is_visible (const CrmFieldChange *change,
                              CrmSession           *session)
{
  CrmField *field;

  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  field = lookup_field (change, session);
  if (field != NULL)
    return crm_session_can_see_field (session, field);
  return !change->restricted || crm_session_is_admin (session);
}

char *
_crm_field_change_dup_label (const CrmFieldChange *change,
                             CrmSession           *session)
{
  CrmField *field = lookup_field (change, session);

  if (field != NULL)
    return g_strdup (crm_field_get_label (field));
  if (change->label != NULL && *change->label != '\0')
    return g_strdup (change->label);
  if (change->code != NULL && *change->code != '\0')
    return g_strdup (change->code);
  /* Translators: a field deleted since, whose name the history did not keep */
  return g_strdup (_("Deleted field"));
}

char *
_crm_field_change_dup_text (const CrmFieldChange *change,
                            CrmSession           *session,
                            gboolean              after)
{
  CrmStore *store = crm_session_get_store (session);
  const CrmLocale *locale = crm_session_get_locale (session);
  CrmField *field;
  GPtrArray *values;
  g_autoptr(GString) text = NULL;

  if (change->legacy)
    {
      const char *stored = after ? change->new_text : change->old_text;

      return g_strdup (stored != NULL ? stored : "");
    }

  field = lookup_field (change, session);
  values = after ? change->new_values : change->old_values;
  text = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *one = _crm_format_value (store, field, g_ptr_array_index (values, i), locale);

      if (one == NULL || *one == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, one);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- In SQL ------------------------------------------------------------------- */

#define READER_POINTER_TYPE "CrmSession"

/* crm_field_change_visible (reader, field id, restricted): the rule of
 * _crm_field_change_is_visible () on the payload's members, so paged
 * queries leave the hidden changes out and their pages stay full. */
static void
field_change_visible_sql (sqlite3_context  *context,
                          int               argc,
                          sqlite3_value   **argv)
{
  CrmSession *session = sqlite3_value_pointer (argv[0], READER_POINTER_TYPE);
  CrmFieldChange change = { 0, };

  /* A query that forgot to bind its reader shows nothing hidden. */
  if (session == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  change.field_id = sqlite3_value_int64 (argv[1]);
  change.restricted = sqlite3_value_int (argv[2]) != 0;
  sqlite3_result_int (context, _crm_field_change_is_visible (&change, session));
}

void
_crm_field_change_register_sql (CrmStore *store)
{
  static GQuark registered_quark;
  sqlite3 *db;

  if (G_UNLIKELY (registered_quark == 0))
    registered_quark = g_quark_from_static_string ("crm-field-change-sql");
  if (g_object_get_qdata (G_OBJECT (store), registered_quark) != NULL)
    return;

  db = _crm_store_get_db (store);
  if (sqlite3_create_function_v2 (db, "crm_field_change_visible", 3,
                                  SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                  field_change_visible_sql, NULL, NULL, NULL) != SQLITE_OK)
    g_critical ("Could not register crm_field_change_visible: %s", sqlite3_errmsg (db));
  g_object_set_qdata (G_OBJECT (store), registered_quark, GINT_TO_POINTER (1));
}

void
_crm_field_change_bind_reader (CrmSession   *session,
                               sqlite3_stmt *stmt)
{
  /* Only while the statement runs: the caller holds the session. */
  if (sqlite3_bind_parameter_count (stmt) >= CRM_READER_PARAM_INDEX)
    sqlite3_bind_pointer (stmt, CRM_READER_PARAM_INDEX, session, READER_POINTER_TYPE, NULL);
}
