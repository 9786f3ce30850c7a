/* crm-required-block.h — required fields the card does not show, to fill
 * in while editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"
#include "crm-edit-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_REQUIRED_BLOCK (crm_required_block_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequiredBlock, crm_required_block, CRM, REQUIRED_BLOCK, GtkWidget)

GtkWidget *crm_required_block_new        (void);
/* The card shown and its edit session; NULLs clear it. While the session
 * edits, the block lists the fields crm_layout_get_required_unshown ()
 * names (and any other field being edited that @layout shows nowhere),
 * each with its editor from @edit_session; otherwise it is hidden. */
void       crm_required_block_set_card   (CrmRequiredBlock *self,
                                          CrmSession       *session,
                                          CrmEditSession   *edit_session,
                                          CrmElement       *element,
                                          CrmLayout        *layout);
/* Of CrmField, in order: the fields listed now (empty when hidden). */
GPtrArray *crm_required_block_get_fields (CrmRequiredBlock *self);

G_END_DECLS
