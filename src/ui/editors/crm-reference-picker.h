/* crm-reference-picker.h — a link to an element, or an employee, chosen
 * from a search popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_REFERENCE_PICKER (crm_reference_picker_get_type ())

G_DECLARE_FINAL_TYPE (CrmReferencePicker, crm_reference_picker, CRM, REFERENCE_PICKER, GtkWidget)

/* For link and employee fields. */
GtkWidget *crm_reference_picker_new (CrmSession *session,
                                     CrmField   *field);

G_END_DECLS
