/* crm-date-editor.h — a date (or date and time) entry with a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_DATE_EDITOR (crm_date_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmDateEditor, crm_date_editor, CRM, DATE_EDITOR, GtkWidget)

/* For date and date-time fields. */
GtkWidget *crm_date_editor_new (CrmField *field);

G_END_DECLS
