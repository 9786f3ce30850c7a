/* crm-value-private.h — helpers shared by the value files of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crm-value.h"

G_BEGIN_DECLS

/* Longest string field, and the longest text field, in characters. */
#define CRM_VALUE_STRING_MAX 255
#define CRM_VALUE_TEXT_MAX   65535
#define CRM_PRECISION_MAX    6

/* ---- Shared by crm-value.c and crm-value-format.c ------------------------ */

static inline const CrmLocale *
_crm_value_resolve_locale (const CrmLocale *locale)
{
  return locale != NULL ? locale : crm_locale_get_default ();
}

static inline guint
_crm_value_get_precision (const CrmFieldOptions *options)
{
  return options != NULL ? options->precision : 2;
}

/* The field's currency, else the locale's. */
static inline const char *
_crm_value_get_default_currency (const CrmFieldOptions *options,
                                 const CrmLocale       *locale)
{
  if (options != NULL && options->currency != NULL)
    return options->currency;
  return locale->default_currency;
}

/* ---- Fixed-point numbers (crm-number.c) ---------------------------------- */

typedef enum
{
  CRM_NUMBER_OK,
  CRM_NUMBER_SYNTAX,     /* not a number in the locale's conventions */
  CRM_NUMBER_PRECISION,  /* more (non-zero) decimal places than allowed */
  CRM_NUMBER_OVERFLOW,   /* does not fit in an int64 once scaled */
} CrmNumberStatus;

/* Reads "-1.234,56" (locale separators, or a plain "." when unambiguous)
 * into an integer scaled by 10^@digits. */
CrmNumberStatus _crm_number_parse    (const char      *text,
                                      const CrmLocale *locale,
                                      guint            digits,
                                      gint64          *result);
/* @number scaled by 10^@digits; grouped with the thousands separator or not. */
char           *_crm_number_format   (gint64           number,
                                      guint            digits,
                                      const CrmLocale *locale,
                                      gboolean         grouped);
gint64          _crm_number_example  (guint            digits);
/* Sets @error for a status other than OK; @example shows the expected form. */
void            _crm_number_set_error (CrmNumberStatus  status,
                                       const char      *input,
                                       guint            digits,
                                       const char      *example,
                                       GError         **error);

/* ---- Money (crm-money.c) ------------------------------------------------- */

/* "R$ -1.234,56", "-1234.56 USD" … @default_currency applies when none is
 * written. */
gboolean        _crm_money_parse     (const char      *input,
                                      const char      *default_currency,
                                      const CrmLocale *locale,
                                      gint64          *minor_units,
                                      char           **currency,
                                      GError         **error);
char           *_crm_money_format    (gint64           minor_units,
                                      const char      *currency,
                                      const CrmLocale *locale);
/* "1234,56", with " USD" appended when not @default_currency. */
char           *_crm_money_to_input  (gint64           minor_units,
                                      const char      *currency,
                                      const char      *default_currency,
                                      const CrmLocale *locale);

/* ---- Dates (crm-date.c) -------------------------------------------------- */

/* Canonical forms: "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM:SSZ". */
char           *_crm_date_parse      (const char      *input,
                                      const CrmLocale *locale,
                                      GError         **error);
gboolean        _crm_date_is_valid   (const char      *canonical);
char           *_crm_date_format     (const char      *canonical,
                                      const CrmLocale *locale);
char           *_crm_datetime_parse  (const char      *input,
                                      const CrmLocale *locale,
                                      GError         **error);
gboolean        _crm_datetime_is_valid (const char    *canonical);
/* In the local time zone; @for_input uses 24 h and keeps seconds. */
char           *_crm_datetime_format (const char      *canonical,
                                      const CrmLocale *locale,
                                      gboolean         for_input);

/* ---- Text (crm-value-text.c) --------------------------------------------- */

/* What someone typed, as an error message can repeat it: valid UTF-8 and
 * at most a few dozen characters, whatever came in. */
char           *_crm_value_quote     (const char      *input);

/* Case- and accent-insensitive key for comparing labels. */
char           *_crm_text_fold       (const char      *text);
/* Valid UTF-8 of at most @max characters; a single line if @single_line. */
gboolean        _crm_text_check      (const char      *text,
                                      guint            max,
                                      gboolean         single_line);
CrmValue       *_crm_url_parse       (const char      *input,
                                      GError         **error);
gboolean        _crm_url_is_valid    (const char      *url);
CrmValue       *_crm_email_parse     (const char      *input,
                                      GError         **error);
gboolean        _crm_email_is_valid  (const char      *email);
char           *_crm_email_get_uri   (const char      *email);
CrmValue       *_crm_boolean_parse   (const char      *input,
                                      GError         **error);
const char     *_crm_boolean_format  (gboolean         value);
CrmValue       *_crm_list_parse      (const CrmFieldOptions *options,
                                      const char      *input,
                                      GError         **error);

/* E.164: "+" and 8 to 15 digits. */
gboolean        _crm_phone_is_e164   (const char      *e164);

G_END_DECLS
