/* crm-element-write.c — what saving a draft writes: values, timeline
 * entries for each change, the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-element-draft-private.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-search-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

/* ---- Writing ------------------------------------------------------------------------ */

static gboolean
write_values (CrmElementDraft  *self,
              gint64            element_id,
              CrmField         *field,
              GPtrArray        *values,
              GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  sqlite3_stmt *stmt;

  if (self->element != NULL)
    {
      stmt = _crm_store_prepare (store, "DELETE FROM field_values WHERE element_id = ? AND field_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, element_id);
      sqlite3_bind_int64 (stmt, 2, crm_field_get_id (field));
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);

      stmt = _crm_store_prepare (store,
                                 "INSERT INTO field_values (element_id, field_id, ordinal, value, aux, kind) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, element_id);
      sqlite3_bind_int64 (stmt, 2, crm_field_get_id (field));
      sqlite3_bind_int (stmt, 3, i);
      if (crm_field_type_stores_number (value->type))
        sqlite3_bind_int64 (stmt, 4, value->number);
      else
        sqlite3_bind_text (stmt, 4, value->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, value->aux, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, value->kind, -1, SQLITE_STATIC);
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
values_equal (GPtrArray *a,
              GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!crm_value_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

char *
_crm_element_stage_payload (CrmCatalog *catalog,
                            gint64      from,
                            gint64      to,
                            const char *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  CrmStage *from_stage = crm_catalog_get_stage (catalog, from);
  CrmStage *to_stage = crm_catalog_get_stage (catalog, to);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, to);
  json_builder_set_member_name (builder, "from_name");
  json_builder_add_string_value (builder, from_stage ? crm_stage_get_name (from_stage) : "");
  json_builder_set_member_name (builder, "to_name");
  json_builder_add_string_value (builder, to_stage ? crm_stage_get_name (to_stage) : "");
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
_crm_element_draft_index (CrmElementDraft  *self,
                          gint64            element_id,
                          const char       *title)
{
  CrmStore *store = crm_session_get_store (self->session);
  GListModel *fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      GPtrArray *values;

      if (g_str_equal (crm_field_get_code (field), "title"))
        continue;
      /* A restricted field's words carry its tag: only sessions that may
       * see the field find them (crm-search.c). */
      values = _crm_element_draft_final_values (self, field);
      for (guint j = 0; values != NULL && j < values->len; j++)
        _crm_search_append_value (body, crm_field_get_field_type (field), crm_field_get_options (field),
                                  _crm_field_get_search_tag (field), g_ptr_array_index (values, j));
    }

  _crm_store_queue_index (store, element_id, title, g_string_free (g_steal_pointer (&body), FALSE),
                          self->element == NULL);
}

static gint64
insert_row (CrmElementDraft  *self,
                const char       *title,
                const char       *now,
                GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 user = crm_session_get_user_id (self->session);
  g_autofree char *sort_title = _crm_element_make_sort_title (title);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "INSERT INTO elements (entity_type_id, lead_kind_id, pipeline_id, stage_id, title, "
                             "  responsible_id, created_by, created_at, updated_by, updated_at, sort_title) "
                             "VALUES (?1, nullif (?2, 0), nullif (?3, 0), nullif (?4, 0), ?5, "
                             "        nullif (?6, 0), ?7, ?8, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->entity_type_id);
  sqlite3_bind_int64 (stmt, 2, self->lead_kind_id);
  sqlite3_bind_int64 (stmt, 3, self->pipeline_id);
  sqlite3_bind_int64 (stmt, 4, self->stage_id);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, self->responsible_id);
  sqlite3_bind_int64 (stmt, 7, user);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, sort_title, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_crm_store_get_db (store));
}

static gboolean
update_row (CrmElementDraft  *self,
                gint64            element_id,
                const char       *title,
                const char       *now,
                GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  g_autofree char *sort_title = _crm_element_make_sort_title (title);
  sqlite3_stmt *stmt;

  stmt = _crm_store_prepare (store,
                             "UPDATE elements SET lead_kind_id = nullif (?2, 0), pipeline_id = nullif (?3, 0), "
                             "  stage_id = nullif (?4, 0), title = ?5, responsible_id = nullif (?6, 0), "
                             "  updated_by = ?7, updated_at = ?8, sort_title = ?9 "
                             "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_int64 (stmt, 2, self->lead_kind_id);
  sqlite3_bind_int64 (stmt, 3, self->pipeline_id);
  sqlite3_bind_int64 (stmt, 4, self->stage_id);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, self->responsible_id);
  sqlite3_bind_int64 (stmt, 7, crm_session_get_user_id (self->session));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, sort_title, -1, SQLITE_STATIC);
  if (!_crm_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The element was deleted meanwhile"));
      return FALSE;
    }
  return TRUE;
}

/* Timeline entries for what an update changed: one per field, and one for
 * the stage. */
static gboolean
log_changes (CrmElementDraft  *self,
             gint64            element_id,
             const char       *now,
             GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 user = crm_session_get_user_id (self->session);
  CrmCatalog *catalog = get_catalog (self);
  GHashTableIter iter;
  gpointer key, data;

  if (self->stage_id != crm_element_get_stage_id (self->element))
    {
      g_autofree char *payload = _crm_element_stage_payload (catalog, crm_element_get_stage_id (self->element),
                                                             self->stage_id, self->stage_reason);

      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_STAGE_CHANGE, user, now,
                                NULL, payload, error) == 0)
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      CrmField *field = crm_catalog_get_field (catalog, GPOINTER_TO_SIZE (key));
      GPtrArray *old_values = _crm_element_peek_values (self->element, GPOINTER_TO_SIZE (key));
      g_autofree char *payload = NULL;

      if (values_equal (old_values, data))
        continue;
      if (!write_values (self, element_id, field, data, error))
        return FALSE;
      payload = _crm_field_change_to_json (field, old_values, data);
      if (_crm_timeline_insert (store, element_id, CRM_ENTRY_FIELD_CHANGE, user, now,
                                NULL, payload, error) == 0)
        return FALSE;
    }
  return TRUE;
}


gint64
_crm_element_draft_insert (CrmElementDraft  *self,
                           const char       *title,
                           const char       *now,
                           GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  GHashTableIter iter;
  gpointer key, data;
  gint64 element_id;

  element_id = insert_row (self, title, now, error);
  if (element_id == 0)
    return 0;

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &data))
    if (!write_values (self, element_id,
                       crm_catalog_get_field (get_catalog (self), GPOINTER_TO_SIZE (key)),
                       data, error))
      return 0;

  if (_crm_timeline_insert (store, element_id, CRM_ENTRY_CREATED,
                            crm_session_get_user_id (self->session), now, NULL, NULL, error) == 0)
    return 0;
  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_ADDED, element_id, self->entity_type_id);
  return element_id;
}

gint64
_crm_element_draft_update (CrmElementDraft  *self,
                           const char       *title,
                           const char       *now,
                           GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 element_id = crm_element_get_id (self->element);

  if (!update_row (self, element_id, title, now, error) ||
      !log_changes (self, element_id, now, error))
    return 0;
  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, element_id, self->entity_type_id);
  return element_id;
}
