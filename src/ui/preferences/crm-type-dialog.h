/* crm-type-dialog.h — create a user-defined entity type, or change one
 *
 * Names (one, many), an icon from a small set, stages and pipelines on or
 * off, products on or off. Saving calls crm_entity_type_create or
 * crm_entity_type_update; what the core refuses shows in the dialog,
 * which stays open, and nothing is written. Built-in types keep their
 * stages and products: those switches are insensitive for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_TYPE_DIALOG (crm_type_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmTypeDialog, crm_type_dialog, CRM, TYPE_DIALOG, AdwWindow)

/* Signal "saved" (gint64 entity_type_id): after a successful save, just
 * before the dialog closes itself. */

CrmTypeDialog *crm_type_dialog_new_create (GtkWindow     *parent,
                                           CrmSession    *session);
CrmTypeDialog *crm_type_dialog_new_edit   (GtkWindow     *parent,
                                           CrmSession    *session,
                                           CrmEntityType *entity_type);

G_END_DECLS
