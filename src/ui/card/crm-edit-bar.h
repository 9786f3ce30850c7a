/* crm-edit-bar.h — Save and Cancel at the bottom of the fields pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crm-edit-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_EDIT_BAR (crm_edit_bar_get_type ())

G_DECLARE_FINAL_TYPE (CrmEditBar, crm_edit_bar, CRM, EDIT_BAR, GtkWidget)

GtkWidget *crm_edit_bar_new         (void);
/* Revealed while @session is active; NULL detaches. */
void       crm_edit_bar_set_session (CrmEditBar     *self,
                                     CrmEditSession *session);

G_END_DECLS
