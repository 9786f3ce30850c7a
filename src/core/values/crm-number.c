/* crm-number.c — fixed-point numbers written the way a locale writes them
 *
 * Integers, decimals and money all go through here. Numbers are int64 scaled
 * by a power of ten; nothing is ever a double, so nothing is ever rounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

#define NBSP  "\302\240"       /* U+00A0 */
#define NNBSP "\342\200\257"   /* U+202F, what recent fr_FR locales group with */
#define MINUS "\342\210\222"   /* U+2212 */

/* Shape letters, one per separator met in the input. */
#define SEP_DECIMAL 'D'  /* the locale's decimal point */
#define SEP_GROUP   'G'  /* the locale's thousands separator */
#define SEP_DOT     'p'  /* a "." that is neither */
#define SEP_COMMA   'c'  /* a "," that is neither */

static gboolean
is_space_separator (const char *sep)
{
  return g_str_equal (sep, " ") || g_str_equal (sep, NBSP) ||
         g_str_equal (sep, NNBSP);
}

/* The length of the separator at @p, or 0. */
static gsize
match_group (const char      *p,
             const CrmLocale *locale)
{
  const char *sep = locale->thousands_sep;

  if (sep == NULL || *sep == '\0')
    return 0;
  if (g_str_has_prefix (p, sep))
    return strlen (sep);

  /* People type a plain space where the locale groups with a no-break one. */
  if (is_space_separator (sep))
    {
      if (*p == ' ')
        return 1;
      if (g_str_has_prefix (p, NBSP))
        return strlen (NBSP);
      if (g_str_has_prefix (p, NNBSP))
        return strlen (NNBSP);
    }

  return 0;
}

/* Groups after the first have exactly three digits. */
static gboolean
grouping_is_valid (const char *shape)
{
  g_auto(GStrv) groups = g_strsplit (shape, (char[]) { SEP_GROUP, '\0' }, -1);
  guint n = g_strv_length (groups);

  if (n < 2)
    return TRUE;

  if (strlen (groups[0]) < 1 || strlen (groups[0]) > 3)
    return FALSE;
  for (guint i = 1; i < n; i++)
    {
      if (strlen (groups[i]) != 3)
        return FALSE;
    }

  return TRUE;
}

static guint
count_char (const char *s,
            char        c)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += (*s == c);
  return n;
}

/* Multiplies and adds into a magnitude that must stay within @limit. */
static gboolean
push_digit (guint64 *acc,
            guint    digit,
            guint64  limit)
{
  guint64 next;

  if (__builtin_mul_overflow (*acc, (guint64) 10, &next) ||
      __builtin_add_overflow (next, (guint64) digit, &next) ||
      next > limit)
    return FALSE;

  *acc = next;
  return TRUE;
}

CrmNumberStatus
_crm_number_parse (const char      *text,
                   const CrmLocale *locale,
                   guint            digits,
                   gint64          *result)
{
  g_autoptr(GString) shape = g_string_new (NULL);
  const char *p = text;
  const char *int_part;
  const char *frac_part = "";
  g_autofree char *int_copy = NULL;
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  guint64 limit;
  gsize frac_len;
  char *decimal;

  g_assert (text != NULL);
  g_assert (locale != NULL);
  g_assert (result != NULL);

  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }
  else if (g_str_has_prefix (p, MINUS))
    {
      negative = TRUE;
      p += strlen (MINUS);
    }

  /* Reduce the input to digits and separator letters. */
  while (*p != '\0')
    {
      gsize len;

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (shape, *p);
          p++;
        }
      else if (g_str_has_prefix (p, locale->decimal_point))
        {
          g_string_append_c (shape, SEP_DECIMAL);
          p += strlen (locale->decimal_point);
        }
      else if ((len = match_group (p, locale)) > 0)
        {
          g_string_append_c (shape, SEP_GROUP);
          p += len;
        }
      else if (*p == '.' || *p == ',')
        {
          g_string_append_c (shape, *p == '.' ? SEP_DOT : SEP_COMMA);
          p++;
        }
      else
        return CRM_NUMBER_SYNTAX;
    }

  if (count_char (shape->str, SEP_COMMA) > 0 ||
      count_char (shape->str, SEP_DECIMAL) + count_char (shape->str, SEP_DOT) > 1)
    return CRM_NUMBER_SYNTAX;

  /* A plain "." is the decimal point when the locale has another one and
   * nothing else claims it: "1234.56" in pt_BR, "12.5" in fr_FR. */
  if (strchr (shape->str, SEP_DOT) != NULL)
    {
      if (strchr (shape->str, SEP_DECIMAL) != NULL)
        return CRM_NUMBER_SYNTAX;
      *strchr (shape->str, SEP_DOT) = SEP_DECIMAL;
    }
  else if (strchr (shape->str, SEP_DECIMAL) == NULL &&
           g_str_equal (locale->thousands_sep, ".") &&
           count_char (shape->str, SEP_GROUP) == 1 &&
           !grouping_is_valid (shape->str))
    {
      *strchr (shape->str, SEP_GROUP) = SEP_DECIMAL;
    }

  decimal = strchr (shape->str, SEP_DECIMAL);
  if (decimal != NULL)
    {
      *decimal = '\0';
      frac_part = decimal + 1;
      /* No separators after the decimal point, and some digit after it. */
      if (*frac_part == '\0' || strspn (frac_part, "0123456789") != strlen (frac_part))
        return CRM_NUMBER_SYNTAX;
    }
  int_part = shape->str;

  if (*int_part == '\0' && *frac_part == '\0')
    return CRM_NUMBER_SYNTAX;
  if (!grouping_is_valid (int_part))
    return CRM_NUMBER_SYNTAX;

  /* Extra decimal places are fine only when they say nothing: 1,500 at
   * precision 2. Anything else would have to be rounded. */
  frac_len = strlen (frac_part);
  for (gsize i = digits; i < frac_len; i++)
    {
      if (frac_part[i] != '0')
        return CRM_NUMBER_PRECISION;
    }

  /* INT64_MIN has no positive twin: allow one more on the negative side. */
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  int_copy = g_strdup (int_part);
  for (const char *q = int_copy; *q != '\0'; q++)
    {
      if (*q == SEP_GROUP)
        continue;
      if (!push_digit (&magnitude, (guint) (*q - '0'), limit))
        return CRM_NUMBER_OVERFLOW;
    }
  for (guint i = 0; i < digits; i++)
    {
      guint digit = i < frac_len ? (guint) (frac_part[i] - '0') : 0;

      if (!push_digit (&magnitude, digit, limit))
        return CRM_NUMBER_OVERFLOW;
    }

  if (negative)
    *result = magnitude == (guint64) G_MAXINT64 + 1 ? G_MININT64 : -(gint64) magnitude;
  else
    *result = (gint64) magnitude;

  return CRM_NUMBER_OK;
}

char *
_crm_number_format (gint64           number,
                    guint            digits,
                    const CrmLocale *locale,
                    gboolean         grouped)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char int_digits[32];
  guint64 magnitude;
  guint64 scale = 1;
  guint64 int_part;
  guint64 frac_part;
  gsize len;

  g_assert (locale != NULL);
  g_assert (digits <= 18);

  for (guint i = 0; i < digits; i++)
    scale *= 10;

  /* Negating INT64_MIN overflows; go through unsigned arithmetic. */
  magnitude = number < 0 ? (guint64) 0 - (guint64) number : (guint64) number;
  int_part = magnitude / scale;
  frac_part = magnitude % scale;

  if (number < 0)
    g_string_append_c (out, '-');

  g_snprintf (int_digits, sizeof int_digits, "%" G_GUINT64_FORMAT, int_part);
  len = strlen (int_digits);
  for (gsize i = 0; i < len; i++)
    {
      if (grouped && i > 0 && (len - i) % 3 == 0)
        g_string_append (out, locale->thousands_sep);
      g_string_append_c (out, int_digits[i]);
    }

  if (digits > 0)
    {
      g_string_append (out, locale->decimal_point);
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) digits, frac_part);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* 1234,56 scaled to @digits places, to show the expected form in messages. */
gint64
_crm_number_example (guint digits)
{
  gint64 scale = 1;

  for (guint i = 0; i < digits; i++)
    scale *= 10;
  return 1234 * scale + (56 * scale) / 100;
}

void
_crm_number_set_error (CrmNumberStatus   status,
                       const char       *input,
                       guint             digits,
                       const char       *example,
                       GError          **error)
{
  g_autofree char *quoted = _crm_value_quote (input);

  switch (status)
    {
    case CRM_NUMBER_PRECISION:
      if (digits == 0)
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("“%s” is not a whole number"), quoted);
      else
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "“%s” has more than %u decimal place",
                                  "“%s” has more than %u decimal places",
                                  digits),
                     quoted, digits);
      break;
    case CRM_NUMBER_OVERFLOW:
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is too large"), quoted);
      break;
    case CRM_NUMBER_SYNTAX:
    case CRM_NUMBER_OK:
    default:
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid number; write it like %s"),
                   quoted, example);
      break;
    }
}
