/* crm-stage-gate-dialog.h — the fields a stage requires, asked for before
 * an element moves there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_STAGE_GATE_DIALOG (crm_stage_gate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmStageGateDialog, crm_stage_gate_dialog, CRM, STAGE_GATE_DIALOG, AdwMessageDialog)

/* Responses: "cancel", "move" (enabled once every field holds a valid
 * value). @fields are CrmField, the ones crm_element_get_missing_at_stage ()
 * names; each gets its value editor. */
CrmStageGateDialog *crm_stage_gate_dialog_new          (GtkWindow          *parent,
                                                        CrmSession         *session,
                                                        CrmElement         *element,
                                                        CrmStage           *stage,
                                                        GPtrArray          *fields);
/* The value editors, in the order of @fields. */
GPtrArray          *crm_stage_gate_dialog_get_editors  (CrmStageGateDialog *self);
/* A draft of the element holding what was entered, or NULL with @error. */
CrmElementDraft    *crm_stage_gate_dialog_build_draft  (CrmStageGateDialog *self,
                                                        GError            **error);

G_END_DECLS
