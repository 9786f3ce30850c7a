/* crm-search.c — what a person types, as an FTS5 query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-element-list-model.h"

char *
crm_search_build_query (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *composed = NULL;

  if (text == NULL || (composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC)) == NULL)
    return NULL;

  /* Keep letters and digits only, so nothing typed can be FTS5 syntax; the
   * tokenizer removes diacritics on both sides. */
  {
    g_autoptr(GString) clean = g_string_new (NULL);

    for (const char *p = composed; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isalnum (c))
          g_string_append_unichar (clean, c);
        else
          g_string_append_c (clean, ' ');
      }
    words = g_strsplit (clean->str, " ", -1);
  }

  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", words[i]);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

