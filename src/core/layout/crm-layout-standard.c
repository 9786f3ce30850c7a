/* crm-layout-standard.c — the first standard layout of a card kind
 *
 * Written on first use from the built-in default of the entity type (or,
 * for custom types, one section with every field), so a card always has
 * a layout to resolve to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-builtin-private.h"
#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout-private.h"
#include "crm-store-private.h"

static gboolean
insert_section (CrmStore    *store,
                gint64       layout_id,
                const char  *code,
                const char  *title,
                gboolean     title_is_msgid,
                int          sort,
                gint64      *section_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layout_sections (layout_id, code, title, label_msgid, sort) "
                             "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, layout_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, title_is_msgid);
  sqlite3_bind_int (stmt, 5, sort);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  *section_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));
  return TRUE;
}

static gboolean
place_field (CrmStore  *store,
             gint64     section_id,
             gint64     field_id,
             int        sort,
             GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layout_placements (section_id, field_id, sort) VALUES (?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_int64 (stmt, 2, field_id);
  sqlite3_bind_int (stmt, 3, sort);
  return _crm_store_step_done (store, stmt, error);
}

/* The standard layout of a card kind, made from the built-in default (or,
 * for custom types, one section with every field). */
gint64
_crm_layout_create_standard (CrmStore    *store,
                             gint64       entity_type_id,
                             gint64       pipeline_id,
                             gint64       lead_kind_id,
                             GError     **error)
{
  CrmCatalog *catalog = crm_store_get_catalog (store);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, entity_type_id);
  const CrmBuiltinSection *sections;
  g_autofree char *now = _crm_store_now ();
  const char *kind_code = NULL;
  sqlite3_stmt *stmt;
  gint64 layout_id;

  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("This kind of element no longer exists"));
      return 0;
    }

  if (lead_kind_id != 0)
    {
      stmt = _crm_store_prepare (store, "SELECT code FROM lead_kinds WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, lead_kind_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && g_str_equal (sqlite3_column_text (stmt, 0), "repeat"))
        kind_code = "repeat";
      sqlite3_reset (stmt);
    }
  sections = _crm_builtin_get_sections (crm_entity_type_get_code (type), kind_code);

  if (!_crm_store_begin (store, error))
    return 0;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO layouts (entity_type_id, pipeline_id, lead_kind_id, scope, updated_at) "
                             "VALUES (?, nullif (?, 0), nullif (?, 0), 'standard', ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, entity_type_id);
  sqlite3_bind_int64 (stmt, 2, pipeline_id);
  sqlite3_bind_int64 (stmt, 3, lead_kind_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;
  layout_id = sqlite3_last_insert_rowid (_crm_store_get_db (store));

  if (sections != NULL)
    {
      for (guint i = 0; sections[i].code != NULL; i++)
        {
          gint64 section_id;
          int sort = 0;

          if (!insert_section (store, layout_id, sections[i].code, sections[i].title, TRUE, i,
                               &section_id, error))
            goto failed;
          for (guint j = 0; sections[i].fields[j] != NULL; j++)
            {
              CrmField *field = crm_catalog_find_field (catalog, entity_type_id, sections[i].fields[j]);

              if (field != NULL && !place_field (store, section_id, crm_field_get_id (field), sort++, error))
                goto failed;
            }
        }
    }
  else
    {
      GListModel *fields = crm_catalog_get_fields (catalog, entity_type_id);
      guint n = g_list_model_get_n_items (fields);
      gint64 section_id;
      int sort = 0;

      if (!insert_section (store, layout_id, "general", N_("General"), TRUE, 0, &section_id, error))
        goto failed;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, i);

          if (!crm_field_is_read_only (field) &&
              !place_field (store, section_id, crm_field_get_id (field), sort++, error))
            goto failed;
        }
    }

  _crm_store_note_change (store, CRM_CHANGE_LAYOUT, layout_id, entity_type_id);
  if (!_crm_store_commit (store, error))
    return 0;
  return layout_id;

failed:
  _crm_store_rollback (store);
  return 0;
}
