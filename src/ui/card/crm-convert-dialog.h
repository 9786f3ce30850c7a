/* crm-convert-dialog.h — create elements from an element: which to create
 * (a lead's conversion) and the fields they still need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_CONVERT_DIALOG (crm_convert_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmConvertDialog, crm_convert_dialog, CRM, CONVERT_DIALOG, AdwWindow)

/* @targets are checked at first; with @choose, a check row for each
 * target the source offers lets the person pick. Signals: "created"
 * (gint64: the element to open, the last one created). */
CrmConvertDialog *crm_convert_dialog_new      (GtkWindow          *parent,
                                               CrmSession         *session,
                                               gint64              source_id,
                                               const char * const *targets,
                                               gboolean            choose);
/* Creates what the dialog shows: TRUE when done (the dialog closes),
 * FALSE with the fields to fill shown. The Create button's action. */
gboolean          crm_convert_dialog_create   (CrmConvertDialog   *self);
/* The fields shown to fill, of CrmField, for tests. */
GPtrArray        *crm_convert_dialog_get_shown_fields (CrmConvertDialog *self);

G_END_DECLS
