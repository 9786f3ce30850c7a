/* crm-value-format.c — values back to text: for display, editors and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-value-private.h"

static char *
format_list (const CrmValue        *value,
             const CrmFieldOptions *options)
{
  const CrmListItem *item = NULL;

  if (options != NULL)
    item = crm_field_options_find_item (options, value->text);

  /* An item removed since: show what was stored rather than nothing. */
  return g_strdup (item != NULL ? item->label : value->text);
}

static char *
address_output (const CrmValue *value,
                gboolean        for_input)
{
  g_autoptr(CrmAddress) address = NULL;
  gboolean street_only;

  if (value->text != NULL)
    address = crm_address_from_json (value->text, NULL);
  if (address == NULL)
    return g_strdup (value->text != NULL ? value->text : "");
  if (!for_input)
    return crm_address_format (address);

  /* A line an editor can hand back to crm_value_parse () unchanged. */
  street_only = address->street != NULL && address->number == NULL &&
                address->complement == NULL && address->district == NULL &&
                address->city == NULL && address->region == NULL &&
                address->postal_code == NULL && address->country == NULL;
  return street_only ? g_strdup (address->street) : g_strdup (value->text);
}

static char *
output (const CrmValue        *value,
        const CrmFieldOptions *options,
        const CrmLocale       *locale,
        gboolean               for_input)
{
  guint precision = MIN (_crm_value_get_precision (options), CRM_PRECISION_MAX);
  const char *default_currency = _crm_value_get_default_currency (options, locale);
  const char *currency;

  switch (value->type)
    {
    case CRM_FIELD_TYPE_INTEGER:
      return _crm_number_format (value->number, 0, locale, !for_input);

    case CRM_FIELD_TYPE_DECIMAL:
      return _crm_number_format (value->number, precision, locale, !for_input);

    case CRM_FIELD_TYPE_MONEY:
      currency = value->aux != NULL ? value->aux : default_currency;
      if (for_input)
        return _crm_money_to_input (value->number, currency, default_currency, locale);
      return _crm_money_format (value->number, currency, locale);

    case CRM_FIELD_TYPE_BOOLEAN:
      return g_strdup (_crm_boolean_format (value->number != 0));

    case CRM_FIELD_TYPE_DATE:
      return _crm_date_format (value->text, locale);

    case CRM_FIELD_TYPE_DATETIME:
      return _crm_datetime_format (value->text, locale, for_input);

    case CRM_FIELD_TYPE_LIST:
      return format_list (value, options);

    case CRM_FIELD_TYPE_ADDRESS:
      return address_output (value, for_input);

    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
      return g_strdup_printf (for_input ? "%" G_GINT64_FORMAT : "#%" G_GINT64_FORMAT,
                              value->number);

    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_LAST:
    default:
      return g_strdup (value->text != NULL ? value->text : "");
    }
}

char *
crm_value_format (const CrmValue        *value,
                  const CrmFieldOptions *options,
                  const CrmLocale       *locale)
{
  g_return_val_if_fail (value != NULL, NULL);

  return output (value, options, _crm_value_resolve_locale (locale), FALSE);
}

char *
crm_value_to_input (const CrmValue        *value,
                    const CrmFieldOptions *options,
                    const CrmLocale       *locale)
{
  g_return_val_if_fail (value != NULL, NULL);

  return output (value, options, _crm_value_resolve_locale (locale), TRUE);
}

char *
crm_value_get_uri (const CrmValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch ((int) value->type)
    {
    case CRM_FIELD_TYPE_PHONE:
      return _crm_phone_is_e164 (value->aux) ? g_strconcat ("tel:", value->aux, NULL) : NULL;
    case CRM_FIELD_TYPE_EMAIL:
      return value->text != NULL ? _crm_email_get_uri (value->text) : NULL;
    case CRM_FIELD_TYPE_URL:
      return g_strdup (value->text);
    default:
      return NULL;
    }
}
