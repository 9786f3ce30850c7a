/* crm-pipeline.h — an ordered set of stages of one entity type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crm-stage.h"

G_BEGIN_DECLS

#define CRM_TYPE_PIPELINE (crm_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (CrmPipeline, crm_pipeline, CRM, PIPELINE, GObject)

gint64      crm_pipeline_get_id             (CrmPipeline *self);
gint64      crm_pipeline_get_entity_type_id (CrmPipeline *self);
const char *crm_pipeline_get_code           (CrmPipeline *self);
const char *crm_pipeline_get_name           (CrmPipeline *self);
gboolean    crm_pipeline_is_default         (CrmPipeline *self);
/* In order; of CrmStage. */
GListModel *crm_pipeline_get_stages         (CrmPipeline *self);
CrmStage   *crm_pipeline_get_first_stage    (CrmPipeline *self);
/* Position of @stage in the pipeline, or -1. */
int         crm_pipeline_get_stage_index    (CrmPipeline *self,
                                             gint64       stage_id);

G_END_DECLS
