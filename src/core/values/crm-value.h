/* crm-value.h — one canonical field value: parse, validate, format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crm-field-type.h"
#include "crm-locale.h"

G_BEGIN_DECLS

/* ---- Field options (stored as JSON in fields.options) ------------------- */

typedef struct _CrmListItem
{
  char *key;    /* stable, stored in values */
  char *label;  /* shown */
} CrmListItem;

typedef struct _CrmFieldOptions
{
  GPtrArray *items;          /* of CrmListItem, list fields; never NULL */
  char      *default_value;  /* canonical text of the default, or NULL */
  guint      precision;      /* decimal places of decimal fields (0–6), default 2 */
  char      *currency;       /* money: default ISO 4217 code, or NULL for the locale's */
  char      *link_type;      /* link: entity type code it points to, or NULL for any */
} CrmFieldOptions;

#define CRM_TYPE_FIELD_OPTIONS (crm_field_options_get_type ())

GType            crm_field_options_get_type   (void) G_GNUC_CONST;
CrmFieldOptions *crm_field_options_new        (void);
CrmFieldOptions *crm_field_options_copy       (const CrmFieldOptions *options);
void             crm_field_options_free       (CrmFieldOptions       *options);
/* NULL or "" gives the defaults. */
CrmFieldOptions *crm_field_options_from_json  (const char            *json,
                                               GError               **error);
char            *crm_field_options_to_json    (const CrmFieldOptions *options);
void             crm_field_options_add_item   (CrmFieldOptions       *options,
                                               const char            *key,
                                               const char            *label);
const CrmListItem *crm_field_options_find_item (const CrmFieldOptions *options,
                                                const char            *key);
/* Checks the options fit the type: list items with unique non-empty keys and
 * labels, precision in range, a known currency, a default that validates. */
gboolean         crm_field_options_validate   (const CrmFieldOptions *options,
                                               CrmFieldType           type,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmFieldOptions, crm_field_options_free)

/* ---- Values -------------------------------------------------------------- */

typedef struct _CrmValue
{
  CrmFieldType type;
  /* integer; decimal scaled by 10^precision; money in minor units;
   * boolean 0/1; file, link, employee, pipeline, stage: the row id */
  gint64       number;
  /* string, text, url, email, messenger handle, phone as typed,
   * date "YYYY-MM-DD", datetime "YYYY-MM-DDTHH:MM:SSZ" (UTC),
   * list item key, address as JSON (see CrmAddress); NULL for numbers */
  char        *text;
  /* money: ISO 4217 currency; phone: the E.164 form ("+5511987654321") */
  char        *aux;
  /* phone, email, messenger: the kind ("work", "mobile", "telegram" …) */
  char        *kind;
} CrmValue;

#define CRM_TYPE_VALUE (crm_value_get_type ())

GType     crm_value_get_type      (void) G_GNUC_CONST;
CrmValue *crm_value_new_number    (CrmFieldType    type,
                                   gint64          number);
CrmValue *crm_value_new_text      (CrmFieldType    type,
                                   const char     *text);
CrmValue *crm_value_new_money     (gint64          minor_units,
                                   const char     *currency);
CrmValue *crm_value_copy          (const CrmValue *value);
void      crm_value_free          (CrmValue       *value);
gboolean  crm_value_equal         (const CrmValue *a,
                                   const CrmValue *b);
void      crm_value_set_kind      (CrmValue       *value,
                                   const char     *kind);

/* What a person typed, in @locale's conventions, to a canonical value.
 * Leading and trailing white space is ignored; an empty input is an error
 * (callers treat "" as "no value" before asking). Money accepts an optional
 * symbol or ISO code ("R$ 1.234,56", "1234.56 USD"); the currency defaults to
 * options->currency, then the locale's. Dates accept the locale's form and
 * ISO 8601; date-times are read in the local time zone and stored in UTC. */
CrmValue *crm_value_parse         (CrmFieldType           type,
                                   const CrmFieldOptions *options,
                                   const CrmLocale       *locale,
                                   const char            *input,
                                   GError               **error);

/* Checks a canonical value against its type and options (from import,
 * the demo generator or another element's conversion). */
gboolean  crm_value_validate      (const CrmValue        *value,
                                   const CrmFieldOptions *options,
                                   GError               **error);

/* For display: "R$ 1.234,56", "26/11/2026", the list item's label …
 * Reference types (file, link, employee, pipeline, stage) cannot be named
 * here: they give "#<id>" and the store resolves names (crm_store_format_value). */
char     *crm_value_format        (const CrmValue        *value,
                                   const CrmFieldOptions *options,
                                   const CrmLocale       *locale);

/* The text an editor starts from: like format, but plain ("1234,56"). */
char     *crm_value_to_input      (const CrmValue        *value,
                                   const CrmFieldOptions *options,
                                   const CrmLocale       *locale);

/* URI to open for phone ("tel:+55…"), email ("mailto:…") and url values;
 * NULL for other types. */
char     *crm_value_get_uri       (const CrmValue        *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmValue, crm_value_free)

/* ---- Money and currencies ------------------------------------------------ */

/* ISO 4217 code → minor digits (2 for BRL, 0 for JPY); -1 when unknown. */
int         crm_currency_get_digits  (const char *code);
/* "R$", "US$", "€" … or the code itself. */
const char *crm_currency_get_symbol  (const char *code);
/* The supported codes, NULL-terminated, for pickers. */
const char * const *crm_currency_get_codes (void);
/* Overflow-checked arithmetic on minor units. */
gboolean    crm_money_add            (gint64  a,
                                      gint64  b,
                                      gint64 *result);
gboolean    crm_money_multiply       (gint64  minor_units,
                                      gint64  factor,
                                      gint64 *result);

/* ---- Addresses ----------------------------------------------------------- */

typedef struct _CrmAddress
{
  char *street;
  char *number;
  char *complement;
  char *district;
  char *city;
  char *region;       /* state: "SP" */
  char *postal_code;
  char *country;      /* ISO 3166 alpha-2: "BR" */
} CrmAddress;

CrmAddress *crm_address_new        (void);
void        crm_address_free       (CrmAddress       *address);
CrmAddress *crm_address_from_json  (const char       *json,
                                    GError          **error);
char       *crm_address_to_json    (const CrmAddress *address);
/* "Rua Augusta, 1500 - Consolação, São Paulo - SP, 01304-001" */
char       *crm_address_format     (const CrmAddress *address);
gboolean    crm_address_is_empty   (const CrmAddress *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmAddress, crm_address_free)

/* ---- Phones -------------------------------------------------------------- */

/* "(11) 98765-4321" with default country "55" → "+5511987654321";
 * NULL and an error when it cannot be a phone number. */
char       *crm_phone_normalize    (const char  *input,
                                    const char  *default_country,
                                    GError     **error);

G_END_DECLS
