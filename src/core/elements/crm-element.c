/* crm-element.c — an element as read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog-private.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-session-private.h"
#include "crm-file-private.h"
#include "crm-store-private.h"

G_DEFINE_FINAL_TYPE (CrmElement, crm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ID_KEY(id) ((gpointer)(gintptr)(id))

static void
crm_element_finalize (GObject *object)
{
  CrmElement *self = (CrmElement *)object;

  g_clear_object (&self->store);
  g_free (self->title);
  g_free (self->sort_title);
  g_free (self->created_at_text);
  g_free (self->updated_at_text);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->column_values, g_ptr_array_unref);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->unknown, g_hash_table_unref);

  G_OBJECT_CLASS (crm_element_parent_class)->finalize (object);
}

static void
crm_element_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmElement *self = CRM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_element_class_init (CrmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_element_finalize;
  object_class->get_property = crm_element_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_element_init (CrmElement *self)
{
}

CrmElement *
_crm_element_new_from_row (sqlite3_stmt *stmt,
                           int           c)
{
  CrmElement *self = g_object_new (CRM_TYPE_ELEMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, c + 0);
  self->entity_type_id = sqlite3_column_int64 (stmt, c + 1);
  self->lead_kind_id = sqlite3_column_int64 (stmt, c + 2);
  self->pipeline_id = sqlite3_column_int64 (stmt, c + 3);
  self->stage_id = sqlite3_column_int64 (stmt, c + 4);
  self->title = g_strdup ((const char *)sqlite3_column_text (stmt, c + 5));
  self->responsible_id = sqlite3_column_int64 (stmt, c + 6);
  self->created_by = sqlite3_column_int64 (stmt, c + 7);
  self->created_at_text = g_strdup ((const char *)sqlite3_column_text (stmt, c + 8));
  self->created_at = _crm_timestamp_to_datetime (self->created_at_text);
  self->updated_by = sqlite3_column_int64 (stmt, c + 9);
  self->updated_at_text = g_strdup ((const char *)sqlite3_column_text (stmt, c + 10));
  self->updated_at = _crm_timestamp_to_datetime (self->updated_at_text);
  self->sort_title = g_strdup ((const char *)sqlite3_column_text (stmt, c + 11));
  return self;
}

/* Casefolded without diacritics, other scripts kept as they are: "Ágata"
 * sorts with "agata", "Анна" stays "анна". */
char *
_crm_element_make_sort_title (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup (folded);
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_normalize (bare->str, bare->len, G_NORMALIZE_NFC);
}

const char *
_crm_element_get_sort_title (CrmElement *self)
{
  return self->sort_title;
}

const char *
_crm_element_get_updated_at_text (CrmElement *self)
{
  return self->updated_at_text;
}

const char *
_crm_element_get_created_at_text (CrmElement *self)
{
  return self->created_at_text;
}

static CrmValue *
value_from_row (CrmFieldType  type,
                sqlite3_stmt *stmt,
                int           c)
{
  CrmValue *value;

  if (crm_field_type_stores_number (type))
    value = crm_value_new_number (type, sqlite3_column_int64 (stmt, c));
  else
    value = crm_value_new_text (type, (const char *)sqlite3_column_text (stmt, c));

  if (sqlite3_column_type (stmt, c + 1) != SQLITE_NULL)
    value->aux = g_strdup ((const char *)sqlite3_column_text (stmt, c + 1));
  if (sqlite3_column_type (stmt, c + 2) != SQLITE_NULL)
    value->kind = g_strdup ((const char *)sqlite3_column_text (stmt, c + 2));
  return value;
}

gboolean
_crm_element_load_values (CrmElement  *self,
                          CrmSession  *session,
                          GError     **error)
{
  CrmStore *store = crm_session_get_store (session);
  CrmCatalog *catalog = crm_store_get_catalog (store);
  sqlite3_stmt *stmt;
  gint64 last_field = 0;
  GPtrArray *current = NULL;
  CrmField *field = NULL;
  gboolean visible = FALSE;
  int rc;

  g_set_object (&self->store, store);
  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  stmt = _crm_store_prepare (store,
                             "SELECT field_id, value, aux, kind FROM field_values "
                             "WHERE element_id = ? ORDER BY field_id, ordinal", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 field_id = sqlite3_column_int64 (stmt, 0);

      if (field_id != last_field)
        {
          last_field = field_id;
          field = crm_catalog_get_field (catalog, field_id);
          visible = field != NULL && crm_session_can_see_field (session, field);
          current = NULL;
          if (visible)
            {
              current = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
              g_hash_table_insert (self->values, ID_KEY (field_id), current);
            }
        }
      if (current != NULL)
        g_ptr_array_add (current, value_from_row (crm_field_get_field_type (field), stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _crm_store_set_error (store, error);
  return TRUE;
}

GPtrArray *
_crm_element_peek_values (CrmElement *self,
                          gint64      field_id)
{
  if (self->values == NULL)
    return NULL;
  return g_hash_table_lookup (self->values, ID_KEY (field_id));
}

static char *
lookup_text (CrmStore   *store,
             const char *sql,
             gint64      id)
{
  sqlite3_stmt *stmt = _crm_store_prepare (store, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

char *
_crm_format_value (CrmStore        *store,
                   CrmField        *field,
                   const CrmValue  *value,
                   const CrmLocale *locale)
{
  CrmCatalog *catalog = crm_store_get_catalog (store);

  switch (value->type)
    {
    case CRM_FIELD_TYPE_EMPLOYEE:
      {
        CrmUser *user = crm_catalog_get_user (catalog, value->number);

        return user ? g_strdup (crm_user_get_name (user)) : g_strdup (_("Former user"));
      }
    case CRM_FIELD_TYPE_PIPELINE:
      {
        CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, value->number);

        return pipeline ? g_strdup (crm_pipeline_get_name (pipeline)) : NULL;
      }
    case CRM_FIELD_TYPE_STAGE:
      {
        CrmStage *stage = crm_catalog_get_stage (catalog, value->number);

        return stage ? g_strdup (crm_stage_get_name (stage)) : NULL;
      }
    case CRM_FIELD_TYPE_LINK:
      {
        char *title = lookup_text (store, "SELECT title FROM elements WHERE id = ?", value->number);

        return title ? title : g_strdup (_("Deleted element"));
      }
    case CRM_FIELD_TYPE_FILE:
      {
        char *name = lookup_text (store, "SELECT name FROM files WHERE id = ?", value->number);

        return name ? name : g_strdup (_("Deleted file"));
      }
    case CRM_FIELD_TYPE_STRING:
    case CRM_FIELD_TYPE_TEXT:
    case CRM_FIELD_TYPE_INTEGER:
    case CRM_FIELD_TYPE_DECIMAL:
    case CRM_FIELD_TYPE_MONEY:
    case CRM_FIELD_TYPE_BOOLEAN:
    case CRM_FIELD_TYPE_DATE:
    case CRM_FIELD_TYPE_DATETIME:
    case CRM_FIELD_TYPE_LIST:
    case CRM_FIELD_TYPE_URL:
    case CRM_FIELD_TYPE_EMAIL:
    case CRM_FIELD_TYPE_PHONE:
    case CRM_FIELD_TYPE_MESSENGER:
    case CRM_FIELD_TYPE_ADDRESS:
    case CRM_FIELD_TYPE_LAST:
    default:
      /* No field: one deleted since, formatted without its options. */
      return crm_value_format (value, field != NULL ? crm_field_get_options (field) : NULL, locale);
    }
}

/* ---- Public API ----------------------------------------------------------------- */

CrmElement *
crm_element_load (CrmSession  *session,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(CrmElement) self = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = crm_session_get_store (session);
  stmt = _crm_store_prepare (store,
                             "SELECT " CRM_ELEMENT_COLUMNS " FROM elements e WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self = _crm_element_new_from_row (stmt, 0);
  sqlite3_reset (stmt);

  if (self == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* The number is formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The element %s does not exist or was deleted"), number);
      return NULL;
    }

  if (!_crm_session_check_element (session, CRM_PERMISSION_ELEMENT_READ, self->entity_type_id,
                                   self->responsible_id, self->created_by, error))
    return NULL;

  if (!_crm_element_load_values (self, session, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
crm_element_delete (CrmSession  *session,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(CrmElement) element = NULL;
  CrmStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_SESSION (session), FALSE);

  element = crm_element_load (session, id, error);
  if (element == NULL)
    return FALSE;
  if (!_crm_session_check_element (session, CRM_PERMISSION_ELEMENT_DELETE, element->entity_type_id,
                                   element->responsible_id, element->created_by, error))
    return FALSE;

  store = crm_session_get_store (session);
  if (!_crm_store_begin (store, error))
    return FALSE;

  _crm_store_queue_index (store, id, NULL, NULL, FALSE);
  if (!_crm_file_release_values (store, id, 0, error))
    goto failed;

  stmt = _crm_store_prepare (store, "DELETE FROM elements WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_crm_store_step_done (store, stmt, error))
    goto failed;

  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_REMOVED, id, element->entity_type_id);
  return _crm_store_commit (store, error);

failed:
  _crm_store_rollback (store);
  return FALSE;
}

gint64
crm_element_get_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->id;
}

gint64
crm_element_get_entity_type_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->entity_type_id;
}

gint64
crm_element_get_pipeline_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->pipeline_id;
}

gint64
crm_element_get_stage_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->stage_id;
}

gint64
crm_element_get_lead_kind_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->lead_kind_id;
}

const char *
crm_element_get_title (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  return self->title;
}

gint64
crm_element_get_responsible_id (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->responsible_id;
}

gint64
crm_element_get_created_by (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->created_by;
}

gint64
crm_element_get_updated_by (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), 0);
  return self->updated_by;
}

GDateTime *
crm_element_get_created_at (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  return self->created_at;
}

GDateTime *
crm_element_get_updated_at (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  return self->updated_at;
}

gboolean
crm_element_has_values (CrmElement *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT (self), FALSE);
  return self->values != NULL;
}

static CrmValue *
column_value (CrmElement *self,
              CrmField   *field,
              const char *column)
{
  CrmFieldType type = crm_field_get_field_type (field);
  gint64 number = 0;

  if (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"))
    {
      GDateTime *when = g_str_equal (column, "created_at") ? self->created_at : self->updated_at;
      g_autofree char *iso = NULL;

      if (when == NULL)
        return NULL;
      iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      return crm_value_new_text (CRM_FIELD_TYPE_DATETIME, iso);
    }

  if (g_str_equal (column, "pipeline_id"))
    number = self->pipeline_id;
  else if (g_str_equal (column, "stage_id"))
    number = self->stage_id;
  else if (g_str_equal (column, "responsible_id"))
    number = self->responsible_id;
  else if (g_str_equal (column, "created_by"))
    number = self->created_by;
  else if (g_str_equal (column, "updated_by"))
    number = self->updated_by;

  return number != 0 ? crm_value_new_number (type, number) : NULL;
}

GPtrArray *
crm_element_get_values (CrmElement *self,
                        CrmField   *field)
{
  const char *column;

  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  column = _crm_field_get_column (field);
  if (column != NULL)
    {
      CrmValue *value = column_value (self, field, column);
      GPtrArray *values;

      if (value == NULL)
        return NULL;
      /* Handed out borrowed like the stored ones; freed with the element. */
      values = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
      g_ptr_array_add (values, value);
      if (self->column_values == NULL)
        self->column_values = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      g_ptr_array_add (self->column_values, values);
      return values;
    }

  return _crm_element_peek_values (self, crm_field_get_id (field));
}

const CrmValue *
crm_element_get_value (CrmElement *self,
                       CrmField   *field)
{
  GPtrArray *values = crm_element_get_values (self, field);

  return values != NULL && values->len > 0 ? g_ptr_array_index (values, 0) : NULL;
}

char *
crm_element_format_field (CrmElement *self,
                          CrmField   *field)
{
  const CrmLocale *locale = crm_locale_get_default ();
  g_autoptr(GString) text = NULL;
  GPtrArray *values;

  g_return_val_if_fail (CRM_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  values = crm_element_get_values (self, field);
  if (values == NULL || values->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *one = _crm_format_value (self->store, field, g_ptr_array_index (values, i), locale);

      if (one == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, one);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
