/* crm-stage-move.h — moving an element to a stage as a person does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

typedef void (*CrmStageMoveDone) (gboolean moved, gpointer user_data);

/* Moves @element to @stage_id as a person does: asks to confirm a success
 * or failure stage (a reason for failure), opens the gate dialog when
 * fields required there are empty, then writes. @done runs once, with
 * TRUE when the element moved. */
void crm_stage_move_run (GtkWidget        *parent,
                         CrmSession       *session,
                         CrmElement       *element,
                         gint64            stage_id,
                         CrmStageMoveDone  done,
                         gpointer          user_data);

G_END_DECLS
