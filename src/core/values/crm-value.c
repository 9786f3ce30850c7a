/* crm-value.c — one canonical field value: parse, validate, format
 *
 * Every way a value enters the CRM (a card editor, an import, the demo
 * generator) ends in crm_value_validate (), and every way it leaves (a card,
 * an export, a document) starts from crm_value_format (), so the rules of
 * each type live here once. Output is in crm-value-format.c; the pieces per
 * type in crm-number.c, crm-money.c, crm-date.c, crm-value-text.c,
 * crm-phone.c and crm-address.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

G_DEFINE_BOXED_TYPE (CrmValue, crm_value, crm_value_copy, crm_value_free)

/* ---- Helpers -------------------------------------------------------------- */

static gboolean
check_line (const char  *input,
            const char  *text,
            guint        max,
            gboolean     single_line,
            GError     **error)
{
  g_autofree char *quoted = NULL;

  if (_crm_text_check (text, max, single_line))
    return TRUE;

  quoted = _crm_value_quote (input);
  if (!g_utf8_validate (text, -1, NULL))
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("“%s” contains invalid characters"), quoted);
  else if (single_line && strpbrk (text, "\r\n") != NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("“%s” must fit on one line"), quoted);
  else
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is too long; the limit is %u character",
                              "“%s” is too long; the limit is %u characters",
                              max),
                 quoted, max);
  return FALSE;
}

static gboolean
check_precision (const CrmFieldOptions  *options,
                 GError                **error)
{
  if (_crm_value_get_precision (options) <= CRM_PRECISION_MAX)
    return TRUE;

  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("The number of decimal places must be between 0 and %d, not %u"),
               CRM_PRECISION_MAX, _crm_value_get_precision (options));
  return FALSE;
}

static void
set_invalid (GError     **error,
             const char  *value)
{
  g_autofree char *quoted = _crm_value_quote (value != NULL ? value : "");

  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("“%s” is not a valid value for this field"), quoted);
}

/* ---- Construction --------------------------------------------------------- */

CrmValue *
crm_value_new_number (CrmFieldType type,
                      gint64       number)
{
  CrmValue *value;

  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  value = g_new0 (CrmValue, 1);
  value->type = type;
  value->number = number;
  return value;
}

CrmValue *
crm_value_new_text (CrmFieldType  type,
                    const char   *text)
{
  CrmValue *value;

  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);

  value = g_new0 (CrmValue, 1);
  value->type = type;
  value->text = g_strdup (text);
  return value;
}

CrmValue *
crm_value_new_money (gint64      minor_units,
                     const char *currency)
{
  CrmValue *value = crm_value_new_number (CRM_FIELD_TYPE_MONEY, minor_units);

  value->aux = g_strdup (currency);
  return value;
}

CrmValue *
crm_value_copy (const CrmValue *value)
{
  CrmValue *copy;

  g_return_val_if_fail (value != NULL, NULL);

  copy = g_new0 (CrmValue, 1);
  copy->type = value->type;
  copy->number = value->number;
  copy->text = g_strdup (value->text);
  copy->aux = g_strdup (value->aux);
  copy->kind = g_strdup (value->kind);
  return copy;
}

void
crm_value_free (CrmValue *value)
{
  if (value == NULL)
    return;

  g_free (value->text);
  g_free (value->aux);
  g_free (value->kind);
  g_free (value);
}

gboolean
crm_value_equal (const CrmValue *a,
                 const CrmValue *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->type == b->type &&
         a->number == b->number &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->aux, b->aux) == 0 &&
         g_strcmp0 (a->kind, b->kind) == 0;
}

void
crm_value_set_kind (CrmValue   *value,
                    const char *kind)
{
  g_return_if_fail (value != NULL);

  if (value->kind == kind)
    return;

  g_free (value->kind);
  value->kind = g_strdup (kind);
}

/* ---- Parsing -------------------------------------------------------------- */

static CrmValue *
parse_number (CrmFieldType            type,
              const CrmFieldOptions  *options,
              const CrmLocale        *locale,
              const char             *text,
              const char             *input,
              GError                **error)
{
  guint digits = type == CRM_FIELD_TYPE_DECIMAL ? _crm_value_get_precision (options) : 0;
  CrmNumberStatus status;
  gint64 number;

  if (!check_precision (options, error))
    return NULL;

  status = _crm_number_parse (text, locale, digits, &number);
  if (status != CRM_NUMBER_OK)
    {
      g_autofree char *example = _crm_number_format (_crm_number_example (digits),
                                                     digits, locale, TRUE);

      _crm_number_set_error (status, input, digits, example, error);
      return NULL;
    }

  return crm_value_new_number (type, number);
}

static CrmValue *
parse_reference (CrmFieldType   type,
                 const char    *text,
                 const char    *input,
                 GError       **error)
{
  guint64 id;

  if (*text == '#')
    text++;

  /* g_ascii_string_to_unsigned () also refuses signs and spaces. */
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid reference; expected a positive number"),
                   quoted);
      return NULL;
    }

  return crm_value_new_number (type, (gint64) id);
}

static CrmValue *
parse_address (const char  *text,
               const char  *input,
               GError     **error)
{
  g_autoptr(CrmAddress) address = NULL;
  g_autofree char *json = NULL;

  /* Editors send the parts as JSON; a pasted line is the street. */
  if (text[0] == '{')
    {
      address = crm_address_from_json (text, error);
      if (address == NULL)
        return NULL;
    }
  else
    {
      if (!check_line (input, text, CRM_VALUE_STRING_MAX, TRUE, error))
        return NULL;
      address = crm_address_new ();
      address->street = g_strdup (text);
    }

  if (crm_address_is_empty (address))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The address is empty"));
      return NULL;
    }

  json = crm_address_to_json (address);
  return crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, json);
}

static CrmValue *
parse_phone (const CrmLocale  *locale,
             const char       *text,
             const char       *input,
             GError          **error)
{
  g_autoptr(CrmValue) value = NULL;
  g_autofree char *e164 = NULL;

  if (!check_line (input, text, CRM_VALUE_STRING_MAX, TRUE, error))
    return NULL;

  e164 = crm_phone_normalize (text, locale->default_country, error);
  if (e164 == NULL)
    return NULL;

  value = crm_value_new_text (CRM_FIELD_TYPE_PHONE, text);
  value->aux = g_steal_pointer (&e164);
  return g_steal_pointer (&value);
}

static CrmValue *
parse_by_type (CrmFieldType            type,
               const CrmFieldOptions  *options,
               const CrmLocale        *locale,
               const char             *text,
               const char             *input,
               GError                **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *currency = NULL;
  gint64 minor_units;

  switch (type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_MESSENGER:
      if (!check_line (input, text, CRM_VALUE_STRING_MAX, TRUE, error))
        return NULL;
      return crm_value_new_text (type, text);

    case CRM_FIELD_TYPE_TEXT:
      if (!check_line (input, text, CRM_VALUE_TEXT_MAX, FALSE, error))
        return NULL;
      return crm_value_new_text (type, text);

    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
      return parse_number (type, options, locale, text, input, error);

    case CRM_FIELD_TYPE_MONEY:
      if (!_crm_money_parse (text, _crm_value_get_default_currency (options, locale), locale,
                             &minor_units, &currency, error))
        return NULL;
      return crm_value_new_money (minor_units, currency);

    case CRM_FIELD_TYPE_BOOLEAN:
      return _crm_boolean_parse (text, error);

    case CRM_FIELD_TYPE_DATE:
      canonical = _crm_date_parse (text, locale, error);
      return canonical != NULL ? crm_value_new_text (type, canonical) : NULL;

    case CRM_FIELD_TYPE_DATETIME:
      canonical = _crm_datetime_parse (text, locale, error);
      return canonical != NULL ? crm_value_new_text (type, canonical) : NULL;

    case CRM_FIELD_TYPE_LIST:
      return _crm_list_parse (options, text, error);

    case CRM_FIELD_TYPE_URL:
      return _crm_url_parse (text, error);

    case CRM_FIELD_TYPE_EMAIL:
      return _crm_email_parse (text, error);

    case CRM_FIELD_TYPE_PHONE:
      return parse_phone (locale, text, input, error);

    case CRM_FIELD_TYPE_ADDRESS:
      return parse_address (text, input, error);

    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
      return parse_reference (type, text, input, error);

    case CRM_FIELD_TYPE_LAST:
    default:
      g_assert_not_reached ();
    }
}

CrmValue *
crm_value_parse (CrmFieldType            type,
                 const CrmFieldOptions  *options,
                 const CrmLocale        *locale,
                 const char             *input,
                 GError                **error)
{
  g_autofree char *text = NULL;
  g_autoptr(CrmValue) value = NULL;

  g_return_val_if_fail (type < CRM_FIELD_TYPE_LAST, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Nothing valid of any type holds bytes that are not text, and every
   * parser can then quote what it was given. */
  if (!g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” contains invalid characters"), quoted);
      return NULL;
    }

  locale = _crm_value_resolve_locale (locale);
  text = g_strstrip (g_strdup (input));
  if (*text == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The value is empty"));
      return NULL;
    }

  value = parse_by_type (type, options, locale, text, input, error);
  if (value == NULL)
    return NULL;

  if (crm_field_type_has_kind (type))
    crm_value_set_kind (value, crm_field_type_get_default_kind (type));

  /* What parsing builds must also pass the rules imports are held to. */
  if (!crm_value_validate (value, options, error))
    return NULL;

  return g_steal_pointer (&value);
}

/* ---- Validation ------------------------------------------------------------ */

static gboolean
validate_kind (const CrmValue  *value,
               GError         **error)
{
  if (value->kind == NULL)
    return TRUE;

  if (crm_field_kind_get_label (value->type, value->kind) == NULL)
    {
      g_autofree char *quoted = _crm_value_quote (value->kind);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a kind this field knows"), quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_by_type (const CrmValue         *value,
                  const CrmFieldOptions  *options,
                  GError                **error)
{
  const char *text = value->text;
  g_autoptr(CrmAddress) address = NULL;

  switch (value->type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_MESSENGER:
      return text != NULL && *text != '\0' &&
             check_line (text, text, CRM_VALUE_STRING_MAX, TRUE, error);

    case CRM_FIELD_TYPE_TEXT:
      return text != NULL && *text != '\0' &&
             check_line (text, text, CRM_VALUE_TEXT_MAX, FALSE, error);

    case CRM_FIELD_TYPE_INTEGER:
      return TRUE;

    case CRM_FIELD_TYPE_DECIMAL:
      return check_precision (options, error);

    case CRM_FIELD_TYPE_MONEY:
      if (value->aux == NULL || crm_currency_get_digits (value->aux) < 0)
        {
          g_autofree char *quoted = _crm_value_quote (value->aux);

          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("“%s” is not a known currency"), quoted);
          return FALSE;
        }
      return TRUE;

    case CRM_FIELD_TYPE_BOOLEAN:
      return value->number == 0 || value->number == 1;

    case CRM_FIELD_TYPE_DATE:
      return _crm_date_is_valid (text);

    case CRM_FIELD_TYPE_DATETIME:
      return _crm_datetime_is_valid (text);

    case CRM_FIELD_TYPE_LIST:
      if (options == NULL || crm_field_options_find_item (options, text) == NULL)
        {
          g_autofree char *quoted = _crm_value_quote (text != NULL ? text : "");

          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("“%s” is not one of the choices of this list"), quoted);
          return FALSE;
        }
      return TRUE;

    case CRM_FIELD_TYPE_URL:
      return _crm_url_is_valid (text);

    case CRM_FIELD_TYPE_EMAIL:
      return _crm_email_is_valid (text);

    case CRM_FIELD_TYPE_PHONE:
      return text != NULL && *text != '\0' &&
             check_line (text, text, CRM_VALUE_STRING_MAX, TRUE, error) &&
             _crm_phone_is_e164 (value->aux);

    case CRM_FIELD_TYPE_ADDRESS:
      address = text != NULL ? crm_address_from_json (text, NULL) : NULL;
      return address != NULL && !crm_address_is_empty (address);

    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
      return value->number > 0;

    case CRM_FIELD_TYPE_LAST:
    default:
      return FALSE;
    }
}

gboolean
crm_value_validate (const CrmValue         *value,
                    const CrmFieldOptions  *options,
                    GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value->type >= CRM_FIELD_TYPE_LAST)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown field type"));
      return FALSE;
    }

  if (crm_field_type_has_kind (value->type))
    {
      if (!validate_kind (value, error))
        return FALSE;
    }
  else if (value->kind != NULL)
    {
      set_invalid (error, value->kind);
      return FALSE;
    }

  if (!validate_by_type (value, options, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (crm_field_type_stores_number (value->type))
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value->number);

          set_invalid (error, number);
        }
      else
        set_invalid (error, value->text);
      return FALSE;
    }

  return TRUE;
}
