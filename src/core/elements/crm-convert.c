/* crm-convert.c — creating elements from an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-catalog-private.h"
#include "crm-convert.h"
#include "crm-element-private.h"
#include "crm-error.h"
#include "crm-relations-private.h"
#include "crm-store-private.h"
#include "crm-timeline-private.h"

struct _CrmConversion
{
  GObject     parent_instance;

  CrmSession *session;
  CrmElement *source;
  GPtrArray  *drafts;        /* of CrmElementDraft: the targets */
  CrmElementDraft *source_draft;  /* NULL when the source stays as it is */
};

G_DEFINE_FINAL_TYPE (CrmConversion, crm_conversion, G_TYPE_OBJECT)

/* System fields by meaning. Money carries its currency, so "amount"
 * brings the currency too; "responsible" is the element's column. */
static const CrmConvertMapping mappings[] = {
  /* A lead's person becomes a contact */
  { "lead", "contact", "name",               "name" },
  { "lead", "contact", "second_name",        "second_name" },
  { "lead", "contact", "last_name",          "last_name" },
  { "lead", "contact", "honorific",          "honorific" },
  { "lead", "contact", "position",           "position" },
  { "lead", "contact", "phone",              "phone" },
  { "lead", "contact", "email",              "email" },
  { "lead", "contact", "messenger",          "messenger" },
  { "lead", "contact", "website",            "website" },
  { "lead", "contact", "address",            "address" },
  { "lead", "contact", "birthdate",          "birthdate" },
  { "lead", "contact", "company",            "company" },
  { "lead", "contact", "source",             "source" },
  { "lead", "contact", "source_description", "source_description" },
  { "lead", "contact", "responsible",        "responsible" },
  { "lead", "contact", "comments",           "comments" },
  /* … its company a company */
  { "lead", "company", "company_name",       "title" },
  { "lead", "company", "phone",              "phone" },
  { "lead", "company", "email",              "email" },
  { "lead", "company", "messenger",          "messenger" },
  { "lead", "company", "website",            "website" },
  { "lead", "company", "address",            "address" },
  { "lead", "company", "source",             "source" },
  { "lead", "company", "responsible",        "responsible" },
  { "lead", "company", "comments",           "comments" },
  /* … and the sale a deal */
  { "lead", "deal",    "title",              "title" },
  { "lead", "deal",    "amount",             "amount" },
  { "lead", "deal",    "contact",            "contact" },
  { "lead", "deal",    "company",            "company" },
  { "lead", "deal",    "source",             "source" },
  { "lead", "deal",    "source_description", "source_description" },
  { "lead", "deal",    "responsible",        "responsible" },
  { "lead", "deal",    "comments",           "comments" },
  /* A deal's offer and bill */
  { "deal", "quote",   "title",              "title" },
  { "deal", "quote",   "amount",             "amount" },
  { "deal", "quote",   "@self",              "deal" },
  { "deal", "quote",   "contact",            "contact" },
  { "deal", "quote",   "company",            "company" },
  { "deal", "quote",   "responsible",        "responsible" },
  { "deal", "quote",   "comments",           "comments" },
  { "deal", "invoice", "title",              "title" },
  { "deal", "invoice", "amount",             "amount" },
  { "deal", "invoice", "@self",              "deal" },
  { "deal", "invoice", "contact",            "contact" },
  { "deal", "invoice", "company",            "company" },
  { "deal", "invoice", "responsible",        "responsible" },
  { "deal", "invoice", "comments",           "comments" },
  /* An accepted quote's deal and bill */
  { "quote", "deal",    "title",             "title" },
  { "quote", "deal",    "amount",            "amount" },
  { "quote", "deal",    "contact",           "contact" },
  { "quote", "deal",    "company",           "company" },
  { "quote", "deal",    "responsible",       "responsible" },
  { "quote", "deal",    "comments",          "comments" },
  { "quote", "invoice", "title",             "title" },
  { "quote", "invoice", "amount",            "amount" },
  { "quote", "invoice", "@self",             "quote" },
  { "quote", "invoice", "deal",              "deal" },
  { "quote", "invoice", "contact",           "contact" },
  { "quote", "invoice", "company",           "company" },
  { "quote", "invoice", "responsible",       "responsible" },
  { "quote", "invoice", "comments",          "comments" },
};

static const char * const lead_targets[] = { "contact", "company", "deal", NULL };
static const char * const deal_targets[] = { "quote", "invoice", NULL };
static const char * const quote_targets[] = { "deal", "invoice", NULL };
static const char * const no_targets[] = { NULL };

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

static CrmCatalog *
get_catalog (CrmConversion *self)
{
  return crm_store_get_catalog (crm_session_get_store (self->session));
}

static const char *
type_code (CrmConversion *self,
           gint64         entity_type_id)
{
  CrmEntityType *type = crm_catalog_get_entity_type (get_catalog (self), entity_type_id);

  return type != NULL ? crm_entity_type_get_code (type) : "";
}

/* May the session pick element @id in a link of type @link_type? */
static gboolean
link_is_readable (CrmConversion *self,
                  gint64         id,
                  const char    *link_type)
{
  CrmStore *store = crm_session_get_store (self->session);
  sqlite3_stmt *stmt;
  gboolean readable = FALSE;

  stmt = _crm_store_prepare (store, "SELECT entity_type_id, responsible_id, created_by FROM elements WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 type_id = sqlite3_column_int64 (stmt, 0);

      readable = (link_type == NULL || g_str_equal (type_code (self, type_id), link_type)) &&
                 crm_session_can_read_element (self->session, type_id,
                                               sqlite3_column_int64 (stmt, 1),
                                               sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  return readable;
}

/* The values @target can hold of those of @source: same type, list items
 * it knows, links it may point to. NULL when none. */
static GPtrArray *
fit_values (CrmConversion *self,
            CrmField      *source,
            CrmField      *target,
            GPtrArray     *values)
{
  const CrmFieldOptions *source_options = crm_field_get_options (source);
  const CrmFieldOptions *target_options = crm_field_get_options (target);
  g_autoptr(GPtrArray) fitted = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_value_free);
  CrmFieldType type = crm_field_get_field_type (target);

  if (values == NULL || crm_field_get_field_type (source) != type)
    return NULL;
  /* A decimal's number is scaled by its precision. */
  if (type == CRM_FIELD_TYPE_DECIMAL && source_options->precision != target_options->precision)
    return NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const CrmValue *value = g_ptr_array_index (values, i);

      if (type == CRM_FIELD_TYPE_LIST && crm_field_options_find_item (target_options, value->text) == NULL)
        continue;
      if (type == CRM_FIELD_TYPE_LINK && !link_is_readable (self, value->number, target_options->link_type))
        continue;
      g_ptr_array_add (fitted, crm_value_copy (value));
      if (!crm_field_is_multiple (target))
        break;
    }
  return fitted->len > 0 ? g_steal_pointer (&fitted) : NULL;
}

static void
copy_field (CrmConversion   *self,
            CrmElementDraft *draft,
            CrmField        *source,
            CrmField        *target)
{
  g_autoptr(GPtrArray) values = NULL;

  if (crm_field_is_read_only (target) || _crm_field_get_column (target) != NULL ||
      !crm_session_can_see_field (self->session, target))
    return;
  values = fit_values (self, source, target, crm_element_get_values (self->source, source));
  if (values != NULL)
    crm_element_draft_set_values (draft, target, values);
}

static void
map_system_fields (CrmConversion   *self,
                   CrmElementDraft *draft,
                   const char      *source_type,
                   const char      *target_type)
{
  CrmCatalog *catalog = get_catalog (self);
  gint64 source_type_id = crm_element_get_entity_type_id (self->source);
  gint64 target_type_id = crm_element_draft_get_entity_type_id (draft);

  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    {
      const CrmConvertMapping *m = &mappings[i];
      CrmField *source, *target;

      if (!g_str_equal (m->source_type, source_type) || !g_str_equal (m->target_type, target_type))
        continue;

      target = crm_catalog_find_field (catalog, target_type_id, m->target_field);
      if (target == NULL)
        continue;
      if (g_str_equal (m->target_field, "responsible"))
        {
          if (crm_element_get_responsible_id (self->source) != 0)
            crm_element_draft_set_responsible (draft, crm_element_get_responsible_id (self->source));
          continue;
        }
      if (g_str_equal (m->source_field, "@self"))
        {
          if (crm_session_can_see_field (self->session, target))
            crm_element_draft_set_value (draft, target,
                                         crm_value_new_number (CRM_FIELD_TYPE_LINK, crm_element_get_id (self->source)));
          continue;
        }
      source = crm_catalog_find_field (catalog, source_type_id, m->source_field);
      if (source != NULL)
        copy_field (self, draft, source, target);
    }
}

/* Custom fields: the one with the same code, else the same label, and
 * the same type. */
static void
map_custom_fields (CrmConversion   *self,
                   CrmElementDraft *draft)
{
  CrmCatalog *catalog = get_catalog (self);
  GListModel *targets = crm_catalog_get_fields (catalog, crm_element_draft_get_entity_type_id (draft));
  GListModel *sources = crm_catalog_get_fields (catalog, crm_element_get_entity_type_id (self->source));
  guint n_targets = g_list_model_get_n_items (targets);
  guint n_sources = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(CrmField) target = g_list_model_get_item (targets, i);
      g_autofree char *target_label = NULL;
      g_autoptr(CrmField) by_label = NULL;
      CrmField *by_code;

      if (crm_field_is_system (target))
        continue;
      by_code = crm_catalog_find_field (catalog, crm_element_get_entity_type_id (self->source),
                                        crm_field_get_code (target));
      if (by_code != NULL && !crm_field_is_system (by_code) &&
          crm_field_get_field_type (by_code) == crm_field_get_field_type (target))
        {
          copy_field (self, draft, by_code, target);
          continue;
        }

      target_label = g_utf8_casefold (crm_field_get_label (target), -1);
      for (guint j = 0; j < n_sources && by_label == NULL; j++)
        {
          g_autoptr(CrmField) source = g_list_model_get_item (sources, j);
          g_autofree char *label = g_utf8_casefold (crm_field_get_label (source), -1);

          if (!crm_field_is_system (source) && g_str_equal (label, target_label) &&
              crm_field_get_field_type (source) == crm_field_get_field_type (target))
            by_label = g_steal_pointer (&source);
        }
      if (by_label != NULL)
        copy_field (self, draft, by_label, target);
    }
}

/* A converted lead is a good lead: the first success stage of its
 * pipeline, unless it is at one already. */
static CrmStage *
find_success_stage (CrmConversion *self)
{
  CrmCatalog *catalog = get_catalog (self);
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

  source_type = crm_catalog_get_entity_type (get_catalog (self), crm_element_get_entity_type_id (self->source));
  target_type = crm_catalog_get_entity_type (get_catalog (self), crm_element_get_entity_type_id (target));
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
  CrmField *field = crm_catalog_find_field (get_catalog (self), crm_element_draft_get_entity_type_id (draft),
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

const CrmConvertMapping *
crm_convert_get_mappings (guint *n_mappings)
{
  g_return_val_if_fail (n_mappings != NULL, NULL);

  *n_mappings = G_N_ELEMENTS (mappings);
  return mappings;
}

const char * const *
crm_convert_get_targets (const char *source_type)
{
  if (g_strcmp0 (source_type, "lead") == 0)
    return lead_targets;
  if (g_strcmp0 (source_type, "deal") == 0)
    return deal_targets;
  if (g_strcmp0 (source_type, "quote") == 0)
    return quote_targets;
  return no_targets;
}

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
  source_type = type_code (self, crm_element_get_entity_type_id (self->source));

  if (targets[0] == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose what to create"));
      return NULL;
    }
  for (guint i = 0; targets[i] != NULL; i++)
    {
      CrmEntityType *type = crm_catalog_find_entity_type (get_catalog (self), targets[i]);

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
      map_system_fields (self, draft, source_type, save_order[o]);
      map_custom_fields (self, draft);
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
                         type_code (self, crm_element_draft_get_entity_type_id (g_ptr_array_index (self->drafts, j))),
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
      CrmField *field = crm_catalog_get_field (get_catalog (self), o->field_id);

      if (field != NULL)
        crm_element_draft_set_values (o->draft, field, o->values);
    }
  return NULL;
}
