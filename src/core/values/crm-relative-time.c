/* crm-relative-time.c — "há 5 minutos"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-locale.h"

char *
crm_format_relative_time (GDateTime *time,
                          GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  const CrmLocale *locale;
  GTimeSpan span;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  span = g_date_time_difference (now, time);
  /* A clock a little behind another machine's still says "now". */
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      int minutes = span / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes),
                              minutes);
    }

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  locale = crm_locale_get_default ();

  days = g_date_time_get_day_of_year (local_now) - g_date_time_get_day_of_year (local);
  if (g_date_time_get_year (local) != g_date_time_get_year (local_now))
    days = span / G_TIME_SPAN_DAY + 1;

  if (days == 0)
    {
      int hours = span / G_TIME_SPAN_HOUR;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                              hours);
    }
  if (days == 1)
    {
      g_autofree char *clock = g_date_time_format (local, locale->time_format);

      /* Translators: "yesterday at 14:30" */
      return g_strdup_printf (_("yesterday at %s"), clock);
    }
  if (days < 7)
    {
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                              days);
    }
  return g_date_time_format (local, locale->date_format);
}
