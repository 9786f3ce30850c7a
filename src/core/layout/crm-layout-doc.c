/* crm-layout-doc.c — a layout as a document: read whole, written whole,
 * and as JSON
 *
 * One shape serves three needs: copying a layout into another (a new
 * personal layout or view, the standard one for all), the undo history
 * of customizing, and export and import. A document holds every field a
 * layout places, those the reader may not see included: it is the
 * layout's structure, not anyone's values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-store-private.h"

#define DOC_FORMAT "clientele-layout"
#define DOC_VERSION 1

static void
doc_section_free (gpointer data)
{
  CrmLayoutDocSection *section = data;

  g_free (section->code);
  g_free (section->title);
  g_clear_pointer (&section->field_ids, g_array_unref);
  g_free (section);
}

static CrmLayoutDocSection *
doc_section_new (const char *code,
                 const char *title,
                 gboolean    title_is_msgid)
{
  CrmLayoutDocSection *section = g_new0 (CrmLayoutDocSection, 1);

  section->code = g_strdup (code);
  section->title = g_strdup (title);
  section->title_is_msgid = title_is_msgid;
  section->field_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return section;
}

CrmLayoutDoc *
_crm_layout_doc_new (void)
{
  CrmLayoutDoc *doc = g_new0 (CrmLayoutDoc, 1);

  doc->sections = g_ptr_array_new_with_free_func (doc_section_free);
  doc->tabs = g_array_new (FALSE, FALSE, sizeof (CrmLayoutDocTab));
  return doc;
}

void
_crm_layout_doc_free (CrmLayoutDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->sections);
  g_array_unref (doc->tabs);
  g_free (doc);
}

gboolean
_crm_layout_doc_equal (const CrmLayoutDoc *a,
                       const CrmLayoutDoc *b)
{
  if (a->sections->len != b->sections->len || a->tabs->len != b->tabs->len)
    return FALSE;
  for (guint i = 0; i < a->sections->len; i++)
    {
      CrmLayoutDocSection *x = g_ptr_array_index (a->sections, i);
      CrmLayoutDocSection *y = g_ptr_array_index (b->sections, i);

      if (g_strcmp0 (x->code, y->code) != 0 || g_strcmp0 (x->title, y->title) != 0 ||
          x->title_is_msgid != y->title_is_msgid || x->field_ids->len != y->field_ids->len ||
          memcmp (x->field_ids->data, y->field_ids->data, x->field_ids->len * sizeof (gint64)) != 0)
        return FALSE;
    }
  return memcmp (a->tabs->data, b->tabs->data, a->tabs->len * sizeof (CrmLayoutDocTab)) == 0;
}

/* ---- Reading and writing --------------------------------------------------------- */

CrmLayoutDoc *
_crm_layout_doc_read (CrmStore    *store,
                      gint64       layout_id,
                      GError     **error)
{
  g_autoptr(CrmLayoutDoc) doc = _crm_layout_doc_new ();
  CrmLayoutDocSection *section = NULL;
  gint64 section_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT s.id, s.code, s.title, s.label_msgid, p.field_id "
                             "FROM layout_sections s LEFT JOIN layout_placements p ON p.section_id = s.id "
                             "WHERE s.layout_id = ? ORDER BY s.sort, s.id, p.sort", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (section == NULL || sqlite3_column_int64 (stmt, 0) != section_id)
        {
          section_id = sqlite3_column_int64 (stmt, 0);
          section = doc_section_new ((const char *)sqlite3_column_text (stmt, 1),
                                     (const char *)sqlite3_column_text (stmt, 2),
                                     sqlite3_column_int (stmt, 3));
          g_ptr_array_add (doc->sections, section);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          gint64 field_id = sqlite3_column_int64 (stmt, 4);

          g_array_append_val (section->field_ids, field_id);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }

  stmt = _crm_store_prepare (store, "SELECT tab, hidden FROM layout_tabs WHERE layout_id = ? ORDER BY sort",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmLayoutDocTab tab = { 0, };

      if (!crm_tab_from_code ((const char *)sqlite3_column_text (stmt, 0), &tab.tab))
        continue;
      tab.hidden = sqlite3_column_int (stmt, 1);
      g_array_append_val (doc->tabs, tab);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/* Inside a transaction: the layout becomes @doc. Fields deleted since the
 * document was taken are left out. */
gboolean
_crm_layout_doc_write (CrmStore            *store,
                       gint64               layout_id,
                       const CrmLayoutDoc  *doc,
                       GError             **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (store);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store, "DELETE FROM layout_sections WHERE layout_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  stmt = _crm_store_prepare (store, "DELETE FROM layout_tabs WHERE layout_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < doc->sections->len; i++)
    {
      CrmLayoutDocSection *section = g_ptr_array_index (doc->sections, i);
      gint64 section_id;
      int sort = 0;

      stmt = _crm_store_prepare (store,
                                 "INSERT INTO layout_sections (layout_id, code, title, label_msgid, sort) "
                                 "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, layout_id);
      sqlite3_bind_text (stmt, 2, section->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, section->title, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, section->title_is_msgid);
      sqlite3_bind_int (stmt, 5, i);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
      section_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

      for (guint j = 0; j < section->field_ids->len; j++)
        {
          gint64 field_id = g_array_index (section->field_ids, gint64, j);

          if (crm_catalog_get_field (catalog, field_id) == NULL)
            continue;
          /* OR IGNORE: a field listed twice stays where it came first. */
          stmt = _crm_store_prepare (store,
                                     "INSERT INTO layout_placements (section_id, field_id, sort) "
                                     "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM layout_placements p "
                                     "  JOIN layout_sections s ON s.id = p.section_id "
                                     "  WHERE s.layout_id = ?4 AND p.field_id = ?2)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, section_id);
          sqlite3_bind_int64 (stmt, 2, field_id);
          sqlite3_bind_int (stmt, 3, sort++);
          sqlite3_bind_int64 (stmt, 4, layout_id);
          if (!_crm_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < doc->tabs->len; i++)
    {
      const CrmLayoutDocTab *tab = &g_array_index (doc->tabs, CrmLayoutDocTab, i);

      stmt = _crm_store_prepare (store,
                                 "INSERT OR IGNORE INTO layout_tabs (layout_id, tab, sort, hidden) "
                                 "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, layout_id);
      sqlite3_bind_text (stmt, 2, crm_tab_to_code (tab->tab), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      /* General is the card itself: never hidden. */
      sqlite3_bind_int (stmt, 4, tab->hidden && tab->tab != CRM_TAB_GENERAL);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_crm_layout_copy (CrmStore  *store,
                  gint64     from_id,
                  gint64     to_id,
                  GError   **error)
{
  g_autoptr(CrmLayoutDoc) doc = _crm_layout_doc_read (store, from_id, error);

  return doc != NULL && _crm_layout_doc_write (store, to_id, doc, error);
}

/* ---- JSON ---------------------------------------------------------------------- */

char *
_crm_layout_doc_to_json (CrmCatalog          *catalog,
                         gint64               entity_type_id,
                         const CrmLayoutDoc  *doc)
{
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, entity_type_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DOC_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOC_VERSION);
  json_builder_set_member_name (builder, "entity_type");
  json_builder_add_string_value (builder, type != NULL ? crm_entity_type_get_code (type) : "");

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < doc->sections->len; i++)
    {
      CrmLayoutDocSection *section = g_ptr_array_index (doc->sections, i);

      json_builder_begin_object (builder);
      if (section->code != NULL)
        {
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, section->code);
        }
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, section->title);
      /* A built-in title is read in each reader's language. */
      json_builder_set_member_name (builder, "translated");
      json_builder_add_boolean_value (builder, section->title_is_msgid);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint j = 0; j < section->field_ids->len; j++)
        {
          CrmField *field = crm_catalog_get_field (catalog, g_array_index (section->field_ids, gint64, j));

          if (field != NULL)
            json_builder_add_string_value (builder, crm_field_get_code (field));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tabs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < doc->tabs->len; i++)
    {
      const CrmLayoutDocTab *tab = &g_array_index (doc->tabs, CrmLayoutDocTab, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tab");
      json_builder_add_string_value (builder, crm_tab_to_code (tab->tab));
      json_builder_set_member_name (builder, "hidden");
      json_builder_add_boolean_value (builder, tab->hidden);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION, message);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_section (CrmCatalog    *catalog,
              gint64         entity_type_id,
              JsonNode      *node,
              GHashTable    *seen,
              CrmLayoutDoc  *doc,
              GError       **error)
{
  g_autofree char *clean = NULL;
  CrmLayoutDocSection *section;
  JsonObject *object;
  JsonArray *fields;
  const char *title;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("A section of the layout file is not an object"));
  object = json_node_get_object (node);
  title = get_string (object, "title");
  clean = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  if (clean == NULL || *clean == '\0')
    return invalid (error, _("A section of the layout file has no title"));
  member = json_object_get_member (object, "fields");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return invalid (error, _("A section of the layout file has no list of fields"));
  fields = json_node_get_array (member);

  section = doc_section_new (get_string (object, "code"), clean,
                             json_object_has_member (object, "translated") &&
                             json_object_get_boolean_member_with_default (object, "translated", FALSE));
  g_ptr_array_add (doc->sections, section);
  for (guint j = 0; j < json_array_get_length (fields); j++)
    {
      JsonNode *field_node = json_array_get_element (fields, j);
      const char *code = NULL;
      CrmField *field;
      gint64 field_id;

      if (JSON_NODE_HOLDS_VALUE (field_node) && json_node_get_value_type (field_node) == G_TYPE_STRING)
        code = json_node_get_string (field_node);
      field = code != NULL ? crm_catalog_find_field (catalog, entity_type_id, code) : NULL;
      if (field == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The layout file names a field this card does not have: “%s”"),
                       code != NULL ? code : "?");
          return FALSE;
        }
      field_id = crm_field_get_id (field);
      if (g_hash_table_contains (seen, &field_id))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("The layout file places the field “%s” twice"), code);
          return FALSE;
        }
      g_hash_table_add (seen, g_memdup2 (&field_id, sizeof field_id));
      g_array_append_val (section->field_ids, field_id);
    }
  return TRUE;
}

CrmLayoutDoc *
_crm_layout_doc_from_json (CrmCatalog   *catalog,
                           gint64        entity_type_id,
                           const char   *json,
                           gssize        length,
                           GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CrmLayoutDoc) doc = _crm_layout_doc_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, entity_type_id);
  gboolean tab_seen[CRM_TAB_LAST] = { FALSE, };
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root;
  JsonNode *member;
  const char *type_code;

  if (!json_parser_load_from_data (parser, json, length, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, _("This file is not a Clientele card layout"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (get_string (root, "format"), DOC_FORMAT) != 0)
    {
      invalid (error, _("This file is not a Clientele card layout"));
      return NULL;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) != DOC_VERSION)
    {
      invalid (error, _("This card layout was written by another version of Clientele"));
      return NULL;
    }
  type_code = get_string (root, "entity_type");
  if (type == NULL || g_strcmp0 (type_code, crm_entity_type_get_code (type)) != 0)
    {
      invalid (error, _("This card layout is for another kind of element"));
      return NULL;
    }

  member = json_object_get_member (root, "sections");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      invalid (error, _("The layout file has no sections"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
    if (!read_section (catalog, entity_type_id, json_array_get_element (json_node_get_array (member), i),
                       seen, doc, error))
      return NULL;

  member = json_object_get_member (root, "tabs");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (member)); i++)
      {
        JsonNode *node = json_array_get_element (json_node_get_array (member), i);
        CrmLayoutDocTab tab = { 0, };
        JsonObject *object;

        if (!JSON_NODE_HOLDS_OBJECT (node) ||
            !crm_tab_from_code (get_string ((object = json_node_get_object (node)), "tab"), &tab.tab) ||
            tab_seen[tab.tab])
          {
            invalid (error, _("The layout file lists an unknown tab, or one twice"));
            return NULL;
          }
        tab_seen[tab.tab] = TRUE;
        tab.hidden = json_object_get_boolean_member_with_default (object, "hidden", FALSE);
        g_array_append_val (doc->tabs, tab);
      }
  return g_steal_pointer (&doc);
}
