/* crm-address.c — postal addresses, stored as JSON in one value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-error.h"
#include "crm-value-private.h"

/* Where each part lives in the struct, in the order of the JSON. */
static const struct
{
  const char *name;
  gsize       offset;
} parts[] = {
  { "street",      G_STRUCT_OFFSET (CrmAddress, street) },
  { "number",      G_STRUCT_OFFSET (CrmAddress, number) },
  { "complement",  G_STRUCT_OFFSET (CrmAddress, complement) },
  { "district",    G_STRUCT_OFFSET (CrmAddress, district) },
  { "city",        G_STRUCT_OFFSET (CrmAddress, city) },
  { "region",      G_STRUCT_OFFSET (CrmAddress, region) },
  { "postal_code", G_STRUCT_OFFSET (CrmAddress, postal_code) },
  { "country",     G_STRUCT_OFFSET (CrmAddress, country) },
};

#define PART(address, i) G_STRUCT_MEMBER (char *, (address), parts[i].offset)

/* Country shown only when it is not the one most of our addresses are in. */
#define HOME_COUNTRY "BR"

static gboolean
is_set (const char *part)
{
  if (part == NULL)
    return FALSE;

  for (; *part != '\0'; part++)
    {
      if (!g_ascii_isspace (*part))
        return TRUE;
    }

  return FALSE;
}

CrmAddress *
crm_address_new (void)
{
  return g_new0 (CrmAddress, 1);
}

void
crm_address_free (CrmAddress *address)
{
  if (address == NULL)
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    g_free (PART (address, i));
  g_free (address);
}

/* JSON may spell a NUL character "\u0000"; json-glib hands it back inside
 * a C string, where it silently ends the text ("Rua A\u0000B" would be
 * "Rua A"). No address holds one, so such JSON is refused. */
static gboolean
has_nul_escape (const char *json)
{
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p != '\\')
        continue;
      if (g_str_has_prefix (p + 1, "u0000"))
        return TRUE;
      if (p[1] != '\0')
        p++;  /* the escaped character, which may be a backslash */
    }
  return FALSE;
}

CrmAddress *
crm_address_from_json (const char  *json,
                       GError     **error)
{
  g_autoptr(CrmAddress) address = crm_address_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!has_nul_escape (json))
    root = json_from_string (json, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The address is not in the expected form"));
      return NULL;
    }

  object = json_node_get_object (root);
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      JsonNode *node = json_object_get_member (object, parts[i].name);
      g_autofree char *text = NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The address is not in the expected form"));
          return NULL;
        }

      text = g_strstrip (g_strdup (json_node_get_string (node)));
      if (!_crm_text_check (text, CRM_VALUE_STRING_MAX, TRUE))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Each part of an address must be one line of at most %d characters"),
                       CRM_VALUE_STRING_MAX);
          return NULL;
        }

      if (*text != '\0')
        PART (address, i) = g_steal_pointer (&text);
    }

  return g_steal_pointer (&address);
}

char *
crm_address_to_json (const CrmAddress *address)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  json_builder_begin_object (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *text = PART (address, i);

      if (!is_set (text))
        continue;
      json_builder_set_member_name (builder, parts[i].name);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Appends @part after @separator, or alone when @out is still empty. */
static void
append_part (GString    *out,
             const char *separator,
             const char *part)
{
  if (!is_set (part))
    return;
  if (out->len > 0)
    g_string_append (out, separator);
  g_string_append (out, part);
}

/* "Rua Augusta, 1500, apto 12 - Consolação, São Paulo - SP, 01304-001":
 * the Brazilian postal order, which reads well elsewhere too. */
char *
crm_address_format (const CrmAddress *address)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) place = g_string_new (NULL);
  g_autoptr(GString) locality = g_string_new (NULL);

  g_return_val_if_fail (address != NULL, NULL);

  append_part (place, ", ", address->street);
  append_part (place, ", ", address->number);
  append_part (place, ", ", address->complement);
  append_part (place, " - ", address->district);

  append_part (locality, ", ", address->city);
  append_part (locality, " - ", address->region);

  append_part (out, ", ", place->str);
  append_part (out, ", ", locality->str);
  append_part (out, ", ", address->postal_code);
  if (is_set (address->country) && g_ascii_strcasecmp (address->country, HOME_COUNTRY) != 0)
    append_part (out, ", ", address->country);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
crm_address_is_empty (const CrmAddress *address)
{
  g_return_val_if_fail (address != NULL, TRUE);

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_set (PART (address, i)))
        return FALSE;
    }

  return TRUE;
}
