/* crm-fields-pane.h — the left side of a card: sections of field rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELDS_PANE (crm_fields_pane_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldsPane, crm_fields_pane, CRM, FIELDS_PANE, GtkWidget)

GtkWidget *crm_fields_pane_new        (void);
/* Shows @element's values in the sections of @layout; NULLs clear it. The
 * scroll position stays when the same element is shown again. */
void       crm_fields_pane_set_element (CrmFieldsPane *self,
                                        CrmSession    *session,
                                        CrmElement    *element,
                                        CrmLayout     *layout);
/* FALSE while sections past the first screenful wait for their frame. */
gboolean   crm_fields_pane_is_complete (CrmFieldsPane *self);

G_END_DECLS
