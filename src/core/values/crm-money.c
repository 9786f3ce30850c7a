/* crm-money.c — currencies and amounts of money in minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

typedef struct
{
  const char *code;    /* ISO 4217 */
  int         digits;  /* minor units per major unit, as a power of ten */
  const char *symbol;  /* unambiguous across the countries we serve */
} Currency;

/* A bare "$" would mean a dozen currencies here, so only US$, R$, MX$ … */
static const Currency currencies[] = {
  { "BRL", 2, "R$" },
  { "USD", 2, "US$" },
  { "EUR", 2, "€" },
  { "GBP", 2, "£" },
  { "JPY", 0, "¥" },
  { "ARS", 2, "ARS" },
  { "CLP", 0, "CLP" },
  { "MXN", 2, "MX$" },
  { "COP", 2, "COP" },
  { "PEN", 2, "S/" },
  { "UYU", 2, "UYU" },
  { "PYG", 0, "₲" },
  { "CAD", 2, "CA$" },
  { "AUD", 2, "AU$" },
  { "CHF", 2, "CHF" },
  { "CNY", 2, "CN¥" },
  { "KWD", 3, "KWD" },
};

static const char * const currency_codes[] = {
  "BRL", "USD", "EUR", "GBP", "JPY", "ARS", "CLP", "MXN", "COP", "PEN",
  "UYU", "PYG", "CAD", "AUD", "CHF", "CNY", "KWD", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (currency_codes) == G_N_ELEMENTS (currencies) + 1);

static const Currency *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_str_equal (code, currencies[i].code))
        return &currencies[i];
    }

  return NULL;
}

int
crm_currency_get_digits (const char *code)
{
  const Currency *currency;

  g_return_val_if_fail (code != NULL, -1);

  currency = find_currency (code);
  return currency != NULL ? currency->digits : -1;
}

const char *
crm_currency_get_symbol (const char *code)
{
  const Currency *currency;

  g_return_val_if_fail (code != NULL, NULL);

  currency = find_currency (code);
  return currency != NULL ? currency->symbol : code;
}

const char * const *
crm_currency_get_codes (void)
{
  return currency_codes;
}

/* TRUE and the sum in @result, or FALSE and @result untouched. */
gboolean
crm_money_add (gint64  a,
               gint64  b,
               gint64 *result)
{
  gint64 sum;

  g_return_val_if_fail (result != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &sum))
    return FALSE;

  *result = sum;
  return TRUE;
}

gboolean
crm_money_multiply (gint64  minor_units,
                    gint64  factor,
                    gint64 *result)
{
  gint64 product;

  g_return_val_if_fail (result != NULL, FALSE);

  if (__builtin_mul_overflow (minor_units, factor, &product))
    return FALSE;

  *result = product;
  return TRUE;
}

/* ---- Reading and writing amounts ----------------------------------------- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c);
}

/* The currency whose symbol or code starts @text, the longest one ("US$"
 * before "$"); its length in @match_len. A bare "$" stands for the default
 * currency when that is some kind of dollar or real. */
static const char *
match_currency_prefix (const char *text,
                       const char *default_currency,
                       gsize      *match_len)
{
  const char *best = NULL;
  gsize best_len = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      const char *candidates[] = { currencies[i].code, currencies[i].symbol };

      for (gsize j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          gsize len = strlen (candidates[j]);
          gboolean is_code = j == 0 || g_str_equal (candidates[j], currencies[i].code);

          if (len <= best_len)
            continue;
          if (is_code ? g_ascii_strncasecmp (text, candidates[j], len) != 0
                      : strncmp (text, candidates[j], len) != 0)
            continue;
          /* "BRLX" is not BRL. */
          if (is_code && text[len] != '\0' && is_word_char (g_utf8_get_char (text + len)))
            continue;

          best = currencies[i].code;
          best_len = len;
        }
    }

  if (best == NULL && text[0] == '$' && default_currency != NULL &&
      strchr (crm_currency_get_symbol (default_currency), '$') != NULL)
    {
      best = default_currency;
      best_len = 1;
    }

  *match_len = best_len;
  return best;
}

/* Like match_currency_prefix, at the end of @text. */
static const char *
match_currency_suffix (const char *text,
                       const char *default_currency,
                       gsize      *match_len)
{
  gsize text_len = strlen (text);
  const char *best = NULL;
  gsize best_len = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      const char *candidates[] = { currencies[i].code, currencies[i].symbol };

      for (gsize j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          gsize len = strlen (candidates[j]);
          gboolean is_code = j == 0 || g_str_equal (candidates[j], currencies[i].code);
          const char *start = text + text_len - len;

          if (len <= best_len || len > text_len)
            continue;
          if (is_code ? g_ascii_strcasecmp (start, candidates[j]) != 0
                      : strcmp (start, candidates[j]) != 0)
            continue;
          if (is_code && start > text &&
              is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, start))))
            continue;

          best = currencies[i].code;
          best_len = len;
        }
    }

  if (best == NULL && text_len > 0 && text[text_len - 1] == '$' &&
      default_currency != NULL &&
      strchr (crm_currency_get_symbol (default_currency), '$') != NULL)
    {
      best = default_currency;
      best_len = 1;
    }

  *match_len = best_len;
  return best;
}

/* A copy without surrounding white space, no-break spaces included:
 * "R$\u00a05,00" is what many programs copy out of a spreadsheet. */
static char *
strip_copy (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
starts_with_minus (const char *text)
{
  return text[0] == '-' || g_str_has_prefix (text, "\342\210\222");
}

gboolean
_crm_money_parse (const char       *input,
                  const char       *default_currency,
                  const CrmLocale  *locale,
                  gint64           *minor_units,
                  char            **currency,
                  GError          **error)
{
  g_autofree char *text = strip_copy (input);
  g_autofree char *unsigned_text = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *body = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *example = NULL;
  const char *code;
  gboolean negative;
  CrmNumberStatus status;
  gsize len = 0;
  int digits;

  g_assert (locale != NULL);

  /* "-R$ 5,00": the sign may come before the symbol. */
  negative = starts_with_minus (text);
  unsigned_text = strip_copy (negative ? g_utf8_next_char (text) : text);

  code = match_currency_prefix (unsigned_text, default_currency, &len);
  rest = strip_copy (unsigned_text + (code != NULL ? len : 0));
  if (code == NULL)
    {
      code = match_currency_suffix (rest, default_currency, &len);
      if (code != NULL)
        rest[strlen (rest) - len] = '\0';
    }
  body = strip_copy (rest);
  amount = negative ? g_strconcat ("-", body, NULL) : g_strdup (body);

  if (code == NULL)
    code = default_currency;

  digits = code != NULL ? crm_currency_get_digits (code) : -1;
  if (digits < 0)
    {
      g_autofree char *quoted = _crm_value_quote (code);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a known currency"), quoted);
      return FALSE;
    }

  status = _crm_number_parse (amount, locale, (guint) digits, minor_units);
  if (status != CRM_NUMBER_OK)
    {
      example = _crm_money_format (_crm_number_example ((guint) digits), code, locale);
      if (status == CRM_NUMBER_SYNTAX)
        {
          g_autofree char *quoted = _crm_value_quote (input);

          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("“%s” is not a valid amount of money; write it like %s"),
                       quoted, example);
        }
      else
        _crm_number_set_error (status, input, (guint) digits, example, error);
      return FALSE;
    }

  *currency = g_strdup (code);
  return TRUE;
}

char *
_crm_money_format (gint64           minor_units,
                   const char      *currency,
                   const CrmLocale *locale)
{
  int digits = crm_currency_get_digits (currency);
  g_autofree char *formatted = NULL;
  const char *magnitude;
  const char *sign = minor_units < 0 ? "-" : "";
  const char *space;
  const char *symbol;

  g_assert (locale != NULL);

  if (digits < 0)
    digits = 2;

  /* The sign goes in front of everything: "-R$ 5,00", "-5,00 €". */
  formatted = _crm_number_format (minor_units, (guint) digits, locale, TRUE);
  magnitude = formatted[0] == '-' ? formatted + 1 : formatted;

  if (locale->use_iso_code)
    {
      g_autofree char *number = g_strconcat (sign, magnitude, NULL);

      /* "BRL -1234.56" reads better than "-BRL 1234.56" */
      return locale->symbol_first
        ? g_strconcat (currency, " ", number, NULL)
        : g_strconcat (number, " ", currency, NULL);
    }

  symbol = crm_currency_get_symbol (currency);
  space = locale->symbol_space ? " " : "";
  return locale->symbol_first
    ? g_strconcat (sign, symbol, space, magnitude, NULL)
    : g_strconcat (sign, magnitude, space, symbol, NULL);
}

char *
_crm_money_to_input (gint64           minor_units,
                     const char      *currency,
                     const char      *default_currency,
                     const CrmLocale *locale)
{
  int digits = crm_currency_get_digits (currency);
  g_autofree char *number = NULL;

  if (digits < 0)
    digits = 2;

  number = _crm_number_format (minor_units, (guint) digits, locale, FALSE);
  if (g_strcmp0 (currency, default_currency) == 0)
    return g_steal_pointer (&number);

  return g_strconcat (number, " ", currency, NULL);
}
