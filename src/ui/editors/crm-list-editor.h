/* crm-list-editor.h — a drop-down (one item) or a check list (several)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_LIST_EDITOR (crm_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmListEditor, crm_list_editor, CRM, LIST_EDITOR, GtkWidget)

/* @multiple: a check button per item instead of a drop-down. */
GtkWidget *crm_list_editor_new (CrmField *field,
                                gboolean  multiple);

G_END_DECLS
