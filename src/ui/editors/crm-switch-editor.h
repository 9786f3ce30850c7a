/* crm-switch-editor.h — a switch for yes-or-no fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "clientele-core.h"

G_BEGIN_DECLS

#define CRM_TYPE_SWITCH_EDITOR (crm_switch_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmSwitchEditor, crm_switch_editor, CRM, SWITCH_EDITOR, GtkWidget)

GtkWidget *crm_switch_editor_new (CrmField *field);

G_END_DECLS
