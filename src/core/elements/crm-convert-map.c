/* crm-convert-map.c — carrying values from an element to the elements
 * created from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-catalog-private.h"
#include "crm-convert-private.h"
#include "crm-store-private.h"

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

const char *
_crm_conversion_type_code (CrmConversion *self,
                           gint64         entity_type_id)
{
  CrmEntityType *type = crm_catalog_get_entity_type (_crm_conversion_get_catalog (self), entity_type_id);

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

      readable = (link_type == NULL || g_str_equal (_crm_conversion_type_code (self, type_id), link_type)) &&
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
  CrmCatalog *catalog = _crm_conversion_get_catalog (self);
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
  CrmCatalog *catalog = _crm_conversion_get_catalog (self);
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

void
_crm_conversion_map (CrmConversion   *self,
                     CrmElementDraft *draft,
                     const char      *source_type,
                     const char      *target_type)
{
  map_system_fields (self, draft, source_type, target_type);
  map_custom_fields (self, draft);
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

