/* crm-search.c — what a person types, as an FTS5 query, and the words an
 * element is found by
 *
 * The index holds one row per element (rowid = element id): the title, and
 * a body with the words of its values. Words of a field everyone sees are
 * written as they are. Words of a restricted field are written as one
 * token each: the field's search tag (crm-field.c) followed by the word,
 * folded and in hexadecimal. Only a query built for a session that may see
 * the field asks for such tokens, so the same row answers every user, and
 * nobody can type their way into a tag: queries keep letters and digits
 * only, and a tag starts with a private-use character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog-private.h"
#include "crm-element-list-model.h"
#include "crm-search-private.h"
#include "crm-search.h"
#include "crm-value-private.h"

/* ---- Words ----------------------------------------------------------------------- */

/* The words of @text: runs of letters and digits, composed (NFC), so that
 * what is typed and what is stored split the same way. */
static GStrv
split_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *composed = NULL;

  if (text == NULL || (composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC)) == NULL)
    return g_strv_builder_end (builder);

  for (const char *p = composed; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return g_strv_builder_end (builder);
}

/* A restricted word as the index stores it: the tag, then the folded word
 * in hexadecimal. The tokenizer sees one word made of ASCII after the tag,
 * so it can neither split it (leaking a part untagged) nor fold it
 * differently from the query; a prefix of the word is a prefix of this. */
static void
append_tagged (GString    *out,
               const char *tag,
               const char *word)
{
  g_autofree char *folded = _crm_text_fold (word);

  g_string_append (out, tag);
  for (const guchar *p = (const guchar *)folded; *p != '\0'; p++)
    g_string_append_printf (out, "%02x", *p);
}

/* ---- The index side --------------------------------------------------------------- */

/* The words search finds a value by: text values, list labels, the
 * digits of phones. */
static void
append_value_text (GString               *out,
                   CrmFieldType           type,
                   const CrmFieldOptions *options,
                   const CrmValue        *value)
{
  switch (type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_MESSENGER:
      if (value->text != NULL)
        g_string_append_printf (out, "%s\n", value->text);
      break;
    case CRM_FIELD_TYPE_PHONE:
      if (value->text != NULL)
        g_string_append_printf (out, "%s %s\n", value->text, value->aux ? value->aux + 1 : "");
      break;
    case CRM_FIELD_TYPE_LIST:
      {
        const CrmListItem *item = options ? crm_field_options_find_item (options, value->text) : NULL;

        if (item != NULL)
          g_string_append_printf (out, "%s\n", item->label);
      }
      break;
    case CRM_FIELD_TYPE_ADDRESS:
      {
        g_autoptr(CrmAddress) address = value->text ? crm_address_from_json (value->text, NULL) : NULL;
        g_autofree char *text = address ? crm_address_format (address) : NULL;

        if (text != NULL)
          g_string_append_printf (out, "%s\n", text);
      }
      break;
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      break;
    }
}

gboolean
_crm_search_type_is_indexed (CrmFieldType type)
{
  switch (type)
    {
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_ADDRESS:
      return TRUE;
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_FILE:
    case CRM_FIELD_TYPE_LINK:
    case CRM_FIELD_TYPE_EMPLOYEE:
    case CRM_FIELD_TYPE_PIPELINE:
    case CRM_FIELD_TYPE_STAGE:
    case CRM_FIELD_TYPE_LAST:
    default:
      return FALSE;
    }
}

void
_crm_search_append_value (GString               *body,
                          CrmFieldType           type,
                          const CrmFieldOptions *options,
                          const char            *tag,
                          const CrmValue        *value)
{
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) words = NULL;

  if (tag == NULL)
    {
      append_value_text (body, type, options, value);
      return;
    }

  text = g_string_new (NULL);
  append_value_text (text, type, options, value);
  words = split_words (text->str);
  for (guint i = 0; words[i] != NULL; i++)
    {
      append_tagged (body, tag, words[i]);
      g_string_append_c (body, ' ');
    }
  if (words[0] != NULL)
    g_string_append_c (body, '\n');
}

/* ---- The query side --------------------------------------------------------------- */

char *
crm_search_build_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = split_words (text);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", words[i]);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

char *
crm_search_build_query_for (CrmSession *session,
                            gint64      entity_type_id,
                            const char *text)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GString) query = NULL;
  g_auto(GStrv) words = NULL;
  GListModel *fields;
  guint n;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);

  fields = crm_catalog_get_fields (crm_store_get_catalog (crm_session_get_store (session)),
                                   entity_type_id);
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      const char *tag = _crm_field_get_search_tag (field);

      /* The catalog keeps the field, and so its tag, alive. */
      if (tag != NULL && _crm_search_type_is_indexed (crm_field_get_field_type (field)) &&
          crm_session_can_see_field (session, field))
        g_ptr_array_add (tags, (gpointer)tag);
    }

  if (tags->len == 0)
    return crm_search_build_query (text);

  query = g_string_new (NULL);
  words = split_words (text);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (query->len > 0)
        g_string_append (query, " AND ");
      /* FTS5 wants an explicit AND after a parenthesised group. */
      g_string_append_printf (query, "(\"%s\"*", words[i]);
      for (guint j = 0; j < tags->len; j++)
        {
          g_string_append (query, " OR \"");
          append_tagged (query, g_ptr_array_index (tags, j), words[i]);
          g_string_append (query, "\"*");
        }
      g_string_append_c (query, ')');
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}
