/* crm-field-dialog.h — create a custom field, or configure any field
 *
 * Create mode: the type (every user-creatable type), the label, Multiple,
 * the options of that type (list items that can be added, renamed and
 * dragged into order; default value; decimal places; currency; the element
 * type a link points to), plus Required and Visible to. Saving calls
 * crm_field_create_full, placing the field in the section it was opened
 * from. Configure mode: label, Required (never / always / from a chosen
 * stage of a chosen pipeline on), Visible only to and, for custom fields,
 * the options their values do not depend on (list items, default,
 * currency; decimal places and the linked type show, fixed); for system
 * fields visibility is insensitive with the reason and options are not
 * shown. Saving calls crm_field_configure. Errors from the core show in the dialog, which
 * stays open; nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELD_DIALOG (crm_field_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldDialog, crm_field_dialog, CRM, FIELD_DIALOG, AdwWindow)

/* Signal "saved" (gint64 field_id): emitted after a successful save, just
 * before the dialog closes itself. */

CrmFieldDialog *crm_field_dialog_new_create    (GtkWindow  *parent,
                                                CrmSession *session,
                                                gint64      entity_type_id,
                                                gint64      section_id);
CrmFieldDialog *crm_field_dialog_new_configure (GtkWindow  *parent,
                                                CrmSession *session,
                                                CrmField   *field);

G_END_DECLS
