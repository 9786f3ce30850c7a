/* crm-phone.c — phone numbers as typed and in E.164
 *
 * We keep what people typed (it is how they recognise the number) and add the
 * E.164 form, which is what tel: and WhatsApp links need. This is not a full
 * numbering plan: E.164 length rules everywhere, and the national rules of
 * Brazil (our first users) and of the +1 area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

#define E164_MIN_DIGITS 8
#define E164_MAX_DIGITS 15

#define NBSP "\302\240"

gboolean
_crm_phone_is_e164 (const char *e164)
{
  gsize len;

  if (e164 == NULL || e164[0] != '+' || e164[1] < '1' || e164[1] > '9')
    return FALSE;

  len = strlen (e164 + 1);
  return len >= E164_MIN_DIGITS && len <= E164_MAX_DIGITS &&
         strspn (e164 + 1, "0123456789") == len;
}

/* The digits of @text, or NULL if it holds anything but digits and the
 * punctuation people put in phone numbers. @international tells whether it
 * started with "+". */
static char *
extract_digits (const char *text,
                gboolean   *international)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  *international = (*p == '+');
  if (*international)
    p++;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (g_str_has_prefix (p, NBSP))
        p++;
      else if (strchr (" ()-./", *p) == NULL)
        return NULL;
      p++;
    }

  if (digits->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* Area codes run from 11 to 99 without zeros; mobiles have 9 digits
 * starting with 9, landlines 8. */
static gboolean
brazilian_number_is_valid (const char *national)
{
  gsize len = strlen (national);

  if (len != 10 && len != 11)
    return FALSE;
  if (national[0] == '0' || national[1] == '0')
    return FALSE;

  return len == 10 || national[2] == '9';
}

/* From a national number and the default country to E.164 digits. */
static char *
apply_default_country (const char *national,
                       const char *country)
{
  gboolean trunk = FALSE;
  gsize len;

  /* The trunk prefix for calls inside the country: "0 11 …", "0 20 …". */
  if (national[0] == '0')
    {
      national++;
      trunk = TRUE;
    }
  len = strlen (national);

  if (g_str_equal (country, "55"))
    {
      /* "0 21 11 98765-4321": a carrier code after the trunk prefix. */
      if (trunk && (len == 12 || len == 13))
        national += 2;
      /* "55 11 98765-4321": the country code typed without "+". */
      else if (!trunk && (len == 12 || len == 13) && g_str_has_prefix (national, "55"))
        return g_strdup (national);
    }
  else if (g_str_equal (country, "1"))
    {
      /* "1 202 555 0100": the +1 area dials its country code as a prefix. */
      if (!trunk && len == 11 && national[0] == '1')
        return g_strdup (national);
    }

  return g_strconcat (country, national, NULL);
}

static void
set_phone_error (const char  *input,
                 const char  *default_country,
                 GError     **error)
{
  g_autofree char *quoted = _crm_value_quote (input);

  if (g_strcmp0 (default_country, "55") == 0)
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("“%s” is not a valid phone number; write it with the area code, like (11) 98765-4321"),
                 quoted);
  else
    g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                 _("“%s” is not a valid phone number; write it with the country code, like +55 11 98765-4321"),
                 quoted);
}

char *
crm_phone_normalize (const char  *input,
                     const char  *default_country,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *e164 = NULL;
  gboolean international;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_strstrip (g_strdup (input));
  digits = extract_digits (text, &international);
  if (digits == NULL)
    {
      set_phone_error (input, default_country, error);
      return NULL;
    }

  /* "00" is the international prefix of most of the world. */
  if (!international && g_str_has_prefix (digits, "00"))
    {
      char *rest = g_strdup (digits + 2);

      g_free (digits);
      digits = rest;
      international = TRUE;
    }

  if (international)
    e164 = g_strconcat ("+", digits, NULL);
  else if (default_country != NULL && *default_country != '\0' &&
           strspn (default_country, "0123456789") == strlen (default_country))
    {
      g_autofree char *full = apply_default_country (digits, default_country);

      e164 = g_strconcat ("+", full, NULL);
    }

  if (e164 == NULL || !_crm_phone_is_e164 (e164) ||
      (g_str_has_prefix (e164, "+55") && !brazilian_number_is_valid (e164 + 3)) ||
      (g_str_has_prefix (e164, "+1") && strlen (e164) != 12))
    {
      set_phone_error (input, default_country, error);
      return NULL;
    }

  return g_steal_pointer (&e164);
}
