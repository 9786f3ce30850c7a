/* crm-convert.c — creating elements from an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-convert-private.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-relations-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

G_DEFINE_FINAL_TYPE (CrmConversion, crm_conversion, G_TYPE_OBJECT)

/* Saving order: what others link to comes first. */
static const char * const save_order[] = { "company", "contact", "deal", "quote", "invoice" };

static void
crm_conversion_finalize (GObject *object)
{
  CrmConversion *self = (CrmConversion *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->source);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->source_draft);

  G_OBJECT_CLASS (crm_conversion_parent_class)->finalize (object);
}

static void
crm_conversion_class_init (CrmConversionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_conversion_finalize;
}

static void
crm_conversion_init (CrmConversion *self)
{
  self->drafts = g_ptr_array_new_with_free_func (g_object_unref);
}


/* A converted lead is a good lead: the first success stage of its
 * pipeline, unless it is at one already. */
static CrmStage *
find_success_stage (CrmConversion *self)
{
  CrmCatalog *catalog = _crm_conversion_get_catalog (self);
  CrmPipeline *pipeline = crm_catalog_get_pipeline (catalog, crm_element_get_pipeline_id (self->source));
  CrmStage *current = crm_catalog_get_stage (catalog, crm_element_get_stage_id (self->source));
  GListModel *stages;

  if (pipeline == NULL || (current != NULL && crm_stage_get_semantics (current) == CRM_STAGE_SUCCESS))
    return NULL;
  stages = crm_pipeline_get_stages (pipeline);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_semantics (stage) == CRM_STAGE_SUCCESS)
        return stage;  /* the pipeline keeps it alive */
    }
  return NULL;
}

static gboolean
is_target_of (const char *source_type,
              const char *target)
{
  const char * const *targets = crm_convert_get_targets (source_type);

  return g_strv_contains (targets, target);
}

static char *
link_payload (gint64      other_id,
              gint64      other_type_id,
              const char *other_title,
              const char *role)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "relation");
  json_builder_add_string_value (builder, "created-from");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "element");
  json_builder_add_int_value (builder, other_id);
  json_builder_set_member_name (builder, "entity_type");
  json_builder_add_int_value (builder, other_type_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, other_title ? other_title : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Inside the run's transaction: what ties the new element to its source. */
static gboolean
tie_to_source (CrmConversion  *self,
               gint64          target_id,
               const char     *now,
               GError        **error)
{
  CrmStore *store = crm_session_get_store (self->session);
  gint64 user = crm_session_get_user_id (self->session);
  g_autoptr(CrmElement) target = NULL;
  g_autofree char *to_target = NULL;
  g_autofree char *to_source = NULL;
  CrmEntityType *source_type, *target_type;
  sqlite3_stmt *stmt;

  target = crm_element_load (self->session, target_id, error);
  if (target == NULL)
    return FALSE;

  source_type = crm_catalog_get_entity_type (_crm_conversion_get_catalog (self), crm_element_get_entity_type_id (self->source));
  target_type = crm_catalog_get_entity_type (_crm_conversion_get_catalog (self), crm_element_get_entity_type_id (target));
  if (crm_entity_type_has_products (source_type) && crm_entity_type_has_products (target_type))
    {
      stmt = _crm_store_prepare (store,
                                 "INSERT INTO product_rows (element_id, product_id, name, price, currency, "
                                 "  quantity, discount, tax_rate, tax_included, sort) "
                                 "SELECT ?1, product_id, name, price, currency, quantity, discount, tax_rate, "
                                 "  tax_included, sort FROM product_rows WHERE element_id = ?2 ORDER BY sort, id",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, target_id);
      sqlite3_bind_int64 (stmt, 2, crm_element_get_id (self->source));
      if (!_crm_store_step_done (store, stmt, error))
        return FALSE;
    }

  if (!_crm_relation_insert_created_from (store, crm_element_get_id (self->source), target_id, user, now, error))
    return FALSE;

  to_source = link_payload (crm_element_get_id (self->source), crm_element_get_entity_type_id (self->source),
                            crm_element_get_title (self->source), "source");
  to_target = link_payload (target_id, crm_element_get_entity_type_id (target),
                            crm_element_get_title (target), "target");
  if (_crm_timeline_insert (store, target_id, CRM_ENTRY_LINK, user, now, NULL, to_source, error) == 0 ||
      _crm_timeline_insert (store, crm_element_get_id (self->source), CRM_ENTRY_LINK, user, now,
                            NULL, to_target, error) == 0)
    return FALSE;

  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, target_id, crm_element_get_entity_type_id (target));
  _crm_store_note_change (store, CRM_CHANGE_ELEMENT_UPDATED, crm_element_get_id (self->source),
                          crm_element_get_entity_type_id (self->source));
  return TRUE;
}

typedef struct
{
  CrmElementDraft *draft;
  gint64           field_id;  /* an id: a rollback may reload the catalog */
  GPtrArray       *values;    /* as mapped, owned; NULL when it was empty */
} Override;

static void
clear_override (gpointer data)
{
  Override *o = data;

  g_clear_pointer (&o->values, g_ptr_array_unref);
}

/* A contact and a deal created with a company link to that company, a
 * deal to the contact created with it. */
static void
link_to_created (CrmConversion   *self,
                 CrmElementDraft *draft,
                 const char      *created_type,
                 gint64           created_id,
                 GArray          *overrides)
{
  CrmField *field = crm_catalog_find_field (_crm_conversion_get_catalog (self), crm_element_draft_get_entity_type_id (draft),
                                            created_type);
  GPtrArray *mapped;
  Override o;

  if (field == NULL || !crm_field_is_system (field) || crm_field_get_field_type (field) != CRM_FIELD_TYPE_LINK ||
      g_strcmp0 (crm_field_get_options (field)->link_type, created_type) != 0)
    return;

  mapped = crm_element_draft_get_values (draft, field);
  o.draft = draft;
  o.field_id = crm_field_get_id (field);
  o.values = mapped != NULL ? g_ptr_array_ref (mapped) : NULL;
  g_array_append_val (overrides, o);
  crm_element_draft_set_value (draft, field, crm_value_new_number (CRM_FIELD_TYPE_LINK, created_id));
}

/* ---- Public API ------------------------------------------------------------------- */

CrmConversion *
crm_conversion_new (CrmSession          *session,
                    gint64               source_id,
                    const char * const  *targets,
                    GError             **error)
{
  g_autoptr(CrmConversion) self = NULL;
  const char *source_type;
  CrmStage *success;

  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (targets != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CRM_TYPE_CONVERSION, NULL);
  self->session = g_object_ref (session);
  self->source = crm_element_load (session, source_id, error);
  if (self->source == NULL)
    return NULL;
  source_type = _crm_conversion_type_code (self, crm_element_get_entity_type_id (self->source));

  if (targets[0] == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose what to create"));
      return NULL;
    }
  for (guint i = 0; targets[i] != NULL; i++)
    {
      CrmEntityType *type = crm_catalog_find_entity_type (_crm_conversion_get_catalog (self), targets[i]);

      if (type == NULL || !is_target_of (source_type, targets[i]) ||
          g_strv_contains (targets + i + 1, targets[i]))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("A %s cannot be created from this element"),
                       type != NULL ? crm_entity_type_get_name (type) : targets[i]);
          return NULL;
        }
      if (!crm_session_check_permission (session, CRM_PERMISSION_ELEMENT_WRITE,
                                         crm_entity_type_get_id (type), error))
        return NULL;
    }

  for (guint o = 0; o < G_N_ELEMENTS (save_order); o++)
    {
      CrmElementDraft *draft;

      if (!g_strv_contains (targets, save_order[o]))
        continue;
      draft = crm_element_draft_new (session, save_order[o], error);
      if (draft == NULL)
        return NULL;
      _crm_conversion_map (self, draft, source_type, save_order[o]);
      g_ptr_array_add (self->drafts, draft);
    }

  if (g_str_equal (source_type, "lead") && (success = find_success_stage (self)) != NULL)
    {
      self->source_draft = crm_element_draft_new_for (session, self->source);
      crm_element_draft_set_stage (self->source_draft, crm_stage_get_id (success));
    }

  return g_steal_pointer (&self);
}

CrmElement *
crm_conversion_get_source (CrmConversion *self)
{
  g_return_val_if_fail (CRM_IS_CONVERSION (self), NULL);
  return self->source;
}

guint
crm_conversion_get_n_drafts (CrmConversion *self)
{
  g_return_val_if_fail (CRM_IS_CONVERSION (self), 0);
  return self->drafts->len + (self->source_draft != NULL ? 1 : 0);
}

CrmElementDraft *
crm_conversion_get_draft (CrmConversion *self,
                          guint          index)
{
  g_return_val_if_fail (CRM_IS_CONVERSION (self), NULL);
  g_return_val_if_fail (index < crm_conversion_get_n_drafts (self), NULL);

  return index < self->drafts->len ? g_ptr_array_index (self->drafts, index) : self->source_draft;
}

CrmElementDraft *
crm_conversion_get_source_draft (CrmConversion *self)
{
  g_return_val_if_fail (CRM_IS_CONVERSION (self), NULL);
  return self->source_draft;
}

gboolean
crm_conversion_validate (CrmConversion  *self,
                         GError        **error)
{
  g_autoptr(GError) first = NULL;
  guint n;

  g_return_val_if_fail (CRM_IS_CONVERSION (self), FALSE);

  n = crm_conversion_get_n_drafts (self);
  /* Every draft, so that each names its own fields. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_element_draft_validate (crm_conversion_get_draft (self, i), &local_error) && first == NULL)
        first = g_steal_pointer (&local_error);
    }
  if (first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
  return TRUE;
}

GArray *
crm_conversion_run (CrmConversion  *self,
                    GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) overrides = g_array_new (FALSE, FALSE, sizeof (Override));
  g_autofree char *now = _crm_store_now ();
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_CONVERSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (overrides, clear_override);
  store = crm_session_get_store (self->session);
  if (!_crm_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < self->drafts->len; i++)
    {
      CrmElementDraft *draft = g_ptr_array_index (self->drafts, i);
      gint64 id;

      for (guint j = 0; j < i; j++)
        link_to_created (self, draft,
                         _crm_conversion_type_code (self, crm_element_draft_get_entity_type_id (g_ptr_array_index (self->drafts, j))),
                         g_array_index (ids, gint64, j), overrides);

      id = crm_element_draft_save (draft, error);
      if (id == 0 || !tie_to_source (self, id, now, error))
        goto failed;
      g_array_append_val (ids, id);
    }

  if (self->source_draft != NULL && crm_element_draft_save (self->source_draft, error) == 0)
    goto failed;

  if (!_crm_store_commit (store, error))
    goto restore;
  return g_steal_pointer (&ids);

failed:
  _crm_store_rollback (store);
restore:
  /* The drafts forget the links to elements that are no more. */
  for (guint i = 0; i < overrides->len; i++)
    {
      Override *o = &g_array_index (overrides, Override, i);
      CrmField *field = crm_catalog_get_field (_crm_conversion_get_catalog (self), o->field_id);

      if (field != NULL)
        crm_element_draft_set_values (o->draft, field, o->values);
    }
  return NULL;
}
