/* crm-required.c — when a field must be filled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crm-required-private.h"

gboolean
_crm_field_is_required_at (CrmCatalog *catalog,
                           CrmField   *field,
                           gint64      pipeline_id,
                           gint64      stage_id)
{
  CrmStage *from;
  CrmPipeline *pipeline;
  int from_index, at_index;

  switch (crm_field_get_required_mode (field))
    {
    case CRM_REQUIRED_NEVER:
      return FALSE;
    case CRM_REQUIRED_ALWAYS:
      return TRUE;
    case CRM_REQUIRED_FROM_STAGE:
      /* From a stage of one pipeline on: in other pipelines, never. */
      from = crm_catalog_get_stage (catalog, crm_field_get_required_stage_id (field));
      if (from == NULL || crm_stage_get_pipeline_id (from) != pipeline_id)
        return FALSE;
      pipeline = crm_catalog_get_pipeline (catalog, pipeline_id);
      if (pipeline == NULL)
        return FALSE;
      from_index = crm_pipeline_get_stage_index (pipeline, crm_stage_get_id (from));
      at_index = crm_pipeline_get_stage_index (pipeline, stage_id);
      return from_index >= 0 && at_index >= from_index;
    default:
      g_assert_not_reached ();
    }
}
