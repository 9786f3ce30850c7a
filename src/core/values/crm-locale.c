/* crm-locale.c — how numbers, money and dates are written in a language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crm-locale.h"

#define NBSP "\302\240"   /* U+00A0: keeps "1 234,56" on one line */

/* Within one language, the first entry is the fallback for the others
 * ("pt" and "pt_AO" read as pt_BR). C must stay last. */
static const CrmLocale locales[] = {
  {
    .name = "pt_BR", .decimal_point = ",", .thousands_sep = ".",
    .date_format = "%d/%m/%Y", .time_format = "%H:%M",
    .default_currency = "BRL", .default_country = "55",
    .symbol_first = TRUE, .symbol_space = TRUE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    .name = "pt_PT", .decimal_point = ",", .thousands_sep = NBSP,
    .date_format = "%d/%m/%Y", .time_format = "%H:%M",
    .default_currency = "EUR", .default_country = "351",
    .symbol_first = FALSE, .symbol_space = TRUE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    .name = "en_US", .decimal_point = ".", .thousands_sep = ",",
    .date_format = "%m/%d/%Y", .time_format = "%I:%M %p",
    .default_currency = "USD", .default_country = "1",
    .symbol_first = TRUE, .symbol_space = FALSE, .use_iso_code = FALSE,
    .day_first = FALSE,
  },
  {
    .name = "en_GB", .decimal_point = ".", .thousands_sep = ",",
    .date_format = "%d/%m/%Y", .time_format = "%H:%M",
    .default_currency = "GBP", .default_country = "44",
    .symbol_first = TRUE, .symbol_space = FALSE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    .name = "es_ES", .decimal_point = ",", .thousands_sep = ".",
    .date_format = "%d/%m/%Y", .time_format = "%H:%M",
    .default_currency = "EUR", .default_country = "34",
    .symbol_first = FALSE, .symbol_space = TRUE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    .name = "de_DE", .decimal_point = ",", .thousands_sep = ".",
    .date_format = "%d.%m.%Y", .time_format = "%H:%M",
    .default_currency = "EUR", .default_country = "49",
    .symbol_first = FALSE, .symbol_space = TRUE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    .name = "fr_FR", .decimal_point = ",", .thousands_sep = NBSP,
    .date_format = "%d/%m/%Y", .time_format = "%H:%M",
    .default_currency = "EUR", .default_country = "33",
    .symbol_first = FALSE, .symbol_space = TRUE, .use_iso_code = FALSE,
    .day_first = TRUE,
  },
  {
    /* Machine-like and unambiguous; BRL and +55 because the product's first
     * users work in Brazil. */
    .name = "C", .decimal_point = ".", .thousands_sep = "",
    .date_format = "%Y-%m-%d", .time_format = "%H:%M",
    .default_currency = "BRL", .default_country = "55",
    .symbol_first = TRUE, .symbol_space = TRUE, .use_iso_code = TRUE,
    .day_first = FALSE,
  },
};

#define C_LOCALE (&locales[G_N_ELEMENTS (locales) - 1])

/* "pt_BR.UTF-8@euro" → "pt_BR"; "pt-BR" → "pt_BR". */
static char *
strip_locale_name (const char *name)
{
  char *stripped = g_strndup (name, strcspn (name, ".@"));

  g_strdelimit (stripped, "-", '_');
  return stripped;
}

/* A known locale for @name, by exact name or by language; NULL if none. */
static const CrmLocale *
lookup (const char *name)
{
  g_autofree char *stripped = strip_locale_name (name);
  g_autofree char *language = NULL;

  if (g_str_equal (stripped, "C") || g_str_equal (stripped, "POSIX"))
    return C_LOCALE;

  for (gsize i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (g_ascii_strcasecmp (stripped, locales[i].name) == 0)
        return &locales[i];
    }

  language = g_strndup (stripped, strcspn (stripped, "_"));
  if (*language == '\0')
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (locales) - 1; i++)
    {
      const char *name_i = locales[i].name;
      gsize len = strcspn (name_i, "_");

      if (strlen (language) == len &&
          g_ascii_strncasecmp (language, name_i, len) == 0)
        return &locales[i];
    }

  return NULL;
}

const CrmLocale *
crm_locale_get (const char *name)
{
  const CrmLocale *locale;

  if (name == NULL)
    return C_LOCALE;

  locale = lookup (name);
  return locale != NULL ? locale : C_LOCALE;
}

const CrmLocale *
crm_locale_get_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const CrmLocale *locale = lookup (names[i]);

      if (locale != NULL)
        return locale;
    }

  return C_LOCALE;
}
