/* crm-value-text.c — text-like values: URLs, e-mail addresses, yes/no, lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "crm-error.h"
#include "crm-value-private.h"

#define URL_MAX   2048
#define EMAIL_MAX 254   /* RFC 5321 path limit */

char *
_crm_text_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  /* Drop the combining accents: "Não" and "nao" are the same answer. */
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

#define QUOTE_MAX 40  /* characters of a bad input repeated in a message */

char *
_crm_value_quote (const char *input)
{
  g_autofree char *valid = NULL;
  gsize len;

  if (input == NULL)
    return g_strdup ("");

  /* Enough bytes for QUOTE_MAX characters, without copying megabytes. */
  len = strnlen (input, QUOTE_MAX * 4 + 4);
  valid = g_utf8_make_valid (input, len);
  if (input[len] == '\0' && g_utf8_strlen (valid, -1) <= QUOTE_MAX)
    return g_steal_pointer (&valid);

  if (g_utf8_strlen (valid, -1) > QUOTE_MAX)
    *g_utf8_offset_to_pointer (valid, QUOTE_MAX) = '\0';
  return g_strconcat (valid, "…", NULL);
}

gboolean
_crm_text_check (const char *text,
                 guint       max,
                 gboolean    single_line)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  if (single_line && strpbrk (text, "\r\n") != NULL)
    return FALSE;

  return g_utf8_strlen (text, -1) <= (glong) max;
}

static gboolean
has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/* ---- URLs ---------------------------------------------------------------- */

/* "example.com", "www.example.com:8080/path", "localhost". */
static gboolean
looks_like_host (const char *text)
{
  gsize host_len = strcspn (text, "/?#:");
  g_autofree char *host = g_strndup (text, host_len);
  const char *rest = text + host_len;

  if (host_len == 0 || host[0] == '.' || host[0] == '-' ||
      host[host_len - 1] == '.' || host[host_len - 1] == '-')
    return FALSE;
  if (strchr (host, '.') == NULL && g_ascii_strcasecmp (host, "localhost") != 0)
    return FALSE;

  for (const char *p = host; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '-' && c != '.')
        return FALSE;
    }

  /* A port, if any, is all digits. */
  if (*rest == ':')
    {
      gsize digits = strspn (rest + 1, "0123456789");

      if (digits == 0 || (rest[1 + digits] != '\0' && rest[1 + digits] != '/'))
        return FALSE;
    }

  return TRUE;
}

gboolean
_crm_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (!_crm_text_check (url, URL_MAX, TRUE) || has_space (url))
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

CrmValue *
_crm_url_parse (const char  *input,
                GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  g_autofree char *url = NULL;

  /* Without a scheme, people mean the web site: "example.com". */
  if (strstr (text, "://") == NULL && looks_like_host (text))
    url = g_strconcat ("https://", text, NULL);
  else
    url = g_steal_pointer (&text);

  if (!_crm_url_is_valid (url))
    {
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid web address; write it like https://example.com"),
                   quoted);
      return NULL;
    }

  return crm_value_new_text (CRM_FIELD_TYPE_URL, url);
}

/* ---- E-mail addresses ---------------------------------------------------- */

/* Pragmatic, not RFC 5322: what people actually type into a CRM. */
gboolean
_crm_email_is_valid (const char *email)
{
  const char *at;
  const char *domain;
  g_auto(GStrv) labels = NULL;

  if (!_crm_text_check (email, EMAIL_MAX, TRUE) || has_space (email))
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strpbrk (email, "()<>[]\\,;:\"") != NULL)
    return FALSE;

  domain = at + 1;
  if (strchr (domain, '.') == NULL)
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (labels[i][0] == '\0' || labels[i][0] == '-')
        return FALSE;
    }

  return TRUE;
}

CrmValue *
_crm_email_parse (const char  *input,
                  GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  g_autofree char *domain = NULL;
  g_autofree char *email = NULL;
  char *at;

  if (!_crm_email_is_valid (text))
    {
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a valid e-mail address; write it like name@example.com"),
                   quoted);
      return NULL;
    }

  /* Domains are case-insensitive; the local part, in theory, is not. */
  at = strchr (text, '@');
  *at = '\0';
  domain = g_utf8_strdown (at + 1, -1);
  email = g_strconcat (text, "@", domain, NULL);

  return crm_value_new_text (CRM_FIELD_TYPE_EMAIL, email);
}

char *
_crm_email_get_uri (const char *email)
{
  g_autofree char *escaped = g_uri_escape_string (email, "@!$'()*+,;=", TRUE);

  return g_strconcat ("mailto:", escaped, NULL);
}

/* ---- Yes/no --------------------------------------------------------------- */

/* Words accepted whatever the interface language, already folded. */
static const char * const true_words[] = {
  "1", "true", "yes", "y", "sim", "s", "si", "oui", "ja", NULL
};
static const char * const false_words[] = {
  "0", "false", "no", "n", "nao", "non", "nein", NULL
};

const char *
_crm_boolean_format (gboolean value)
{
  return value ? _("Yes") : _("No");
}

CrmValue *
_crm_boolean_parse (const char  *input,
                    GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  g_autofree char *folded = _crm_text_fold (text);
  g_autofree char *yes = _crm_text_fold (_crm_boolean_format (TRUE));
  g_autofree char *no = _crm_text_fold (_crm_boolean_format (FALSE));
  g_autofree char *quoted = NULL;

  if (g_str_equal (folded, yes) || g_strv_contains (true_words, folded))
    return crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, 1);
  if (g_str_equal (folded, no) || g_strv_contains (false_words, folded))
    return crm_value_new_number (CRM_FIELD_TYPE_BOOLEAN, 0);

  quoted = _crm_value_quote (input);
  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
               _("“%s” is not a yes/no value; use “%s” or “%s”"),
               quoted, _crm_boolean_format (TRUE), _crm_boolean_format (FALSE));
  return NULL;
}

/* ---- Lists ---------------------------------------------------------------- */

/* The exact label, the exact key, then the label or key without case and
 * accents. Labels come first because they are what people see; keys let
 * imports use the stored form. */
CrmValue *
_crm_list_parse (const CrmFieldOptions  *options,
                 const char             *input,
                 GError                **error)
{
  g_autofree char *text = g_strstrip (g_strdup (input));
  g_autofree char *folded = _crm_text_fold (text);
  GPtrArray *items = options != NULL ? options->items : NULL;
  const CrmListItem *found = NULL;

  for (guint pass = 0; items != NULL && pass < 3 && found == NULL; pass++)
    {
      for (guint i = 0; i < items->len && found == NULL; i++)
        {
          const CrmListItem *item = g_ptr_array_index (items, i);

          if (pass == 0 && g_strcmp0 (item->label, text) == 0)
            found = item;
          else if (pass == 1 && g_strcmp0 (item->key, text) == 0)
            found = item;
          else if (pass == 2)
            {
              g_autofree char *label = _crm_text_fold (item->label != NULL ? item->label : "");
              g_autofree char *key = _crm_text_fold (item->key != NULL ? item->key : "");

              if (g_str_equal (label, folded) || g_str_equal (key, folded))
                found = item;
            }
        }
    }

  if (found == NULL)
    {
      g_autofree char *quoted = _crm_value_quote (input);

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not one of the choices of this list"), quoted);
      return NULL;
    }

  return crm_value_new_text (CRM_FIELD_TYPE_LIST, found->key);
}
