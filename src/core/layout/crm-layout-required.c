/* crm-layout-required.c — required fields a card does not show
 *
 * A field can be required (always, or from a stage on) and yet be placed
 * in no section of the layout a person sees: the standard layout hides
 * it, their view never had it. The core would refuse every save for the
 * lack of it while the card offers no row to fill it in. This finds
 * those fields, so the card can offer them apart; a stage change can ask
 * the same for the stage it goes to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-catalog.h"
#include "crm-error.h"
#include "crm-layout.h"
#include "crm-required-private.h"

static GHashTable *
collect_shown (CrmLayout *layout)
{
  GHashTable *shown = g_hash_table_new (NULL, NULL);
  GListModel *sections = crm_layout_get_sections (layout);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(CrmLayoutSection) section = g_list_model_get_item (sections, i);
      GListModel *fields = crm_layout_section_get_fields (section);

      for (guint j = 0; j < g_list_model_get_n_items (fields); j++)
        {
          g_autoptr(CrmField) field = g_list_model_get_item (fields, j);

          g_hash_table_add (shown, GSIZE_TO_POINTER (crm_field_get_id (field)));
        }
    }
  return shown;
}

/* What a person can type into: the core sets the read-only fields, and
 * pipeline and stage move through the stage bar. */
static gboolean
is_fillable (CrmField *field)
{
  CrmFieldType type = crm_field_get_field_type (field);

  return !crm_field_is_read_only (field) && type != CRM_FIELD_TYPE_PIPELINE && type != CRM_FIELD_TYPE_STAGE;
}

GPtrArray *
crm_layout_get_required_unshown (CrmLayout   *self,
                                 CrmSession  *session,
                                 CrmElement  *element,
                                 gint64       stage_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) shown = NULL;
  CrmCatalog *catalog;
  GListModel *fields;
  gint64 entity_type_id;
  gint64 pipeline_id;
  guint n;

  g_return_val_if_fail (CRM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (CRM_IS_SESSION (session), NULL);
  g_return_val_if_fail (CRM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (crm_element_has_values (element), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  catalog = crm_store_get_catalog (crm_session_get_store (session));
  entity_type_id = crm_element_get_entity_type_id (element);

  if (crm_layout_get_entity_type_id (self) != entity_type_id)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("This card layout belongs to another kind of element"));
      return NULL;
    }

  if (stage_id == 0)
    {
      stage_id = crm_element_get_stage_id (element);
      pipeline_id = crm_element_get_pipeline_id (element);
    }
  else
    {
      CrmStage *stage = crm_catalog_get_stage (catalog, stage_id);
      CrmPipeline *pipeline = stage != NULL ? crm_catalog_get_pipeline (catalog, crm_stage_get_pipeline_id (stage))
                                            : NULL;

      if (pipeline == NULL || crm_pipeline_get_entity_type_id (pipeline) != entity_type_id)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("This stage belongs to another kind of element"));
          return NULL;
        }
      pipeline_id = crm_pipeline_get_id (pipeline);
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  shown = collect_shown (self);
  fields = crm_catalog_get_fields (catalog, entity_type_id);
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmField) field = g_list_model_get_item (fields, i);
      GPtrArray *values;

      /* Nobody is asked to fill a field they cannot see (nor does the
       * draft ask it of them). */
      if (!crm_session_can_see_field (session, field) || !is_fillable (field) ||
          g_hash_table_contains (shown, GSIZE_TO_POINTER (crm_field_get_id (field))) ||
          !_crm_field_is_required_at (catalog, field, pipeline_id, stage_id))
        continue;

      values = crm_element_get_values (element, field);
      if (values == NULL || values->len == 0)
        g_ptr_array_add (result, g_steal_pointer (&field));
    }
  return g_steal_pointer (&result);
}
