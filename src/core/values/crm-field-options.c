/* crm-field-options.c — a field's type options and their JSON form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-error.h"
#include "crm-value-private.h"

#define DEFAULT_PRECISION 2

G_DEFINE_BOXED_TYPE (CrmFieldOptions, crm_field_options,
                     crm_field_options_copy, crm_field_options_free)

static void
list_item_free (gpointer data)
{
  CrmListItem *item = data;

  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static void
set_invalid_json (GError     **error,
                  const char  *detail)
{
  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("The field options are not valid: %s"), detail);
}

/* A string member, NULL when absent or null; FALSE if something else. */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   char       **value,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *detail = g_strdup_printf (_("“%s” must be a string"), name);

      set_invalid_json (error, detail);
      return FALSE;
    }

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_items (CrmFieldOptions  *options,
            JsonNode         *node,
            GError          **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid_json (error, _("“items” must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_invalid_json (error, _("list items must have a key and a label"));
          return FALSE;
        }

      if (!get_string_member (json_node_get_object (element), "key", &key, error) ||
          !get_string_member (json_node_get_object (element), "label", &label, error))
        return FALSE;

      crm_field_options_add_item (options, key, label);
    }

  return TRUE;
}

CrmFieldOptions *
crm_field_options_new (void)
{
  CrmFieldOptions *options = g_new0 (CrmFieldOptions, 1);

  options->items = g_ptr_array_new_with_free_func (list_item_free);
  options->precision = DEFAULT_PRECISION;
  return options;
}

CrmFieldOptions *
crm_field_options_copy (const CrmFieldOptions *options)
{
  CrmFieldOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = crm_field_options_new ();
  for (guint i = 0; options->items != NULL && i < options->items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (options->items, i);

      crm_field_options_add_item (copy, item->key, item->label);
    }
  copy->default_value = g_strdup (options->default_value);
  copy->precision = options->precision;
  copy->currency = g_strdup (options->currency);
  copy->link_type = g_strdup (options->link_type);
  return copy;
}

void
crm_field_options_free (CrmFieldOptions *options)
{
  if (options == NULL)
    return;

  g_clear_pointer (&options->items, g_ptr_array_unref);
  g_free (options->default_value);
  g_free (options->currency);
  g_free (options->link_type);
  g_free (options);
}

CrmFieldOptions *
crm_field_options_from_json (const char  *json,
                             GError     **error)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json == NULL || *json == '\0')
    return g_steal_pointer (&options);

  root = json_from_string (json, &json_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid_json (error, json_error != NULL ? json_error->message
                                                  : _("expected a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);

  node = json_object_get_member (object, "items");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !read_items (options, node, error))
    return NULL;

  node = json_object_get_member (object, "precision");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      gint64 precision;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (precision = json_node_get_int (node)) < 0 || precision > G_MAXUINT)
        {
          set_invalid_json (error, _("“precision” must be a whole number of decimal places"));
          return NULL;
        }
      options->precision = (guint) precision;
    }

  if (!get_string_member (object, "default", &options->default_value, error) ||
      !get_string_member (object, "currency", &options->currency, error) ||
      !get_string_member (object, "link_type", &options->link_type, error))
    return NULL;

  return g_steal_pointer (&options);
}

/* Only what differs from the defaults, so most fields store "{}". */
char *
crm_field_options_to_json (const CrmFieldOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (options != NULL, NULL);

  json_builder_begin_object (builder);

  if (options->items != NULL && options->items->len > 0)
    {
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < options->items->len; i++)
        {
          const CrmListItem *item = g_ptr_array_index (options->items, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, item->key != NULL ? item->key : "");
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, item->label != NULL ? item->label : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (options->default_value != NULL)
    {
      json_builder_set_member_name (builder, "default");
      json_builder_add_string_value (builder, options->default_value);
    }

  if (options->precision != DEFAULT_PRECISION)
    {
      json_builder_set_member_name (builder, "precision");
      json_builder_add_int_value (builder, options->precision);
    }

  if (options->currency != NULL)
    {
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, options->currency);
    }

  if (options->link_type != NULL)
    {
      json_builder_set_member_name (builder, "link_type");
      json_builder_add_string_value (builder, options->link_type);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
crm_field_options_add_item (CrmFieldOptions *options,
                            const char      *key,
                            const char      *label)
{
  CrmListItem *item;

  g_return_if_fail (options != NULL);

  item = g_new0 (CrmListItem, 1);
  item->key = g_strdup (key);
  item->label = g_strdup (label);
  g_ptr_array_add (options->items, item);
}

const CrmListItem *
crm_field_options_find_item (const CrmFieldOptions *options,
                             const char            *key)
{
  g_return_val_if_fail (options != NULL, NULL);

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < options->items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (options->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item;
    }

  return NULL;
}

static gboolean
validate_items (const CrmFieldOptions  *options,
                GError                **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < options->items->len; i++)
    {
      const CrmListItem *item = g_ptr_array_index (options->items, i);
      char *folded;

      if (item->key == NULL || *item->key == '\0' ||
          !_crm_text_check (item->key, CRM_VALUE_STRING_MAX, TRUE))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Every list item needs a key of one line"));
          return FALSE;
        }
      if (item->label == NULL || *item->label == '\0' ||
          !_crm_text_check (item->label, CRM_VALUE_STRING_MAX, TRUE))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The list item “%s” needs a label of one line"), item->key);
          return FALSE;
        }

      if (!g_hash_table_add (keys, item->key))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The list key “%s” is used twice"), item->key);
          return FALSE;
        }

      /* Labels are how people pick an item, so they must tell items apart. */
      folded = _crm_text_fold (item->label);
      if (!g_hash_table_add (labels, folded))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The list label “%s” is used twice"), item->label);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
crm_field_options_validate (const CrmFieldOptions  *options,
                            CrmFieldType            type,
                            GError                **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->precision > CRM_PRECISION_MAX)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The number of decimal places must be between 0 and %d, not %u"),
                   CRM_PRECISION_MAX, options->precision);
      return FALSE;
    }

  if (type != CRM_FIELD_TYPE_LIST && options->items->len > 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Only list fields have list items"));
      return FALSE;
    }
  if (!validate_items (options, error))
    return FALSE;

  if (options->currency != NULL && crm_currency_get_digits (options->currency) < 0)
    {
      g_autofree char *quoted = _crm_value_quote (options->currency);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a known currency"), quoted);
      return FALSE;
    }

  if (options->link_type != NULL && *options->link_type == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The type of linked element cannot be empty"));
      return FALSE;
    }

  /* The default is written in the C locale (ISO dates, "." decimals), so it
   * reads the same whatever the language of whoever opens the card. */
  if (options->default_value != NULL)
    {
      g_autoptr(CrmValue) value = NULL;
      g_autoptr(GError) local_error = NULL;

      value = crm_value_parse (type, options, crm_locale_get ("C"),
                               options->default_value, &local_error);
      if (value == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The default value is not valid: %s"), local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
