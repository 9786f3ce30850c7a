/* crm-stage-bar.h — the coloured stage chips at the top of a card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_STAGE_BAR (crm_stage_bar_get_type ())

G_DECLARE_FINAL_TYPE (CrmStageBar, crm_stage_bar, CRM, STAGE_BAR, GtkWidget)

GtkWidget *crm_stage_bar_new              (void);
/* Shows the stages of @pipeline (NULL hides them all) with @stage_id as the
 * current one. */
void       crm_stage_bar_set_stages       (CrmStageBar *self,
                                           CrmPipeline *pipeline,
                                           gint64       stage_id);
gint64     crm_stage_bar_get_stage_id     (CrmStageBar *self);
/* Whether clicking a chip emits "stage-activated" (gint64 stage id); off
 * until enabled, for users who may not write the element. */
void       crm_stage_bar_set_can_move     (CrmStageBar *self,
                                           gboolean     can_move);
gboolean   crm_stage_bar_get_can_move     (CrmStageBar *self);

G_END_DECLS
