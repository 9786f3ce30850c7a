/* crm-stage.h — one stage of a pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_STAGE_PROGRESS,
  CRM_STAGE_SUCCESS,
  CRM_STAGE_FAILURE,
} CrmStageSemantics;

#define CRM_TYPE_STAGE (crm_stage_get_type ())

G_DECLARE_FINAL_TYPE (CrmStage, crm_stage, CRM, STAGE, GObject)

gint64            crm_stage_get_id          (CrmStage *self);
gint64            crm_stage_get_pipeline_id (CrmStage *self);
const char       *crm_stage_get_code        (CrmStage *self);
const char       *crm_stage_get_name        (CrmStage *self);
/* "#3584e4" */
const char       *crm_stage_get_color       (CrmStage *self);
CrmStageSemantics crm_stage_get_semantics   (CrmStage *self);
int               crm_stage_get_sort        (CrmStage *self);

G_END_DECLS
