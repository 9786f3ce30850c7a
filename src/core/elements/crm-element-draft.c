/* crm-element-draft.c — validating and writing an element's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-element-as-of.h"
#include "crm-element-draft-private.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-file-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"


G_DEFINE_FINAL_TYPE (CrmElementDraft, crm_element_draft, G_TYPE_OBJECT)

static GPtrArray *
new_value_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
}

static void
crm_element_draft_finalize (GObject *object)
{
  CrmElementDraft *self = (CrmElementDraft *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->element);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->invalid_fields, g_ptr_array_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->stage_reason, g_free);

  G_OBJECT_CLASS (crm_element_draft_parent_class)->finalize (object);
}

static void
crm_element_draft_class_init (CrmElementDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_element_draft_finalize;
}

static void
crm_element_draft_init (CrmElementDraft *self)
{
  self->changes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->invalid_fields = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
add_default_values (CrmElementDraft *self)
{
  GListModel *fields = crm_catalog_get_fields (get_catalog (self), self->entity_type_id);
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      const CrmFieldOptions *options = crm_field_get_options (field);
      CrmValue *value;

      if (options->default_value == NULL ||
          g_hash_table_contains (self->changes, ID_KEY (crm_field_get_id (field))) ||
          _crm_field_get_column (field) != NULL)
        continue;

      value = crm_value_parse (crm_field_get_field_type (field), options,
                               crm_locale_get ("C"), options->default_value, NULL);
      if (value != NULL)
        crm_element_draft_set_value (self, field, value);
    }
}

/* Inside the save's transaction: the files of the saved values are
 * referenced from now on, and the sweep must leave them alone; those the
 * save replaced or cleared may go once nothing else refers to them. */
static gboolean
settle_files (CrmElementDraft  *self,
              gboolean         *claimed,
              GError          **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  GHashTableIter iter;
  gpointer key, data;

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      CrmField *field = crm_catalog_get_field (get_catalog (self), GPOINTER_TO_SIZE (key));
      GPtrArray *values = data;

      GPtrArray *old_values;

      if (field == NULL || crm_field_get_field_type (field) != CRM_FIELD_TYPE_FILE)
        continue;
      old_values = self->element ? _crm_element_peek_values (self->element, crm_field_get_id (field)) : NULL;
      for (guint i = 0; old_values != NULL && i < old_values->len; i++)
        if (!_crm_file_release (store, ((CrmValue *)g_ptr_array_index (old_values, i))->number, error))
          return FALSE;
      for (guint i = 0; i < values->len; i++)
        {
          if (!_crm_file_claim (store, ((CrmValue *)g_ptr_array_index (values, i))->number, error))
            return FALSE;
          *claimed = TRUE;
        }
    }
  return TRUE;
}

/* A lead from a client the CRM knows — its contact or company link is
 * filled — is a repeat lead, with the repeat-lead card; a lead whose
 * links are both cleared is a regular one again. Decided on every save,
 * so the kind always follows the links. */
static void
settle_lead_kind (CrmElementDraft *self)
{
  CrmCatalog *catalog = get_catalog (self);
  CrmEntityType *type = crm_catalog_get_entity_type (catalog, self->entity_type_id);
  static const char *links[] = { "contact", "company" };
  gboolean linked = FALSE;
  gint64 kind;

  if (type == NULL || !g_str_equal (crm_entity_type_get_code (type), "lead"))
    return;
  /* An unknown kind is the caller's mistake: validation names it. */
  if (self->lead_kind_id != 0 && crm_catalog_get_lead_kind_name (catalog, self->lead_kind_id) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (links) && !linked; i++)
    {
      CrmField *field = crm_catalog_find_field (catalog, self->entity_type_id, links[i]);

      linked = field != NULL && _crm_element_draft_final_values (self, field) != NULL;
    }
  kind = crm_catalog_find_lead_kind (catalog, linked ? "repeat" : "regular");
  if (kind != 0)
    self->lead_kind_id = kind;
}

/* ---- Public API ------------------------------------------------------------------- */

CrmElementDraft *
crm_element_draft_new (CrmSession  *session,
                       const char  *entity_type_code,
                       GError     **error)
{
  CrmCatalog *catalog;
  CrmEntityType *type;
  CrmElementDraft *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (entity_type_code != NULL, NULL);

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  type = crm_catalog_find_entity_type (catalog, entity_type_code);
  if (type == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("There is no kind of element called “%s”"), entity_type_code);
      return NULL;
    }

  self = g_object_new (CRM_TYPE_ELEMENT_DRAFT, NULL);
  self->session = g_object_ref (session);
  self->entity_type_id = crm_entity_type_get_id (type);
  self->responsible_id = crm_session_get_user_id (session);

  if (crm_entity_type_has_stages (type))
    {
      CrmPipeline *pipeline = crm_catalog_get_default_pipeline (catalog, self->entity_type_id);
      CrmStage *first = pipeline ? crm_pipeline_get_first_stage (pipeline) : NULL;

      self->pipeline_id = pipeline ? crm_pipeline_get_id (pipeline) : 0;
      self->stage_id = first ? crm_stage_get_id (first) : 0;
    }
  if (g_str_equal (entity_type_code, "lead"))
    self->lead_kind_id = crm_catalog_find_lead_kind (catalog, "regular");

  add_default_values (self);
  return self;
}

CrmElementDraft *
crm_element_draft_new_for (CrmSession *session,
                           CrmElement *element)
{
  CrmElementDraft *self;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (crm_element_has_values (element), NULL);
  /* A card as it was is for reading: saving it would log its old values
   * as undone changes. */
  g_return_val_if_fail (crm_element_get_as_of (element) == NULL, NULL);

  self = g_object_new (CRM_TYPE_ELEMENT_DRAFT, NULL);
  self->session = g_object_ref (session);
  self->element = g_object_ref (element);
  self->entity_type_id = crm_element_get_entity_type_id (element);
  self->pipeline_id = crm_element_get_pipeline_id (element);
  self->stage_id = crm_element_get_stage_id (element);
  self->lead_kind_id = crm_element_get_lead_kind_id (element);
  self->responsible_id = crm_element_get_responsible_id (element);
  return self;
}

gint64
crm_element_draft_get_element_id (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->element ? crm_element_get_id (self->element) : 0;
}

gint64
crm_element_draft_get_entity_type_id (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->entity_type_id;
}

void
crm_element_draft_set_pipeline (CrmElementDraft *self,
                                gint64           pipeline_id)
{
  CrmPipeline *pipeline;
  CrmStage *first;

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));

  if (self->pipeline_id == pipeline_id)
    return;
  self->pipeline_id = pipeline_id;
  /* A new pipeline starts at its first stage unless told otherwise. */
  pipeline = crm_catalog_get_pipeline (get_catalog (self), pipeline_id);
  first = pipeline ? crm_pipeline_get_first_stage (pipeline) : NULL;
  self->stage_id = first ? crm_stage_get_id (first) : 0;
}

void
crm_element_draft_set_stage (CrmElementDraft *self,
                             gint64           stage_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->stage_id = stage_id;
}

gint64
crm_element_draft_get_stage (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  return self->stage_id;
}

void
crm_element_draft_set_lead_kind (CrmElementDraft *self,
                                 gint64           lead_kind_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->lead_kind_id = lead_kind_id;
}

void
crm_element_draft_set_responsible (CrmElementDraft *self,
                                   gint64           user_id)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  self->responsible_id = user_id;
}

void
crm_element_draft_set_values (CrmElementDraft *self,
                              CrmField        *field,
                              GPtrArray       *values)
{
  GPtrArray *copy = new_value_array ();

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  for (guint i = 0; values != NULL && i < values->len; i++)
    g_ptr_array_add (copy, crm_value_copy (g_ptr_array_index (values, i)));
  g_hash_table_insert (self->changes, ID_KEY (crm_field_get_id (field)), copy);
}

void
crm_element_draft_set_value (CrmElementDraft *self,
                             CrmField        *field,
                             CrmValue        *value)
{
  GPtrArray *values = new_value_array ();

  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  if (value != NULL)
    g_ptr_array_add (values, value);
  g_hash_table_insert (self->changes, ID_KEY (crm_field_get_id (field)), values);
}

gboolean
crm_element_draft_set_input (CrmElementDraft  *self,
                             CrmField         *field,
                             const CrmLocale  *locale,
                             const char       *input,
                             GError          **error)
{
  g_autofree char *trimmed = NULL;
  CrmValue *value;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);
  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);

  trimmed = g_strstrip (g_strdup (input ? input : ""));
  if (*trimmed == '\0')
    {
      crm_element_draft_set_value (self, field, NULL);
      return TRUE;
    }

  value = crm_value_parse (crm_field_get_field_type (field), crm_field_get_options (field),
                           locale ? locale : crm_locale_get_default (), trimmed, error);
  if (value == NULL)
    {
      g_prefix_error (error, "%s: ", crm_field_get_label (field));
      return FALSE;
    }
  crm_element_draft_set_value (self, field, value);
  return TRUE;
}

gboolean
crm_element_draft_set_input_by_code (CrmElementDraft  *self,
                                     const char       *code,
                                     const char       *input,
                                     GError          **error)
{
  CrmField *field;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);

  field = crm_catalog_find_field (get_catalog (self), self->entity_type_id, code);
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), code);
      return FALSE;
    }
  return crm_element_draft_set_input (self, field, crm_locale_get ("C"), input, error);
}

GPtrArray *
crm_element_draft_get_values (CrmElementDraft *self,
                              CrmField        *field)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  return _crm_element_draft_final_values (self, field);
}

gboolean
crm_element_draft_validate (CrmElementDraft  *self,
                            GError          **error)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), FALSE);

  return _crm_element_draft_check (self, NULL, error);
}

GPtrArray *
crm_element_draft_get_invalid_fields (CrmElementDraft *self)
{
  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), NULL);
  return self->invalid_fields;
}

void
crm_element_draft_set_created_at (CrmElementDraft *self,
                                  GDateTime       *created_at)
{
  g_return_if_fail (CRM_IS_ELEMENT_DRAFT (self));

  g_clear_pointer (&self->created_at, g_date_time_unref);
  if (created_at != NULL)
    self->created_at = g_date_time_ref (created_at);
}

gint64
crm_element_draft_save (CrmElementDraft  *self,
                        GError          **error)
{
  g_autofree char *title = NULL;
  g_autofree char *now = NULL;
  CrmStore *store;
  gint64 element_id;
  gboolean claimed = FALSE;

  g_return_val_if_fail (CRM_IS_ELEMENT_DRAFT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  settle_lead_kind (self);
  if (!_crm_element_draft_check (self, &title, error))
    return 0;

  store = crm_session_get_store (self->session);
  now = self->created_at ? _crm_timestamp_from_datetime (self->created_at) : _crm_store_now ();

  if (!_crm_store_begin (store, error))
    return 0;

  /* Each writes the element's row, its values and timeline entries, and
   * notes the change. */
  if (self->element == NULL)
    element_id = _crm_element_draft_insert (self, title, now, error);
  else
    element_id = _crm_element_draft_update (self, title, now, error);
  if (element_id == 0 || !settle_files (self, &claimed, error))
    goto failed;
  _crm_element_draft_index (self, element_id, title);

  /* Someone who saves files is the one who may have left a pick behind;
   * a sweep that fails leaves the save alone (its savepoint is undone). */
  if (claimed)
    {
      g_autoptr(GError) sweep_error = NULL;

      if (!_crm_file_sweep (store, NULL, NULL, &sweep_error))
        g_debug ("Left pending files for later: %s", sweep_error->message);
    }

  if (!_crm_store_commit (store, error))
    return 0;
  return element_id;

failed:
  _crm_store_rollback (store);
  return 0;
}
