/* test-values.c — field types, locales and values: parse, validate, format
 *
 * Runs with LC_ALL=C.UTF-8 and TZ=UTC, so messages are untranslated and
 * date-times read in UTC unless a test changes TZ itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "crm-error.h"
#include "crm-value.h"

#define NBSP "\302\240"

static const CrmLocale *pt;
static const CrmLocale *c_locale;

/* ---- Helpers -------------------------------------------------------------- */

static CrmValue *
parse_ok (CrmFieldType           type,
          const CrmFieldOptions *options,
          const CrmLocale       *locale,
          const char            *input)
{
  g_autoptr(GError) error = NULL;
  CrmValue *value = crm_value_parse (type, options, locale, input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpint (value->type, ==, type);
  g_assert_true (crm_value_validate (value, options, NULL));
  return value;
}

/* Refused with a validation error, and nothing made. */
static GError *
parse_refused (CrmFieldType           type,
               const CrmFieldOptions *options,
               const CrmLocale       *locale,
               const char            *input)
{
  GError *error = NULL;
  g_autoptr(CrmValue) value = crm_value_parse (type, options, locale, input, &error);

  g_assert_null (value);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return error;
}

/* Refused, and the message quotes what was typed. */
static void
parse_bad (CrmFieldType           type,
           const CrmFieldOptions *options,
           const CrmLocale       *locale,
           const char            *input)
{
  g_autoptr(GError) error = parse_refused (type, options, locale, input);
  g_autofree char *stripped = g_strstrip (g_strdup (input));

  if (*stripped != '\0' && strlen (input) < 40 && input[0] != '{' &&
      g_utf8_validate (input, -1, NULL))
    g_assert_nonnull (strstr (error->message, stripped));
}

/* parse → to_input → parse gives the same value. */
static void
assert_round_trip (const CrmValue        *value,
                   const CrmFieldOptions *options,
                   const CrmLocale       *locale)
{
  g_autofree char *input = crm_value_to_input (value, options, locale);
  g_autoptr(CrmValue) again = parse_ok (value->type, options, locale, input);

  g_assert_true (crm_value_equal (value, again));
}

/* Parses @input in @locale, checks the display in pt_BR and C, and the
 * round trip in both. */
static CrmValue *
check_value (CrmFieldType           type,
             const CrmFieldOptions *options,
             const CrmLocale       *locale,
             const char            *input,
             const char            *pt_display,
             const char            *c_display)
{
  CrmValue *value = parse_ok (type, options, locale, input);
  g_autofree char *pt_text = crm_value_format (value, options, pt);
  g_autofree char *c_text = crm_value_format (value, options, c_locale);

  g_assert_cmpstr (pt_text, ==, pt_display);
  g_assert_cmpstr (c_text, ==, c_display);
  assert_round_trip (value, options, pt);
  assert_round_trip (value, options, c_locale);
  return value;
}

static void
assert_format (const CrmValue        *value,
               const CrmFieldOptions *options,
               const char            *locale_name,
               const char            *expected)
{
  g_autofree char *text = crm_value_format (value, options, crm_locale_get (locale_name));

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_invalid (const CrmValue        *value,
                const CrmFieldOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_value_validate (value, options, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
}

/* ---- Field types ----------------------------------------------------------- */

static void
test_field_type_codes (void)
{
  const char *expected[] = {
    "string", "text", "integer", "decimal", "money", "boolean", "date",
    "datetime", "list", "url", "email", "phone", "messenger", "address",
    "file", "link", "employee", "pipeline", "stage",
  };
  CrmFieldType type;

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == CRM_FIELD_TYPE_LAST);

  for (guint i = 0; i < CRM_FIELD_TYPE_LAST; i++)
    {
      g_assert_cmpstr (crm_field_type_to_code (i), ==, expected[i]);
      g_assert_true (crm_field_type_from_code (expected[i], &type));
      g_assert_cmpint (type, ==, i);
      g_assert_nonnull (crm_field_type_get_label (i));
      g_assert_cmpint (crm_field_type_is_user_creatable (i), ==,
                       i != CRM_FIELD_TYPE_PIPELINE && i != CRM_FIELD_TYPE_STAGE);
    }

  g_assert_false (crm_field_type_from_code ("float", &type));
  g_assert_false (crm_field_type_from_code (NULL, &type));
  g_assert_cmpstr (crm_field_type_get_label (CRM_FIELD_TYPE_DATETIME), ==, "Date and time");

  g_assert_true (crm_field_type_stores_number (CRM_FIELD_TYPE_MONEY));
  g_assert_true (crm_field_type_stores_number (CRM_FIELD_TYPE_STAGE));
  g_assert_false (crm_field_type_stores_number (CRM_FIELD_TYPE_DATE));
  g_assert_false (crm_field_type_stores_number (CRM_FIELD_TYPE_PHONE));
}

static void
test_field_type_kinds (void)
{
  const char * const *kinds;

  for (guint i = 0; i < CRM_FIELD_TYPE_LAST; i++)
    {
      kinds = crm_field_type_get_kinds (i);
      g_assert_nonnull (kinds);
      if (!crm_field_type_has_kind (i))
        {
          g_assert_null (kinds[0]);
          g_assert_null (crm_field_type_get_default_kind (i));
          continue;
        }

      g_assert_nonnull (kinds[0]);
      g_assert_cmpstr (crm_field_type_get_default_kind (i), ==, kinds[0]);
      for (guint k = 0; kinds[k] != NULL; k++)
        g_assert_nonnull (crm_field_kind_get_label (i, kinds[k]));
      g_assert_null (crm_field_kind_get_label (i, "carrier-pigeon"));
    }

  kinds = crm_field_type_get_kinds (CRM_FIELD_TYPE_PHONE);
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 6);
  g_assert_true (g_strv_contains (kinds, "pager"));
  g_assert_cmpstr (crm_field_kind_get_label (CRM_FIELD_TYPE_PHONE, "mobile"), ==, "Mobile");
  g_assert_cmpstr (crm_field_kind_get_label (CRM_FIELD_TYPE_EMAIL, "newsletter"), ==, "Newsletter");
  g_assert_cmpstr (crm_field_kind_get_label (CRM_FIELD_TYPE_MESSENGER, "telegram"), ==, "Telegram");
  g_assert_null (crm_field_kind_get_label (CRM_FIELD_TYPE_EMAIL, "mobile"));
  g_assert_null (crm_field_kind_get_label (CRM_FIELD_TYPE_DATE, "work"));
}

/* ---- Locales ----------------------------------------------------------------- */

static void
test_locale_lookup (void)
{
  g_assert_cmpstr (crm_locale_get ("pt_BR")->name, ==, "pt_BR");
  g_assert_cmpstr (crm_locale_get ("pt_BR.UTF-8")->name, ==, "pt_BR");
  g_assert_cmpstr (crm_locale_get ("pt-BR")->name, ==, "pt_BR");
  g_assert_cmpstr (crm_locale_get ("pt")->name, ==, "pt_BR");
  g_assert_cmpstr (crm_locale_get ("pt_PT")->name, ==, "pt_PT");
  g_assert_cmpstr (crm_locale_get ("de_AT.UTF-8")->name, ==, "de_DE");
  g_assert_cmpstr (crm_locale_get ("en")->name, ==, "en_US");
  g_assert_cmpstr (crm_locale_get ("fr_FR@euro")->name, ==, "fr_FR");
  g_assert_cmpstr (crm_locale_get ("C.UTF-8")->name, ==, "C");
  g_assert_cmpstr (crm_locale_get ("POSIX")->name, ==, "C");
  g_assert_cmpstr (crm_locale_get ("xx_YY")->name, ==, "C");
  g_assert_cmpstr (crm_locale_get ("")->name, ==, "C");
  g_assert_cmpstr (crm_locale_get (NULL)->name, ==, "C");

  g_assert_cmpstr (pt->decimal_point, ==, ",");
  g_assert_cmpstr (pt->thousands_sep, ==, ".");
  g_assert_cmpstr (pt->default_currency, ==, "BRL");
  g_assert_cmpstr (pt->default_country, ==, "55");
  g_assert_cmpstr (c_locale->date_format, ==, "%Y-%m-%d");
  g_assert_cmpstr (crm_locale_get ("en_US")->default_currency, ==, "USD");
}

static void
test_locale_default (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (crm_locale_get_default ()->name, ==, "C");

  g_setenv ("LANGUAGE", "pt_BR.UTF-8", TRUE);
  g_assert_cmpstr (crm_locale_get_default ()->name, ==, "pt_BR");
  g_setenv ("LANGUAGE", "de_AT", TRUE);
  g_assert_cmpstr (crm_locale_get_default ()->name, ==, "de_DE");
  g_setenv ("LANGUAGE", "xx_YY:es_ES", TRUE);
  g_assert_cmpstr (crm_locale_get_default ()->name, ==, "es_ES");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* ---- Text-like values -------------------------------------------------------- */

static void
test_value_string (void)
{
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_STRING, NULL, pt,
                                           "  Ana Souza  ", "Ana Souza", "Ana Souza");
  g_autofree char *max = g_strnfill (255, 'a');
  g_autofree char *too_long = g_strnfill (256, 'a');
  g_autoptr(GString) accents = g_string_new (NULL);
  g_autoptr(CrmValue) long_value = NULL;
  g_autoptr(CrmValue) accented = NULL;

  g_assert_cmpstr (value->text, ==, "Ana Souza");
  g_assert_null (crm_value_get_uri (value));

  long_value = parse_ok (CRM_FIELD_TYPE_STRING, NULL, pt, max);
  parse_bad (CRM_FIELD_TYPE_STRING, NULL, pt, too_long);
  parse_bad (CRM_FIELD_TYPE_STRING, NULL, pt, "two\nlines");
  parse_bad (CRM_FIELD_TYPE_STRING, NULL, pt, "bad \xff byte");

  /* The limit counts characters, not bytes. */
  for (guint i = 0; i < 255; i++)
    g_string_append (accents, "ç");
  accented = parse_ok (CRM_FIELD_TYPE_STRING, NULL, pt, accents->str);
}

static void
test_value_text (void)
{
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_TEXT, NULL, pt,
                                           "line one\nline two\n", "line one\nline two",
                                           "line one\nline two");
  g_autofree char *max = g_strnfill (65535, 'x');
  g_autofree char *too_long = g_strnfill (65536, 'x');
  g_autoptr(CrmValue) long_value = parse_ok (CRM_FIELD_TYPE_TEXT, NULL, pt, max);

  parse_bad (CRM_FIELD_TYPE_TEXT, NULL, pt, too_long);
}

static void
test_value_messenger (void)
{
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_MESSENGER, NULL, pt,
                                           " @ana.souza ", "@ana.souza", "@ana.souza");
  g_autofree char *too_long = g_strnfill (256, 'h');

  g_assert_cmpstr (value->kind, ==, "whatsapp");
  crm_value_set_kind (value, "telegram");
  g_assert_true (crm_value_validate (value, NULL, NULL));
  crm_value_set_kind (value, "fax");
  assert_invalid (value, NULL);
  g_assert_null (crm_value_get_uri (value));

  parse_bad (CRM_FIELD_TYPE_MESSENGER, NULL, pt, "@ana\n@bia");
  parse_bad (CRM_FIELD_TYPE_MESSENGER, NULL, pt, too_long);
}

static void
test_value_empty (void)
{
  for (guint i = 0; i < CRM_FIELD_TYPE_LAST; i++)
    {
      parse_bad (i, NULL, pt, "");
      parse_bad (i, NULL, c_locale, " \t ");
    }
}

/* ---- Numbers ------------------------------------------------------------------ */

static void
test_value_integer (void)
{
  const char *bad[] = { "12a", "1,5", "1.23", "1.2.3", "--4", "1 234", "", "abc", ".", "4." };
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_INTEGER, NULL, pt,
                                           "1.234.567", "1.234.567", "1234567");
  g_autoptr(CrmValue) negative = check_value (CRM_FIELD_TYPE_INTEGER, NULL, c_locale,
                                              "-42", "-42", "-42");
  g_autoptr(CrmValue) max = parse_ok (CRM_FIELD_TYPE_INTEGER, NULL, c_locale,
                                      "9223372036854775807");
  g_autoptr(CrmValue) min = parse_ok (CRM_FIELD_TYPE_INTEGER, NULL, c_locale,
                                      "-9223372036854775808");
  g_autoptr(CrmValue) us = parse_ok (CRM_FIELD_TYPE_INTEGER, NULL,
                                     crm_locale_get ("en_US"), "1,234");
  g_autoptr(CrmValue) plain = parse_ok (CRM_FIELD_TYPE_INTEGER, NULL, pt, "1234");

  g_assert_cmpint (value->number, ==, 1234567);
  g_assert_null (value->text);
  g_assert_cmpint (negative->number, ==, -42);
  g_assert_cmpint (max->number, ==, G_MAXINT64);
  g_assert_cmpint (min->number, ==, G_MININT64);
  g_assert_cmpint (us->number, ==, 1234);
  g_assert_cmpint (plain->number, ==, 1234);
  assert_format (min, NULL, "pt_BR", "-9.223.372.036.854.775.808");
  assert_round_trip (min, NULL, pt);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    parse_bad (CRM_FIELD_TYPE_INTEGER, NULL, pt, bad[i]);
  parse_bad (CRM_FIELD_TYPE_INTEGER, NULL, c_locale, "1,234");
  parse_bad (CRM_FIELD_TYPE_INTEGER, NULL, c_locale, "9223372036854775808");
  parse_bad (CRM_FIELD_TYPE_INTEGER, NULL, c_locale, "-9223372036854775809");
  parse_bad (CRM_FIELD_TYPE_INTEGER, NULL, pt, "99.999.999.999.999.999.999");
}

static void
test_value_decimal (void)
{
  g_autoptr(CrmFieldOptions) options = crm_field_options_new ();
  g_autoptr(CrmFieldOptions) four = crm_field_options_from_json ("{\"precision\":4}", NULL);
  g_autoptr(CrmFieldOptions) zero = crm_field_options_from_json ("{\"precision\":0}", NULL);
  g_autoptr(CrmFieldOptions) nine = crm_field_options_from_json ("{\"precision\":9}", NULL);
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_DECIMAL, options, pt,
                                           "1.234,56", "1.234,56", "1234.56");
  g_autoptr(CrmValue) dot = parse_ok (CRM_FIELD_TYPE_DECIMAL, options, pt, "1234.56");
  g_autoptr(CrmValue) half = check_value (CRM_FIELD_TYPE_DECIMAL, options, pt,
                                          "0,5", "0,50", "0.50");
  g_autoptr(CrmValue) zeros = parse_ok (CRM_FIELD_TYPE_DECIMAL, options, pt, "1,230");
  g_autoptr(CrmValue) pi = check_value (CRM_FIELD_TYPE_DECIMAL, four, c_locale,
                                        "3.1416", "3,1416", "3.1416");
  g_autoptr(CrmValue) whole = check_value (CRM_FIELD_TYPE_DECIMAL, zero, pt,
                                           "1.000", "1.000", "1000");
  g_autoptr(CrmValue) french = parse_ok (CRM_FIELD_TYPE_DECIMAL, options,
                                         crm_locale_get ("fr_FR"), "1 234,5");
  g_autoptr(CrmValue) negative = check_value (CRM_FIELD_TYPE_DECIMAL, options, pt,
                                              "-0,01", "-0,01", "-0.01");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (value->number, ==, 123456);
  g_assert_cmpint (dot->number, ==, 123456);
  g_assert_cmpint (half->number, ==, 50);
  g_assert_cmpint (zeros->number, ==, 123);
  g_assert_cmpint (pi->number, ==, 31416);
  g_assert_cmpint (whole->number, ==, 1000);
  g_assert_cmpint (french->number, ==, 123450);
  g_assert_cmpint (negative->number, ==, -1);
  assert_format (value, options, "fr_FR", "1" NBSP "234,56");
  assert_format (value, options, "en_US", "1,234.56");
  assert_format (value, options, "de_DE", "1.234,56");

  /* No silent rounding. */
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, pt, "0,125");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, zero, pt, "1,5");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, pt, "1,2,3");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, pt, "1.234.5");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, pt, "12,34.5");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, c_locale, "12,5");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, options, pt, "1e5");
  parse_bad (CRM_FIELD_TYPE_DECIMAL, four, c_locale, "922337203685477.5808");
  g_clear_error (&error);
  error = parse_refused (CRM_FIELD_TYPE_DECIMAL, nine, c_locale, "1");
}

static void
test_value_money (void)
{
  const CrmLocale *us = crm_locale_get ("en_US");
  g_autoptr(CrmFieldOptions) euro = crm_field_options_from_json ("{\"currency\":\"EUR\"}", NULL);
  g_autoptr(CrmFieldOptions) unknown = crm_field_options_from_json ("{\"currency\":\"XYZ\"}", NULL);
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ 1.234,56",
                                           "R$ 1.234,56", "BRL 1234.56");
  g_autoptr(CrmValue) bare = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, pt, "1234,56");
  g_autoptr(CrmValue) minus_first = check_value (CRM_FIELD_TYPE_MONEY, NULL, pt, "-R$ 5,00",
                                                 "-R$ 5,00", "BRL -5.00");
  g_autoptr(CrmValue) minus_after = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ -5,00");
  g_autoptr(CrmValue) pasted = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$" NBSP "1.234,56");
  g_autoptr(CrmValue) pasted_after = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, pt, "5,00" NBSP "€");
  g_autoptr(CrmValue) dollars = check_value (CRM_FIELD_TYPE_MONEY, NULL, c_locale,
                                             "1234.56 USD", "US$ 1.234,56", "USD 1234.56");
  g_autoptr(CrmValue) us_dollars = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, us, "$1,234.56");
  g_autoptr(CrmValue) euros = parse_ok (CRM_FIELD_TYPE_MONEY, euro, pt, "10");
  g_autoptr(CrmValue) yen = check_value (CRM_FIELD_TYPE_MONEY, NULL, pt, "¥ 1.235",
                                         "¥ 1.235", "JPY 1235");
  g_autoptr(CrmValue) dinars = check_value (CRM_FIELD_TYPE_MONEY, NULL, c_locale,
                                            "KWD 1.5", "KWD 1,500", "KWD 1.500");
  g_autoptr(CrmValue) largest = parse_ok (CRM_FIELD_TYPE_MONEY, NULL, pt,
                                          "R$ 92.233.720.368.547.758,07");
  g_autofree char *input = crm_value_to_input (dollars, NULL, pt);
  g_autoptr(GError) error = NULL;
  gint64 result = 7;

  g_assert_cmpint (value->number, ==, 123456);
  g_assert_cmpstr (value->aux, ==, "BRL");
  g_assert_true (crm_value_equal (value, bare));
  g_assert_true (crm_value_equal (value, pasted));
  g_assert_cmpstr (pasted_after->aux, ==, "EUR");
  g_assert_cmpint (pasted_after->number, ==, 500);
  g_assert_cmpint (minus_first->number, ==, -500);
  g_assert_true (crm_value_equal (minus_first, minus_after));
  g_assert_cmpstr (dollars->aux, ==, "USD");
  g_assert_cmpint (dollars->number, ==, 123456);
  g_assert_true (crm_value_equal (dollars, us_dollars));
  g_assert_cmpstr (euros->aux, ==, "EUR");
  g_assert_cmpint (euros->number, ==, 1000);
  g_assert_cmpint (yen->number, ==, 1235);
  g_assert_cmpint (dinars->number, ==, 1500);
  g_assert_cmpint (largest->number, ==, G_MAXINT64);

  /* The editor text keeps a currency that is not the default one. */
  g_assert_cmpstr (input, ==, "1234,56 USD");
  assert_format (value, NULL, "en_US", "R$1,234.56");
  assert_format (dollars, NULL, "en_US", "US$1,234.56");
  assert_format (euros, NULL, "de_DE", "10,00 €");
  assert_format (minus_first, NULL, "fr_FR", "-5,00 R$");
  assert_format (largest, NULL, "pt_BR", "R$ 92.233.720.368.547.758,07");

  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ abc");
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "-R$ -5,00");
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ 5,00 USD");
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ 5,001");
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "¥ 12,5");
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "XYZ 5,00");
  parse_bad (CRM_FIELD_TYPE_MONEY, euro, pt, "$ 5,00");
  error = parse_refused (CRM_FIELD_TYPE_MONEY, unknown, pt, "5,00");
  g_assert_nonnull (strstr (error->message, "XYZ"));
  /* INT64_MAX + 1 minor units. */
  parse_bad (CRM_FIELD_TYPE_MONEY, NULL, pt, "R$ 92.233.720.368.547.758,08");

  g_assert_false (crm_money_add (G_MAXINT64, 1, &result));
  g_assert_false (crm_money_add (G_MININT64, -1, &result));
  g_assert_cmpint (result, ==, 7);
  g_assert_true (crm_money_add (G_MAXINT64 - 1, 1, &result));
  g_assert_cmpint (result, ==, G_MAXINT64);
  g_assert_true (crm_money_multiply (123456, -3, &result));
  g_assert_cmpint (result, ==, -370368);
  g_assert_false (crm_money_multiply (G_MAXINT64 / 2 + 1, 2, &result));
  g_assert_false (crm_money_multiply (G_MININT64, -1, &result));

  /* A canonical value with a currency we do not know. */
  g_free (value->aux);
  value->aux = g_strdup ("XXX");
  assert_invalid (value, NULL);
}

static void
test_currencies (void)
{
  const char * const *codes = crm_currency_get_codes ();

  g_assert_cmpuint (g_strv_length ((char **) codes), >=, 17);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_cmpint (crm_currency_get_digits (codes[i]), >=, 0);
      g_assert_nonnull (crm_currency_get_symbol (codes[i]));
    }

  g_assert_cmpint (crm_currency_get_digits ("BRL"), ==, 2);
  g_assert_cmpint (crm_currency_get_digits ("JPY"), ==, 0);
  g_assert_cmpint (crm_currency_get_digits ("CLP"), ==, 0);
  g_assert_cmpint (crm_currency_get_digits ("PYG"), ==, 0);
  g_assert_cmpint (crm_currency_get_digits ("KWD"), ==, 3);
  g_assert_cmpint (crm_currency_get_digits ("XYZ"), ==, -1);
  g_assert_cmpstr (crm_currency_get_symbol ("BRL"), ==, "R$");
  g_assert_cmpstr (crm_currency_get_symbol ("USD"), ==, "US$");
  g_assert_cmpstr (crm_currency_get_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (crm_currency_get_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (crm_currency_get_symbol ("XYZ"), ==, "XYZ");
}

static void
test_value_boolean (void)
{
  const char *yes[] = { "1", "true", "TRUE", "yes", "Yes", "sim", "Sim" };
  const char *no[] = { "0", "false", "no", "No", "não", "NÃO", "nao" };
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_BOOLEAN, NULL, pt,
                                           "sim", "Yes", "Yes");
  g_autoptr(CrmValue) off = check_value (CRM_FIELD_TYPE_BOOLEAN, NULL, pt,
                                         "não", "No", "No");
  g_autoptr(CrmValue) two = crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, 2);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      g_autoptr(CrmValue) v = parse_ok (CRM_FIELD_TYPE_BOOLEAN, NULL, pt, yes[i]);
      g_assert_cmpint (v->number, ==, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_autoptr(CrmValue) v = parse_ok (CRM_FIELD_TYPE_BOOLEAN, NULL, c_locale, no[i]);
      g_assert_cmpint (v->number, ==, 0);
    }

  parse_bad (CRM_FIELD_TYPE_BOOLEAN, NULL, pt, "maybe");
  parse_bad (CRM_FIELD_TYPE_BOOLEAN, NULL, pt, "2");
  assert_invalid (two, NULL);
}

/* ---- Dates ------------------------------------------------------------------- */

static void
test_value_date (void)
{
  const char *bad[] = {
    "31/02/2026", "29/02/2025", "26/11/26", "32/01/2026", "26/13/2026",
    "2026-02-30", "26/11/2026x", "26 11 2026", "tomorrow", "0/1/2026",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_DATE, NULL, pt, "26/11/2026",
                                           "26/11/2026", "2026-11-26");
  g_autoptr(CrmValue) iso = parse_ok (CRM_FIELD_TYPE_DATE, NULL, pt, "2026-11-26");
  g_autoptr(CrmValue) short_parts = parse_ok (CRM_FIELD_TYPE_DATE, NULL, pt, "1/2/2026");
  g_autoptr(CrmValue) us = parse_ok (CRM_FIELD_TYPE_DATE, NULL, crm_locale_get ("en_US"),
                                     "11/26/2026");
  g_autoptr(CrmValue) german = parse_ok (CRM_FIELD_TYPE_DATE, NULL, crm_locale_get ("de_DE"),
                                         "26.11.2026");
  g_autoptr(CrmValue) leap = parse_ok (CRM_FIELD_TYPE_DATE, NULL, pt, "29/02/2024");
  g_autoptr(CrmValue) edge = parse_ok (CRM_FIELD_TYPE_DATE, NULL, c_locale, "9999-12-31");
  g_autoptr(CrmValue) noncanonical = crm_value_new_text (CRM_FIELD_TYPE_DATE, "2026-2-3");
  g_autoptr(CrmValue) impossible = crm_value_new_text (CRM_FIELD_TYPE_DATE, "2026-02-30");
  CrmValue *nothing;

  g_assert_cmpstr (value->text, ==, "2026-11-26");
  g_assert_true (crm_value_equal (value, iso));
  g_assert_true (crm_value_equal (value, us));
  g_assert_true (crm_value_equal (value, german));
  g_assert_cmpstr (short_parts->text, ==, "2026-02-01");
  g_assert_cmpstr (leap->text, ==, "2024-02-29");
  g_assert_cmpstr (edge->text, ==, "9999-12-31");
  assert_format (value, NULL, "en_US", "11/26/2026");
  assert_format (value, NULL, "de_DE", "26.11.2026");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    parse_bad (CRM_FIELD_TYPE_DATE, NULL, pt, bad[i]);
  parse_bad (CRM_FIELD_TYPE_DATE, NULL, c_locale, "26/11/2026");
  parse_bad (CRM_FIELD_TYPE_DATE, NULL, c_locale, "0999-12-31");

  /* The message shows the locale's own form. */
  nothing = crm_value_parse (CRM_FIELD_TYPE_DATE, NULL, pt, "31/02/2026", &error);
  g_assert_null (nothing);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "“31/02/2026” is not a valid date; use DD/MM/YYYY");
  g_clear_error (&error);
  nothing = crm_value_parse (CRM_FIELD_TYPE_DATE, NULL, c_locale, "someday", &error);
  g_assert_null (nothing);
  g_assert_cmpstr (error->message, ==, "“someday” is not a valid date; use YYYY-MM-DD");

  assert_invalid (noncanonical, NULL);
  assert_invalid (impossible, NULL);
}

static void
test_value_datetime (void)
{
  const char *bad[] = {
    "26/11/2026", "26/11/2026 25:00", "26/11/2026 14:3", "31/02/2026 10:00",
    "26/11/2026 14:30 XM", "26/11/2026 13:00 PM", "2026-11-26T14:30:00+99:00",
    "2026-11-26T14:30Z", "9999-12-31T23:59:59-05:00", "later",
  };
  const CrmLocale *us = crm_locale_get ("en_US");
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_DATETIME, NULL, pt,
                                           "26/11/2026 14:30", "26/11/2026 14:30",
                                           "2026-11-26 14:30");
  g_autoptr(CrmValue) seconds = check_value (CRM_FIELD_TYPE_DATETIME, NULL, pt,
                                             "26/11/2026 14:30:15", "26/11/2026 14:30",
                                             "2026-11-26 14:30");
  g_autoptr(CrmValue) iso_z = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, pt,
                                        "2026-11-26T14:30:00Z");
  g_autoptr(CrmValue) iso_offset = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, pt,
                                             "2026-11-26T11:30:00-03:00");
  g_autoptr(CrmValue) iso_local = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, pt,
                                            "2026-11-26T14:30:00");
  g_autoptr(CrmValue) iso_short = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, c_locale,
                                            "2026-11-26T14:30");
  g_autoptr(CrmValue) american = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, us,
                                           "11/26/2026 2:30 PM");
  g_autoptr(CrmValue) midnight = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, us,
                                           "11/26/2026 12:05 am");
  g_autoptr(CrmValue) shifted = NULL;
  g_autoptr(CrmValue) sloppy = crm_value_new_text (CRM_FIELD_TYPE_DATETIME,
                                                   "2026-11-26 14:30:00");
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *shown = NULL;

  g_assert_cmpstr (value->text, ==, "2026-11-26T14:30:00Z");
  g_assert_cmpstr (seconds->text, ==, "2026-11-26T14:30:15Z");
  g_assert_true (crm_value_equal (value, iso_z));
  g_assert_true (crm_value_equal (value, iso_offset));
  g_assert_true (crm_value_equal (value, iso_local));
  g_assert_true (crm_value_equal (value, iso_short));
  g_assert_true (crm_value_equal (value, american));
  g_assert_cmpstr (midnight->text, ==, "2026-11-26T00:05:00Z");
  assert_format (value, NULL, "en_US", "11/26/2026 02:30 PM");
  assert_round_trip (value, NULL, us);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    parse_bad (CRM_FIELD_TYPE_DATETIME, NULL, pt, bad[i]);
  assert_invalid (sloppy, NULL);

  /* Read in the local zone, stored in UTC, shown in the local zone again.
   * A POSIX zone needs no tzdata: UTC−3 all year. */
  g_setenv ("TZ", "<-03>3", TRUE);
  shifted = parse_ok (CRM_FIELD_TYPE_DATETIME, NULL, pt, "26/11/2026 14:30");
  shown = crm_value_format (shifted, NULL, pt);
  g_assert_cmpstr (shifted->text, ==, "2026-11-26T17:30:00Z");
  g_assert_cmpstr (shown, ==, "26/11/2026 14:30");
  assert_format (value, NULL, "pt_BR", "26/11/2026 11:30");
  assert_round_trip (shifted, NULL, pt);
  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
  assert_format (value, NULL, "pt_BR", "26/11/2026 14:30");
}

/* ---- Lists --------------------------------------------------------------------- */

static CrmFieldOptions *
make_list_options (void)
{
  CrmFieldOptions *options = crm_field_options_new ();

  crm_field_options_add_item (options, "new", "Novo");
  crm_field_options_add_item (options, "talks", "Em negociação");
  crm_field_options_add_item (options, "won", "Ganho");
  return options;
}

static void
test_value_list (void)
{
  g_autoptr(CrmFieldOptions) options = make_list_options ();
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_LIST, options, pt, "Ganho",
                                           "Ganho", "Ganho");
  g_autoptr(CrmValue) by_key = parse_ok (CRM_FIELD_TYPE_LIST, options, pt, "won");
  g_autoptr(CrmValue) folded = parse_ok (CRM_FIELD_TYPE_LIST, options, pt, "  GANHO ");
  g_autoptr(CrmValue) accents = parse_ok (CRM_FIELD_TYPE_LIST, options, pt, "em negociacao");
  g_autoptr(CrmValue) stale = crm_value_new_text (CRM_FIELD_TYPE_LIST, "lost");

  g_assert_cmpstr (value->text, ==, "won");
  g_assert_true (crm_value_equal (value, by_key));
  g_assert_true (crm_value_equal (value, folded));
  g_assert_cmpstr (accents->text, ==, "talks");
  assert_format (accents, options, "C", "Em negociação");

  parse_bad (CRM_FIELD_TYPE_LIST, options, pt, "Perdido");
  parse_bad (CRM_FIELD_TYPE_LIST, NULL, pt, "won");
  assert_invalid (stale, options);
  assert_invalid (value, NULL);
  /* A removed item still shows what was stored. */
  assert_format (stale, options, "C", "lost");
}

/* ---- Links: URL, e-mail, phone --------------------------------------------------- */

static void
test_value_url (void)
{
  const char *bad[] = {
    "ftp://example.com", "javascript:alert(1)", "not a url", "http://",
    "mailto:ana@example.com", "example", "https://exa mple.com", "http:/example.com",
    "https://example.com/%zz",
  };
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_URL, NULL, pt, "example.com.br",
                                           "https://example.com.br", "https://example.com.br");
  g_autoptr(CrmValue) http = parse_ok (CRM_FIELD_TYPE_URL, NULL, pt,
                                       "http://www.example.com/a?b=c#d");
  g_autoptr(CrmValue) port = parse_ok (CRM_FIELD_TYPE_URL, NULL, pt, "localhost:8080/crm");
  g_autoptr(CrmValue) path = parse_ok (CRM_FIELD_TYPE_URL, NULL, pt, "www.example.com/contato");
  g_autofree char *uri = crm_value_get_uri (value);

  g_assert_cmpstr (value->text, ==, "https://example.com.br");
  g_assert_cmpstr (uri, ==, "https://example.com.br");
  g_assert_cmpstr (http->text, ==, "http://www.example.com/a?b=c#d");
  g_assert_cmpstr (port->text, ==, "https://localhost:8080/crm");
  g_assert_cmpstr (path->text, ==, "https://www.example.com/contato");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    parse_bad (CRM_FIELD_TYPE_URL, NULL, pt, bad[i]);
}

static void
test_value_email (void)
{
  const char *bad[] = {
    "ana", "ana@example", "@example.com", "ana@@example.com", "ana@b@example.com",
    "ana souza@example.com", "ana@example..com", "ana@.example.com", "ana@example.com.",
    "<ana@example.com>",
  };
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_EMAIL, NULL, pt,
                                           " Ana.Souza+crm@Example.COM.br ",
                                           "Ana.Souza+crm@example.com.br",
                                           "Ana.Souza+crm@example.com.br");
  g_autofree char *uri = crm_value_get_uri (value);

  g_assert_cmpstr (value->kind, ==, "work");
  g_assert_cmpstr (uri, ==, "mailto:Ana.Souza+crm@example.com.br");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    parse_bad (CRM_FIELD_TYPE_EMAIL, NULL, pt, bad[i]);
}

static void
test_value_phone (void)
{
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_PHONE, NULL, pt,
                                           " (11) 98765-4321 ", "(11) 98765-4321",
                                           "(11) 98765-4321");
  g_autoptr(CrmValue) us = parse_ok (CRM_FIELD_TYPE_PHONE, NULL, crm_locale_get ("en_US"),
                                     "(202) 555-0100");
  g_autoptr(CrmValue) bare = crm_value_new_text (CRM_FIELD_TYPE_PHONE, "(11) 98765-4321");
  g_autofree char *uri = crm_value_get_uri (value);

  g_assert_cmpstr (value->text, ==, "(11) 98765-4321");
  g_assert_cmpstr (value->aux, ==, "+5511987654321");
  g_assert_cmpstr (value->kind, ==, "work");
  g_assert_cmpstr (uri, ==, "tel:+5511987654321");
  g_assert_cmpstr (us->aux, ==, "+12025550100");

  crm_value_set_kind (value, "mobile");
  g_assert_true (crm_value_validate (value, NULL, NULL));
  crm_value_set_kind (value, "telegram");
  assert_invalid (value, NULL);

  /* Without its E.164 form a phone is not canonical. */
  assert_invalid (bare, NULL);

  parse_bad (CRM_FIELD_TYPE_PHONE, NULL, pt, "98765");
  parse_bad (CRM_FIELD_TYPE_PHONE, NULL, pt, "call me");
}

static void
test_phone_normalize (void)
{
  const struct { const char *input, *country, *e164; } good[] = {
    { "(11) 98765-4321",       "55", "+5511987654321" },
    { "11 3333-4444",          "55", "+551133334444" },
    { "011 98765-4321",        "55", "+5511987654321" },  /* trunk 0 */
    { "0 21 11 98765-4321",    "55", "+5511987654321" },  /* carrier 21 */
    { "+55 11 98765-4321",     "55", "+5511987654321" },
    { "0055 11 98765 4321",    "55", "+5511987654321" },  /* 00 prefix */
    { "55 11 98765-4321",      "55", "+5511987654321" },
    { "11.98765.4321",         "55", "+5511987654321" },
    { "+1 (202) 555-0100",     "55", "+12025550100" },
    { "+44 20 7946 0958",      "55", "+442079460958" },
    { "+351 912 345 678",      NULL, "+351912345678" },
    { "202-555-0100",          "1",  "+12025550100" },
    { "1 202 555 0100",        "1",  "+12025550100" },
    { "020 7946 0958",         "44", "+442079460958" },
    { "030 1234567",           "49", "+49301234567" },
  };
  const struct { const char *input, *country; } bad[] = {
    { "12345",                 "55" },
    { "(11) 8765-432",         "55" },   /* 9 national digits */
    { "(11) 88765-4321",       "55" },   /* 11 digits, not a mobile */
    { "(10) 98765-4321",       "55" },   /* no such area code */
    { "+1234567890123456",     "55" },   /* 16 digits */
    { "+0 11 98765-4321",      "55" },
    { "11 98765-4321 ext 2",   "55" },
    { "98765-4321",            NULL },   /* no country to assume */
    { "+55",                   "55" },
    { "1-800-FLOWERS",         "1" },
    { "++55 11 98765-4321",    "55" },
    { "",                      "55" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = crm_phone_normalize (good[i].input, good[i].country, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (e164, ==, good[i].e164);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = crm_phone_normalize (bad[i].input, bad[i].country, &error);

      g_assert_null (e164);
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    }
}

/* ---- Addresses ------------------------------------------------------------------ */

static void
test_address_format (void)
{
  const struct { const char *json, *text; } cases[] = {
    { "{\"street\":\"Rua Augusta\",\"number\":\"1500\",\"complement\":\"apto 12\","
      "\"district\":\"Consolação\",\"city\":\"São Paulo\",\"region\":\"SP\","
      "\"postal_code\":\"01304-001\",\"country\":\"BR\"}",
      "Rua Augusta, 1500, apto 12 - Consolação, São Paulo - SP, 01304-001" },
    { "{\"street\":\"Rua Augusta\",\"city\":\"São Paulo\"}", "Rua Augusta, São Paulo" },
    { "{\"city\":\"São Paulo\",\"region\":\"SP\"}", "São Paulo - SP" },
    { "{\"district\":\"Centro\",\"region\":\"RJ\"}", "Centro, RJ" },
    { "{\"street\":\"Rua Garrett\",\"number\":\"120\",\"city\":\"Lisboa\","
      "\"postal_code\":\"1200-205\",\"country\":\"PT\"}",
      "Rua Garrett, 120, Lisboa, 1200-205, PT" },
    { "{\"street\":\"  \",\"city\":\"Recife\",\"country\":null}", "Recife" },
    { "{}", "" },
  };
  const char *bad[] = { "", "[]", "{", "{\"city\":5}", "{\"street\":\"a\\nb\"}", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmAddress) address = crm_address_from_json (cases[i].json, &error);
      g_autoptr(CrmAddress) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *json = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      text = crm_address_format (address);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (crm_address_is_empty (address), ==, *cases[i].text == '\0');

      json = crm_address_to_json (address);
      again = crm_address_from_json (json, &error);
      g_assert_no_error (error);
      text_again = crm_address_format (again);
      g_assert_cmpstr (text_again, ==, text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmAddress) address = crm_address_from_json (bad[i], &error);

      g_assert_null (address);
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    }
}

static void
test_value_address (void)
{
  const char *json = "{\"street\":\"Rua Augusta\",\"number\":\"1500\","
                     "\"city\":\"São Paulo\",\"region\":\"SP\"}";
  g_autoptr(CrmValue) value = check_value (CRM_FIELD_TYPE_ADDRESS, NULL, pt, json,
                                           "Rua Augusta, 1500, São Paulo - SP",
                                           "Rua Augusta, 1500, São Paulo - SP");
  g_autoptr(CrmValue) line = check_value (CRM_FIELD_TYPE_ADDRESS, NULL, pt,
                                          "Av. Paulista, 1000, São Paulo",
                                          "Av. Paulista, 1000, São Paulo",
                                          "Av. Paulista, 1000, São Paulo");
  g_autoptr(CrmAddress) address = crm_address_from_json (line->text, NULL);
  g_autoptr(CrmValue) broken = crm_value_new_text (CRM_FIELD_TYPE_ADDRESS, "Rua A");
  g_autofree char *input = crm_value_to_input (line, NULL, pt);

  g_assert_cmpstr (address->street, ==, "Av. Paulista, 1000, São Paulo");
  g_assert_null (address->city);
  g_assert_cmpstr (input, ==, "Av. Paulista, 1000, São Paulo");

  parse_bad (CRM_FIELD_TYPE_ADDRESS, NULL, pt, "{}");
  parse_bad (CRM_FIELD_TYPE_ADDRESS, NULL, pt, "{\"city\":");
  parse_bad (CRM_FIELD_TYPE_ADDRESS, NULL, pt, "Rua A\nRua B");
  assert_invalid (broken, NULL);
}

/* ---- References --------------------------------------------------------------- */

static void
test_value_reference (void)
{
  const CrmFieldType types[] = {
    CRM_FIELD_TYPE_FILE, CRM_FIELD_TYPE_LINK, CRM_FIELD_TYPE_EMPLOYEE,
    CRM_FIELD_TYPE_PIPELINE, CRM_FIELD_TYPE_STAGE,
  };
  const char *bad[] = { "0", "-1", "abc", "4.2", "+4", "# 4", "9223372036854775808" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(CrmValue) value = check_value (types[i], NULL, pt, "42", "#42", "#42");
      g_autoptr(CrmValue) hash = parse_ok (types[i], NULL, c_locale, "#42");
      g_autoptr(CrmValue) zero = crm_value_new_number (types[i], 0);
      g_autofree char *input = crm_value_to_input (value, NULL, pt);

      g_assert_cmpint (value->number, ==, 42);
      g_assert_true (crm_value_equal (value, hash));
      g_assert_cmpstr (input, ==, "42");
      g_assert_null (crm_value_get_uri (value));
      assert_invalid (zero, NULL);

      for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
        parse_bad (types[i], NULL, pt, bad[j]);
    }
}

/* ---- Options ------------------------------------------------------------------ */

static void
test_options_json (void)
{
  const char *full = "{\"items\":[{\"key\":\"a\",\"label\":\"A\"},{\"key\":\"b\",\"label\":\"B\"}],"
                     "\"default\":\"a\",\"precision\":3,\"currency\":\"EUR\","
                     "\"link_type\":\"contact\"}";
  const char *bad[] = {
    "[]", "{", "{\"items\":{}}", "{\"items\":[1]}", "{\"items\":[{\"key\":1}]}",
    "{\"precision\":-1}", "{\"precision\":\"2\"}", "{\"precision\":2.5}",
    "{\"currency\":5}", "{\"default\":[]}",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldOptions) options = crm_field_options_from_json (full, &error);
  g_autoptr(CrmFieldOptions) copy = NULL;
  g_autoptr(CrmFieldOptions) again = NULL;
  g_autoptr(CrmFieldOptions) empty = crm_field_options_from_json (NULL, NULL);
  g_autoptr(CrmFieldOptions) blank = crm_field_options_from_json ("", NULL);
  g_autoptr(CrmFieldOptions) braces = crm_field_options_from_json ("{}", NULL);
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *empty_json = NULL;
  const CrmListItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (options->items->len, ==, 2);
  item = crm_field_options_find_item (options, "b");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->label, ==, "B");
  g_assert_null (crm_field_options_find_item (options, "c"));
  g_assert_cmpstr (options->default_value, ==, "a");
  g_assert_cmpuint (options->precision, ==, 3);
  g_assert_cmpstr (options->currency, ==, "EUR");
  g_assert_cmpstr (options->link_type, ==, "contact");

  copy = g_boxed_copy (CRM_TYPE_FIELD_OPTIONS, options);
  json = crm_field_options_to_json (copy);
  again = crm_field_options_from_json (json, &error);
  g_assert_no_error (error);
  json_again = crm_field_options_to_json (again);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_cmpuint (again->items->len, ==, 2);
  g_assert_cmpstr (again->link_type, ==, "contact");
  g_assert_cmpuint (again->precision, ==, 3);

  for (CrmFieldOptions **o = (CrmFieldOptions *[]) { empty, blank, braces, NULL }; *o; o++)
    {
      g_assert_nonnull ((*o)->items);
      g_assert_cmpuint ((*o)->items->len, ==, 0);
      g_assert_cmpuint ((*o)->precision, ==, 2);
      g_assert_null ((*o)->default_value);
      g_assert_null ((*o)->currency);
      g_assert_null ((*o)->link_type);
    }
  empty_json = crm_field_options_to_json (empty);
  g_assert_cmpstr (empty_json, ==, "{}");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(CrmFieldOptions) bad_options = crm_field_options_from_json (bad[i], &bad_error);

      g_assert_null (bad_options);
      g_assert_error (bad_error, CRM_ERROR, CRM_ERROR_VALIDATION);
    }
}

static void
check_options (const char   *json,
               CrmFieldType  type,
               gboolean      valid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFieldOptions) options = crm_field_options_from_json (json, &error);

  g_assert_no_error (error);
  if (valid)
    {
      g_assert_true (crm_field_options_validate (options, type, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (crm_field_options_validate (options, type, &error));
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    }
}

static void
test_options_validate (void)
{
  g_autoptr(CrmFieldOptions) list = make_list_options ();
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_field_options_validate (list, CRM_FIELD_TYPE_LIST, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < CRM_FIELD_TYPE_LAST; i++)
    check_options ("{}", i, TRUE);

  check_options ("{\"items\":[{\"key\":\"a\",\"label\":\"A\"},{\"key\":\"a\",\"label\":\"B\"}]}",
                 CRM_FIELD_TYPE_LIST, FALSE);
  check_options ("{\"items\":[{\"key\":\"a\",\"label\":\"Ação\"},{\"key\":\"b\",\"label\":\"acao\"}]}",
                 CRM_FIELD_TYPE_LIST, FALSE);
  check_options ("{\"items\":[{\"key\":\"\",\"label\":\"A\"}]}", CRM_FIELD_TYPE_LIST, FALSE);
  check_options ("{\"items\":[{\"key\":\"a\"}]}", CRM_FIELD_TYPE_LIST, FALSE);
  check_options ("{\"items\":[{\"key\":\"a\",\"label\":\"A\"}]}", CRM_FIELD_TYPE_STRING, FALSE);
  check_options ("{\"precision\":6}", CRM_FIELD_TYPE_DECIMAL, TRUE);
  check_options ("{\"precision\":9}", CRM_FIELD_TYPE_DECIMAL, FALSE);
  check_options ("{\"currency\":\"USD\"}", CRM_FIELD_TYPE_MONEY, TRUE);
  check_options ("{\"currency\":\"XYZ\"}", CRM_FIELD_TYPE_MONEY, FALSE);
  check_options ("{\"link_type\":\"\"}", CRM_FIELD_TYPE_LINK, FALSE);

  /* Defaults are written in the C locale. */
  check_options ("{\"default\":\"2026-11-26\"}", CRM_FIELD_TYPE_DATE, TRUE);
  check_options ("{\"default\":\"2026-02-30\"}", CRM_FIELD_TYPE_DATE, FALSE);
  check_options ("{\"default\":\"12.50\",\"currency\":\"USD\"}", CRM_FIELD_TYPE_MONEY, TRUE);
  check_options ("{\"default\":\"12.505\"}", CRM_FIELD_TYPE_MONEY, FALSE);
  check_options ("{\"default\":\"1\"}", CRM_FIELD_TYPE_BOOLEAN, TRUE);
  check_options ("{\"items\":[{\"key\":\"a\",\"label\":\"A\"}],\"default\":\"a\"}",
                 CRM_FIELD_TYPE_LIST, TRUE);
  check_options ("{\"items\":[{\"key\":\"a\",\"label\":\"A\"}],\"default\":\"z\"}",
                 CRM_FIELD_TYPE_LIST, FALSE);
}

/* ---- Boxed values --------------------------------------------------------------- */

static void
test_value_boxed (void)
{
  g_autoptr(CrmValue) money = crm_value_new_money (500, "BRL");
  g_autoptr(CrmValue) copy = g_boxed_copy (CRM_TYPE_VALUE, money);
  g_autoptr(CrmValue) other = crm_value_new_money (500, "USD");
  g_autoptr(CrmValue) phone = parse_ok (CRM_FIELD_TYPE_PHONE, NULL, pt, "(11) 98765-4321");
  g_autoptr(CrmValue) phone_copy = crm_value_copy (phone);
  g_autoptr(CrmValue) text = crm_value_new_text (CRM_FIELD_TYPE_STRING, "x");

  g_assert_true (G_TYPE_IS_BOXED (CRM_TYPE_VALUE));
  g_assert_true (G_TYPE_IS_BOXED (CRM_TYPE_FIELD_OPTIONS));
  g_assert_true (crm_value_equal (money, copy));
  g_assert_false (crm_value_equal (money, other));
  g_assert_false (crm_value_equal (money, NULL));
  g_assert_true (crm_value_equal (NULL, NULL));
  g_assert_true (crm_value_equal (phone, phone_copy));
  crm_value_set_kind (phone_copy, "home");
  g_assert_false (crm_value_equal (phone, phone_copy));

  /* A kind on a type that has none is not canonical. */
  crm_value_set_kind (text, "work");
  assert_invalid (text, NULL);
  crm_value_set_kind (text, NULL);
  g_assert_true (crm_value_validate (text, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  pt = crm_locale_get ("pt_BR");
  c_locale = crm_locale_get ("C");

  g_test_add_func ("/field-type/codes", test_field_type_codes);
  g_test_add_func ("/field-type/kinds", test_field_type_kinds);
  g_test_add_func ("/locale/lookup", test_locale_lookup);
  g_test_add_func ("/locale/default", test_locale_default);
  g_test_add_func ("/value/empty", test_value_empty);
  g_test_add_func ("/value/string", test_value_string);
  g_test_add_func ("/value/text", test_value_text);
  g_test_add_func ("/value/integer", test_value_integer);
  g_test_add_func ("/value/decimal", test_value_decimal);
  g_test_add_func ("/value/money", test_value_money);
  g_test_add_func ("/value/boolean", test_value_boolean);
  g_test_add_func ("/value/date", test_value_date);
  g_test_add_func ("/value/datetime", test_value_datetime);
  g_test_add_func ("/value/list", test_value_list);
  g_test_add_func ("/value/url", test_value_url);
  g_test_add_func ("/value/email", test_value_email);
  g_test_add_func ("/value/phone", test_value_phone);
  g_test_add_func ("/value/messenger", test_value_messenger);
  g_test_add_func ("/value/address", test_value_address);
  g_test_add_func ("/value/reference", test_value_reference);
  g_test_add_func ("/value/boxed", test_value_boxed);
  g_test_add_func ("/money/currencies", test_currencies);
  g_test_add_func ("/phone/normalize", test_phone_normalize);
  g_test_add_func ("/address/format", test_address_format);
  g_test_add_func ("/options/json", test_options_json);
  g_test_add_func ("/options/validate", test_options_validate);

  return g_test_run ();
}
