/* crm-element-as-of.c — a card as it was at a given time, rebuilt from
 * its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-element-as-of.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

#define ID_KEY(id) ((gpointer)(gintptr)(id))

/* The fields an element's title is made of (see compute_title () in
 * crm-element-validate.c, which the writer follows). */
static const char *name_parts[] = { "name", "second_name", "last_name" };

typedef struct
{
  CrmEntryKind  kind;
  char         *payload;
} Step;

static void
step_clear (Step *step)
{
  g_free (step->payload);
}

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
is_title_part (const char *code)
{
  if (g_str_equal (code, "title"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (name_parts); i++)
    if (g_str_equal (code, name_parts[i]))
      return TRUE;
  return FALSE;
}

static const char *
first_text (CrmElement *self,
            CrmCatalog *catalog,
            const char *code)
{
  CrmField *field = crm_catalog_find_field (catalog, self->entity_type_id, code);
  GPtrArray *values = field != NULL ? _crm_element_peek_values (self, crm_field_get_id (field)) : NULL;

  if (values == NULL || values->len == 0)
    return NULL;
  return ((CrmValue *) g_ptr_array_index (values, 0))->text;
}

/* The title the writer would have given these values; NULL keeps the
 * stored one. */
static char *
compute_title (CrmElement *self,
               CrmCatalog *catalog)
{
  g_autoptr(GString) name = NULL;

  if (crm_catalog_find_field (catalog, self->entity_type_id, "title") != NULL)
    return g_strdup (first_text (self, catalog, "title"));

  name = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (name_parts); i++)
    {
      const char *part = first_text (self, catalog, name_parts[i]);

      if (part == NULL)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

static char *
format_local (CrmSession *session,
              GDateTime  *time)
{
  const CrmLocale *locale = crm_session_get_locale (session);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *format = g_strdup_printf ("%s %s", locale->date_format, locale->time_format);

  return g_date_time_format (local, format);
}

/* ---- Undoing ------------------------------------------------------------------ */

/* The field and stage changes after @when, newest first. Read at once:
 * undoing them looks things up in the store. */
static GArray *
read_steps (CrmStore    *store,
            gint64       element_id,
            const char  *when,
            GError     **error)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (Step));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (steps, (GDestroyNotify) step_clear);
  stmt = _crm_store_prepare (store,
                             "SELECT t.kind, t.payload FROM timeline_entries t "
                             "WHERE t.element_id = ?1 AND t.kind IN ('field-change', 'stage-change') "
                             "  AND t.created_at > ?2 "
                             "ORDER BY t.created_at DESC, t.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, element_id);
  sqlite3_bind_text (stmt, 2, when, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Step step = { CRM_ENTRY_FIELD_CHANGE, NULL };

      if (!crm_entry_kind_from_code ((const char *) sqlite3_column_text (stmt, 0), &step.kind))
        continue;
      step.payload = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (steps, step);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crm_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&steps);
}

/* Puts the values back as they were before the change; returns whether
 * the title may have changed with them. */
static gboolean
undo_field_change (CrmElement *self,
                   CrmSession *session,
                   const char *payload)
{
  CrmCatalog *catalog = crm_store_get_catalog (crm_session_get_store (session));
  g_autoptr(CrmFieldChange) change = _crm_field_change_parse (payload);
  CrmField *field;
  gint64 field_id;

  if (change == NULL)
    return FALSE;
  field = crm_catalog_get_field (catalog, change->field_id);

  /* A field deleted since has no place on the card; one the reader may not
   * see keeps its secrets; the element's columns are not field values. */
  if (field == NULL || !crm_session_can_see_field (session, field) || _crm_field_get_column (field) != NULL)
    return FALSE;
  field_id = crm_field_get_id (field);

  if (change->legacy)
    {
      g_hash_table_remove (self->values, ID_KEY (field_id));
      g_hash_table_add (self->unknown, ID_KEY (field_id));
    }
  else
    {
      /* Values before this change are known, whatever came after. */
      g_hash_table_remove (self->unknown, ID_KEY (field_id));
      if (change->old_values->len == 0)
        g_hash_table_remove (self->values, ID_KEY (field_id));
      else
        g_hash_table_insert (self->values, ID_KEY (field_id), g_ptr_array_ref (change->old_values));
    }
  return is_title_part (crm_field_get_code (field));
}

static void
undo_stage_change (CrmElement *self,
                   CrmCatalog *catalog,
                   const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  CrmStage *stage;

  if (payload == NULL ||
      !json_parser_load_from_data (parser, payload, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "from"))
    return;

  self->stage_id = json_object_get_int_member_with_default (object, "from", 0);
  /* Moving to another pipeline logs the stage change alone. */
  stage = crm_catalog_get_stage (catalog, self->stage_id);
  if (stage != NULL)
    self->pipeline_id = crm_stage_get_pipeline_id (stage);
}

/* Who wrote last up to @when, and when: the snapshot's "updated". */
static gboolean
find_last_write (CrmElement  *self,
                 CrmStore    *store,
                 const char  *when,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _crm_store_prepare (store,
                             "SELECT t.created_at, ifnull (t.author_id, 0) FROM timeline_entries t "
                             "WHERE t.element_id = ?1 "
                             "  AND t.kind IN ('field-change', 'stage-change', 'created') "
                             "  AND t.created_at <= ?2 "
                             "ORDER BY t.created_at DESC, t.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, when, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (self->updated_at_text);
      self->updated_at_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = _crm_timestamp_to_datetime (self->updated_at_text);
      self->updated_by = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    {
      /* Nothing logged since the creation: it is the last write. */
      g_free (self->updated_at_text);
      self->updated_at_text = g_strdup (self->created_at_text);
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = g_date_time_ref (self->created_at);
      self->updated_by = self->created_by;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return TRUE;
}

static gboolean
undo_since (CrmElement  *self,
            CrmSession  *session,
            const char  *when,
            GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  CrmCatalog *catalog = crm_store_get_catalog (store);
  g_autoptr(GArray) steps = read_steps (store, self->id, when, error);
  gboolean title_changed = FALSE;

  if (steps == NULL)
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);

      if (step->kind == CRM_ENTRY_STAGE_CHANGE)
        undo_stage_change (self, catalog, step->payload);
      else if (undo_field_change (self, session, step->payload))
        title_changed = TRUE;
    }

  if (title_changed)
    {
      g_autofree char *title = compute_title (self, catalog);

      if (title != NULL)
        {
          g_free (self->title);
          self->title = g_steal_pointer (&title);
        }
    }

  if (self->updated_at_text != NULL && strcmp (self->updated_at_text, when) > 0)
    return find_last_write (self, store, when, error);
  return TRUE;
}

/* ---- Public API --------------------------------------------------------------- */

CrmElement *
crm_element_load_as_of (CrmSession  *session,
                        gint64       element_id,
                        GDateTime   *when,
                        GError     **error)
{
  g_autoptr(CrmElement) self = NULL;
  g_autofree char *when_text = NULL;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = crm_element_load (session, element_id, error);
  if (self == NULL)
    return NULL;

  when_text = _crm_timestamp_from_datetime (when);
  if (strcmp (when_text, self->created_at_text) < 0)
    {
      g_autofree char *then = format_local (session, when);
      g_autofree char *created = format_local (session, self->created_at);

      /* Translators: "“Renovação anual” did not exist yet on 12/03/2026 14:00:
       * it was created on 20/03/2026 09:15" */
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("“%s” did not exist yet on %s: it was created on %s"),
                   self->title, then, created);
      return NULL;
    }

  self->unknown = g_hash_table_new (NULL, NULL);
  if (!undo_since (self, session, when_text, error))
    return NULL;
  self->as_of = g_date_time_ref (when);

  return g_steal_pointer (&self);
}

GDateTime *
crm_element_get_as_of (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  return self->as_of;
}

gboolean
crm_element_is_value_known (CrmElement *self,
                            CrmField   *field)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), FALSE);
  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);

  return self->unknown == NULL ||
         !g_hash_table_contains (self->unknown, ID_KEY (crm_field_get_id (field)));
}
