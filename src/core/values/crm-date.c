/* crm-date.c — dates and date-times as people write them and as we store them
 *
 * Dates are stored "YYYY-MM-DD"; date-times are read in the local time zone
 * and stored in UTC, "YYYY-MM-DDTHH:MM:SSZ", so they sort as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

#define YEAR_MIN 1000
#define YEAR_MAX 9999

typedef struct
{
  int year;
  int month;
  int day;
} Ymd;

/* The order of day, month and year in the locale's format: "dmY". */
static void
get_date_order (const CrmLocale *locale,
                char             order[4])
{
  guint n = 0;

  for (const char *p = locale->date_format; *p != '\0' && n < 3; p++)
    {
      if (p[0] == '%' && strchr ("dmY", p[1]) != NULL)
        order[n++] = *++p;
    }

  order[n] = '\0';
  if (n != 3)
    strcpy (order, "Ymd");
}

/* "DD/MM/YYYY", with the placeholders in the user's language. */
static char *
describe_date_format (const CrmLocale *locale)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = locale->date_format; *p != '\0'; p++)
    {
      if (p[0] != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'd':
          /* Translators: stands for the day in a date format such as DD/MM/YYYY */
          g_string_append (out, C_("date format", "DD"));
          break;
        case 'm':
          /* Translators: stands for the month in a date format such as DD/MM/YYYY */
          g_string_append (out, C_("date format", "MM"));
          break;
        case 'Y':
          /* Translators: stands for the year in a date format such as DD/MM/YYYY */
          g_string_append (out, C_("date format", "YYYY"));
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_datetime_format (const CrmLocale *locale)
{
  g_autofree char *date = describe_date_format (locale);

  /* Translators: the time part of a date-time format, after DD/MM/YYYY */
  return g_strconcat (date, " ", C_("time format", "HH:MM"), NULL);
}

/* Reads a run of 1 to @max_len ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        max_len,
             int         *value,
             guint       *len)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max_len)
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }

  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *value = v;
  *len = n;
  return TRUE;
}

/* Three groups of digits separated by "/", "." or "-"; ISO order when the
 * first one has four digits, else the locale's. */
static gboolean
parse_ymd (const char      *text,
           const CrmLocale *locale,
           Ymd             *ymd)
{
  const char *p = text;
  int values[3];
  guint lens[3];
  char order[4];

  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          if (*p != '/' && *p != '.' && *p != '-')
            return FALSE;
          p++;
        }
      if (!read_digits (&p, 4, &values[i], &lens[i]))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  if (lens[0] == 4)
    strcpy (order, "Ymd");
  else
    get_date_order (locale, order);

  for (guint i = 0; i < 3; i++)
    {
      switch (order[i])
        {
        case 'Y':
          if (lens[i] != 4)
            return FALSE;
          ymd->year = values[i];
          break;
        case 'm':
          if (lens[i] > 2)
            return FALSE;
          ymd->month = values[i];
          break;
        case 'd':
        default:
          if (lens[i] > 2)
            return FALSE;
          ymd->day = values[i];
          break;
        }
    }

  return TRUE;
}

static gboolean
ymd_is_valid (const Ymd *ymd)
{
  return ymd->year >= YEAR_MIN && ymd->year <= YEAR_MAX &&
         ymd->month >= 1 && ymd->month <= 12 && ymd->day >= 1 &&
         g_date_valid_dmy ((GDateDay) ymd->day, (GDateMonth) ymd->month,
                           (GDateYear) ymd->year);
}

static void
set_year_error (const char  *input,
                GError     **error)
{
  g_autofree char *quoted = _crm_value_quote (input);

  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("“%s” is not a valid date; the year must be between %d and %d"),
               quoted, YEAR_MIN, YEAR_MAX);
}

char *
_crm_date_parse (const char       *input,
                 const CrmLocale  *locale,
                 GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  Ymd ymd;

  if (!parse_ymd (text, locale, &ymd) || !ymd_is_valid (&ymd))
    {
      g_autofree char *expected = describe_date_format (locale);
      g_autofree char *quoted = _crm_value_quote (input);

      if (parse_ymd (text, locale, &ymd) && (ymd.year < YEAR_MIN || ymd.year > YEAR_MAX))
        set_year_error (input, error);
      else
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("“%s” is not a valid date; use %s"), quoted, expected);
      return NULL;
    }

  return g_strdup_printf ("%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
}

gboolean
_crm_date_is_valid (const char *canonical)
{
  Ymd ymd;

  if (canonical == NULL || strlen (canonical) != 10 ||
      canonical[4] != '-' || canonical[7] != '-')
    return FALSE;

  return parse_ymd (canonical, crm_locale_get ("C"), &ymd) && ymd_is_valid (&ymd);
}

char *
_crm_date_format (const char      *canonical,
                  const CrmLocale *locale)
{
  g_autoptr(GDateTime) dt = NULL;
  Ymd ymd;

  if (!_crm_date_is_valid (canonical))
    return g_strdup (canonical != NULL ? canonical : "");

  parse_ymd (canonical, crm_locale_get ("C"), &ymd);
  dt = g_date_time_new_utc (ymd.year, ymd.month, ymd.day, 0, 0, 0);
  return g_date_time_format (dt, locale->date_format);
}

/* "14:30", "14:30:05", "2:30 PM". */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute,
            int        *second)
{
  const char *p = text;
  guint len;

  *second = 0;
  if (!read_digits (&p, 2, hour, &len) || *p++ != ':' ||
      !read_digits (&p, 2, minute, &len) || len != 2)
    return FALSE;

  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, second, &len) || len != 2)
        return FALSE;
    }

  while (*p == ' ')
    p++;

  if (*p != '\0')
    {
      gboolean pm;

      if (g_ascii_strcasecmp (p, "am") == 0 || g_ascii_strcasecmp (p, "a.m.") == 0)
        pm = FALSE;
      else if (g_ascii_strcasecmp (p, "pm") == 0 || g_ascii_strcasecmp (p, "p.m.") == 0)
        pm = TRUE;
      else
        return FALSE;

      if (*hour < 1 || *hour > 12)
        return FALSE;
      *hour = (*hour % 12) + (pm ? 12 : 0);
    }

  return *hour <= 23 && *minute <= 59 && *second <= 59;
}

char *
_crm_datetime_parse (const char       *input,
                     const CrmLocale  *locale,
                     GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  char *t = strchr (text, 'T');
  char *space;

  if (t != NULL)
    {
      /* ISO 8601; without an offset it is local time. */
      local = g_date_time_new_from_iso8601 (text, tz);
      /* GLib wants seconds; "2026-11-26T14:30" is still clear enough. */
      if (local == NULL)
        *t = ' ';
    }

  space = strchr (text, ' ');
  if (local == NULL && space != NULL)
    {
      int hour, minute, second;
      Ymd ymd;

      *space = '\0';
      if (parse_ymd (text, locale, &ymd) && ymd_is_valid (&ymd) &&
          parse_time (g_strchug (space + 1), &hour, &minute, &second))
        local = g_date_time_new (tz, ymd.year, ymd.month, ymd.day,
                                 hour, minute, second);
    }

  if (local != NULL)
    utc = g_date_time_to_utc (local);

  if (utc == NULL)
    {
      g_autofree char *expected = describe_datetime_format (locale);
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid date and time; use %s"),
                   quoted, expected);
      return NULL;
    }

  if (g_date_time_get_year (utc) < YEAR_MIN || g_date_time_get_year (utc) > YEAR_MAX)
    {
      set_year_error (input, error);
      return NULL;
    }

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
datetime_from_canonical (const char *canonical)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *again = NULL;

  if (canonical == NULL || strlen (canonical) != 20 || canonical[10] != 'T' ||
      canonical[19] != 'Z')
    return NULL;

  dt = g_date_time_new_from_iso8601 (canonical, NULL);
  if (dt == NULL)
    return NULL;

  /* Only the exact canonical spelling, so equal values compare equal. */
  again = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  if (g_strcmp0 (again, canonical) != 0)
    return NULL;

  return g_steal_pointer (&dt);
}

gboolean
_crm_datetime_is_valid (const char *canonical)
{
  g_autoptr(GDateTime) dt = datetime_from_canonical (canonical);

  return dt != NULL && g_date_time_get_year (dt) >= YEAR_MIN &&
         g_date_time_get_year (dt) <= YEAR_MAX;
}

char *
_crm_datetime_format (const char      *canonical,
                      const CrmLocale *locale,
                      gboolean         for_input)
{
  g_autoptr(GDateTime) dt = datetime_from_canonical (canonical);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *format = NULL;
  const char *time_format;

  if (dt == NULL)
    return g_strdup (canonical != NULL ? canonical : "");

  local = g_date_time_to_local (dt);
  if (for_input)
    time_format = g_date_time_get_second (local) != 0 ? "%H:%M:%S" : "%H:%M";
  else
    time_format = locale->time_format;

  format = g_strconcat (locale->date_format, " ", time_format, NULL);
  return g_date_time_format (local, format);
}
