/* crm-stage-row.h — one stage in Preferences › Pipelines and Stages: its
 * handle, colour, name, kind and delete button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_STAGE_ROW (crm_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmStageRow, crm_stage_row, CRM, STAGE_ROW, GtkListBoxRow)

/* Signals: "rename" (const char *name), "color-set" (const char *"#rrggbb"),
 * "semantics-set" (CrmStageSemantics), "move" (int delta: -1 up, 1 down),
 * "delete". The page answers them through the core. */
GtkWidget         *crm_stage_row_new            (CrmStage    *stage,
                                                 gint64       n_elements);
gint64             crm_stage_row_get_stage_id   (CrmStageRow *self);
CrmStageSemantics  crm_stage_row_get_semantics  (CrmStageRow *self);
/* What the row's buttons and handle may do, from the pipeline's rules. */
void               crm_stage_row_set_can_move   (CrmStageRow *self,
                                                 gboolean     up,
                                                 gboolean     down);
void               crm_stage_row_set_can_delete (CrmStageRow *self,
                                                 gboolean     can_delete,
                                                 const char  *why_not);
/* Puts the name in edit mode, with the focus. */
void               crm_stage_row_edit_name      (CrmStageRow *self);

G_END_DECLS
