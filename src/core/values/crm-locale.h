/* crm-locale.h — how numbers, money and dates are written in a language
 *
 * The core formats values itself instead of relying on setlocale(), so a
 * pt_BR card looks the same whatever locales the machine has generated, and
 * tests can check both pt_BR and C output in one process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrmLocale CrmLocale;

struct _CrmLocale
{
  const char *name;             /* "pt_BR", "en_US", "C" */
  const char *decimal_point;    /* "," */
  const char *thousands_sep;    /* "." ; "" for none */
  const char *date_format;      /* strftime-like for g_date_time_format: "%d/%m/%Y" */
  const char *time_format;      /* "%H:%M" */
  const char *default_currency; /* "BRL" */
  const char *default_country;  /* calling code for phones without one: "55" */
  gboolean    symbol_first;     /* "R$ 1,00" vs "1,00 €" */
  gboolean    symbol_space;     /* a space between symbol and amount */
  gboolean    use_iso_code;     /* C: "BRL 1234.56" instead of a symbol */
  gboolean    day_first;        /* parse 01/02/2026 as 1 February */
};

/* Known: pt_BR, pt_PT, en_US, en_GB, es_ES, de_DE, fr_FR, C. Unknown names
 * fall back on the language part, then on C. Never returns NULL. */
const CrmLocale *crm_locale_get          (const char *name);
/* From LC_ALL / LC_MESSAGES / LANG (g_get_language_names ()). */
const CrmLocale *crm_locale_get_default (void);

G_END_DECLS

G_BEGIN_DECLS

/* "agora", "há 5 minutos", "ontem às 14:30", "12/03/2026": how long ago
 * @time was, seen from @now, in the UI language (gettext). */
char *crm_format_relative_time (GDateTime *time,
                                GDateTime *now);

G_END_DECLS
